"""Source independence as claims count it (``corpus/families.py``): the roots of the
derivation chains are found once, and any set of documents is counted against them."""

from __future__ import annotations

from putin_claims.corpus.derivation import independent_groups
from putin_claims.corpus.families import Families
from putin_claims.models import Derivation


def _d(derived: str, source: str) -> Derivation:
    return Derivation(derived=derived, source=source, score=1, coverage=1, reverse_coverage=0,
                      shared_quotes=0, cue=None, examples=())  # fmt: skip


def test_families_count_what_independent_groups_counts() -> None:
    derivations = [_d("b", "a"), _d("c", "b"), _d("e", "d"), _d("d", "c"), _d("y", "x")]
    families = Families.of([], derivations=derivations)
    sets = [["a", "b", "c"], ["a", "e"], ["x", "y", "z"], ["z"], [], ["e", "y", "q", "q"]]
    counts = [families.independent(s) for s in sets]
    assert counts == [independent_groups(s, derivations) for s in sets]
    assert counts == [1, 1, 2, 1, 0, 3]  # a-b-c-d-e one chain; x-y another; q and z alone
