"""The report as one pydantic model, and :func:`build_report`, which gathers it from the store.

Per actor, the claims (objectives, demands, refusals, offers) with every supporting passage,
its source's metadata, how firmly and on whose authority it is stated, and a reference an
editor can follow back (document, line, character offsets); the sources with their
derivations; and what was set aside as boilerplate. The renderers never add or drop content.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import Field

from putin_claims import __version__
from putin_claims.corpus.families import Families
from putin_claims.models import (
    AssertionKind,
    Claim,
    Derivation,
    Evidence,
    Hedge,
    LineRole,
    Record,
    SentenceRef,
    SourceInfo,
    StoredSentence,
)
from putin_claims.query.claims import OBJECTIVE_KINDS, claims
from putin_claims.store import Store

SCHEMA_VERSION = "2"
#: Kinds a report lists by default: what actors want, demand, refuse and offer.
REPORT_KINDS = frozenset(OBJECTIVE_KINDS | {AssertionKind.OFFER})


class ReportFormat(StrEnum):
    """Output formats of `report`."""

    MD = "md"
    JSON = "json"
    HTML = "html"
    CSV = "csv"


class Passage(SentenceRef):
    """One supporting passage, quoted exactly, with everything needed to trace it."""

    title: str | None = Field(description="Headline of the source.")
    outlet: str | None = Field(description="Publication.")
    author: str | None = Field(description="Byline.")
    date: dt.date | None = Field(description="Publication or update date.")
    path: str = Field(description="File the document was read from.")
    spans: tuple[tuple[int, int], ...] = Field(
        description="Offsets of the words that state the claim."
    )
    paragraph: str = Field(description="The whole paragraph the sentence stands in.")
    paragraph_start: int = Field(description="Offset of the paragraph in the document text.")
    hedge: Hedge = Field(description="asserted, reported, hedged or conditional.")
    attributed_to: str | None = Field(description="On whose authority the source states it.")
    via_government: bool = Field(description="Said of the actor's government, not the person.")
    named_as: str = Field(description="How the passage names the actor.")
    score: float = Field(description="Similarity to the claim's statement, 0-1.")


class ReportClaim(Record):
    """A claim with its corroboration and passages."""

    id: str = Field(description="Claim id (as `claims` prints it).")
    kind: AssertionKind = Field(description="objective, demand, refusal or offer.")
    statement: str = Field(description="Canonical statement.")
    n_sources: int = Field(description="Documents among the passages.")
    n_independent_sources: int = Field(description="Documents once copies collapse.")
    corroboration: str = Field(description="'4 sources, 3 independent'.")
    vague: bool = Field(description="Every passage's content says too little (--include-vague).")
    passages: tuple[Passage, ...] = Field(description="Every supporting passage.")


class ReportActor(Record):
    """One actor's section."""

    actor: str = Field(description="Actor id.")
    name: str = Field(description="Canonical name.")
    claims: tuple[ReportClaim, ...] = Field(
        description="The actor's claims, best corroborated first."
    )


class SetAside(Record):
    """A line set aside as boilerplate."""

    line: int = Field(description="1-based line number.")
    kind: str = Field(description="Boilerplate kind.")
    text: str = Field(description="The line as written.")


class ReportSource(Record):
    """A source with its metadata, derivations and boilerplate."""

    doc_id: str = Field(description="Document id.")
    path: str = Field(description="File path.")
    title: str | None = Field(description="Headline.")
    outlet: str | None = Field(description="Publication.")
    author: str | None = Field(description="Byline.")
    date: dt.date | None = Field(description="Date.")
    notes: tuple[str, ...] = Field(description="Provenance notes ('original_source: ...').")
    derived_from: tuple[Derivation, ...] = Field(description="Sources this one rewrites or copies.")
    copies: tuple[str, ...] = Field(description="Documents that derive from this one.")
    set_aside: tuple[SetAside, ...] = Field(description="Boilerplate lines, kept.")


class Report(Record):
    """The whole report; `schema_version` changes when the shape does."""

    schema_version: str = Field(description="Version of this JSON shape.")
    generated_by: str = Field(description="Tool and version.")
    generated_on: dt.date = Field(description="Date of the report.")
    documents: int = Field(description="Documents in the store.")
    independent_documents: int = Field(description="Documents once copies collapse.")
    actors: tuple[ReportActor, ...] = Field(description="Per actor, the claims.")
    sources: tuple[ReportSource, ...] = Field(description="Every source.")


def report_json_schema() -> str:
    """JSON Schema of the JSON report (committed as docs/schema/report.schema.json)."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- build


def build_report(
    store: Store,
    actor: str | None = None,
    min_sources: int = 1,
    kinds: Iterable[AssertionKind] = REPORT_KINDS,
    include_vague: bool = False,
) -> Report:
    """Gather the report's content from the store (vague claims only with ``include_vague``)."""
    sources = store.sources()
    by_doc = {s.doc_id: s for s in sources}
    families = Families.load(store)
    found = claims(
        store,
        actor,
        min_sources=min_sources,
        kinds=kinds,
        families=families,
        include_vague=include_vague,
    )
    paragraphs = _Paragraphs(store)
    grouped: dict[str, list[ReportClaim]] = defaultdict(list)
    for claim in found:
        grouped[claim.actor].append(_report_claim(claim, by_doc, paragraphs))
    actors = sorted(
        (
            ReportActor(actor=a, name=families.name(a), claims=tuple(cs))
            for a, cs in grouped.items()
        ),
        key=lambda r: (-len(r.claims), r.name),
    )
    derivations = store.derivations()
    return Report(
        schema_version=SCHEMA_VERSION,
        generated_by=f"putin-claims {__version__}",
        generated_on=dt.date.today(),
        documents=len(sources),
        independent_documents=families.independent(by_doc),
        actors=tuple(actors),
        sources=tuple(_report_source(s, derivations, paragraphs) for s in sources),
    )


class _Paragraphs:
    """Paragraph text around a sentence, and boilerplate lines, per document (cached)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, tuple[str, list[StoredSentence]]] = {}

    def of(self, doc_id: str) -> tuple[str, list[StoredSentence]]:
        if doc_id not in self.cache:
            self.cache[doc_id] = (self.store.document_text(doc_id), self.store.sentences(doc_id))
        return self.cache[doc_id]

    def around(self, doc_id: str, sentence_id: int) -> tuple[str, int]:
        text, sentences = self.of(doc_id)
        (here,) = [s for s in sentences if s.sentence_id == sentence_id]
        same = [s for s in sentences if s.paragraph is not None and s.paragraph == here.paragraph]
        same = same or [here]
        start, end = min(s.start for s in same), max(s.end for s in same)
        return text[start:end], start


def _report_claim(
    claim: Claim, sources: dict[str, SourceInfo], paragraphs: _Paragraphs
) -> ReportClaim:
    return ReportClaim(
        id=claim.id,
        kind=claim.kind,
        statement=claim.statement,
        n_sources=claim.n_sources,
        n_independent_sources=claim.n_independent_sources,
        corroboration=corroboration(claim.n_sources, claim.n_independent_sources),
        vague=claim.vague,
        passages=tuple(_passage(e, sources[e.doc_id], paragraphs) for e in claim.evidence),
    )


def corroboration(n: int, independent: int) -> str:
    sources = f"{n} source" + ("s" if n != 1 else "")
    return f"{sources}, {independent} independent"


def _passage(e: Evidence, source: SourceInfo, paragraphs: _Paragraphs) -> Passage:
    paragraph, paragraph_start = paragraphs.around(e.doc_id, e.sentence_id)
    return Passage(
        doc_id=e.doc_id, title=source.title, outlet=source.outlet, author=source.author,
        date=source.date, path=source.path, sentence_id=e.sentence_id, line=e.line,
        start=e.start, end=e.end, text=e.text, spans=e.spans, paragraph=paragraph,
        paragraph_start=paragraph_start, hedge=e.hedge, attributed_to=e.attributed_to,
        via_government=e.via_government, named_as=e.actor_text, score=e.score,
    )  # fmt: skip


def _report_source(
    source: SourceInfo, derivations: Sequence[Derivation], paragraphs: _Paragraphs
) -> ReportSource:
    _, sentences = paragraphs.of(source.doc_id)
    return ReportSource(
        doc_id=source.doc_id,
        path=source.path,
        title=source.title,
        outlet=source.outlet,
        author=source.author,
        date=source.date,
        notes=tuple(f"{n.kind.value}: {n.value}" for n in source.notes),
        derived_from=source.derived_from,
        copies=tuple(d.derived for d in derivations if d.source == source.doc_id),
        set_aside=tuple(
            SetAside(line=s.line, kind=s.boilerplate.value if s.boilerplate else "", text=s.text)
            for s in sentences
            if s.role is LineRole.BOILERPLATE
        ),
    )
