"""The report's quotes section: per speaker, every quote exactly as each source words it.

A quote several documents carry (the same quote as :func:`same_quote_groups` finds it, the
test the speaker step and the derivations use) is one entry with one wording per source;
when the wordings differ once whitespace, quotation marks, case and the edges' punctuation
are set aside, the entry is flagged and every wording is shown with its source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from pydantic import Field

from putin_claims.corpus.families import Families
from putin_claims.corpus.speakers import same_quote_groups
from putin_claims.models import Genre, QuoteKind, Record, StoredQuote
from putin_claims.query.actors import find_actor
from putin_claims.store import Store

#: Quotation marks and apostrophes that are one character for comparing wordings.
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_SPACE = re.compile(r"\s+")
_EDGES = " \"'.,;:!?…-—–"
#: Between the pieces of a quote split by its speech frame.
PIECE_JOINER = " … "


class SourceRef(Record):
    """What a report says of a passage's or a quote's source."""

    doc_id: str = Field(description="Document id.")
    title: str | None = Field(description="Headline.")
    outlet: str | None = Field(description="Publication.")
    author: str | None = Field(description="Byline.")
    date: dt.date | None = Field(description="Publication or update date.")
    path: str = Field(description="File path, relative to the report's root.")
    url: str | None = Field(description="The article's URL, when known.")
    genre: Genre = Field(description="news, opinion or analysis.")


class QuoteWording(SourceRef):
    """One source's wording of a quote, verbatim, with where it stands."""

    quote_id: int = Field(description="Store-wide quote id (as `quotes --json` gives it).")
    line: int = Field(description="1-based line of the sentence where it starts.")
    start: int = Field(description="Offset of the quote in the document text.")
    end: int = Field(description="Offset just past it.")
    pieces: tuple[tuple[int, int], ...] = Field(description="Offsets of each quoted piece.")
    text: str = Field(description="The quoted pieces exactly as in the document, ' … ' between.")
    speaker_as: str | None = Field(description="The speaker as this source writes it.")


class ReportQuote(Record):
    """A quote: one wording per source that carries it."""

    id: str = Field(description="Quote entry id: 'q' and the first wording's quote id.")
    kind: QuoteKind = Field(description="direct, indirect, mixed or partial.")
    wordings: tuple[QuoteWording, ...] = Field(description="Every source's wording, store order.")
    wording_differs: bool = Field(
        description="The sources word it differently (beyond whitespace, quotation marks, case)."
    )


class ReportSpeaker(Record):
    """One speaker's quotes."""

    actor: str = Field(description="Actor id of the speaker.")
    name: str = Field(description="Canonical name.")
    quotes: tuple[ReportQuote, ...] = Field(description="The speaker's quotes, in store order.")


def normalised(text: str) -> str:
    """A wording as compared: quote marks unified, whitespace collapsed, case and the
    punctuation at the edges and between split pieces set aside."""
    pieces = (p.translate(_MARKS).strip().strip(_EDGES) for p in text.split(PIECE_JOINER))
    return _SPACE.sub(" ", " ".join(pieces)).strip().casefold()


def build_speakers(
    store: Store, families: Families, sources: Mapping[str, SourceRef], actor: str | None = None
) -> tuple[ReportSpeaker, ...]:
    """Per speaker actor (of one actor's family with ``actor``), every quote with its wordings."""
    quotes = store.quotes()
    entries: dict[int, list[StoredQuote]] = {}
    owner: dict[int, int] = {}
    for group in same_quote_groups(quotes):
        for q in group:
            owner[q.quote_id] = group[0].quote_id
    for q in quotes:
        entries.setdefault(owner.get(q.quote_id, q.quote_id), []).append(q)
    family = None
    if actor is not None:
        family = families.head(
            find_actor(actor, list(families.actors.values()), store.key_actors()).actor_id
        )
    texts: dict[str, str] = {}
    by_speaker: dict[str, list[ReportQuote]] = {}
    for members in entries.values():
        speaker = next((q.speaker for q in members if q.speaker), None)
        if speaker is None or (family is not None and families.head(speaker) != family):
            continue
        for q in members:
            if q.doc_id not in texts:
                texts[q.doc_id] = store.document_text(q.doc_id)
        by_speaker.setdefault(speaker, []).append(_entry(members, sources, texts))
    speakers = [
        ReportSpeaker(actor=a, name=families.name(a), quotes=tuple(qs))
        for a, qs in by_speaker.items()
    ]
    return tuple(sorted(speakers, key=lambda s: (-len(s.quotes), s.name, s.actor)))


def _entry(
    members: Sequence[StoredQuote], sources: Mapping[str, SourceRef], texts: Mapping[str, str]
) -> ReportQuote:
    wordings = tuple(_wording(q, sources[q.doc_id], texts[q.doc_id]) for q in members)
    return ReportQuote(
        id=f"q{members[0].quote_id}",
        kind=members[0].kind,
        wordings=wordings,
        wording_differs=len({normalised(w.text) for w in wordings}) > 1,
    )


def _wording(q: StoredQuote, source: SourceRef, text: str) -> QuoteWording:
    pieces = q.pieces or ((q.start, q.end),)
    return QuoteWording(
        **source.model_dump(),
        quote_id=q.quote_id,
        line=q.line,
        start=q.start,
        end=q.end,
        pieces=pieces,
        text=PIECE_JOINER.join(text[a:b] for a, b in pieces),
        speaker_as=q.speaker_text,
    )
