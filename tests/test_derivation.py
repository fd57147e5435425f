"""Source independence on articles written for these tests (real pipeline, real store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT
from putin_claims.corpus import derivation
from putin_claims.corpus.derivation import _candidate_pairs, find_derivations
from putin_claims.pipeline import extract
from putin_claims.store import Store
from putin_claims.tuning import TUNING

#: An article, a paraphrased rewrite of it with a provenance note, and an unrelated one.
CORPUS = ROOT / "tests" / "data" / "derivation"


def test_a_paraphrased_rewrite_derives_from_its_original(tmp_path: Path, nlp: Language) -> None:
    with Store.open(tmp_path / "d.db") as store:
        extract([CORPUS], store)
        (d,) = find_derivations(store)
        assert (d.derived, d.source) == ("rewrite", "original")
        assert d.coverage >= 0.75  # three or four of its four sentences
        assert d.cue == "original_source: www.example-news.com"
        assert d.examples and all(e.similarity >= 0.35 for e in d.examples)
        stored = {s.doc_id: s for s in store.sources()}
        assert [x.source for x in stored["rewrite"].derived_from] == ["original"]
        assert stored["rates"].derived_from == ()


def test_unrelated_documents_are_never_aligned() -> None:
    def doc(words: str) -> list[tuple[int, str, frozenset[str]]]:
        return [(n, f"s{n}", frozenset(f"{words}{n}{k}" for k in range(4))) for n in range(5)]

    by_doc = {f"d{i}": doc(f"w{i}x") for i in range(40)}
    by_doc["copy"] = by_doc["d0"]
    assert _candidate_pairs(by_doc) == [("copy", "d0")]


def test_a_concept_in_more_documents_than_the_cap_is_never_rare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def doc(words: str, shared: str = "") -> list[tuple[int, str, frozenset[str]]]:
        return [
            (n, f"s{n}", frozenset({*(f"{words}{n}{k}" for k in range(4)), f"{shared}{n}"}))
            for n in range(5)
        ]

    by_doc = {f"d{i}": doc(f"w{i}x") for i in range(50)}
    by_doc |= {f"g{i}": doc(f"g{i}x", shared="topic") for i in range(4)}  # 5 concepts in 4 docs
    groups = [(a, b) for a in ("g0", "g1", "g2", "g3") for b in ("g1", "g2", "g3") if a < b]
    assert sorted(_candidate_pairs(by_doc)) == groups  # rare: in at most 54 // 10 documents
    monkeypatch.setattr(derivation, "TUNING", TUNING.model_copy(update={"rare_docs_cap": 3}))
    assert _candidate_pairs(by_doc) == []  # in more documents than the cap: never rare
