"""Quoted words that name rather than quote: titles of works, quoted terms, scare quotes.

The film “His Dark Materials”, the so-called “grand bargain”, an unframed “greatest gadget”:
the marks set off a name or a term, not anyone's words, so such a stretch is never a direct
quote of anyone (it is kept as an unattributed partial quote). The words before the marks
come from ``data/claims.toml [words] title_nouns, term_markers``. Pure text: no spaCy.
"""

from __future__ import annotations

import re
from typing import Final

from putin_claims.lexicons import cue_lexicon
from putin_claims.tuning import TUNING

#: What ends a quoted sentence (a short stretch without it, and with no frame, is a term).
SENTENCE_END: Final = (".", "!", "?", ",", "…", ":", ";")
#: Characters before the opening mark looked at for a title noun or a term marker.
LOOKBACK: Final = 40
_WORD = re.compile(r"[\w-]+")


def names_a_work_or_term(text: str, start: int, end: int) -> bool:
    """The words before the quote ``start:end`` make it a title ("the film" before a
    capitalised name: not 'a show "similar to the Oscars"') or a term ("so-called")."""
    before = text[max(0, start - 1 - LOOKBACK) : max(0, start - 1)]
    words = [w.lower() for w in _WORD.findall(before)]
    if not words or before.rstrip()[-1:] in ".!?:":
        return False
    lexicon = cue_lexicon().words
    if words[-1] in lexicon.term_markers or " ".join(words[-2:]) in lexicon.term_markers:
        return True
    return words[-1] in lexicon.title_nouns and text[start:end].lstrip()[:1].isupper()


def short_unframed(content: str) -> bool:
    """A few words with no sentence end: a term or a scare quote when nothing frames it."""
    stripped = content.strip().rstrip("'’\"”")
    return len(stripped.split()) <= TUNING.partial_words and not stripped.endswith(SENTENCE_END)
