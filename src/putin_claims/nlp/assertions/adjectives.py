"""Cue adjectives: "intent on X", "ready to X", "unwilling to X" (with "to" or a preposition)."""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import AssertionKind
from putin_claims.nlp.assertions.actor import verb_actor
from putin_claims.nlp.assertions.build import build
from putin_claims.nlp.assertions.conditions import conditions
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import negated
from putin_claims.nlp.assertions.labels import ADJECTIVE_SLOTS
from putin_claims.nlp.assertions.patterns import ADJ_CLAUSE, ADJ_PREP
from putin_claims.nlp.assertions.records import Cue, RawAssertion


def adjective_assertions(s: Sentence, tok: Token) -> list[RawAssertion]:
    """The assertion the adjective ``tok`` cues; a negated offer is a refusal."""
    cued = _adjective_cue(s, tok)
    if cued is None:
        return []
    kind, name, heads = cued
    verb = tok.head if tok.dep_ in ADJECTIVE_SLOTS else tok
    actor = verb_actor(s, tok)
    is_negated = negated(s, verb)
    if kind is AssertionKind.OFFER and is_negated:
        kind, is_negated = AssertionKind.REFUSAL, False  # "is not ready to X"
    out = build(s, Cue(tok, kind, name, actor, is_negated), heads)
    if kind is AssertionKind.OFFER:
        out.extend(conditions(s, verb, actor))
    return out


def _adjective_cue(s: Sentence, tok: Token) -> tuple[AssertionKind, str, list[Token]] | None:
    """Kind, cue name and content heads of the first dependent that completes the adjective."""
    complements: dict[int, tuple[str, list[Token]]] = {}
    for _adj, prep, obj in s.hits.trees(ADJ_PREP, tok):  # "intent on X"
        if (tok.lower_, prep.lower_) in s.lex.adjectives:
            complements.setdefault(prep.i, (prep.lower_, []))[1].append(obj)
    for _adj, clause in s.hits.trees(ADJ_CLAUSE, tok):  # "ready to X"
        for marker in sorted(s.words.infinitive_markers):
            if (tok.lower_, marker) in s.lex.adjectives:
                complements.setdefault(clause.i, (marker, [clause]))
                break
    if not complements:
        return None
    word, heads = complements[min(complements)]
    return s.lex.adjectives[(tok.lower_, word)], f"{tok.lower_} {word}", heads
