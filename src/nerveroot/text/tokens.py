"""One blank English spaCy pipeline with a light tokenizer, shared by the sectionizer and ConText.

spaCy is imported here, lazily, so that a structured case (or a text without a title or a trigger word)
never pays for it; the pipeline is built once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def blank_nlp() -> Any:
    from spacy.lang.en import English

    return English(create_tokenizer=_light_tokenizer)


def _light_tokenizer(nlp: Any) -> Any:
    """A tokenizer without spaCy's 1,300 English special cases (a quarter of a second to build).

    ConText and the sectionizer match their rules on the same tokens, so all they need is punctuation split
    off and "can't" split into "ca" + "n't", which the suffix rule does.
    """
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=re.compile(r"""^[\[\("'“‘?¿¡*~<>#]""").search,
        suffix_search=re.compile(r"""(?:[\]\)"'”’,.;:!?%°]|n['’]t)$""").search,
        infix_finditer=re.compile(r"""[,;:/()]|(?<=[a-z])\.(?=[A-Z])|--+|(?<=[\da-z])-(?=[a-z])""").finditer,
    )
