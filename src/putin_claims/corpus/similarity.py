"""How alike two propositions are: weighted concept overlap on lemmas, plus rapidfuzz.

Terms are content-word lemmas stored at extract time; :func:`bag` maps each to its concept
(synonym set from ``data/claims.toml``, an actor id for an actor mention, or a 7-letter stem),
so "cease military assistance" and "stop all military support" meet on ``stop military aid``.
The lexical score weighs shared concepts by rarity (IDF over the corpus) and blends the
weighted Dice and overlap coefficients with rapidfuzz's token-set ratio on the concept strings.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from putin_claims.lexicons import cue_lexicon
from putin_claims.tuning import TUNING

NEGATION = "not"


def concept(term: str) -> str:
    """The concept a term stands for: a synonym set's name, or a 7-letter stem."""
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

    @classmethod
    def of(cls, bags: Iterable[frozenset[str]]) -> Weights:
        weights = cls()
        for b in bags:
            weights.df.update(b)
            weights.n += 1
        return weights

    def __call__(self, term: str) -> float:
        if term == NEGATION:
            return TUNING.negation_weight
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5)) + TUNING.idf_floor


def lexical(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    """Similarity of two concept bags in [0, 1]; a negation on one side only halves it."""
    a_pos, b_pos = a - {NEGATION}, b - {NEGATION}
    if not a_pos or not b_pos:
        return 0.0
    shared = math.fsum(weights(t) for t in a_pos & b_pos)
    wa = math.fsum(weights(t) for t in a_pos)
    wb = math.fsum(weights(t) for t in b_pos)
    dice = 2 * shared / (wa + wb)
    overlap = shared / min(wa, wb)
    ratio = fuzz.token_set_ratio(" ".join(sorted(a_pos)), " ".join(sorted(b_pos))) / 100
    t = TUNING
    score = (
        t.dice_weight * dice
        + t.overlap_weight * overlap
        + t.ratio_weight * ratio * (1.0 if shared else t.ratio_unshared)
    )
    if (NEGATION in a) != (NEGATION in b):
        score *= t.negation_penalty
    return min(score, 1.0)


def coverage(query: frozenset[str], text: frozenset[str], weights: Weights) -> float:
    """Share of the query's weight that the text covers (for ranking passages)."""
    q = query - {NEGATION}
    if not q:
        return 0.0
    return math.fsum(weights(t) for t in q & text) / math.fsum(weights(t) for t in q)
