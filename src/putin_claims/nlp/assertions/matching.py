"""The patterns compiled once per vocabulary, and their matches in one Doc.

:class:`Hits` runs the ``DependencyMatcher`` and the ``Matcher`` of
:mod:`putin_claims.nlp.assertions.patterns` once per Doc and indexes the matches by rule and
anchor token, so a rule asks ``hits.trees(VERB_XCOMP, verb)`` instead of walking the parse.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from putin_claims.lexicons import cue_lexicon
from putin_claims.nlp.assertions.anchored import AnchoredMatcher
from putin_claims.nlp.assertions.patterns import sequence_patterns, tree_families
from putin_claims.nlp.vocab import permanent


@dataclass(frozen=True)
class Matchers:
    """The compiled matchers of one vocabulary, and the rule name of each match key.

    Keys are looked up here, not in the ``StringStore``: a matcher first built inside
    ``nlp.memory_zone()`` adds its strings as transient, and they are gone after the zone
    (the rule names are added as permanent, for the ``PhraseMatcher``, which looks them up).
    """

    trees: AnchoredMatcher
    phrases: PhraseMatcher
    sequences: tuple[Gate, Matcher]
    names: dict[int, str]


#: What a matcher needs of a Doc's words: per pattern, the word sets of its lexical nodes
#: (a pattern can only match a Doc that holds a word of each set).
Gate = tuple[tuple[frozenset[str], ...], ...]


def node_words(attrs: Mapping[str, Any]) -> frozenset[str] | None:
    """The lowercased words a node's ``LEMMA`` or ``LOWER`` must be one of (None: any word)."""
    for key in ("LOWER", "LEMMA"):
        value = attrs.get(key)
        if isinstance(value, str):
            return frozenset({value.lower()})
        if isinstance(value, dict) and "IN" in value:
            return frozenset(v.lower() for v in value["IN"])
    return None


def gate(patterns: Iterable[list[dict[str, Any]]]) -> Gate:
    """The gate of a matcher's patterns (tree patterns' nodes are their ``RIGHT_ATTRS``)."""
    out = []
    for pattern in patterns:
        nodes = [node.get("RIGHT_ATTRS", node) for node in pattern]
        out.append(tuple(w for w in map(node_words, nodes) if w is not None))
    return tuple(out)


def passes(g: Gate, words: frozenset[str] | set[str]) -> bool:
    """Whether some pattern's every lexical node has one of its words in ``words``."""
    return any(all(not words.isdisjoint(s) for s in sets) for sets in g)


@cache
def matchers(vocab: Vocab) -> Matchers:
    """All patterns, compiled once per vocabulary: the tree patterns into one anchored
    matcher, runs of plain words into a ``PhraseMatcher``, other runs into a ``Matcher``."""
    lex = cue_lexicon()
    names: dict[int, str] = {}
    trees = AnchoredMatcher()
    for family in tree_families(lex):
        for rule, patterns in family.patterns.items():
            trees.add(rule, patterns)
    # runs of plain words go to a PhraseMatcher (hash lookups); the rest to a Matcher
    phrases = PhraseMatcher(vocab, attr="LOWER")
    sequences = Matcher(vocab)
    rest: list[list[dict[str, Any]]] = []
    for rule, patterns in sequence_patterns(lex).items():
        names[permanent(vocab, rule)] = rule
        words = [_plain_words(p) for p in patterns]
        if any(w for w in words):
            phrases.add(rule, [Doc(vocab, words=w) for w in words if w])
        other = [p for p, w in zip(patterns, words, strict=True) if not w]
        if other:
            sequences.add(rule, other)
            rest += other
    return Matchers(trees, phrases, (gate(rest), sequences), names)


def _plain_words(pattern: list[dict[str, Any]]) -> list[str] | None:
    """The words of a pattern that is only ``{"LOWER": word}`` tokens (else None)."""
    if all(set(t) == {"LOWER"} and isinstance(t["LOWER"], str) for t in pattern):
        return [t["LOWER"] for t in pattern]
    return None


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
        doc = self.doc
        tokens = list(doc)
        words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
        found: dict[str, set[tuple[int, ...]]] = defaultdict(set)
        for rule, nodes in m.trees(tokens):
            found[rule].add(nodes)
        for rule, matches in found.items():
            for tree in sorted(matches):
                self._trees[rule].setdefault(tree[0], []).append(tree)
        needs, sequences = m.sequences
        runs = sequences(doc) if passes(needs, words) else []
        for key, start, end in [*m.phrases(doc), *runs]:
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
