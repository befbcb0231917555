"""The heart imports nothing from the rooms around it: no web, database, terminal or text libraries."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "alembic", "typer", "rich", "spacy", "medspacy", "uvicorn",
             "nerveroot.web", "nerveroot.store", "nerveroot.cli", "nerveroot.text", "nerveroot.api")  # fmt: skip


def test_the_engine_imports_no_web_database_or_cli_module() -> None:
    probe = (
        "import sys, json; from nerveroot.engine import assess; from nerveroot.case import parse_case; "
        "assess(parse_case({'pain': {'left': ['lateral_calf']}})); print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded = set(__import__("json").loads(out))
    leaked = sorted(m for m in loaded for f in FORBIDDEN if m == f or m.startswith(f + "."))
    assert leaked == []


def test_the_reader_loads_only_the_parts_of_medspacy_it_uses() -> None:
    """A cold `assess --text` once spent 0.3 s loading medspaCy's sentence splitter, QuickUMLS and NLTK."""
    probe = (
        "import sys, json; from nerveroot.text import read_text; "
        "r = read_text('HISTORY: pain down the back of my left leg. No numbness between the legs.'); "
        "print(json.dumps([sorted(sys.modules), r.case.history.saddle_numbness])); "
        "import medspacy; assert callable(medspacy.load)"  # the real package is still there for anyone else
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded, saddle = __import__("json").loads(out)
    assert "medspacy.context" in loaded and "medspacy.section_detection" in loaded
    assert [m for m in loaded if m.split(".")[0] in {"PyRuSH", "quickumls", "nltk"}] == []
    assert saddle is False  # ConText still reads the denial
