"""Vague contents: what a content span says too little to list as what an actor wants.

One named rule per way a content can fail, read from the parse of its words, first match
wins (:func:`vagueness`):

* ``fragment``: a quotation mark opened in the span whose quote goes on after it; a word cut
  in two ("to pre" of "pre-empt"); a last word that needs what follows it (a conjunction, "to"
  without its verb, a preposition without its object) or modifies a word after the span ("an
  international awards" [show]);
* ``headline``: a headline without a predicate whose content is its cue noun ("Kremlin's
  Ukraine ambitions"): it names a goal without saying what it is;
* ``bare_topic`` / ``generic_goal``: no predicate, and a head noun that names a topic
  ("the issue", "further work", "talks") or a goal ("more demands", "the benefits"), with
  nothing that says which: only determiners, possessors and modifiers that say nothing
  (``[words] bare_modifiers``, ``[terms] vague``); a prepositional phrase, a clause, a
  compound or a number makes it specific ("talks with Kyiv", "peace talks", "10 points");
* ``one_word``: a single word that is not a verb, a name or a noun of an event or state
  ("rises"); "peace", "independence", "Crimea" say enough.

"to cut costs", "a 5% pay rise", "a ban on smoking in pubs" and "early elections" are specific.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from putin_claims.models import VagueReason
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import (
    ADVMOD,
    AMOD,
    CASE,
    CC,
    CCONJ_POS,
    COMPOUND,
    CONJ,
    DET,
    NMOD,
    NUMMOD,
    POSS,
    PREDET,
    PREP_OBJECTS,
    PROPN,
    PRT,
    PUNCT,
    QUANTMOD,
    QUOTES,
    SCONJ_POS,
    VERBAL_POS,
)
from putin_claims.nlp.assertions.lists import eventive

#: Parts of speech of a last word that needs what follows it ("and", "because").
DANGLING_POS = frozenset({CCONJ_POS, SCONJ_POS})
#: Relations of a word that modifies its head: cut off when the head is outside the span.
MODIFIER_DEPS = frozenset({AMOD, COMPOUND, DET, NMOD, POSS, NUMMOD, QUANTMOD})
#: Dependents of a bare noun that say nothing about which one.
BARE_DEPS = frozenset({DET, POSS, PUNCT, CC, PREDET, CASE})
#: Dependents that say nothing when their word does ("more details", "further work").
MODIFIER_SLOTS = frozenset({AMOD, ADVMOD, NUMMOD})


def vagueness(s: Sentence, cue: Token, words: Span) -> VagueReason | None:
    """The rule that finds the content ``words`` of ``cue`` vague, or None: it is specific."""
    if _fragment(s, words):
        return VagueReason.FRAGMENT
    if _has_predicate(words):
        return None  # a predicate says something
    if s.headline and words.start <= cue.i < words.end and not _has_predicate(s.span):
        return VagueReason.HEADLINE
    bare = _bare(s, words.root, words)
    if bare is not None:
        return bare
    alpha = [t for t in words if not t.is_punct]
    if len(alpha) == 1 and alpha[0].pos_ != PROPN and not eventive(s.lex, alpha[0]):
        return VagueReason.ONE_WORD
    return None


def _has_predicate(span: Span) -> bool:
    return any(t.pos_ in VERBAL_POS for t in span)


def _fragment(s: Sentence, words: Span) -> bool:
    """A quote cut inside, a word cut in two, or a last word that needs what follows it."""
    return _quote_cut(s, words) or _word_cut(s, words) or _phrase_cut(s, words)


def _quote_cut(s: Sentence, words: Span) -> bool:
    """An unbalanced quotation mark whose quote goes on, words and all, after the span."""
    if sum(1 for t in words if t.text in QUOTES) % 2 == 0:
        return False
    for t in s.doc[words.end : s.end]:
        if t.text in QUOTES:
            return False  # it closes right after the span
        if t.is_alpha:
            return any(u.text in QUOTES for u in s.doc[t.i : s.end])
    return False


def _word_cut(s: Sentence, words: Span) -> bool:
    """The span ends inside a word ("to pre" of "pre-empt", "ca" of "can't"). Read from the
    tokens after the span (``Doc.text`` would join the whole document on every call)."""
    doc = s.doc
    if words[-1].whitespace_ or words.end >= len(doc):
        return False
    following = doc[words.end].text
    if following[:1].isalnum():
        return True
    if following[:1] != "-":
        return False
    after = following[1:2]
    if not after and not doc[words.end].whitespace_ and words.end + 1 < len(doc):
        after = doc[words.end + 1].text[:1]
    return after.isalpha()


def _phrase_cut(s: Sentence, words: Span) -> bool:
    """The last word modifies a word after the span ("an international awards" [show]), is a
    preposition whose object is after it, "to" without its verb, or a conjunction."""
    last = words[-1]
    if last.pos_ in DANGLING_POS:
        return True
    if last.head.i >= words.end and (
        last.dep_ in MODIFIER_DEPS or last.lower_ in s.words.infinitive_markers
    ):
        return True
    return last.dep_ != PRT and any(
        c.i >= words.end and c.dep_ in PREP_OBJECTS for c in last.children
    )


def _bare(s: Sentence, head: Token, words: Span) -> VagueReason | None:
    """``bare_topic`` or ``generic_goal`` when ``head`` (and each conjunct) is a bare topic or
    goal noun; None when any of them says which."""
    lemma = head.lemma_.lower()
    if lemma in s.words.topic_nouns:
        reason = VagueReason.BARE_TOPIC
    elif lemma in s.words.generic_goals or s.lex.concepts.get(lemma) in s.words.generic_goals:
        reason = VagueReason.GENERIC_GOAL
    else:
        return None
    for child in head.children:
        if not words.start <= child.i < words.end or child.dep_ in BARE_DEPS:
            continue
        if child.dep_ == CONJ:
            if _bare(s, child, words) is None:
                return None
        elif not (child.dep_ in MODIFIER_SLOTS and _says_nothing(s, child)):
            return None
    return reason


def _says_nothing(s: Sentence, tok: Token) -> bool:
    """A modifier (and its own modifiers) from the lists of words that say nothing."""
    return (
        all(t.lower_ in s.words.bare_modifiers or t.lower_ in s.lex.vague for t in tok.subtree)
        and not tok.like_num
    )
