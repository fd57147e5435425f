"""Quotation marks paired per paragraph: straight and curly, run-on quotes, open marks.

A mark left open at the end of a paragraph closes the quote there, unless the next paragraph
opens with a mark (the newspaper convention for a quote that runs on). An unbalanced mark only
affects its own paragraph. Pure text: no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from putin_claims.models import Paragraph

OPENING = frozenset("“«‘")
CLOSING = frozenset("”»’")
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
#: Every character that can be a mark (only these are looked at).
MARKS = re.compile("[" + re.escape("".join(sorted(OPENING | CLOSING | {STRAIGHT}))) + "]")
#: Curly single marks that are apostrophes between letters (Ukraine’s, ’90s).
APOSTROPHES = frozenset({SINGLE_OPEN, SINGLE_CLOSE})
#: Marks that open a double-quoted quote: single marks inside it are nested, part of it.
DOUBLE_OPENERS = frozenset('“«"')

Pieces = list[tuple[int, int]]


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of the words between one pair of marks (document offsets)."""

    start: int
    end: int
    paragraph: int
    balanced: bool
    pieces: tuple[tuple[int, int], ...] = ()


class _Mark(Enum):
    OPEN = "open"
    CLOSE = "close"
    #: A straight mark that opens a new quote while one is open: the open one was never
    #: closed (the convention `He said: "A. "B."`, or a lost paragraph break).
    REOPEN = "reopen"
    #: ‘ and ’ around a quote nested in a double-quoted one: part of the outer quote.
    NEST_OPEN = "nest_open"
    NEST_CLOSE = "nest_close"


def quote_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteSpan]:
    """Quoted stretches of content paragraphs; unbalanced marks close at the paragraph end.

    A quote left open at the end of a paragraph whose next paragraph opens with a mark runs
    on into it (one quote in several pieces).
    """
    pairing = _Pairing(text)
    for n, para in enumerate(paragraphs):
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        pairing.paragraph(n, para, runs_on=nxt is not None and _opens_with_mark(text, nxt))
    pairing.close_carried(len(paragraphs) - 1)
    return [q for q in pairing.found if q.end > q.start and text[q.start : q.end].strip()]


@dataclass
class _Pairing:
    """Marks paired so far, and the pieces of a quote running on from earlier paragraphs."""

    text: str
    found: list[QuoteSpan] = field(default_factory=list)
    carried: Pieces = field(default_factory=list)

    def paragraph(self, n: int, para: Paragraph, *, runs_on: bool) -> None:
        """Pair the marks of paragraph ``n``; ``runs_on``: the next one opens with a mark."""
        open_at: int | None = None
        opener: str | None = None  # the mark that opened the quote
        nested = False  # a ‘ inside a double-quoted quote is open
        chunk = self.text[para.start : para.end]
        for found in MARKS.finditer(chunk):
            i = found.start()
            mark = _mark(chunk, i, opener, nested=nested)
            if mark in (_Mark.NEST_OPEN, _Mark.NEST_CLOSE):
                nested = mark is _Mark.NEST_OPEN
                continue
            if mark is not None:
                nested = False
            if mark is _Mark.OPEN and open_at is None:
                open_at, opener = para.start + i + 1, chunk[i]
                if i != 0:  # a run-on quote ended unclosed after all
                    self.close_carried(n - 1)
            elif mark is _Mark.CLOSE and open_at is not None:
                self._add([*self.carried, (open_at, para.start + i)], n, balanced=True)
                open_at = opener = None
            elif mark is _Mark.REOPEN and open_at is not None:
                end = para.start + len(chunk[:i].rstrip())
                self._add([*self.carried, (open_at, end)], n, balanced=False)
                open_at = para.start + i + 1
        if open_at is None:
            self.close_carried(n - 1)
        elif runs_on:
            self.carried = [*self.carried, (open_at, para.end)]
        else:
            self._add([*self.carried, (open_at, para.end)], n, balanced=False)

    def close_carried(self, paragraph: int) -> None:
        """A quote carried into this paragraph that never closed ends where it was left."""
        if self.carried:
            self._add(self.carried, paragraph, balanced=False)

    def _add(self, pieces: Pieces, paragraph: int, *, balanced: bool) -> None:
        self.found.append(
            QuoteSpan(pieces[0][0], pieces[-1][1], paragraph, balanced, tuple(pieces))
        )
        self.carried = []


def _mark(chunk: str, i: int, opener: str | None, *, nested: bool = False) -> _Mark | None:
    """What the character at ``i`` does inside a quote ``opener`` opened (None: outside one).

    A straight mark faces the words it quotes: it opens before a word and closes after one.
    Outside a quote, one with a space after it opens nothing (a stray closing mark: pairing it
    would quote the narrative that follows); inside one, a mark with a space before it and a
    word after it opens a new quote, the open one never closed. After ‘, a ’ that ends a word
    closes too (‘a good day’), though after a letter it is otherwise an apostrophe.

    Inside a double-quoted quote, single marks only nest (“We said ‘no deal.’ Then ...”): a ‘
    opens the nested quote, the ’ that ends it closes it (``nested``), and neither ends the
    outer quote, which only a double mark closes. Inside a ‘…’ quote, curly double marks nest
    the same way.
    """
    ch = chunk[i]
    if ch == STRAIGHT:
        return _straight(chunk, i, inside=opener is not None)
    if opener in DOUBLE_OPENERS and ch in APOSTROPHES:
        return _nested(chunk, i, nested=nested)
    if opener == SINGLE_OPEN and ch in "“”":  # the British order: “…” inside ‘…’
        return _Mark.NEST_OPEN if ch == "“" else (_Mark.NEST_CLOSE if nested else None)
    if opener == SINGLE_OPEN and nested and ch in APOSTROPHES:
        return None  # ‘He said “the players’ fees.” ...’: the nested quote is still open
    if ch == SINGLE_CLOSE and opener == SINGLE_OPEN and not _alnum_at(chunk, i + 1):
        return _Mark.CLOSE
    if _apostrophe(chunk, i):
        return None
    if ch in OPENING:
        return _Mark.OPEN
    if ch in CLOSING:
        return _Mark.CLOSE
    return None


def _straight(chunk: str, i: int, *, inside: bool) -> _Mark | None:
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    if not inside:
        return None if after.isspace() else _Mark.OPEN
    if before.isspace() and not after.isspace():
        return _Mark.REOPEN
    return _Mark.CLOSE


def _nested(chunk: str, i: int, *, nested: bool) -> _Mark | None:
    """A single mark inside a double-quoted quote: opens or closes the nested one, or nothing."""
    if chunk[i] == SINGLE_OPEN:
        return None if _apostrophe(chunk, i) else _Mark.NEST_OPEN
    if nested and not _alnum_at(chunk, i + 1):
        return _Mark.NEST_CLOSE
    return None


def _opens_with_mark(text: str, para: Paragraph) -> bool:
    return text[para.start : para.start + 1] in OPENING | {STRAIGHT}


def _apostrophe(chunk: str, i: int) -> bool:
    """’ and ‘ between letters (Ukraine’s, ’90s) are apostrophes, not marks."""
    if chunk[i] not in APOSTROPHES:
        return False
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    return before.isalnum() or (chunk[i] == SINGLE_OPEN and after.isdigit())


def _alnum_at(chunk: str, i: int) -> bool:
    return i < len(chunk) and chunk[i].isalnum()
