"""What the spaCy stage makes of a document: sentences, mentions, dates, ready to store."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from putin_claims.models.base import Record
from putin_claims.models.claims import Assertion
from putin_claims.models.dates import DateKind, Granularity
from putin_claims.models.ingest import BoilerplateKind, IngestedDocument, LineRole
from putin_claims.models.quotes import Quote


class Sentence(Record):
    """A sentence of the article's text or a boilerplate line, with exact offsets."""

    index: int = Field(description="0-based position of the record within its document.")
    paragraph: int | None = Field(description="Paragraph index; null for lines set aside.")
    line: int = Field(description="1-based line number where the sentence starts.")
    start: int = Field(description="Offset of the first character in the document text.")
    end: int = Field(description="Offset just past the last character; text == doc[start:end].")
    text: str = Field(description="The sentence exactly as it stands in the document.")
    role: LineRole = Field(description="Role of the line(s) the sentence comes from.")
    boilerplate: BoilerplateKind | None = Field(
        default=None, description="Why the sentence was set aside, if it was."
    )
    reason: str | None = Field(default=None, description="Evidence for a boilerplate flag.")


class MentionKind(StrEnum):
    """How a mention names its actor."""

    NAME = "name"
    ROLE = "role"
    PRONOUN = "pronoun"


class Mention(Record):
    """One place where an article refers to an actor."""

    sentence: int = Field(description="Index of the sentence the mention is in.")
    start: int = Field(description="Offset of the mention in the document text.")
    end: int = Field(description="Offset just past the mention.")
    surface: str = Field(description="The mention as written, titles included.")
    kind: MentionKind = Field(description="Name, role description or pronoun.")
    label: str = Field(description="spaCy entity label, ALIAS for alias-list hits, or PRON.")
    key: str = Field(description="Normalised key that corpus resolution maps to an actor.")


class RoleLink(Record):
    """Evidence that a role is held by a named person ("Russian President Putin")."""

    sentence: int = Field(description="Index of the sentence holding the evidence.")
    role_key: str = Field(description="Normalised role, e.g. 'president|russia'.")
    name_key: str = Field(description="Key of the named holder.")


class DateMention(Record):
    """A date expression normalised against the article's date."""

    sentence: int = Field(description="Index of the sentence the date is in.")
    start: int = Field(description="Offset of the expression in the document text.")
    end: int = Field(description="Offset just past the expression.")
    text: str = Field(description="The expression as written.")
    kind: DateKind = Field(description="Point in time, duration or recurring set.")
    value: str | None = Field(description="TIMEX3-style value; null when it cannot be resolved.")
    granularity: Granularity = Field(description="Precision of the value (day, month, year ...).")
    relative: bool = Field(description="Whether the expression needs an anchor to resolve.")
    anchor: dt.date | None = Field(description="The article date used as anchor, if any.")


class ProcessedDocument(Record):
    """Everything the per-document stages produce, ready for one store transaction."""

    document: IngestedDocument = Field(description="The ingested article.")
    sentences: tuple[Sentence, ...] = Field(description="Sentences and boilerplate lines.")
    mentions: tuple[Mention, ...] = Field(description="Actor mentions, unresolved keys.")
    role_links: tuple[RoleLink, ...] = Field(description="Role-holder evidence.")
    dates: tuple[DateMention, ...] = Field(description="Normalised date expressions.")
    assertions: tuple[Assertion, ...] = Field(
        default=(), description="Who wants, demands, refuses, offers, says or thinks what."
    )
    terms: tuple[str, ...] = Field(
        default=(), description="Per sentence: content-word lemmas used for matching."
    )
    quotes: tuple[Quote, ...] = Field(default=(), description="Direct and reported speech.")
