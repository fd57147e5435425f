"""Physical lines of an article and the shape tests that boilerplate and metadata rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from putin_claims.lexicons import name_words

#: List, heading and quote markers skipped at the start of a line (Markdown and plain text).
LINE_MARKER = re.compile(r"^(?:#{1,6}\s+|[-*•·–—>]\s*(?=\S)|\d{1,2}[.)]\s+(?=[A-Z]))")
#: A sentence end, possibly followed by closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


@dataclass(frozen=True)
class TextLine:
    """One non-blank line: ``text == source[start:end]``; ``body`` skips list/heading markers."""

    number: int
    start: int
    end: int
    text: str
    body_start: int

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start :]

    @cached_property
    def words(self) -> list[str]:
        return WORD.findall(self.body)

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def terminal(self) -> bool:
        return bool(TERMINAL.search(self.body))

    @property
    def is_prose(self) -> bool:
        """A full sentence or more: several words ending in sentence punctuation."""
        return self.terminal and self.n_words >= 8

    @property
    def is_short(self) -> bool:
        """A label-like line: few words and no sentence punctuation at its end."""
        return self.n_words <= 6 and not self.terminal

    @property
    def is_title_case(self) -> bool:
        """Headline capitalisation: (nearly) every non-function word starts upper case."""
        content = [w for w in self.words if w.lower() not in name_words().small_words]
        if len(content) < 3:
            return False
        capitalised = sum(1 for w in content if w[0].isupper())
        return capitalised / len(content) >= 0.85

    @cached_property
    def topic_words(self) -> frozenset[str]:
        return topic_words(self.body)


def topic_words(text: str) -> frozenset[str]:
    """Lower-cased content words with a crude plural/possessive strip, for overlap tests."""
    out = set()
    for word in WORD.findall(text):
        low = word.lower().rstrip(".").replace("’", "'")
        low = low.removesuffix("'s")
        if len(low) < 3 or low in name_words().stop_words:
            continue
        out.add(low[:-1] if low.endswith("s") and len(low) > 4 else low)
    return frozenset(out)


def split_lines(text: str) -> list[TextLine]:
    """Every non-blank line of ``text`` with exact offsets (surrounding whitespace excluded)."""
    lines: list[TextLine] = []
    pos = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            marker = LINE_MARKER.match(stripped)
            body_start = start + (marker.end() if marker else 0)
            lines.append(TextLine(number, start, end, stripped, body_start))
        pos += len(raw)
    return lines
