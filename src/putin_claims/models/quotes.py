"""Quotes: what an article gives as someone's words, and the speaker."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from putin_claims.models.base import Record


class QuoteKind(StrEnum):
    """How a source gives someone's words."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    PARTIAL = "partial"


class Quote(Record):
    """Words the article gives as someone's, with the speaker as the article names them."""

    sentence: int = Field(description="Index of the sentence where the quote starts.")
    kind: QuoteKind = Field(
        description="direct, indirect, mixed (reported, with quoted words), partial."
    )
    cue: str | None = Field(description="The speech verb or phrase ('remarked', 'according to').")
    content: str = Field(description="The quoted or reported words (split quotes joined by ' … ').")
    start: int = Field(description="Offset of the content in the document text.")
    end: int = Field(description="Offset just past the content.")
    pieces: tuple[tuple[int, int], ...] = Field(description="Offsets of each quoted piece.")
    balanced: bool = Field(description="False when a quotation mark was left open.")
    speaker_key: str | None = Field(description="Mention key of the speaker, if named.")
    speaker_text: str | None = Field(description="The speaker as written (name or description).")
    speaker_start: int | None = Field(description="Offset of the speaker's words, if any.")
    speaker_end: int | None = Field(description="Offset just past the speaker's words.")
    confidence: float = Field(description="How sure the attribution is, 0-1.")


class StoredQuote(Record):
    """A quote as `quotes` prints it, with the speaker resolved across the corpus."""

    quote_id: int = Field(description="Store-wide quote id.")
    doc_id: str = Field(description="Document id.")
    sentence_id: int = Field(description="Store-wide id of the sentence where it starts.")
    line: int = Field(description="1-based line number of that sentence.")
    kind: QuoteKind = Field(description="direct, indirect, mixed or partial.")
    cue: str | None = Field(description="The speech verb or phrase.")
    content: str = Field(description="The quoted or reported words.")
    start: int = Field(description="Offset of the content in the document text.")
    end: int = Field(description="Offset just past the content.")
    pieces: tuple[tuple[int, int], ...] = Field(description="Offsets of each quoted piece.")
    speaker: str | None = Field(description="Canonical actor id of the speaker, if known.")
    speaker_name: str | None = Field(description="Actor name, else the description as written.")
    speaker_text: str | None = Field(description="The speaker as this document writes it.")
    speaker_start: int | None = Field(description="Offset of the speaker's words, if any.")
    speaker_end: int | None = Field(description="Offset just past the speaker's words.")
    resolved_from: int | None = Field(
        description="Quote id of the same quote in another source that named the speaker."
    )
    confidence: float = Field(description="How sure the attribution is, 0-1.")
