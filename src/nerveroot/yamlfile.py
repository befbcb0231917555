"""Reading the YAML data files (knowledge base, lexicon, questions, clinic).

libyaml's C parser, when PyYAML was built with it, is about ten times faster than the pure-Python one: the
knowledge base alone took a third of a cold `nerveroot assess --text` to parse. Both are safe loaders.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse one YAML document (safe: plain data only); raises yaml.YAMLError on bad YAML."""
    return yaml.load(text, Loader=_LOADER)
