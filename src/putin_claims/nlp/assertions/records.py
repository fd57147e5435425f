"""The records the assertion rules produce, before actor spans become mention keys."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from putin_claims.models import ActorSource, AssertionKind, Hedge, VagueReason

#: The sentence index of a record that has not been placed in its document yet.
UNPLACED = -1


@dataclass(frozen=True)
class Subject:
    """A grammatical subject: the actors a paragraph is about, for sentences that name none."""

    sentence: int
    start: int
    end: int

    def moved(self, offset: int, sentence: int) -> Subject:
        return Subject(sentence, self.start + offset, self.end + offset)


@dataclass(frozen=True)
class ActorRef:
    """Who an assertion is by, as character offsets of the actor's head word.

    ``start is None`` with source CONTEXT: the sentence names nobody, and
    :func:`putin_claims.nlp.assertions.finalize` takes the paragraph's actor.
    """

    start: int | None
    end: int | None
    text: str
    source: ActorSource
    prefer_person: bool = True


@dataclass(frozen=True)
class Cue:
    """What a rule found before its contents: the cue word, what it asserts, and by whom."""

    tok: Token
    kind: AssertionKind
    name: str
    actor: ActorRef
    negated: bool = False


@dataclass(frozen=True)
class Attribution:
    """The source an assertion is reported from ("according to X", "X said that ...")."""

    start: int
    end: int
    text: str
    cue: str


@dataclass
class RawAssertion:
    """An assertion before its actor span is mapped to a mention key (offsets: document)."""

    sentence: int
    kind: AssertionKind
    cue: str
    cue_start: int
    actor_start: int | None
    actor_end: int | None
    actor_text: str
    actor_source: ActorSource
    prefer_person: bool
    start: int
    end: int
    content: str
    negated: bool
    hedge: Hedge
    hedge_cue: str | None
    attributed_start: int | None = None
    attributed_end: int | None = None
    attributed_text: str | None = None
    terms: list[tuple[int, int, str]] = field(default_factory=list)
    item: bool = False
    vague: VagueReason | None = None

    def moved(self, offset: int, sentence: int) -> RawAssertion:
        """The record with document offsets and its document sentence index."""

        def shift(value: int | None) -> int | None:
            return None if value is None else value + offset

        return replace(
            self, sentence=sentence, cue_start=self.cue_start + offset,
            actor_start=shift(self.actor_start), actor_end=shift(self.actor_end),
            start=self.start + offset, end=self.end + offset,
            attributed_start=shift(self.attributed_start),
            attributed_end=shift(self.attributed_end),
            terms=[(a + offset, b + offset, t) for a, b, t in self.terms],
        )  # fmt: skip
