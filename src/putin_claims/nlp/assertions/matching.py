"""The patterns compiled once per vocabulary, and their matches in one Doc.

:class:`Hits` runs the ``DependencyMatcher`` and the ``Matcher`` of
:mod:`putin_claims.nlp.assertions.patterns` once per Doc and indexes the matches by rule and
anchor token, so a rule asks ``hits.trees(VERB_XCOMP, verb)`` instead of walking the parse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from putin_claims.lexicons import cue_lexicon
from putin_claims.nlp.assertions.patterns import sequence_patterns, tree_families


@dataclass(frozen=True)
class Matchers:
    """The compiled matchers of one vocabulary, and the rule name of each match key.

    Keys are looked up here, not in the ``StringStore``: a matcher first built inside
    ``nlp.memory_zone()`` adds its strings as transient, and they are gone after the zone.
    """

    trees: list[tuple[frozenset[str], DependencyMatcher]]
    sequences: Matcher
    names: dict[int, str]


@cache
def matchers(vocab: Vocab) -> Matchers:
    """All patterns, compiled once per vocabulary: a DependencyMatcher per family."""
    lex = cue_lexicon()
    names: dict[int, str] = {}
    trees: list[tuple[frozenset[str], DependencyMatcher]] = []
    for family in tree_families(lex):
        matcher = DependencyMatcher(vocab)
        for rule, patterns in family.patterns.items():
            if patterns:
                matcher.add(rule, patterns)
                names[vocab.strings.add(rule)] = rule
        trees.append((family.words, matcher))
    sequences = Matcher(vocab)
    for rule, patterns in sequence_patterns(lex).items():
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
        doc = self.doc
        words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
        found: dict[str, set[tuple[int, ...]]] = defaultdict(set)
        for gate, matcher in m.trees:
            if gate & words:
                for key, nodes in matcher(doc):
                    found[m.names[key]].add(tuple(nodes))
        for rule, matches in found.items():
            for tree in sorted(matches):
                self._trees[rule].setdefault(tree[0], []).append(tree)
        for key, start, end in m.sequences(doc):
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
