"""What ingest makes of an article: lines, paragraphs, metadata, provenance notes."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from putin_claims.models.base import Record


class LineRole(StrEnum):
    """What a line of an article is."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    METADATA = "metadata"
    HEADING = "heading"
    CONTENT = "content"
    BOILERPLATE = "boilerplate"


class BoilerplateKind(StrEnum):
    """Why a line was set aside as boilerplate."""

    NAVIGATION = "navigation"
    SHARE = "share"
    SUBSCRIPTION = "subscription"
    SOCIAL = "social"
    COMMENTS = "comments"
    PLAYER = "player"
    PROMO = "promo"
    IMAGE_CREDIT = "image_credit"
    IDENTIFIER = "identifier"
    FOREIGN_LANGUAGE = "foreign_language"
    EDITORIAL_NOTE = "editorial_note"
    DISCLAIMER = "disclaimer"
    UI_HINT = "ui_hint"
    REPEATED_TITLE = "repeated_title"
    REPEATED_ACROSS_SOURCES = "repeated_across_sources"
    BLOCK = "block"


class NoteKind(StrEnum):
    """Kinds of provenance notes found in an article's text."""

    ORIGINAL_SOURCE = "original_source"
    REPRINTED_FROM = "reprinted_from"
    ORIGINALLY_PUBLISHED = "originally_published"
    WIRE = "wire"


class Genre(StrEnum):
    """What kind of piece a document is: news reports and opinion are counted apart."""

    NEWS = "news"
    OPINION = "opinion"
    ANALYSIS = "analysis"


class DateKindMeta(StrEnum):
    """Which date of the article the metadata date is."""

    PUBLISHED = "published"
    UPDATED = "updated"


class Line(Record):
    """One physical line of the decoded article text."""

    number: int = Field(description="1-based line number in the original file.")
    start: int = Field(description="Character offset of the line's first non-blank character.")
    end: int = Field(description="Character offset just past the line's last non-blank character.")
    text: str = Field(description="The line, stripped of surrounding whitespace.")
    role: LineRole = Field(description="What the line is: title, byline, content, boilerplate ...")
    boilerplate: BoilerplateKind | None = Field(
        default=None, description="Why the line was set aside, when role is boilerplate."
    )
    reason: str | None = Field(
        default=None, description="Human-readable evidence for the role (cue matched, rule)."
    )


class SourceNote(Record):
    """A provenance note such as "Original Source: www.nytimes.com"."""

    kind: NoteKind = Field(description="What the note says about the article's origin.")
    value: str = Field(description="The source named by the note (outlet, site or agency).")
    line: int = Field(description="1-based line number of the note in the original file.")
    text: str = Field(description="The full line that carries the note.")


class DocumentMeta(Record):
    """Metadata read from the article text; unknown values stay null."""

    title: str | None = Field(default=None, description="Headline of the article.")
    author: str | None = Field(default=None, description="Byline: who wrote the article.")
    outlet: str | None = Field(default=None, description="Publication that carried the article.")
    date: dt.date | None = Field(default=None, description="Publication or update date.")
    date_kind: DateKindMeta | None = Field(
        default=None, description="Whether `date` is the publication or the update date."
    )
    url: str | None = Field(default=None, description="Canonical URL of the article.")
    genre: Genre = Field(
        default=Genre.NEWS, description="News report, opinion or analysis (from notes, labels)."
    )
    genre_cue: str | None = Field(
        default=None, description="The words that marked the piece as opinion or analysis."
    )
    notes: tuple[SourceNote, ...] = Field(
        default=(), description="Provenance notes (original source, reprinted from ...)."
    )


class Paragraph(Record):
    """A run of article lines that reads as one paragraph (never boilerplate)."""

    index: int = Field(description="0-based paragraph number within the document.")
    start: int = Field(description="Character offset of the paragraph's first character.")
    end: int = Field(description="Character offset just past the paragraph's last character.")
    role: LineRole = Field(description="Role shared by the paragraph's lines.")
    line: int = Field(description="1-based line number of the paragraph's first line.")


class IngestedDocument(Record):
    """An article decoded, split into lines and paragraphs, with its metadata."""

    doc_id: str = Field(description="File name (or record id) without extension, unique.")
    path: str = Field(
        description="Absolute path of the source file; '#' and the record key for one record"
        " of a JSON or JSONL export."
    )
    sha256: str = Field(description="SHA-256 of the file's bytes (of the record, for exports).")
    format: str = Field(default="text", description="Reader that read it: text, markdown, html ...")
    raw: bytes | None = Field(
        default=None,
        description="The source as read, kept when the text is extracted from it (HTML, JSON).",
    )
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    text: str = Field(description="Decoded text; every offset in the store points into it.")
    lines: tuple[Line, ...] = Field(description="Every non-blank line, classified.")
    paragraphs: tuple[Paragraph, ...] = Field(description="Paragraphs of the article's own text.")
    meta: DocumentMeta = Field(description="Title, author, outlet, date and provenance notes.")


class SourceText(Record):
    """One article as a reader gives it: the text that offsets index, and what the format
    itself states about it (HTML meta tags, JSON fields); the text's own header lines are read
    later, and what the format states wins over them."""

    text: str = Field(description="The article text; every stored offset points into it.")
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    format: str = Field(description="Reader that read it: text, markdown, html, json, jsonl.")
    meta: DocumentMeta = Field(
        default_factory=DocumentMeta, description="Metadata the format states (null: unknown)."
    )
    sha256: str = Field(description="SHA-256 of the file's bytes, or of the export record.")
    record: str | None = Field(
        default=None, description="Key of the record within an export file (id, url, position)."
    )
    doc_id: str | None = Field(
        default=None, description="Document id the source suggests (a record's id or URL slug)."
    )
    raw: bytes | None = Field(
        default=None, description="The source as read, when the text was extracted from it."
    )
