"""Title, byline, outlet, date and provenance notes read from an article's plain text.

Only what the text states is returned; anything it does not give stays ``None``. The header is
the stretch of lines before the first full paragraph, the footer the stretch after the last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from putin_claims.ingest.boilerplate import Flag, normalise
from putin_claims.ingest.fields import day_date
from putin_claims.ingest.lines import TextLine
from putin_claims.lexicons import name_words
from putin_claims.models import (
    DateKindMeta,
    DocumentMeta,
    Genre,
    LineRole,
    NoteKind,
    SourceNote,
)

NAME_TOKEN = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
PERSON_NAME = rf"{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|de|van|von|der|bin|al|da|di|le|la)){{0,4}}"
#: "By Jane Doe", "- byVic", "Written by Jane Doe", "Author: Jane Doe", "Words: Jane Doe".
BYLINE = re.compile(
    rf"^(?:(?i:(?:written |words |reporting |story )?by)\s*|(?i:author|words|reporter)s?\s*:\s*)"
    rf"(?P<name>{PERSON_NAME})(?:\s*(?:,|\||-|–|—|and)\s*.*)?$"
)
#: "This opinion article by John Lough is reprinted from ...".
ARTICLE_BY = re.compile(
    rf"\b(?i:article|column|piece|essay|op-ed|commentary|analysis|story|report)"
    rf"\s+(?i:(?:was\s+)?(?:written\s+)?by)\s+(?P<name>{PERSON_NAME})"
)
DATELINE = re.compile(
    r"^(?P<label>(?:first |last )?(?:published|updated?|posted|date|modified)(?: on| at)?)"
    r"\s*[:\-–]?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
OUTLET_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\bnot necessarily (?:reflect )?(?:those|the views|the opinions|the position) of "
        r"(?:the )?(?P<value>[A-Z][\w&'’ -]*\w)"
    ),
    re.compile(
        r"(?:^(?i:copyright)\s*(?:©|\([cC]\))?|©|\([cC]\))\s*(?:\d{4}[\s,]*)?"
        r"(?P<value>[A-Z][\w&'’ -]*?[A-Za-z])(?:[\s,]+\d{4})?\W*(?:$|\.|All rights)"
    ),
)
NOTE_PATTERNS: tuple[tuple[NoteKind, re.Pattern[str]], ...] = (
    (NoteKind.ORIGINAL_SOURCE, re.compile(r"^(?i:original source)\s*:\s*(?P<value>.+?)\.?$")),
    (
        NoteKind.REPRINTED_FROM,
        re.compile(r"\b(?i:reprinted|republished)(?: with permission)? from (?P<value>[^.]+)"),
    ),
    (
        NoteKind.ORIGINALLY_PUBLISHED,
        re.compile(
            r"(?:^|\b(?i:this (?:article|story|piece|column|report) (?:was )?))"
            r"(?i:originally (?:published|appeared)|first (?:published|appeared)|appeared first)"
            r" (?:in|on|by|at) (?P<value>[^.]+)"
        ),
    ),
    (NoteKind.WIRE, re.compile(r"^(?i:source)\s*:\s*(?P<value>.+?)\.?$")),
)
#: A note that the piece is the author's view, or a label naming the piece's genre.
GENRE_NOTES: tuple[tuple[Genre, re.Pattern[str]], ...] = (
    (
        Genre.OPINION,
        re.compile(
            r"\b(?i:(?:views|opinions) expressed\b.{0,60}\b(?:are|is)\b.{0,30}\bauthor|"
            r"(?:this|an?) (?:opinion|op-ed|comment) (?:article|piece|column)|"
            r"opinion (?:article|piece|column) by)"
        ),
    ),
    (Genre.ANALYSIS, re.compile(r"^(?i:this (?:is an? )?analysis\b|news analysis\b)")),
)
GENRE_LABELS: dict[str, Genre] = {
    "opinion": Genre.OPINION,
    "comment": Genre.OPINION,
    "commentary": Genre.OPINION,
    "op-ed": Genre.OPINION,
    "oped": Genre.OPINION,
    "column": Genre.OPINION,
    "editorial": Genre.OPINION,
    "viewpoint": Genre.OPINION,
    "analysis": Genre.ANALYSIS,
    "news analysis": Genre.ANALYSIS,
}
#: "Opinion: ...", "ANALYSIS | ..." before a headline, or the label alone on a header line.
GENRE_PREFIX = re.compile(r"^(?P<label>[A-Za-z -]{4,16}?)\s*(?:[:|–—]\s*(?P<rest>.*))?$")
MAX_TITLE_WORDS = 25
MAX_HEADER_LINES = 8


@dataclass
class MetaResult:
    """Metadata plus the roles of the lines it came from (keyed by position in the lines)."""

    meta: DocumentMeta
    roles: dict[int, LineRole] = field(default_factory=dict)


def extract(
    lines: Sequence[TextLine], flags: Mapping[int, Flag], stated: Collection[int] = ()
) -> MetaResult:
    """Read the metadata of one article from its lines and their local boilerplate flags;
    ``stated`` lines (front matter, labelled headers) are read elsewhere and not counted."""
    roles: dict[int, LineRole] = {}
    header, footer = _regions(lines, flags, stated)
    title = _title(lines, flags, header, roles)
    author = _author(lines, flags, header + footer, roles, title)
    date, kind = _date(lines, header + footer, roles)
    genre, cue = genre_of(lines, header)
    meta = DocumentMeta(
        title=title,
        author=author,
        outlet=_outlet(lines),
        date=date,
        date_kind=kind,
        genre=genre,
        genre_cue=cue,
        notes=tuple(_notes(lines)),
    )
    return MetaResult(meta, roles)


def _regions(
    lines: Sequence[TextLine], flags: Mapping[int, Flag], stated: Collection[int]
) -> tuple[list[int], list[int]]:
    prose = [i for i, line in enumerate(lines) if i not in flags and line.is_prose]
    first = prose[0] if prose else len(lines)
    last = prose[-1] if prose else len(lines) - 1
    header = [i for i in range(first) if i not in stated][:MAX_HEADER_LINES]
    return header, list(range(last + 1, len(lines)))


def _title(
    lines: Sequence[TextLine],
    flags: Mapping[int, Flag],
    header: list[int],
    roles: dict[int, LineRole],
) -> str | None:
    for i in header:
        line = lines[i]
        if i in flags or BYLINE.match(line.body) or DATELINE.match(line.body):
            continue
        if line.n_words <= 2 and not line.terminal:
            continue  # a section label ("Politics") above the headline
        if 2 <= line.n_words <= MAX_TITLE_WORDS and not line.body.endswith("."):
            roles[i] = LineRole.TITLE
            return line.body
        return None
    return None


def _author(
    lines: Sequence[TextLine],
    flags: Mapping[int, Flag],
    edges: list[int],
    roles: dict[int, LineRole],
    title: str | None,
) -> str | None:
    for i in edges:
        match = BYLINE.match(lines[i].body)
        if match and i not in flags:
            roles[i] = LineRole.BYLINE
            return match["name"]
    for line in lines:
        match = ARTICLE_BY.search(line.body)
        if match:
            return match["name"]
    return _name_after_title(lines, flags, edges, roles, title)


def _name_after_title(
    lines: Sequence[TextLine],
    flags: Mapping[int, Flag],
    edges: list[int],
    roles: dict[int, LineRole],
    title: str | None,
) -> str | None:
    """A lone name right after the title (or a repeat of it) is the byline."""
    if not title:
        return None
    wanted = normalise(title)
    name = re.compile(rf"^{PERSON_NAME}$")
    for i in edges:
        if i == 0 or i in flags or normalise(lines[i - 1].body) != wanted:
            continue
        if name_words().not_name_words & {w.lower() for w in lines[i].words}:
            continue  # "Title / Premier League / prose": a section label, not a byline
        line = lines[i]
        if 2 <= line.n_words <= 4 and name.match(line.body) and not line.terminal:
            roles[i] = LineRole.BYLINE
            return line.body
    return None


def _date(
    lines: Sequence[TextLine], edges: list[int], roles: dict[int, LineRole]
) -> tuple[dt.date | None, DateKindMeta | None]:
    for i in edges:
        match = DATELINE.match(lines[i].body)
        text, label = (match["date"], match["label"]) if match else (lines[i].body, "")
        if not HAS_YEAR.search(text) or len(text.split()) > 8:
            continue
        value = day_date(text)
        if value is not None:
            roles[i] = LineRole.DATELINE
            kind = (
                DateKindMeta.UPDATED
                if "upd" in label.lower() or "modif" in label.lower()
                else (DateKindMeta.PUBLISHED)
            )
            return value, kind
    return None, None


def genre_of(lines: Sequence[TextLine], header: Sequence[int]) -> tuple[Genre, str | None]:
    """Opinion or analysis when the piece says so (a note, a header label); else news."""
    for i in header:
        genre = genre_label(lines[i].body)
        if genre is not None:
            return genre, lines[i].body
    for line in lines:
        for genre, pattern in GENRE_NOTES:
            if pattern.search(line.body):
                return genre, line.body
    return Genre.NEWS, None


def genre_label(text: str) -> Genre | None:
    """The genre a section label or headline prefix names ("Opinion", "Analysis: ...")."""
    match = GENRE_PREFIX.match(text.strip())
    if match is None:
        return None
    return GENRE_LABELS.get(match["label"].strip().lower())


def _outlet(lines: Sequence[TextLine]) -> str | None:
    for line in lines:
        for pattern in OUTLET_PATTERNS:
            match = pattern.search(line.body)
            if match and match["value"].strip():
                return match["value"].strip()
    return None


def _notes(lines: Sequence[TextLine]) -> list[SourceNote]:
    notes = []
    for line in lines:
        for kind, pattern in NOTE_PATTERNS:
            match = pattern.search(line.body)
            if match:
                value = match["value"].strip().rstrip(".").removeprefix("the ")
                notes.append(SourceNote(kind=kind, value=value, line=line.number, text=line.text))
                break
    return notes
