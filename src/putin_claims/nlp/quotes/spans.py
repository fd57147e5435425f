"""Quotation marks paired per paragraph: straight and curly, run-on quotes, open marks.

A mark left open at the end of a paragraph closes the quote there, unless the next paragraph
opens with a mark (the newspaper convention for a quote that runs on). An unbalanced mark only
affects its own paragraph. Pure text: no spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from putin_claims.models import Paragraph

OPENING = frozenset("“«‘")
CLOSING = frozenset("”»’")
STRAIGHT = '"'


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of the words between one pair of marks (document offsets)."""

    start: int
    end: int
    paragraph: int
    balanced: bool
    pieces: tuple[tuple[int, int], ...] = ()


def quote_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteSpan]:
    """Quoted stretches of content paragraphs; unbalanced marks close at the paragraph end.

    A quote left open at the end of a paragraph whose next paragraph opens with a mark runs
    on into it (one quote in several pieces).
    """
    out: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # pieces of a quote running on from earlier paragraphs
    for n, para in enumerate(paragraphs):
        open_at: int | None = None
        chunk = text[para.start : para.end]
        for i, ch in enumerate(chunk):
            pos = para.start + i
            is_open = ch in OPENING and not _apostrophe(chunk, i)
            is_close = ch in CLOSING and not _apostrophe(chunk, i)
            if ch == STRAIGHT:
                is_open, is_close = open_at is None, open_at is not None
            if is_open and open_at is None:
                open_at = pos + 1
                if carried and i != 0:  # the run-on quote ended unclosed after all
                    out.append(_span(carried, n - 1, balanced=False))
                    carried = []
            elif is_close and open_at is not None:
                out.append(_span([*carried, (open_at, pos)], n, balanced=True))
                carried, open_at = [], None
        if carried and open_at is None:
            out.append(_span(carried, n - 1, balanced=False))
            carried = []
        if open_at is not None:
            pieces = [*carried, (open_at, para.end)]
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt.start : nxt.start + 1] in OPENING | {STRAIGHT}:
                carried = pieces
            else:
                out.append(_span(pieces, n, balanced=False))
                carried = []
    if carried:
        out.append(_span(carried, len(paragraphs) - 1, balanced=False))
    return [q for q in out if q.end > q.start and text[q.start : q.end].strip()]


def _span(pieces: Sequence[tuple[int, int]], paragraph: int, *, balanced: bool) -> QuoteSpan:
    return QuoteSpan(pieces[0][0], pieces[-1][1], paragraph, balanced, tuple(pieces))


def _apostrophe(chunk: str, i: int) -> bool:
    """’ and ‘ between letters (Ukraine’s, ’90s) are apostrophes, not marks."""
    if chunk[i] not in "’‘":
        return False
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    return before.isalnum() or (chunk[i] == "‘" and after.isdigit())
