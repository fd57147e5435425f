"""pydantic records that cross stage boundaries (ingest -> nlp -> actors -> store -> CLI).

Records that are values are frozen; every field carries a description, which also feeds the
generated documentation in ``docs/data-model.md``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from putin_claims.dates import DateKind, Granularity


class Record(BaseModel):
    """A frozen value with no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- ingest


class LineRole(StrEnum):
    """What a line of an article is."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
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

    doc_id: str = Field(description="File name without extension, unique in the store.")
    path: str = Field(description="Absolute path of the source file.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    text: str = Field(description="Decoded text; every offset in the store points into it.")
    lines: tuple[Line, ...] = Field(description="Every non-blank line, classified.")
    paragraphs: tuple[Paragraph, ...] = Field(description="Paragraphs of the article's own text.")
    meta: DocumentMeta = Field(description="Title, author, outlet, date and provenance notes.")


# --------------------------------------------------------------------------- nlp / actors


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


# --------------------------------------------------------------------------- actors


class ActorType(StrEnum):
    """What sort of actor a canonical actor is."""

    PERSON = "person"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"


class Gender(StrEnum):
    """Grammatical gender used to agree pronouns."""

    MALE = "male"
    FEMALE = "female"


class ActorSpec(BaseModel):
    """One actor in an alias file (TOML ``[[actor]]`` table)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable identifier, lowercase with hyphens.")
    name: str = Field(description="Canonical display name.")
    type: ActorType = Field(description="person, government or organization.")
    gender: Gender | None = Field(default=None, description="For pronoun agreement.")
    aliases: list[str] = Field(default_factory=list, description="Other names and metonyms.")
    demonyms: list[str] = Field(
        default_factory=list, description="Adjectives naming the country ('Russian')."
    )
    leader: str | None = Field(default=None, description="Actor id of a government's leader.")


class ActorData(BaseModel):
    """An alias file: a list of actors."""

    model_config = ConfigDict(extra="forbid")

    actor: list[ActorSpec] = Field(default_factory=list, description="The actors.")


@dataclass
class KeyStats:
    """What the store knows about one mention key across the corpus."""

    key: str
    mentions: int
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class ResolvedActor:
    """A canonical actor as the corpus resolution makes it."""

    actor_id: str
    name: str
    type: ActorType
    government: str | None = None
    leader: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The corpus resolution: actors, and which actor each mention key names."""

    actors: list[ResolvedActor]
    key_to_actor: dict[str, str]


class Actor(Record):
    """A canonical actor as resolved over the whole corpus."""

    actor_id: str = Field(description="Stable identifier.")
    name: str = Field(description="Canonical name.")
    type: ActorType = Field(description="person, government or organization.")
    aliases: tuple[str, ...] = Field(description="Every surface form seen in the corpus.")
    mentions: int = Field(description="Number of mentions across all documents.")
    documents: dict[str, int] = Field(description="Mentions per document id.")
    government: str | None = Field(default=None, description="Government a person leads.")
    leader: str | None = Field(default=None, description="Leader of a government.")


# --------------------------------------------------------------------------- results


class SkippedFile(Record):
    """An input that was reported and not processed."""

    path: str = Field(description="The path as given or found.")
    problem: str = Field(description="One line saying what is wrong and what to do.")


class ExtractSummary(Record):
    """What one `extract` run did."""

    files: int = Field(description="Article files found.")
    processed: int = Field(description="Documents (re)processed in this run.")
    unchanged: int = Field(description="Documents skipped because nothing changed.")
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
    path: str = Field(description="Source file path.")
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


# --------------------------------------------------------------------------- claims


class AssertionKind(StrEnum):
    """What an assertion does: the first two are what `objectives` lists."""

    OBJECTIVE = "objective"
    DEMAND = "demand"
    REFUSAL = "refusal"
    OFFER = "offer"
    STATEMENT = "statement"
    ASSESSMENT = "assessment"
    ACTION = "action"


#: Aims and demands: what an actor wants (refusals are what it will not have).
GOAL_KINDS = frozenset({AssertionKind.OBJECTIVE, AssertionKind.DEMAND})


class Hedge(StrEnum):
    """How firmly the article states an assertion (strongest claim of the source first)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    HEDGED = "hedged"
    CONDITIONAL = "conditional"


class ActorSource(StrEnum):
    """Where the actor of an assertion was read from."""

    SUBJECT = "subject"
    POSSESSOR = "possessor"
    FOR_PHRASE = "for_phrase"
    BENEFICIARY = "beneficiary"
    CONTEXT = "context"


class Assertion(Record):
    """One proposition an actor holds, as one sentence states it (per-document record)."""

    sentence: int = Field(description="Index of the sentence within the document.")
    kind: AssertionKind = Field(description="objective, demand, refusal, offer, statement, ...")
    cue: str = Field(description="The word(s) that signal the kind ('demand', 'insist on').")
    actor_key: str | None = Field(description="Mention key of the actor; null if none is known.")
    actor_text: str = Field(description="The words naming the actor, or a description.")
    actor_source: ActorSource = Field(description="How the actor was found.")
    content: str = Field(description="The proposition itself, exactly as written.")
    start: int = Field(description="Offset of the content in the document text.")
    end: int = Field(description="Offset just past the content.")
    negated: bool = Field(description="True when the cue is negated ('does not want').")
    hedge: Hedge = Field(description="asserted, reported, hedged or conditional.")
    hedge_cue: str | None = Field(description="The word that hedges it ('may', 'if').")
    attributed_key: str | None = Field(description="Mention key of the source it is reported from.")
    attributed_text: str | None = Field(description="The words naming that source.")
    terms: str = Field(description="Content-word lemmas of the content, space-separated.")


class SentenceRef(Record):
    """Where a passage stands: its document, sentence, line and offsets."""

    doc_id: str = Field(description="Document id.")
    sentence_id: int = Field(description="Store-wide sentence id.")
    line: int = Field(description="1-based line number of the sentence.")
    start: int = Field(description="Offset of the sentence in the document text.")
    end: int = Field(description="Offset just past the sentence.")
    text: str = Field(description="The whole sentence, exactly as in the document.")


class AssertionRow(SentenceRef):
    """A stored assertion with its sentence, as the claims stage reads it."""

    assertion_id: int = Field(description="Store-wide assertion id.")
    kind: AssertionKind = Field(description="Kind of assertion.")
    cue: str = Field(description="Cue word.")
    actor: str | None = Field(description="Resolved actor id, if any.")
    actor_text: str = Field(description="Words naming the actor.")
    content: str = Field(description="The proposition.")
    content_start: int = Field(description="Offset of the content.")
    content_end: int = Field(description="Offset just past the content.")
    negated: bool = Field(description="Negated cue.")
    hedge: Hedge = Field(description="Hedge.")
    attributed_actor: str | None = Field(description="Resolved source actor, if any.")
    attributed_text: str | None = Field(description="Words naming the source.")
    terms: str = Field(description="Content lemmas.")
    date: dt.date | None = Field(description="Document date.")


class Evidence(SentenceRef):
    """One passage supporting a claim, traceable to its document and offsets."""

    content: str = Field(description="The words of the sentence that state the claim.")
    content_start: int = Field(description="Offset of the content in the document text.")
    content_end: int = Field(description="Offset just past the content.")
    spans: tuple[tuple[int, int], ...] = Field(
        description="Offsets of every part of the sentence that states the claim (content first)."
    )
    score: float = Field(description="Similarity to the claim's statement, 0-1.")
    kind: AssertionKind = Field(description="Kind of the underlying assertion.")
    cue: str = Field(description="Cue word of the assertion.")
    hedge: Hedge = Field(description="asserted, reported, hedged or conditional.")
    negated: bool = Field(description="True when the source states it negated.")
    actor: str | None = Field(description="Actor the sentence names (may be the government).")
    actor_text: str = Field(description="The words naming the actor in this sentence.")
    via_government: bool = Field(description="True when said of the actor's government.")
    attributed_to: str | None = Field(
        description="Who the article reports it from; null: its own voice."
    )
    date: dt.date | None = Field(description="Date of the document, when known.")


class Claim(Record):
    """Assertions from all sources that say the same thing, grouped."""

    id: str = Field(description="Stable id derived from actor, kind and first evidence.")
    actor: str = Field(description="Actor id (the leader when a government says it).")
    actor_name: str = Field(description="Actor's canonical name.")
    kind: AssertionKind = Field(description="Kind shared by the evidence.")
    statement: str = Field(description="Readable canonical statement.")
    evidence: tuple[Evidence, ...] = Field(description="Every supporting passage, best first.")
    n_sources: int = Field(description="Number of distinct documents among the evidence.")
    n_independent_sources: int = Field(
        description="Documents among the evidence once copies collapse into their originals."
    )
    first_seen: dt.date | None = Field(description="Earliest document date among the evidence.")
    last_seen: dt.date | None = Field(description="Latest document date among the evidence.")


class CheckLabel(StrEnum):
    """How a passage bears on a typed claim."""

    SUPPORTS = "supports"
    RELATED = "related"
    CONTRADICTS = "contradicts"


class CheckHit(SentenceRef):
    """A passage ranked against a typed claim (`check`)."""

    rank: int = Field(description="1-based rank.")
    label: CheckLabel = Field(description="supports, related or contradicts.")
    score: float = Field(description="Combined score, 0-1.")
    content: str | None = Field(description="The matching assertion's content, if any.")
    actor: str | None = Field(description="Actor of the matching assertion, if any.")
    hedge: Hedge | None = Field(description="Hedge of the matching assertion, if any.")
    attributed_to: str | None = Field(description="Source it is reported from, if any.")


class CheckResult(Record):
    """Passages for one typed claim with a one-line verdict."""

    query: str = Field(description="The claim as typed.")
    actor: str | None = Field(description="Actor recognised in the claim, if any.")
    content: str = Field(description="The proposition recognised in the claim.")
    hits: tuple[CheckHit, ...] = Field(description="Passages, best first.")
    supporting_sources: int = Field(description="Documents with at least one supporting passage.")
    independent_supporting_sources: int = Field(
        description="Supporting documents once copies collapse into their originals."
    )
    contradicting_sources: int = Field(description="Documents with a contradicting passage.")
    total_sources: int = Field(description="Documents in the store.")
    verdict: str = Field(
        description="One line, e.g. 'supported by 3 of 5 sources (2 independent)'."
    )


# --------------------------------------------------------------------------- quotes


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


ProcessedDocument.model_rebuild()
