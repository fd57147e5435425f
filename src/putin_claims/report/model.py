"""The report as one pydantic model, and :func:`build_report`, which gathers it from the store.

Per actor, the claims (objectives, demands, refusals, offers) with every supporting passage,
its source's metadata, how firmly and on whose authority it is stated, and a reference an
editor can follow back (document, line, character offsets); the sources with their
derivations; and what was set aside as boilerplate. The renderers never add or drop content.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import Field

from putin_claims import __version__
from putin_claims.corpus.families import Families
from putin_claims.models import (
    AssertionKind,
    Claim,
    Corroboration,
    Derivation,
    Evidence,
    Genre,
    Hedge,
    LineRole,
    Record,
    SentenceRef,
    SourceInfo,
    StoredSentence,
)
from putin_claims.query.claims import OBJECTIVE_KINDS, claims
from putin_claims.query.contradictions import contradicting
from putin_claims.report.quotes import ReportSpeaker, SourceRef, build_speakers
from putin_claims.store import Store

SCHEMA_VERSION = "3"
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
    path: str = Field(description="File the document was read from, relative to the report's root.")
    url: str | None = Field(description="The article's URL, when known.")
    genre: Genre = Field(description="news, opinion or analysis.")
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
    n_independent_sources: int = Field(
        description="Independent groups among the news documents (copies collapsed)."
    )
    n_opinion_sources: int = Field(description="Opinion and analysis documents.")
    corroboration: str = Field(description="'4 sources, 2 independent, 1 opinion'.")
    vague: bool = Field(description="Every passage's content says too little (--include-vague).")
    passages: tuple[Passage, ...] = Field(description="Every supporting passage.")
    contradicted_by: str | None = Field(
        description="Corroboration of the contradicting passages; null when there are none."
    )
    contradicting: tuple[Passage, ...] = Field(
        description="Passages of the same actor stating the content the other way round."
    )


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
    path: str = Field(description="File path, relative to the report's root.")
    paths: tuple[str, ...] = Field(
        description="Every path the same content was read from, relative to the root."
    )
    url: str | None = Field(description="The article's URL, when known.")
    genre: Genre = Field(description="news, opinion or analysis.")
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
    root: str | None = Field(
        description="Common parent folder of the documents' paths; the report's paths are "
        "relative to it (null when they share none)."
    )
    documents: int = Field(description="Documents in the store.")
    independent_documents: int = Field(
        description="Independent groups among the news documents (copies collapsed)."
    )
    opinion_documents: int = Field(description="Opinion and analysis documents.")
    actors: tuple[ReportActor, ...] = Field(description="Per actor, the claims.")
    speakers: tuple[ReportSpeaker, ...] = Field(
        description="Per speaker, every quote, wordings that differ between sources flagged."
    )
    sources: tuple[ReportSource, ...] = Field(description="Every source.")


def report_json_schema() -> str:
    """JSON Schema of the JSON report (committed as docs/schema/report.schema.json)."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- build


def build_report(
    store: Store,
    *,
    actor: str | None = None,
    min_sources: int = 1,
    kinds: Iterable[AssertionKind] = REPORT_KINDS,
    include_vague: bool = False,
    min_independent: int = 0,
) -> Report:
    """Gather the report's content from the store (vague claims only with ``include_vague``)."""
    sources = store.sources()
    root = input_root(p for s in sources for p in (s.path, *s.paths))
    refs = {s.doc_id: _source_ref(s, root) for s in sources}
    families = Families.load(store)
    found = claims(
        store,
        actor,
        min_sources=min_sources,
        kinds=kinds,
        families=families,
        include_vague=include_vague,
        min_independent=min_independent,
    )
    against = contradicting(store, found, families)
    paragraphs = _Paragraphs(store)
    grouped: dict[str, list[ReportClaim]] = defaultdict(list)
    for claim in found:
        grouped[claim.actor].append(
            _report_claim(claim, against.get(claim.id, ()), refs, paragraphs, families)
        )
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
        root=root,
        documents=len(sources),
        independent_documents=families.independent(refs),
        opinion_documents=sum(1 for d in refs if families.opinion(d)),
        actors=tuple(actors),
        speakers=build_speakers(store, families, refs, actor),
        sources=tuple(_report_source(s, root, derivations, paragraphs) for s in sources),
    )


def input_root(paths: Iterable[str]) -> str | None:
    """The common parent folder of the documents' paths (null when there is none)."""
    folders = sorted({os.path.dirname(p) for p in paths})
    if not folders:
        return None
    try:
        return os.path.commonpath(folders) or None
    except ValueError:  # absolute and relative paths mixed
        return None


def relative(path: str, root: str | None) -> str:
    """``path`` relative to the report's root (unchanged without one)."""
    return os.path.relpath(path, root) if root else path


def _source_ref(s: SourceInfo, root: str | None) -> SourceRef:
    return SourceRef(
        doc_id=s.doc_id, title=s.title, outlet=s.outlet, author=s.author, date=s.date,
        path=relative(s.path, root), url=s.url, genre=s.genre,
    )  # fmt: skip


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
    claim: Claim,
    against: Sequence[Evidence],
    sources: dict[str, SourceRef],
    paragraphs: _Paragraphs,
    families: Families,
) -> ReportClaim:
    contra = families.corroboration(e.doc_id for e in against) if against else None
    return ReportClaim(
        id=claim.id,
        kind=claim.kind,
        statement=claim.statement,
        n_sources=claim.n_sources,
        n_independent_sources=claim.n_independent_sources,
        n_opinion_sources=claim.n_opinion_sources,
        corroboration=claim.corroboration.line(),
        vague=claim.vague,
        passages=tuple(_passage(e, sources[e.doc_id], paragraphs) for e in claim.evidence),
        contradicted_by=contra.line() if contra else None,
        contradicting=tuple(_passage(e, sources[e.doc_id], paragraphs) for e in against),
    )


def corroboration(n: int, independent: int, opinion: int = 0) -> str:
    """'3 sources, 2 independent, 1 opinion' (the opinion part only when there is one)."""
    return Corroboration(
        n_sources=n, n_independent_sources=independent, n_opinion_sources=opinion
    ).line()


def _passage(e: Evidence, source: SourceRef, paragraphs: _Paragraphs) -> Passage:
    paragraph, paragraph_start = paragraphs.around(e.doc_id, e.sentence_id)
    return Passage(
        doc_id=e.doc_id, title=source.title, outlet=source.outlet, author=source.author,
        date=source.date, path=source.path, url=source.url, genre=source.genre,
        sentence_id=e.sentence_id, line=e.line,
        start=e.start, end=e.end, text=e.text, spans=e.spans, paragraph=paragraph,
        paragraph_start=paragraph_start, hedge=e.hedge, attributed_to=e.attributed_to,
        via_government=e.via_government, named_as=e.actor_text, score=e.score,
    )  # fmt: skip


def _report_source(
    source: SourceInfo,
    root: str | None,
    derivations: Sequence[Derivation],
    paragraphs: _Paragraphs,
) -> ReportSource:
    _, sentences = paragraphs.of(source.doc_id)
    return ReportSource(
        doc_id=source.doc_id,
        path=relative(source.path, root),
        paths=tuple(relative(p, root) for p in source.paths),
        url=source.url,
        genre=source.genre,
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
