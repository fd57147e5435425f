"""How alike two propositions are: weighted concept overlap on lemmas, plus rapidfuzz.

Terms are content-word lemmas stored at extract time; :func:`bag` maps each to its concept
(synonym set from ``data/claims.toml``, an actor id for an actor mention, or a 7-letter stem),
so "cease military assistance" and "stop all military support" meet on ``stop military aid``.
The lexical score weighs shared concepts by rarity (IDF over the corpus) and blends the
weighted Dice and overlap coefficients with rapidfuzz's token-set ratio on the concept strings.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from putin_claims.lexicons import cue_lexicon
from putin_claims.tuning import TUNING

NEGATION = "not"


@functools.lru_cache(maxsize=1 << 17)
def concept(term: str) -> str:
    """The concept a term stands for: a synonym set's name, or a 7-letter stem (memoised:
    the corpus steps map every stored term, and few terms are new)."""
    lex = cue_lexicon()
    if term.startswith("@"):
        return term
    for form in (term, *_base_forms(term)):
        if form in lex.concepts:
            return lex.concepts[form]
    return term[:7] if len(term) > 8 else term


def _base_forms(term: str) -> list[str]:
    """Forms a mis-tagged word may stand for: plural, past and -ing endings stripped."""
    out = []
    for ending, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("d", ""),
    ):
        if term.endswith(ending) and len(term) - len(ending) >= 3:
            out.append(term[: -len(ending)] + repl)
    return out


def bag(terms: str, key_actors: Mapping[str, str] | None = None) -> frozenset[str]:
    """Concepts of a stored terms string; ``@key`` becomes ``@actor_id`` when known."""
    out: set[str] = set()
    for term in terms.split():
        if term.startswith("@"):
            key = term[1:]
            out.add("@" + (key_actors or {}).get(key, key).lstrip("@"))
        else:
            out.add(concept(term))
    return frozenset(out)


@dataclass
class Weights:
    """Inverse document frequency of concepts over a set of bags."""

    df: Counter[str] = field(default_factory=Counter)
    n: int = 0
    _memo: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    _memo_n: int = field(default=-1, repr=False, compare=False)
    _bags: dict[tuple[int, frozenset[str]], Bag] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def of(cls, bags: Iterable[frozenset[str]]) -> Weights:
        weights = cls()
        for b in bags:
            weights.df.update(b)
            weights.n += 1
        return weights

    def __call__(self, term: str) -> float:
        if self._memo_n != self.n:  # the weights change only when bags are added (``n`` grows)
            self._memo, self._memo_n = {}, self.n
        weight = self._memo.get(term)
        if weight is None:
            if term == NEGATION:
                weight = TUNING.negation_weight
            else:
                weight = math.log((self.n + 1) / (self.df.get(term, 0) + 0.5)) + TUNING.idf_floor
            self._memo[term] = weight
        return weight

    def bag(self, concepts: frozenset[str]) -> Bag:
        """A bag's concepts but negation, their weight and their sorted words (memoised: the
        corpus steps compare each bag with many)."""
        key = (self.n, concepts)
        found = self._bags.get(key)
        if found is None:
            positive = concepts - {NEGATION}
            weight = math.fsum(map(self, positive))
            found = Bag(positive, weight, " ".join(sorted(positive)), NEGATION in concepts)
            self._bags[key] = found
        return found


@dataclass(frozen=True)
class Bag:
    """A bag of concepts as `lexical` weighs it: the concepts but negation, their summed
    weight, their sorted words, and whether the bag is negated."""

    positive: frozenset[str]
    weight: float
    text: str
    negated: bool


def lexical(a: frozenset[str], b: frozenset[str], weights: Weights, floor: float = 0.0) -> float:
    """Similarity of two concept bags in [0, 1]; a negation on one side only halves it.

    With a ``floor``, a pair that cannot reach it even with a perfect token-set ratio scores
    0.0 before the ratio is computed: the aligning of documents asks only whether a pair
    reaches the sentence threshold, and most candidate pairs are far below it."""
    return bag_similarity(weights.bag(a), weights.bag(b), weights, floor)


def bag_similarity(bag_a: Bag, bag_b: Bag, weights: Weights, floor: float = 0.0) -> float:
    """:func:`lexical` of two bags made by :meth:`Weights.bag` (a caller comparing each bag
    with many makes them once)."""
    if not bag_a.positive or not bag_b.positive:
        return 0.0
    shared = math.fsum(map(weights, bag_a.positive & bag_b.positive))
    wa, wb = bag_a.weight, bag_b.weight
    dice = 2 * shared / (wa + wb)
    overlap = shared / min(wa, wb)
    t = TUNING
    unshared = 1.0 if shared else t.ratio_unshared
    negated = bag_a.negated != bag_b.negated
    if floor:  # the score below with a ratio of 1, its upper bound
        best = t.dice_weight * dice + t.overlap_weight * overlap + t.ratio_weight * 1.0 * unshared
        if (best * t.negation_penalty if negated else best) < floor:
            return 0.0
    ratio = fuzz.token_set_ratio(bag_a.text, bag_b.text) / 100
    score = t.dice_weight * dice + t.overlap_weight * overlap + t.ratio_weight * ratio * unshared
    if negated:
        score *= t.negation_penalty
    return min(score, 1.0)


def coverage(query: frozenset[str], text: frozenset[str], weights: Weights) -> float:
    """Share of the query's weight that the text covers (for ranking passages)."""
    q = query - {NEGATION}
    if not q:
        return 0.0
    return math.fsum(weights(t) for t in q & text) / math.fsum(weights(t) for t in q)
