"""Metadata an article's text states in a form meant for machines: YAML front matter (as
trafilatura and static-site generators write it) and labelled header lines ("URL: ...",
"Outlet: ...", "Source: ..."). Their lines stay in the text, with the role ``metadata``, and
never reach the sentence stages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from putin_claims.ingest.fields import FIELD_NAMES, as_date, as_text, lookup
from putin_claims.ingest.lines import TextLine
from putin_claims.ingest.metadata import genre_label
from putin_claims.models import DocumentMeta, Genre

FENCES = ("---", "...")
#: "URL: https://...", "Outlet: The Daily", "Source: Reuters" (header lines only).
LABELLED = re.compile(
    r"^(?P<label>(?i:url|link|canonical(?: url)?|original url|web address|outlet|publisher|"
    r"publication|site|site name|source|newspaper))\s*:\s*(?P<value>\S.*)$"
)
URL_LABELS = frozenset({"url", "link", "canonical", "canonical url", "original url", "web address"})
URL = re.compile(r"^<?(?P<url>https?://\S+?)>?\.?$")
MAX_HEADER_LINES = 12


@dataclass
class Headers:
    """What the header states, and which lines (by position) say it."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)

    def meta(self) -> DocumentMeta:
        """The stated values as metadata."""
        genre = genre_label(as_text(self.values.get("genre")) or "")
        return DocumentMeta(
            title=as_text(self.values.get("title")),
            author=as_text(self.values.get("author")),
            outlet=as_text(self.values.get("outlet")),
            date=as_date(self.values.get("date")),
            url=as_text(self.values.get("url")),
            genre=genre or Genre.NEWS,
            genre_cue=as_text(self.values.get("genre")) if genre else None,
        )


def read_headers(text: str, lines: Sequence[TextLine]) -> Headers:
    """Front matter at the very top, then labelled lines among the first header lines."""
    found = Headers()
    start = _front_matter(text, lines, found)
    for i in range(start, min(len(lines), start + MAX_HEADER_LINES)):
        line = lines[i]
        if line.is_prose and not LABELLED.match(line.body):
            break
        match = LABELLED.match(line.body)
        if match is None:
            continue
        label, value = match["label"].lower(), match["value"].strip()
        if label in URL_LABELS:
            url = URL.match(value)
            if url is None:
                continue
            found.values.setdefault("url", url["url"])
        else:
            found.values.setdefault("outlet", value.rstrip("."))
        found.lines.add(i)
    return found


def _front_matter(text: str, lines: Sequence[TextLine], found: Headers) -> int:
    """Read a YAML block fenced by ``---`` on the first line; the index after it."""
    if not lines or lines[0].text != FENCES[0] or text[: lines[0].start].strip("\ufeff \t\n"):
        return 0
    for j in range(1, len(lines)):
        if lines[j].text in FENCES:
            break
    else:
        return 0
    try:
        data = yaml.safe_load(text[lines[0].end : lines[j].start])
    except yaml.YAMLError:
        return 0
    if not isinstance(data, Mapping):
        return 0
    for name in FIELD_NAMES:
        if name in ("text", "id"):
            continue
        value = lookup(data, name, FIELD_NAMES)
        if value is not None:
            found.values[name] = value
    found.lines.update(range(j + 1))
    return j + 1
