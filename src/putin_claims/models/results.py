"""What commands report: extract summaries, sources, derivations, stored sentences."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from putin_claims.models.base import Record
from putin_claims.models.documents import Sentence
from putin_claims.models.ingest import DateKindMeta, Genre, SourceNote


class SkippedFile(Record):
    """An input that was reported and not processed."""

    path: str = Field(description="The path as given or found.")
    problem: str = Field(description="One line saying what is wrong and what to do.")
    trace: str | None = Field(
        default=None,
        exclude=True,
        description="Traceback of an unexpected error in this document (shown by --traceback).",
    )


class ExtractSummary(Record):
    """What one `extract` run did."""

    files: int = Field(description="Article files found.")
    processed: int = Field(description="Documents (re)processed in this run.")
    unchanged: int = Field(
        description="Articles not processed again: their content is stored (perhaps under"
        " another path, which is now recorded)."
    )
    removed: tuple[str, ...] = Field(
        default=(), description="Documents removed because their files are gone (--prune)."
    )
    documents: int = Field(description="Documents in the store after the run.")
    sentences: int = Field(description="Content sentences in the store.")
    boilerplate: int = Field(description="Lines set aside as boilerplate in the store.")
    actors: int = Field(description="Canonical actors in the store.")
    mentions: int = Field(description="Actor mentions in the store.")
    dates: int = Field(description="Date expressions in the store.")
    assertions: int = Field(description="Assertions (who wants, says ... what) in the store.")
    claims: int = Field(description="Claims: assertions grouped across sources.")
    quotes: int = Field(description="Direct, indirect, mixed and partial quotes in the store.")
    skipped: tuple[SkippedFile, ...] = Field(description="Inputs that were reported and skipped.")


class PruneSummary(Record):
    """What one `prune` run did."""

    removed: tuple[str, ...] = Field(description="Documents removed: their files are gone.")
    forgotten: tuple[str, ...] = Field(
        description="Paths forgotten (the document may live on under another path)."
    )
    documents: int = Field(description="Documents in the store after the run.")


class AlignedSentences(Record):
    """A sentence of a derived document and its counterpart in the source."""

    derived_sentence_id: int = Field(description="Sentence id in the derived document.")
    derived_text: str = Field(description="The derived document's sentence.")
    source_sentence_id: int = Field(description="Sentence id in the source document.")
    source_text: str = Field(description="The source document's sentence.")
    similarity: float = Field(description="Concept similarity of the two, 0-1.")


class Derivation(Record):
    """Evidence that one document is a rewrite, summary or copy of another."""

    derived: str = Field(description="Document id of the copy, rewrite or summary.")
    source: str = Field(description="Document id it derives from.")
    score: float = Field(description="Strength of the evidence, 0-1.")
    coverage: float = Field(
        description="Share of the derived document's sentences found in the source."
    )
    reverse_coverage: float = Field(
        description="Share of the source's sentences found in the derived one."
    )
    shared_quotes: int = Field(
        description="Direct quotes both carry (word for word or paraphrased)."
    )
    cue: str | None = Field(description="Provenance note of the derived document, if any.")
    examples: tuple[AlignedSentences, ...] = Field(description="Best-matching sentence pairs.")


class SourceInfo(Record):
    """A stored document with its metadata and counts (`sources`)."""

    doc_id: str = Field(description="Document id.")
    path: str = Field(description="Source file path (the latest one it was read from).")
    paths: tuple[str, ...] = Field(
        default=(), description="Every path the same content was read from, oldest first."
    )
    url: str | None = Field(default=None, description="Canonical URL, when the source gives one.")
    genre: Genre = Field(default=Genre.NEWS, description="News, opinion or analysis.")
    format: str = Field(default="text", description="Reader that read it.")
    title: str | None = Field(description="Headline, null when the text gives none.")
    author: str | None = Field(description="Byline, null when the text gives none.")
    outlet: str | None = Field(description="Publication, null when the text gives none.")
    date: dt.date | None = Field(description="Publication or update date.")
    date_kind: DateKindMeta | None = Field(description="published or updated.")
    notes: tuple[SourceNote, ...] = Field(description="Provenance notes.")
    encoding: str = Field(description="Encoding the file was decoded with.")
    sentences: int = Field(description="Content sentences.")
    boilerplate: int = Field(description="Lines set aside as boilerplate.")
    mentions: int = Field(description="Actor mentions.")
    dates: int = Field(description="Date expressions.")
    derived_from: tuple[Derivation, ...] = Field(
        default=(), description="Documents of the corpus this one rewrites, summarises or copies."
    )


class StoredSentence(Sentence):
    """A sentence as the store returns it (`sentences DOC`)."""

    sentence_id: int = Field(description="Store-wide sentence id.")
    doc_id: str = Field(description="Document id.")
