"""Cue nouns: "Ankara's goal is to X", "For Ankara, X and Y are priorities", "the need to X".

The content is a clause or prepositional object of the noun ("the demand that X", "a push for
X"), the complement of the clause it is the subject of ("the aim is X"), or the clause subject
it is the value of ("X is the aim"); a noun that says enough itself is its own content ("its
war aims"). A list after a marker gives one assertion per item.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from putin_claims.models import AssertionKind
from putin_claims.nlp.assertions.actor import noun_actor
from putin_claims.nlp.assertions.build import build, record, records
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.hedges import negated
from putin_claims.nlp.assertions.labels import DET, NOUN_MODIFIERS, PREP, VERB
from putin_claims.nlp.assertions.lists import eventive, list_items
from putin_claims.nlp.assertions.patterns import (
    NOUN_ATTR_SUBJECT,
    NOUN_PREP,
    NOUN_SUBJECT_VALUE,
    NOUN_THAT_CLAUSE,
    NOUN_TO_CLAUSE,
    PHRASAL_NOUN,
)
from putin_claims.nlp.assertions.records import Cue, RawAssertion
from putin_claims.nlp.assertions.spans import clean_range, subtree_range


def noun_assertions(s: Sentence, tok: Token) -> list[RawAssertion]:
    """The assertions the noun ``tok`` cues."""
    cued = _noun_kind(s, tok)
    if cued is None:
        return []
    kind, name = cued
    cue = Cue(tok, kind, name, noun_actor(s, tok), _negated(s, tok))
    items = list_items(s, tok)
    if items:
        return records(s, cue, items, item=True)
    heads = noun_content(s, tok)
    if len(heads) == 2:  # "demands for foreign powers to cease X"
        first = min(subtree_range(h)[0] for h in heads)
        last = max(subtree_range(h)[1] for h in heads)
        return records(s, cue, [clean_range((first, last), s.span, s.words)])
    if not heads:
        if name in s.lex.needs_complement or not _modified(s, tok):
            return []
        return _self_content(s, cue)
    return build(s, cue, heads)


def _noun_kind(s: Sentence, tok: Token) -> tuple[AssertionKind, str] | None:
    """What the noun cues and the cue's name ("red line"); None: nothing, or an unbound noun."""
    name = tok.lemma_.lower()
    kind = s.lex.nouns.get(name)
    start = s.hits.phrase_ending(PHRASAL_NOUN, tok, s.start)
    if start is not None:
        name = f"{s.doc[start].lower_} {name}"
        kind = s.lex.phrasal_nouns[(s.doc[start].lower_, tok.lemma_.lower())]
    if kind is None:
        return None
    bound = _bound_nouns(s.words.bound_nouns)
    if name in bound and not any(c.lower_ == bound[name] for c in tok.children):
        return None  # "interest" cues only with "in"
    return kind, name


@cache
def _bound_nouns(entries: tuple[str, ...]) -> dict[str, str]:
    """Cue noun -> the preposition it needs ("interest" -> "in")."""
    return dict(entry.split() for entry in entries)


def _negated(s: Sentence, tok: Token) -> bool:
    """'no demands', or a negated clause: 'has not set conditions'."""
    determiners = s.words.negating_determiners
    return any(c.dep_ == DET and c.lower_ in determiners for c in tok.children) or negated(
        s, tok.head
    )


def noun_content(s: Sentence, tok: Token) -> list[Token]:
    """Head tokens of the noun's content (two for "demands for X to Y")."""
    clauses = _clauses(s, tok)
    first_clause = clauses[0] if clauses else None
    found = _prep_content(s, tok, first_clause)
    if found is not None:
        return found
    if first_clause is not None:
        return [first_clause]
    if value := s.hits.first(NOUN_SUBJECT_VALUE, tok):
        return [value[2]]  # "the goal is X"
    subjects = [m[2] for m in s.hits.trees(NOUN_ATTR_SUBJECT, tok)]
    if subjects and not s.actor_like(subjects[0]):
        return subjects  # "X is the goal"
    return []


def _clauses(s: Sentence, tok: Token) -> list[Token]:
    """Infinitive and that-clauses after the noun ("the goal to X", "the demand that X")."""
    found = {
        m[1].i: m[1] for rule in (NOUN_TO_CLAUSE, NOUN_THAT_CLAUSE) for m in s.hits.trees(rule, tok)
    }
    return [found[i] for i in sorted(found)]


def _prep_content(s: Sentence, tok: Token, clause: Token | None) -> list[Token] | None:
    """The objects of a content preposition ("a push for X"), or the "for X to Y" pair.

    None: no preposition gives the content (a clause after the noun wins over later ones).
    """
    by_prep: dict[int, list[Token]] = {}
    for _noun, prep, obj in s.hits.trees(NOUN_PREP, tok):
        by_prep.setdefault(prep.i, []).append(obj)
    for prep_i, objs in by_prep.items():
        if s.actor_like(objs[0]):
            continue  # "the demand of Turkey"
        if s.doc[prep_i].lower_ in s.words.beneficiary_preps and clause and clause.i > objs[0].i:
            return [objs[0], clause]  # "demands for foreign powers to cease X"
        if clause is not None:
            return None
        if objs[0].pos_ == VERB or eventive(s.lex, objs[0]):
            return objs
    return None


def _modified(s: Sentence, tok: Token) -> bool:
    """Has a modifier that says what the goal is about ("war objectives", "goals in Syria")."""
    return any(
        (c.dep_ in NOUN_MODIFIERS and c.lower_ not in s.lex.vague)
        or (c.dep_ == PREP and c.i > tok.i and c.lower_ in s.words.topic_preps)
        for c in tok.children
    )


def _self_content(s: Sentence, cue: Cue) -> list[RawAssertion]:
    """A goal noun that says enough itself: "his maximal goals", "its war objectives"."""
    tok = cue.tok
    first = min(
        [tok.i] + [c.left_edge.i for c in tok.children if c.i < tok.i and c.dep_ in NOUN_MODIFIERS]
    )
    last = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ == PREP])
    found = record(s, cue, clean_range((first, last), s.span, s.words))
    return [found] if found else []
