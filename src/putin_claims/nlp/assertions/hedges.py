"""How firmly an assertion is made (hedge) and whom it is reported from (attribution).

A cue is hedged by what governs it on the way up to the root or to the speech verb that
reports it: a modal ("may seek"), an adverb ("reportedly wants"), "appear to"/"seem to", a
passive report verb ("is said to want"), a likelihood adjective ("is likely to"); "would" and
an "if" clause make it conditional. A governing speech verb or "according to" makes it
reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from putin_claims.models import ActorSource, Hedge
from putin_claims.nlp.assertions.actor import MAX_CLIMB, actor_at
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import (
    ACOMP,
    ADVCL,
    ADVMOD,
    AUX,
    AUXPASS,
    CCOMP,
    MARK,
    NEG,
    NSUBJ,
    XCOMP,
)
from putin_claims.nlp.assertions.patterns import ATTRIBUTION_PHRASE
from putin_claims.nlp.assertions.records import Attribution

#: Precedence when several hedges apply: the weakest statement wins.
HEDGE_ORDER = (Hedge.ASSERTED, Hedge.REPORTED, Hedge.HEDGED, Hedge.CONDITIONAL)
_REPORTING = frozenset({CCOMP, XCOMP, ADVCL})


def weaker(a: Hedge, b: Hedge) -> bool:
    """``a`` is a weaker statement than ``b``."""
    return HEDGE_ORDER.index(a) > HEDGE_ORDER.index(b)


def negated(s: Sentence, tok: Token) -> bool:
    """``tok`` has a negation ("not", "never") among its dependents."""
    return any(c.dep_ == NEG or c.lower_ in s.words.cue_negators for c in tok.children)


def hedge(s: Sentence, tok: Token) -> tuple[Hedge, str | None]:
    """The weakest hedge on ``tok`` and the word that makes it (the first of equals)."""
    best: tuple[Hedge, str | None] = (Hedge.ASSERTED, None)
    for found, cue in _hedges(s, tok):
        if weaker(found, best[0]):
            best = (found, cue)
    return best


def _chain(s: Sentence, tok: Token) -> Iterator[Token]:
    """``tok`` and its heads, up to the root or the speech verb that reports it."""
    current = tok
    for _ in range(MAX_CLIMB + 2):
        yield current
        if current.head.i == current.i or (
            current.dep_ == CCOMP and s.lex.speech(current.head.lemma_.lower())
        ):
            break
        current = current.head


def _hedges(s: Sentence, tok: Token) -> Iterator[tuple[Hedge, str]]:
    lex = s.lex
    for node in _chain(s, tok):
        for child in node.children:
            found = _child_hedge(s, tok, node, child)
            if found is not None:
                yield found, child.lower_
        lemma = node.lemma_.lower()
        if node.i != tok.i and lemma in lex.hedge_verbs:
            yield Hedge.HEDGED, lemma  # "appears to want"
        if (
            node.i != tok.i
            and lemma in lex.passive_reports
            and any(c.dep_ == AUXPASS for c in node.children)
        ):
            yield Hedge.HEDGED, lemma  # "is said to want"


def _child_hedge(s: Sentence, tok: Token, node: Token, child: Token) -> Hedge | None:
    lex, lower = s.lex, child.lower_
    if (child.dep_ == AUX and lower in lex.hedge_modals) or (
        child.dep_ == ADVMOD and lower in lex.hedge_adverbs
    ):
        return Hedge.HEDGED
    if child.dep_ == MARK and lower in lex.conditional and node.dep_ == ADVCL:
        return Hedge.CONDITIONAL
    if (
        child.dep_ == AUX
        and lower in s.words.conditional_modals
        and node.dep_ != CCOMP
        and not (node.i == tok.i and node.lemma_.lower() in s.words.would_verbs)
    ):
        return Hedge.CONDITIONAL  # "would accept", not "would like"
    if child.dep_ == ACOMP and lower in lex.hedge_adjectives:
        return Hedge.HEDGED
    return None


def attribution(s: Sentence, tok: Token) -> Attribution | None:
    """The source an assertion is reported from: 'according to' or a governing speech verb."""
    return _according_to(s) or _governing_speech(s, tok)


def _according_to(s: Sentence) -> Attribution | None:
    for phrase in s.hits.anchors(ATTRIBUTION_PHRASE, s.start, s.end):
        seen: set[int] = set()
        for head, prep, source in s.hits.trees(ATTRIBUTION_PHRASE, phrase):
            if prep.i in seen:
                continue  # the first object of each preposition
            seen.add(prep.i)
            ref = actor_at(s, source, ActorSource.SUBJECT)
            if ref.start is not None:
                cue = f"{head.lower_} {prep.lower_}"
                return Attribution(ref.start, ref.end or ref.start, ref.text, cue)
    return None


def _governing_speech(s: Sentence, tok: Token) -> Attribution | None:
    current = tok
    for _ in range(MAX_CLIMB + 2):
        head = current.head
        if head.i == current.i:
            break
        lemma = head.lemma_.lower()
        if current.dep_ in _REPORTING and s.lex.speech(lemma):
            subjects = [c for c in head.children if c.dep_ == NSUBJ]
            if subjects:
                ref = actor_at(s, subjects[0], ActorSource.SUBJECT)
                if ref.start is not None:
                    return Attribution(ref.start, ref.end or ref.start, ref.text, lemma)
        current = head
    return None
