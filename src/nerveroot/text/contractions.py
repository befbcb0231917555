"""The "n't" of a negated verb, as a piece of a regular expression shared by the reader's modules.

Written with its apostrophe ("don't") or without it ("dont", "cant", "isnt"): only after the verbs that take it,
so a word that merely ends in "nt" ("department", "different", "joint", "went") negates nothing.
"""

from __future__ import annotations

NT = r"(?:n['’]t|\b(?:do|does|did|is|are|was|were|has|have|had|ca|wo|could|would|should|must|need|ai)nt)"
