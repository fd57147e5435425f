"""Token ranges of contents: a head's contiguous subtree, trimmed of junk at both ends.

Ranges are inclusive ``(first, last)`` token indices into the Doc.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from putin_claims.lexicons import GrammarWords
from putin_claims.nlp.assertions.labels import PUNCT_POS, QUOTES, VERBAL_POS

Range = tuple[int, int]


def subtree_range(tok: Token, exclude: Collection[int] = ()) -> Range:
    """The contiguous block of ``tok``'s subtree around it (a gap of one punctuation mark is
    bridged), without the ``exclude`` tokens."""
    members = {t.i for t in tok.subtree if t.i not in exclude}
    if not members:
        return tok.i, tok.i
    doc = tok.doc
    first = tok.i
    while first - 1 in members or (first - 2 in members and doc[first - 1].is_punct):
        first -= 1
    last = tok.i
    while last + 1 in members or (last + 2 in members and doc[last + 1].is_punct):
        last += 1
    return first, last


def clean_range(rng: Range, sent: Span, words: GrammarWords) -> Range:
    """Trim punctuation, conjunctions and dangling quote marks at both ends."""
    doc = sent.doc
    first, last = max(rng[0], sent.start), min(rng[1], sent.end - 1)
    while first <= last and (
        doc[first].lower_ in words.span_junk
        or (doc[first].is_punct and doc[first].text not in QUOTES)
    ):
        first += 1
    while first <= last and (_mark(doc[last]) or doc[last].lower_ in words.conjunctions):
        if doc[last].text in QUOTES and _balanced(doc, first, last):
            break
        last -= 1
    if first <= last and doc[first].text in QUOTES and not _balanced(doc, first, last):
        first += 1
    return first, last


def _mark(tok: Token) -> bool:
    """Punctuation to trim: not a symbol the parser reads as a word ("3%": "%" is a noun)."""
    return tok.is_punct and tok.pos_ == PUNCT_POS


def _balanced(doc: Doc, first: int, last: int) -> bool:
    return sum(1 for t in doc[first : last + 1] if t.text in QUOTES) % 2 == 0


def skip_leading(doc: Doc, first: int, last: int, skip: Collection[str]) -> int:
    """``first`` moved past words of ``skip`` ("that X" -> "X")."""
    while first < last and doc[first].lower_ in skip:
        first += 1
    return first


def anaphoric(span: Span, words: GrammarWords) -> bool:
    """'such an agreement', 'this', 'it': the content is elsewhere."""
    tokens = [t for t in span if not t.is_punct]
    if any(t.pos_ in VERBAL_POS for t in tokens):
        return False
    return len(tokens) <= 3 and tokens[0].lower_ in words.anaphors
