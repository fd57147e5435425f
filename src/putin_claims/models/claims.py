"""Assertions, claims, their evidence, and `check` results."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from putin_claims.models.base import Record
from putin_claims.models.ingest import Genre


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


class VagueReason(StrEnum):
    """Why an assertion's content says too little to list as what an actor wants."""

    BARE_TOPIC = "bare_topic"
    GENERIC_GOAL = "generic_goal"
    FRAGMENT = "fragment"
    ONE_WORD = "one_word"
    HEADLINE = "headline"


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
    vague: bool = Field(
        default=False, description="True when the content says too little (see vague_reason)."
    )
    vague_reason: VagueReason | None = Field(
        default=None, description="Which rule found the content vague; null when it is not."
    )


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
    vague: bool = Field(default=False, description="The content says too little.")
    vague_reason: VagueReason | None = Field(default=None, description="Why it is vague.")
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
    vague: bool = Field(
        default=False, description="True when this passage's content says too little."
    )


#: Genres counted apart from news in corroboration: they are views, not reports.
OPINION_GENRES = frozenset({Genre.OPINION, Genre.ANALYSIS})


class Corroboration(Record):
    """How many sources carry something: all of them, independent news reports, opinion.

    ``n_sources`` counts every document; ``n_independent_sources`` the independent groups
    (copies collapsed into their originals) among the news documents; ``n_opinion_sources``
    the opinion and analysis pieces, which never count as independent.
    """

    n_sources: int = Field(description="Documents carrying it.")
    n_independent_sources: int = Field(
        description="Independent groups among the news documents (copies collapsed)."
    )
    n_opinion_sources: int = Field(description="Opinion and analysis documents carrying it.")

    def line(self) -> str:
        """'3 sources, 2 independent, 1 opinion' (the opinion part only when there is one)."""
        text = f"{self.n_sources} source" + ("s" if self.n_sources != 1 else "")
        text += f", {self.n_independent_sources} independent"
        if self.n_opinion_sources:
            text += f", {self.n_opinion_sources} opinion"
        return text


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
        description="Independent groups among the news documents of the evidence (copies "
        "collapsed into their originals; opinion and analysis left out)."
    )
    n_opinion_sources: int = Field(
        default=0, description="Opinion and analysis documents among the evidence."
    )
    first_seen: dt.date | None = Field(description="Earliest document date among the evidence.")
    last_seen: dt.date | None = Field(description="Latest document date among the evidence.")
    vague: bool = Field(
        default=False,
        description="True when every member assertion is vague; left out unless asked for.",
    )

    @property
    def corroboration(self) -> Corroboration:
        """The three counts together."""
        return Corroboration(
            n_sources=self.n_sources,
            n_independent_sources=self.n_independent_sources,
            n_opinion_sources=self.n_opinion_sources,
        )


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
        description="Independent groups among the supporting news documents (copies collapsed)."
    )
    opinion_supporting_sources: int = Field(
        default=0, description="Opinion and analysis documents among the supporting ones."
    )
    contradicting_sources: int = Field(description="Documents with a contradicting passage.")
    independent_contradicting_sources: int = Field(
        description="Independent groups among the contradicting news documents."
    )
    opinion_contradicting_sources: int = Field(
        default=0, description="Opinion and analysis documents among the contradicting ones."
    )
    total_sources: int = Field(description="Documents in the store.")
    verdict: str = Field(
        description="One line, e.g. 'supported by 3 of 5 sources (2 independent)'."
    )
