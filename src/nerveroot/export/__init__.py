"""Exports: an assessment (and later a clinic episode) as FHIR R4, as PDF reports and as CSV.

Built beside the engine, never inside it or the web layer: fhir.py, questionnaire.py and observations.py
make FHIR resources, report.py renders the pages' own templates to PDF, csvio.py reads and writes the
batch CSV. export/schema.py walks the case model once for all of them, so a field added to the case
appears in the Questionnaire, the Observations and the CSV columns without an edit here.
"""
