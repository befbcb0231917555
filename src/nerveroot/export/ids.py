"""Stable resource ids, and references written for a Bundle (``urn:uuid:``) or for NDJSON (``Type/id``)."""

from __future__ import annotations

import uuid
from typing import Literal

NAMESPACE = uuid.UUID("6f0d1f3c-1b1e-5b8e-9a51-6e6572766572")
Links = Literal["bundle", "relative"]


class Ids:
    """Stable ids, and references written for a Bundle (urn:uuid) or for NDJSON (Type/id)."""

    def __init__(self, seed: str, links: Links) -> None:
        self.seed = seed
        self.links = links

    def id(self, kind: str, key: str = "") -> str:
        return str(uuid.uuid5(NAMESPACE, f"{self.seed}|{kind}|{key}"))

    def ref(self, kind: str, key: str = "") -> str:
        return self.link(kind, self.id(kind, key))

    def link(self, kind: str, rid: str) -> str:
        return f"urn:uuid:{rid}" if self.links == "bundle" else f"{kind}/{rid}"
