"""Speech, belief and stance: statements and assessments of a clause, and spoken demands.

"Ali Demir noted that the talks had stalled" is a statement; "expressed doubt that X" an
assessment; "'Brussels must act,' she said" also the speaker's demand (an obligation modal).
"""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import AssertionKind
from putin_claims.nlp.assertions.actor import verb_actor
from putin_claims.nlp.assertions.build import records
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import negated
from putin_claims.nlp.assertions.labels import CCOMP, CLAUSE_COMPLEMENTS
from putin_claims.nlp.assertions.patterns import OBLIGATION_MODAL, OBLIGATION_VERB, STANCE
from putin_claims.nlp.assertions.records import Cue, RawAssertion
from putin_claims.nlp.assertions.spans import clean_range, skip_leading, subtree_range


def speech(s: Sentence, tok: Token, kind: AssertionKind, name: str) -> list[RawAssertion]:
    """A speech or belief verb with a clause: what it says or holds."""
    content = [c for c in tok.children if c.dep_ == CCOMP]
    if not content:
        return []
    if tok.dep_ in CLAUSE_COMPLEMENTS and tok.head.lemma_.lower() in s.words.causatives:
        return []  # "to make the minister believe that X": nobody says or holds X
    return _clause(s, tok, kind, name, content[0])


def stance(s: Sentence, tok: Token) -> list[RawAssertion]:
    """'expressed skepticism that X', 'voiced hope that X': an assessment of X."""
    match = s.hits.first(STANCE, tok)
    if match is None:
        return []
    verb, noun, clause, _that = match
    name = f"{verb.lemma_.lower()} {noun.lemma_.lower()}"
    return _clause(s, tok, AssertionKind.ASSESSMENT, name, clause)


def _clause(
    s: Sentence, tok: Token, kind: AssertionKind, name: str, head: Token
) -> list[RawAssertion]:
    start, end = clean_range(subtree_range(head), s.span, s.words)
    start = skip_leading(s.doc, start, end, s.words.complementizers)
    cue = Cue(tok, kind, name, verb_actor(s, tok), negated(s, tok))
    out = records(s, cue, [(start, end)])
    modal = obligation(s, head)
    if kind is AssertionKind.STATEMENT and modal:
        # "X must stop Y," the minister told reporters: the speaker demands it.
        demand = Cue(tok, AssertionKind.DEMAND, f"{name}: {modal}", cue.actor)
        out += records(s, demand, [(start, end)])
    return out


def obligation(s: Sentence, head: Token) -> str | None:
    """The modal of obligation on a clause ('must', 'should', 'has to'), if any."""
    modal = s.hits.first(OBLIGATION_MODAL, head)
    if modal is not None:
        return modal[1].lower_
    verb = s.hits.first(OBLIGATION_VERB, head)
    if verb is not None:
        return f"{head.lemma_} {verb[2].lower_}"
    return None
