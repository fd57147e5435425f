"""Concept bags and the lexical score (pure functions, no pipeline)."""

from __future__ import annotations

import pytest

from putin_claims.corpus.similarity import NEGATION, Weights, bag, coverage, lexical


def test_bag_maps_synonyms_and_actor_keys() -> None:
    b = bag("@@russia cessation foreign military assistance @kyiv", {"@russia": "russia"})
    assert b == frozenset({"@russia", "stop", "foreign", "military", "aid", "@kyiv"})
    assert bag("halt military aid") <= b | {"stop"}


def test_weights_favour_rare_concepts() -> None:
    w = Weights.of([frozenset({"aid", "ukraine"}), frozenset({"ukraine"}), frozenset({"nato"})])
    assert w("aid") > w("ukraine")
    assert w(NEGATION) == 0.5


def test_lexical_is_symmetric_bounded_and_rewards_shared_rare_concepts() -> None:
    w = Weights.of([frozenset({"stop", "aid", "military"}), frozenset({"power"})] * 3)
    a = bag("cessation military assistance")
    b = bag("stop military support")
    c = bag("consolidate personal power")
    assert lexical(a, b, w) == pytest.approx(lexical(b, a, w))
    assert 0.9 <= lexical(a, b, w) <= 1.0
    assert lexical(a, c, w) < 0.2
    assert lexical(frozenset(), a, w) == 0.0


def test_negation_on_one_side_halves_the_score() -> None:
    w = Weights.of([frozenset({"join", "@nato"})])
    plain = bag("@nato join")
    negated = plain | {NEGATION}
    assert lexical(negated, negated, w) == pytest.approx(lexical(plain, plain, w))
    assert lexical(plain, negated, w) == pytest.approx(lexical(plain, plain, w) / 2)


def test_coverage_is_the_share_of_the_query_found() -> None:
    w = Weights.of([frozenset({"stop", "aid"})])
    assert coverage(frozenset({"stop", "aid"}), frozenset({"stop", "aid", "other"}), w) == 1.0
    assert 0 < coverage(frozenset({"stop", "aid"}), frozenset({"aid"}), w) < 1
    assert coverage(frozenset({NEGATION}), frozenset({"aid"}), w) == 0.0
