"""Who an assertion is by: the subject a cue climbs to, a possessor, a "for" phrase, or context.

Each function returns an :class:`ActorRef` over the actor's head word; pronouns are resolved
later (:mod:`putin_claims.nlp.assertions.finalize`), so "He has set the expectation ..." keeps
"He" here.
"""

from __future__ import annotations

from spacy.tokens import Token

from putin_claims.models import ActorSource
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import (
    ACL,
    AGENT,
    APPOS,
    CCOMP,
    CLIMB,
    CSUBJ,
    DATIVE,
    NOMINAL,
    NOUN,
    NOUN_CLAUSES,
    NSUBJ,
    NSUBJPASS,
    PERSON,
    POBJ,
    POSS,
    PREP,
    PROPN,
    PUNCT,
    RELCL,
    VERB,
    VERBAL_POS,
    XCOMP,
)
from putin_claims.nlp.assertions.patterns import NOUN_OF
from putin_claims.nlp.assertions.records import ActorRef

#: How far a cue climbs the parse to find its actor.
MAX_CLIMB = 6
#: Dependents that are not part of an actor's name ("the minister, who ...").
_NOT_NAME = frozenset({RELCL, ACL, APPOS, PREP, PUNCT})
_NOBODY = ActorRef(None, None, "", ActorSource.SUBJECT, prefer_person=False)


def context_actor(tok: Token) -> ActorRef:
    """No actor in the sentence's grammar: the assembler takes the paragraph's."""
    return ActorRef(None, tok.idx, "", ActorSource.CONTEXT, prefer_person=True)


def actor_at(s: Sentence, tok: Token, source: ActorSource) -> ActorRef:
    """The actor named by ``tok``: its name without relative clauses, appositions, phrases."""
    if tok.lower_ in s.words.neuter_pronouns:
        governing = _governing_subject(tok)
        if governing is not None:
            return actor_at(s, governing, source)
        ref = context_actor(tok)
        return ActorRef(ref.start, ref.end, tok.text, ref.source, prefer_person=False)
    named = [t for t in tok.subtree if t.dep_ == APPOS and t.ent_type_ == PERSON and t.i > tok.i]
    if named and tok.pos_ == NOUN:  # "the minister's aide, Ali Demir, commented"
        tok = named[0]
    name = [t.i for t in tok.subtree if t.dep_ not in _NOT_NAME]
    first = min(name, default=tok.i)
    last = max((i for i in name if i <= tok.i), default=tok.i)
    return ActorRef(tok.idx, tok.idx + len(tok), s.doc[first : last + 1].text, source)


def _governing_subject(tok: Token) -> Token | None:
    """'Ankara acknowledges it may consider X': 'it' is the subject of the clause above."""
    current = tok.head
    for _ in range(MAX_CLIMB):
        if current.dep_ == CCOMP and current.head.i != current.i:
            for child in current.head.children:
                if child.dep_ == NSUBJ and child.pos_ == PROPN:
                    return child
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def verb_actor(s: Sentence, tok: Token) -> ActorRef:
    """The subject (or passive agent) of the cue verb or of a clause it is part of."""
    current = tok
    crossed_noun = False
    for _ in range(MAX_CLIMB):
        found = _own_subject(s, current, crossed_noun)
        if found is not None:
            return found
        if current.dep_ not in CLIMB or current.head.i == current.i:
            break
        if current.dep_ in (ACL, RELCL):
            crossed_noun = True  # "a plan that aims to X": the plan's owner
            owners = [c for c in current.head.children if c.dep_ == POSS]
            if owners:
                return actor_at(s, owners[0], ActorSource.POSSESSOR)
        current = current.head
    return context_actor(tok)


def _own_subject(s: Sentence, verb: Token, crossed_noun: bool) -> ActorRef | None:
    for child in verb.children:
        if child.dep_ == NSUBJPASS and _raises(s, verb):
            return actor_at(s, child, ActorSource.SUBJECT)  # "X is believed to favour Y"
        if child.dep_ in (NSUBJ, CSUBJ):
            if child.lower_ in s.words.relative_pronouns and verb.dep_ == RELCL:
                return actor_at(s, verb.head, ActorSource.SUBJECT)
            if crossed_noun and not s.actor_like(child):
                return _NOBODY
            return actor_at(s, child, ActorSource.SUBJECT)
        if child.dep_ == AGENT:
            objs = [t for t in child.children if t.dep_ == POBJ]
            if objs:
                return actor_at(s, objs[0], ActorSource.SUBJECT)
    return None


def _raises(s: Sentence, verb: Token) -> bool:
    """A passive report verb with an infinitive: its subject is the infinitive's ("X is
    believed to favour Y", "X is expected to seek Y"); a plain passive's is not ("X was
    urged to cut Y")."""
    return verb.lemma_.lower() in s.lex.passive_reports and any(
        c.dep_ == XCOMP for c in verb.children
    )


def noun_actor(s: Sentence, tok: Token) -> ActorRef:
    """Whose goal a cue noun names: possessor, "of" phrase, "for" phrase, or the clause's."""
    for child in tok.children:
        if child.dep_ == POSS:
            return actor_at(s, child, ActorSource.POSSESSOR)
    owner = _of_possessor(s, tok)
    if owner is not None:
        return actor_at(s, owner, ActorSource.POSSESSOR)
    for_actor = for_phrase(s, tok)
    if for_actor is not None:
        return for_actor
    return _clause_actor(s, tok)


def _of_possessor(s: Sentence, tok: Token) -> Token | None:
    """'the goals of Turkey'; 'the readiness of a coalition to continue X'."""
    clause = any(c.dep_ in NOUN_CLAUSES and s.infinitive(c) for c in tok.children)
    seen: set[int] = set()
    for _noun, prep, obj in s.hits.trees(NOUN_OF, tok):
        if prep.i in seen:
            continue  # the first object of each "of"
        seen.add(prep.i)
        if s.actor_like(obj) or (obj.pos_ == NOUN and clause):
            return obj
    return None


def _clause_actor(s: Sentence, tok: Token) -> ActorRef:
    """The beneficiary or subject of the clause the cue noun sits in."""
    current = tok
    for _ in range(MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            break
        if head.pos_ in VERBAL_POS:
            for child in head.children:
                if child.dep_ == DATIVE and child.i != tok.i:
                    return actor_at(s, child, ActorSource.BENEFICIARY)
            for child in head.children:
                if child.dep_ == NSUBJ and child.i != tok.i and child.pos_ != VERB:
                    return actor_at(s, child, ActorSource.SUBJECT)
        if current.dep_ not in CLIMB | NOMINAL:
            break
        current = head
    return context_actor(tok)


def for_phrase(s: Sentence, tok: Token) -> ActorRef | None:
    """'For Ankara, ...' or 'from Ankara's perspective' on the way from the cue to the root."""
    current: Token | None = tok
    for _ in range(MAX_CLIMB):
        if current is None:
            break
        for child in current.children:
            if child.dep_ != PREP or child.i > tok.i:
                continue
            found = _viewer(s, child)
            if found is not None:
                return found
        current = None if current.head.i == current.i else current.head
    return None


def _viewer(s: Sentence, prep: Token) -> ActorRef | None:
    objs = [t for t in prep.children if t.dep_ == POBJ]
    if not objs:
        return None
    w = s.words
    if prep.lower_ in w.beneficiary_preps and s.actor_like(objs[0]):
        return actor_at(s, objs[0], ActorSource.FOR_PHRASE)
    if prep.lower_ in w.viewpoint_preps and objs[0].lemma_.lower() in w.viewpoints:
        owners = [t for t in objs[0].children if t.dep_ == POSS]
        if owners and s.actor_like(owners[0]):
            return actor_at(s, owners[0], ActorSource.FOR_PHRASE)
    return None
