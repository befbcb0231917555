"""The clinician's side: accounts and sessions, episodes, examination, outcomes, flags and referral, audit
and notifications, each a small module; routes under /clinic (pages) and /api/v1/clinic (JSON), with who
may do what decided in one dependency (permissions.py). See docs/clinic.md.
"""
