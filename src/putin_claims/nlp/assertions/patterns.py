"""The rules' patterns over the parse, declared once and matched once per Doc.

Each rule family reads its matches from :class:`Hits` instead of walking children by hand:

* a ``DependencyMatcher`` pattern is a small tree anchored on the cue token (always the first
  node), so ``hits.trees(VERB_XCOMP, verb)`` lists ``(verb, complement)`` pairs;
* a ``Matcher`` pattern is a run of words (list markers, condition markers, two-word cue
  nouns).

The words come from ``data/claims.toml`` through :func:`putin_claims.lexicons.cue_lexicon`.
Rules compare ``lemma_.lower()``; spaCy has no lowercased-lemma attribute, so :func:`_lemma`
matches the lemma case-insensitively.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from putin_claims.lexicons import CueLexicon, GrammarWords, cue_lexicon
from putin_claims.nlp.assertions.labels import (
    ACOMP,
    ADJ,
    ATTR,
    AUX,
    CCOMP,
    CSUBJ,
    DOBJ,
    MARK,
    NOUN_CLAUSES,
    NSUBJ,
    POBJ,
    PREP,
    PREP_OBJECTS,
    PRT,
    SUBJECTS,
    THAT_CLAUSES,
    XCOMP,
)

Attrs = dict[str, Any]
Pattern = list[dict[str, Any]]

# --------------------------------------------------------------------------- rule names

STATEMENT_PHRASE = "statement_phrase"  # "made clear that X": verb + a dependent word
WOULD_VERB = "would_verb"  # "would like X"
PHRASAL_PARTICLE = "phrasal_particle"  # "push for X", "rule out X", "to press"
PHRASAL_INFINITIVE = "phrasal_infinitive"  # "moved to block X": verb + xcomp with "to"
VERB_XCOMP = "verb_xcomp"  # "wants to X"
VERB_CCOMP = "verb_ccomp"  # "insists that X"
VERB_DOBJ = "verb_dobj"  # "seeks X"
VERB_PREP = "verb_prep"  # "insists on X", "calls for X"
COPULA_VALUE = "copula_value"  # "what he wants is X": the copula's complement
STANCE = "stance"  # "expressed skepticism that X"
OBLIGATION_MODAL = "obligation_modal"  # "X must stop"
OBLIGATION_VERB = "obligation_verb"  # "X has to stop"
ATTRIBUTION_PHRASE = "attribution_phrase"  # "according to X"
PRIORITY = "priority"  # "what matters (most) is X"
ADJ_PREP = "adj_prep"  # "intent on X"
ADJ_CLAUSE = "adj_clause"  # "ready to X"
NOUN_TO_CLAUSE = "noun_to_clause"  # "the goal to X"
NOUN_THAT_CLAUSE = "noun_that_clause"  # "the demand that X"
NOUN_PREP = "noun_prep"  # "the demand for X"
NOUN_OF = "noun_of"  # "the goals of Turkey"
NOUN_SUBJECT_VALUE = "noun_subject_value"  # "the goal is X"
NOUN_ATTR_SUBJECT = "noun_attr_subject"  # "X is the goal"
LIST_MARKER = "list_marker"  # "including", "such as"
OFFER_CONDITION = "offer_condition"  # "provided", "as long as"
PHRASAL_NOUN = "phrasal_noun"  # "red line"


def _lemma(words: Iterable[str]) -> Attrs:
    """Token attributes: ``lemma_.lower()`` is one of ``words``."""
    alternatives = "|".join(re.escape(w) for w in sorted(words))
    return {"LEMMA": {"REGEX": f"(?i)^(?:{alternatives})\\Z"}}


def _tree(anchor: Attrs, *edges: tuple[str, str, str, Attrs]) -> Pattern:
    """A DependencyMatcher pattern: the anchor node, then ``(left, op, name, attrs)`` edges."""
    pattern: Pattern = [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": anchor}]
    for left, op, name, attrs in edges:
        pattern.append({"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs})
    return pattern


def _in(values: Iterable[str]) -> dict[str, list[str]]:
    return {"IN": sorted(values)}


# --------------------------------------------------------------------------- verb patterns


def _cue_verb_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    """Verbs that cue with a dependent word: "make clear", "would like", "push for"."""
    w = lex.words
    infinitival = [(verb, p) for verb, p in lex.phrasal_verbs if p in w.infinitive_markers]
    return {
        STATEMENT_PHRASE: [
            _tree(_lemma([verb]), ("anchor", ">", "word", {"LOWER": word}))
            for verb, word in (phrase.split() for phrase in w.statement_phrases)
        ],
        WOULD_VERB: [
            _tree(_lemma(w.would_verbs), ("anchor", ">", "modal", {"LOWER": _in(w.would_modals)}))
        ],
        PHRASAL_PARTICLE: [
            _tree(
                _lemma([verb]), ("anchor", ">", "particle", {"DEP": _in([PREP, PRT]), "LOWER": p})
            )
            for verb, p in lex.phrasal_verbs
        ]
        + [
            _tree(_lemma([verb]), ("anchor", ">", "particle", {"DEP": AUX, "LOWER": p}))
            for verb, p in infinitival  # "to press": the verb's own infinitive marker
        ],
        PHRASAL_INFINITIVE: [
            _tree(
                _lemma([verb]),
                ("anchor", ">", "clause", {"DEP": XCOMP}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": p}),
            )
            for verb, p in infinitival
        ],
    }


def _complement_patterns(w: GrammarWords) -> dict[str, list[Pattern]]:
    """What a cue verb is about: a clause after it, its object, a content preposition's object."""
    return {
        VERB_XCOMP: [_tree({}, ("anchor", ">++", "clause", {"DEP": XCOMP}))],
        VERB_CCOMP: [_tree({}, ("anchor", ">++", "clause", {"DEP": CCOMP}))],
        VERB_DOBJ: [_tree({}, ("anchor", ">", "object", {"DEP": DOBJ}))],
        VERB_PREP: [
            _tree(
                {},
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": _in(w.verb_content_preps)}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
        ],
        COPULA_VALUE: [
            _tree(
                {"DEP": CSUBJ},
                ("anchor", "<", "copula", {}),
                ("copula", ">", "value", {"DEP": _in([ATTR, ACOMP])}),
            )
        ],
    }


def _speech_patterns(w: GrammarWords) -> dict[str, list[Pattern]]:
    """Stance, obligation, attribution and priority constructions."""
    return {
        STANCE: [
            _tree(
                _lemma(w.stance_verbs),
                ("anchor", ">", "noun", {"DEP": DOBJ, **_lemma(w.stance_nouns)}),
                ("noun", ">", "clause", {"DEP": _in(THAT_CLAUSES)}),
                ("clause", ">", "that", {"LOWER": _in(w.complementizers)}),
            )
        ],
        OBLIGATION_MODAL: [
            _tree({}, ("anchor", ">", "modal", {"DEP": AUX, "LOWER": _in(w.obligation_modals)}))
        ],
        OBLIGATION_VERB: [
            _tree(
                {"LEMMA": _in(w.obligation_verbs)},
                ("anchor", ">", "clause", {"DEP": XCOMP}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": _in(w.infinitive_markers)}),
            )
        ],
        ATTRIBUTION_PHRASE: [
            _tree(
                {"LOWER": head},
                ("anchor", ">", "prep", {"LOWER": prep}),
                ("prep", ">", "source", {"DEP": POBJ}),
            )
            for head, prep in (phrase.split() for phrase in w.attribution_phrases)
        ],
        PRIORITY: [
            _tree(
                {"DEP": CSUBJ, **_lemma(w.priority_verbs)},
                ("anchor", ">", "what", {"LOWER": _in(w.priority_pronouns)}),
            )
        ],
    }


# --------------------------------------------------------------------------- noun, adjective


def _noun_patterns(w: GrammarWords) -> dict[str, list[Pattern]]:
    """What a cue noun is about, and whose it is ("the demand of Turkey for X")."""
    to = _in(w.infinitive_markers)
    return {
        NOUN_TO_CLAUSE: [
            _tree(
                {},
                ("anchor", ">++", "clause", {"DEP": _in(NOUN_CLAUSES)}),
                ("clause", ">", "to", {"DEP": AUX, "LOWER": to}),
            )
        ],
        NOUN_THAT_CLAUSE: [
            _tree(
                {},
                ("anchor", ">++", "clause", {"DEP": _in(THAT_CLAUSES)}),
                ("clause", ">", "that", {"DEP": MARK, "LOWER": _in(w.complementizers)}),
            )
        ],
        NOUN_PREP: [
            _tree(
                {},
                ("anchor", ">++", "prep", {"DEP": PREP, "LOWER": _in(w.noun_content_preps)}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
        ],
        NOUN_OF: [
            _tree(
                {},
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": _in(w.possessive_preps)}),
                ("prep", ">", "object", {"DEP": POBJ}),
            )
        ],
    }


def _copular_patterns(w: GrammarWords) -> dict[str, list[Pattern]]:
    """A cue noun linked to its content by a copula: "the goal is X", "X is the goal"."""
    return {
        NOUN_SUBJECT_VALUE: [
            _tree(
                {"DEP": _in(SUBJECTS)},
                ("anchor", "<", "verb", {"LEMMA": _in(w.linking_verbs)}),
                ("anchor", "$++", "value", {"DEP": _in([ATTR, XCOMP, CCOMP, DOBJ])}),
            )
        ],
        NOUN_ATTR_SUBJECT: [
            _tree(
                {"DEP": ATTR},
                ("anchor", "<", "verb", {"LEMMA": _in(w.copulas)}),
                ("anchor", "$--", "subject", {"DEP": _in([NSUBJ, CSUBJ])}),
            )
        ],
    }


def _adjective_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    to = lex.words.infinitive_markers
    return {
        ADJ_PREP: [
            _tree(
                {"POS": ADJ, "LOWER": adjective},
                ("anchor", ">", "prep", {"DEP": PREP, "LOWER": prep}),
                ("prep", ">", "object", {"DEP": _in(PREP_OBJECTS)}),
            )
            for adjective, prep in lex.adjectives
        ],
        ADJ_CLAUSE: [
            _tree({"POS": ADJ, "LOWER": adjective}, ("anchor", ">", "clause", {"DEP": XCOMP}))
            for adjective, prep in lex.adjectives
            if prep in to
        ],
    }


# --------------------------------------------------------------------------- matchers


@dataclass(frozen=True)
class Matchers:
    """The compiled matchers of one vocabulary, and the rule name of each match key.

    Keys are looked up here, not in the ``StringStore``: a matcher first built inside
    ``nlp.memory_zone()`` adds its strings as transient, and they are gone after the zone.
    """

    trees: DependencyMatcher
    sequences: Matcher
    names: dict[int, str]


def _words(phrase: str) -> Pattern:
    return [{"LOWER": word} for word in phrase.split()]


def _sequence_patterns(lex: CueLexicon) -> dict[str, list[Pattern]]:
    offer = lex.conditional - lex.words.not_offer_conditions
    return {
        LIST_MARKER: [[{"LOWER": word} for word in marker] for marker in lex.list_markers],
        OFFER_CONDITION: [_words(marker) for marker in sorted(offer)],
        PHRASAL_NOUN: [[{"LOWER": first}, _lemma([noun])] for first, noun in lex.phrasal_nouns],
    }


@cache
def matchers(vocab: Vocab) -> Matchers:
    """All patterns, compiled once per vocabulary."""
    lex = cue_lexicon()
    trees, sequences = DependencyMatcher(vocab), Matcher(vocab)
    names: dict[int, str] = {}
    w = lex.words
    families = (
        _cue_verb_patterns(lex),
        _complement_patterns(w),
        _speech_patterns(w),
        _noun_patterns(w),
        _copular_patterns(w),
        _adjective_patterns(lex),
    )
    for family in families:
        for rule, patterns in family.items():
            if patterns:
                trees.add(rule, patterns)
                names[vocab.strings.add(rule)] = rule
    for rule, patterns in _sequence_patterns(lex).items():
        if patterns:
            sequences.add(rule, patterns)
            names[vocab.strings.add(rule)] = rule
    return Matchers(trees, sequences, names)


class Hits:
    """The matches of every pattern in one Doc, by rule and anchor token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._trees: dict[str, dict[int, list[tuple[int, ...]]]] = defaultdict(dict)
        self._starts: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self._ends: dict[str, dict[int, list[int]]] = defaultdict(dict)
        if doc.has_annotation("DEP") and doc.has_annotation("LEMMA"):
            self._match(matchers(doc.vocab))

    def _match(self, m: Matchers) -> None:
        found: dict[str, set[tuple[int, ...]]] = defaultdict(set)
        for key, nodes in m.trees(self.doc):
            found[m.names[key]].add(tuple(nodes))
        for rule, matches in found.items():
            for tree in sorted(matches):
                self._trees[rule].setdefault(tree[0], []).append(tree)
        for key, start, end in m.sequences(self.doc):
            self._starts[m.names[key]].setdefault(start, []).append(end)
            self._ends[m.names[key]].setdefault(end, []).append(start)

    def trees(self, rule: str, anchor: Token) -> list[tuple[Token, ...]]:
        """Matches of ``rule`` anchored on ``anchor``, in document order of their nodes."""
        doc = self.doc
        return [tuple(doc[i] for i in ids) for ids in self._trees[rule].get(anchor.i, ())]

    def first(self, rule: str, anchor: Token) -> tuple[Token, ...] | None:
        found = self._trees[rule].get(anchor.i)
        return tuple(self.doc[i] for i in found[0]) if found else None

    def anchors(self, rule: str, start: int, stop: int) -> list[Token]:
        """Anchor tokens of ``rule`` in ``[start, stop)``, in order."""
        return [self.doc[i] for i in sorted(self._trees[rule]) if start <= i < stop]

    def phrase_at(self, rule: str, i: int, stop: int) -> int:
        """Length of the longest ``rule`` phrase that starts at token ``i`` and ends by ``stop``."""
        ends = [end for end in self._starts[rule].get(i, ()) if end <= stop]
        return max(ends) - i if ends else 0

    def phrase_ending(self, rule: str, tok: Token, start: int) -> int | None:
        """Start of a ``rule`` phrase that ends with ``tok`` and begins at or after ``start``."""
        starts = [s for s in self._ends[rule].get(tok.i + 1, ()) if s >= start]
        return min(starts) if starts else None
