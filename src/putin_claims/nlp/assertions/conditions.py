"""Conditions of an offer: "would accept X, provided it excludes Y" also demands Y."""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import AssertionKind, Hedge
from putin_claims.nlp.assertions.build import record
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import SEMICOLON
from putin_claims.nlp.assertions.patterns import OFFER_CONDITION
from putin_claims.nlp.assertions.records import ActorRef, Cue, RawAssertion
from putin_claims.nlp.assertions.spans import clean_range

#: The cue of a demand that states an offer's condition.
CONDITION_CUE = "condition"


def conditions(s: Sentence, tok: Token, actor: ActorRef) -> list[RawAssertion]:
    """The first condition after the offer ``tok`` ('provided X', 'if X'), a conditional demand.

    The condition runs to a semicolon or the end of the sentence.
    """
    doc = s.doc
    for i in range(tok.i + 1, s.end):
        marker = _condition_at(s, i)
        if not marker:
            continue
        stop = next((j for j in range(i, s.end) if doc[j].lower_ == SEMICOLON), s.end)
        rng = clean_range((i + marker, stop - 1), s.span, s.words)
        found = record(s, Cue(tok, AssertionKind.DEMAND, CONDITION_CUE, actor), rng)
        if found is None:
            return []
        found.hedge = Hedge.CONDITIONAL
        found.hedge_cue = doc[i : i + marker].text.lower()
        return [found]
    return []


def _condition_at(s: Sentence, i: int) -> int:
    """Length of the condition marker at token ``i``; "provided" needs a comma before it."""
    n = s.hits.phrase_at(OFFER_CONDITION, i, s.end)
    doc = s.doc
    if n and doc[i].lower_ in s.words.punctuated_conditions and not (i > 0 and doc[i - 1].is_punct):
        return 0
    return n
