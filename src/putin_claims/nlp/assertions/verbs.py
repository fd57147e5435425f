"""Cue verbs with their complement: "Ankara wants to X", "insisted on X", "would like X".

The cue is a verb of the lexicon, a phrasal verb ("push for", "rule out"), "would like" or
"make clear"; its content is the first of: a clause after it, its direct object, the object
of a content preposition ("on", "for", ...). Negated goals and offers are refusals ("will
not accept X"); an offer's condition is also a demand.
"""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import GOAL_KINDS, AssertionKind
from putin_claims.nlp.assertions.actor import verb_actor
from putin_claims.nlp.assertions.build import build
from putin_claims.nlp.assertions.conditions import conditions
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import negated
from putin_claims.nlp.assertions.labels import ACL, AMOD, CSUBJ, GERUND, PARTICIPLE
from putin_claims.nlp.assertions.patterns import (
    COPULA_VALUE,
    PHRASAL_INFINITIVE,
    PHRASAL_PARTICLE,
    STATEMENT_PHRASE,
    VERB_CCOMP,
    VERB_DOBJ,
    VERB_PREP,
    VERB_XCOMP,
    WOULD_VERB,
)
from putin_claims.nlp.assertions.records import Cue, RawAssertion
from putin_claims.nlp.assertions.speech import speech, stance

SPEECH_KINDS = frozenset({AssertionKind.STATEMENT, AssertionKind.ASSESSMENT})


def verb_kind(s: Sentence, tok: Token) -> tuple[AssertionKind, str] | None:
    """What the verb ``tok`` cues, and the cue's name ("push for"); None: it cues nothing."""
    lemma = tok.lemma_.lower()
    if phrase := s.hits.first(STATEMENT_PHRASE, tok):
        return AssertionKind.STATEMENT, f"{lemma} {phrase[1].lower_}"  # "has made clear that X"
    if s.hits.first(WOULD_VERB, tok):
        return AssertionKind.OBJECTIVE, f"would {lemma}"  # "Ankara would like X"
    for rule in (PHRASAL_PARTICLE, PHRASAL_INFINITIVE):
        for match in s.hits.trees(rule, tok):  # the first dependent that completes the verb
            particle = match[-1].lower_
            kind = s.lex.phrasal_verbs.get((lemma, particle))
            if kind is not None:
                return kind, f"{lemma} {particle}"
    kind = s.lex.verbs.get(lemma)
    return (kind, lemma) if kind is not None else None


def verb_assertions(s: Sentence, tok: Token) -> list[RawAssertion]:
    """The assertions the verb ``tok`` cues: stance, speech, or a goal with its content."""
    found = stance(s, tok)
    if found:
        return found
    cued = verb_kind(s, tok)
    if cued is None or _not_a_cue(s, tok):
        return []
    kind, name = cued
    if kind in SPEECH_KINDS:
        return speech(s, tok, kind, name)
    heads = verb_content(s, tok)
    if not heads:
        return []
    cue = _polarity(s, Cue(tok, kind, name, verb_actor(s, tok), negated(s, tok)))
    out = build(s, cue, heads)
    if cue.kind is AssertionKind.OFFER:
        out.extend(conditions(s, tok, cue.actor))
    return out


def _not_a_cue(s: Sentence, tok: Token) -> bool:
    if tok.tag_ == GERUND and tok.lower_ in s.words.prepositional_participles:
        return True  # "considering X"
    return tok.tag_ == PARTICIPLE and tok.dep_ in (ACL, AMOD)  # "a truce aimed at X"


def _polarity(s: Sentence, cue: Cue) -> Cue:
    """A negated goal, or a negated offer that can be refused, is a refusal ("will not accept")."""
    negatable = cue.kind is AssertionKind.OFFER and cue.tok.lemma_.lower() in s.lex.negatable_offers
    if cue.negated and (negatable or cue.kind in GOAL_KINDS):
        return Cue(cue.tok, AssertionKind.REFUSAL, cue.name, cue.actor, negated=False)
    return cue


def verb_content(s: Sentence, tok: Token) -> list[Token]:
    """Head tokens of the complement; several for a list ("seek A and B")."""
    for rule in (VERB_XCOMP, VERB_CCOMP):
        if clause := s.hits.first(rule, tok):
            return [clause[1]]
    if obj := s.hits.first(VERB_DOBJ, tok):
        if obj[1].lower_ in s.words.free_relatives and tok.dep_ == CSUBJ:
            return [value for _verb, value in s.hits.trees(COPULA_VALUE, tok)]
        return [obj[1]]
    if preps := s.hits.trees(VERB_PREP, tok):
        first = preps[0][1]  # the first content preposition; all its objects
        return [obj for _verb, prep, obj in preps if prep.i == first.i]
    return []
