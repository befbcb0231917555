"""medspaCy's ConText and Sectionizer, imported without the rest of medspaCy.

`import medspacy.context` first runs the package's ``__init__``, which loads every medspaCy component: the
PyRuSH sentence splitter, QuickUMLS and, through it, NLTK. That was 0.3 s of a cold `assess --text`, for parts
the reader never uses. ConText and the Sectionizer need none of them, so they are imported here under a bare
parent package; `medspacy.util` names QuickUMLS's spaCy component at import (it never calls it for us), so a
stand-in is present only while the two modules load. A later `import medspacy` elsewhere still gets the real
package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from functools import cache
from typing import Any

_LOCK = threading.Lock()


@cache
def _modules() -> tuple[Any, Any]:
    with _LOCK:
        if "medspacy" in sys.modules:  # already imported whole
            return importlib.import_module("medspacy.context"), importlib.import_module(
                "medspacy.section_detection"
            )
        spec = importlib.util.find_spec("medspacy")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("medspaCy is not installed: run `make install`")
        parent = types.ModuleType("medspacy")
        parent.__path__ = list(spec.submodule_search_locations)
        stand_ins = {"medspacy": parent}
        if "quickumls" not in sys.modules:
            quickumls = types.ModuleType("quickumls")
            quickumls.spacy_component = None  # type: ignore[attr-defined]
            stand_ins["quickumls"] = quickumls
        sys.modules.update(stand_ins)
        try:
            context = importlib.import_module("medspacy.context")
            sections = importlib.import_module("medspacy.section_detection")
            # what the package's __init__ would have done: spaCy extensions ConText relies on (Span._.window)
            importlib.import_module("medspacy._extensions").set_extensions()
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
        return context, sections


def context_classes() -> tuple[Any, Any]:
    """medspaCy's (ConText, ConTextRule)."""
    context = _modules()[0]
    return context.ConText, context.ConTextRule


def overlaps() -> Any:
    """medspaCy's span-overlap test (util.tuple_overlaps), with which ConText prunes modifiers on targets."""
    return _modules()[0].context_graph.tuple_overlaps


def section_classes() -> tuple[Any, Any]:
    """medspaCy's (Sectionizer, SectionRule)."""
    sections = _modules()[1]
    return sections.Sectionizer, sections.SectionRule
