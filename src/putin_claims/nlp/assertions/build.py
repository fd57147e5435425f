"""From a cue and the head tokens of its content to records: ranges, lists, hedge, source."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from putin_claims.models import Hedge
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import attribution, hedge, weaker
from putin_claims.nlp.assertions.labels import (
    ADVCL,
    CONJ,
    NOMINAL_POS,
    PLURAL_NOUNS,
    PUNCT,
    QUOTES,
)
from putin_claims.nlp.assertions.lists import (
    conjunct_ranges,
    eventive,
    list_items,
    same_class,
    trailing_items,
)
from putin_claims.nlp.assertions.records import UNPLACED, Cue, RawAssertion
from putin_claims.nlp.assertions.spans import Range, anaphoric, clean_range, subtree_range
from putin_claims.nlp.assertions.vague import vagueness
from putin_claims.nlp.terms import token_terms


def build(s: Sentence, cue: Cue, heads: list[Token]) -> list[RawAssertion]:
    """One record per content the ``heads`` span (several for a list)."""
    return records(s, cue, content_ranges(s, cue.tok, heads))


def records(
    s: Sentence, cue: Cue, ranges: Iterable[Range], *, item: bool = False
) -> list[RawAssertion]:
    return [r for rng in ranges if (r := record(s, cue, rng, item=item)) is not None]


def record(s: Sentence, cue: Cue, rng: Range, *, item: bool = False) -> RawAssertion | None:
    """The record of ``cue`` over the tokens ``rng``; None for no words or an anaphor."""
    first, last = rng
    if last < first:
        return None
    words = s.doc[first : last + 1]
    if not any(t.is_alpha for t in words) or anaphoric(words, s.words):
        return None
    level, hedge_cue = hedge(s, cue.tok)
    source = attribution(s, cue.tok)
    if source is not None and weaker(Hedge.REPORTED, level):
        level, hedge_cue = Hedge.REPORTED, source.cue
    actor = cue.actor
    return RawAssertion(
        sentence=UNPLACED,
        kind=cue.kind,
        cue=cue.name,
        cue_start=cue.tok.idx,
        actor_start=actor.start,
        actor_end=actor.end,
        actor_text=actor.text,
        actor_source=actor.source,
        prefer_person=actor.prefer_person,
        start=words.start_char,
        end=words.end_char,
        content=words.text,
        negated=cue.negated,
        hedge=level,
        hedge_cue=hedge_cue,
        attributed_start=source.start if source else None,
        attributed_end=source.end if source else None,
        attributed_text=source.text if source else None,
        terms=token_terms(words, 0),
        item=item,
        vague=vagueness(s, cue.tok, words),
    )


def content_ranges(s: Sentence, cue_tok: Token, heads: list[Token]) -> list[Range]:
    """The ranges of each head's content: list items, conjuncts, or its subtree."""
    ranges: list[Range] = []
    for head in heads:
        ranges.extend(_head_ranges(s, cue_tok, head))
    return [r for r in ranges if r[1] > r[0]]


def _head_ranges(s: Sentence, cue_tok: Token, head: Token) -> list[Range]:
    if head.lemma_.lower() in s.lex.nouns:  # "sought concessions, including X and Y"
        items = list_items(s, head)
        if items:
            return items
    listed = cue_tok.tag_ in PLURAL_NOUNS and head.pos_ in NOMINAL_POS  # "priorities are A and B"
    conjuncts = [
        c
        for c in head.children
        if c.dep_ == CONJ and same_class(c, head) and (listed or eventive(s.lex, c))
    ]
    if conjuncts and (listed or eventive(s.lex, head)):
        found = conjunct_ranges(s, head, conjuncts)
        return found + trailing_items(s, head, max(r[1] for r in found))
    return [clean_range(subtree_range(head, exclude=_aside(s, head)), s.span, s.words)]


def _aside(s: Sentence, head: Token) -> set[int]:
    """Purpose clauses after the head are asides unless the head is an instrument verb."""
    if head.lemma_.lower() in s.lex.instrument_verbs:
        return set()
    aside: set[int] = set()
    for child in head.children:
        if child.dep_ == ADVCL and child.i > head.i and s.infinitive(child):
            aside |= {t.i for t in child.subtree}
        if child.dep_ == PUNCT and child.text in QUOTES and child.i > head.i:
            aside.add(child.i)
    return aside
