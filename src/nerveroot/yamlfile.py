"""Reading the YAML data files (knowledge base, lexicon, questions, clinic).

libyaml's C parser, when PyYAML was built with it, is about ten times faster than the pure-Python one: the
knowledge base alone took a third of a cold `nerveroot assess --text` to parse. Both are safe loaders.

Even so, parsing the data files was a tenth of a cold `assess --text` (0.17 s of 1.55 s). Each file's data is
therefore kept as JSON, named by a digest of the YAML text, in the user's cache folder; JSON loads about six
times faster. A new version of a file has a new digest, so a stale copy is never read; a copy that cannot be
read or written only costs the parse. Data JSON cannot hold exactly (whole-number keys, dates) is not copied.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def cache_dir() -> Path | None:
    """nerveroot's folder in the user's cache (XDG), or None when NERVEROOT_NO_CACHE switches caching off."""
    if os.environ.get("NERVEROOT_NO_CACHE"):
        return None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nerveroot"


def load_yaml(text: str) -> Any:
    """Parse one YAML document (safe: plain data only); raises yaml.YAMLError on bad YAML."""
    folder = cache_dir()
    if folder is None:
        return yaml.load(text, Loader=_LOADER)
    copy = folder / f"yaml-{hashlib.sha256(text.encode()).hexdigest()[:24]}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = yaml.load(text, Loader=_LOADER)
    _keep(copy, data)
    return data


def _keep(copy: Path, data: Any) -> None:
    try:
        encoded = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a date or another value JSON has no type for
    if json.loads(encoded) != data:
        return  # whole-number keys would come back as strings
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        tmp = copy.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(encoded, encoding="utf-8")
        tmp.replace(copy)
    except OSError:
        pass
