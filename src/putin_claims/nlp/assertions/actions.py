"""Actions: what a named actor does ("The minister signed the decree on Monday")."""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import ActorSource, AssertionKind
from putin_claims.nlp.assertions.actor import actor_at
from putin_claims.nlp.assertions.build import records
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import negated
from putin_claims.nlp.assertions.labels import (
    ACTION_OBJECTS,
    ACTOR_ENTITIES,
    CONJ,
    NSUBJ,
    PROPN,
    ROOT,
)
from putin_claims.nlp.assertions.records import Cue, RawAssertion
from putin_claims.nlp.assertions.spans import clean_range
from putin_claims.nlp.assertions.verbs import verb_kind


def action(s: Sentence, tok: Token) -> list[RawAssertion]:
    """A main verb that cues nothing else, with a named subject and an object after it."""
    if not _main_verb(tok):
        return []
    lemma = tok.lemma_.lower()
    if lemma in s.lex.light | s.lex.hedge_verbs or verb_kind(s, tok) is not None:
        return []
    subjects = [c for c in tok.children if c.dep_ == NSUBJ]
    if not subjects or not _named(s, subjects[0]):
        return []
    objects = [c for c in tok.children if c.dep_ in ACTION_OBJECTS and c.i > tok.i]
    if not objects:
        return []
    rng = clean_range((tok.i, max(c.right_edge.i for c in objects)), s.span, s.words)
    actor = actor_at(s, subjects[0], ActorSource.SUBJECT)
    return records(s, Cue(tok, AssertionKind.ACTION, lemma, actor, negated(s, tok)), [rng])


def _main_verb(tok: Token) -> bool:
    return tok.dep_ == ROOT or (tok.dep_ == CONJ and tok.head.dep_ == ROOT)


def _named(s: Sentence, subject: Token) -> bool:
    return (
        subject.pos_ == PROPN
        or subject.lower_ in s.words.person_pronouns
        or subject.ent_type_ in ACTOR_ENTITIES
    )
