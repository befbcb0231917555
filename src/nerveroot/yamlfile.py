"""Reading the YAML data files (knowledge base, lexicon, questions, clinic).

libyaml's C parser, when PyYAML was built with it, is about ten times faster than the pure-Python one: the
knowledge base alone took a third of a cold `nerveroot assess --text` to parse. Both are safe loaders.

Even so, parsing the data files was a tenth of a cold `assess --text` (0.17 s of 1.55 s). Each file's data is
therefore kept as JSON, named by a digest of the YAML text, in the user's cache folder; JSON loads about six
times faster. A new version of a file has a new digest, so a stale copy is never read; a copy that cannot be
read or written only costs the parse. Data JSON cannot hold exactly (whole-number keys, dates) is not copied.
Copies are pruned when one is written: those of each kind used least recently go first, so the folder does not
grow with every version of the data files a developer or an upgrade leaves behind.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, refusing a key written twice in one mapping: YAML would keep the last silently, and
    a second `my:` among the lexicon's dialect words once hid the first."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice in this mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_LOADER: Any = _Loader
# copies kept of the parsed data files: about five versions of each of the thirteen
_KEEP_YAML = 64


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
    kept = read_cached(copy)
    if kept is not None:
        with suppress(ValueError):
            return json.loads(kept)
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
    write_cached(copy, encoded, keep=_KEEP_YAML)


def read_cached(path: Path) -> str | None:
    """A cache file's text, or None; a file read is marked as just used, so pruning keeps it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    with suppress(OSError):
        os.utime(path)
    return text


def write_cached(path: Path, text: str, *, keep: int) -> None:
    """Write a cache file whole (a reader never sees half of it), then keep only the `keep` most recently used
    files of its kind (its name up to the last "-"). A cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return
    kind = path.name.rsplit("-", 1)[0]
    used: list[tuple[float, Path]] = []
    for other in path.parent.glob(f"{kind}-*{path.suffix}"):
        with suppress(OSError):  # another process may have pruned it already
            used.append((other.stat().st_mtime, other))
    for _, old in sorted(used, reverse=True)[keep:]:
        if old != path:
            with suppress(OSError):
                old.unlink()
