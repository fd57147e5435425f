"""Claims over the seeds (real pipeline, real store): grouping, objectives, check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT
from putin_claims.corpus import grouping
from putin_claims.corpus.similarity import Weights
from putin_claims.errors import ActorNotFoundError
from putin_claims.models import AssertionKind, AssertionRow, CheckLabel, Claim, Hedge
from putin_claims.pipeline import extract
from putin_claims.query import check as check_engine
from putin_claims.query import claims as engine
from putin_claims.store import Store

AID = re.compile(r"\b(aid|assistance|support)\b")
STOP = re.compile(r"\b(stop\w*|ceas\w*|cessation|end)\b")


def _putin(store: Store) -> list[Claim]:
    return engine.objectives(store, "Putin")[1]


def _holding(claims: list[Claim], pattern: re.Pattern[str], *more: re.Pattern[str]) -> list[Claim]:
    return [
        c
        for c in claims
        if any(
            pattern.search(e.content) and all(p.search(e.content) for p in more) for e in c.evidence
        )
    ]


def _docs(claim: Claim) -> set[str]:
    return {e.doc_id[:3] for e in claim.evidence}


def test_demand_to_end_military_aid_is_one_claim_from_000_and_003(seed_store: Store) -> None:
    found = _holding(_putin(seed_store), AID, STOP, re.compile("military"))
    assert len(found) == 1
    assert _docs(found[0]) == {"000", "003"}
    assert found[0].kind is AssertionKind.DEMAND


def test_ukraine_never_joining_nato_is_one_claim_from_001_002_003(seed_store: Store) -> None:
    found = _holding(_putin(seed_store), re.compile("NATO"), re.compile(r"join|integrate"))
    assert len(found) == 1
    assert _docs(found[0]) == {"001", "002", "003"}
    assert found[0].n_sources == 3


def test_limits_on_ukraines_army_is_one_claim_from_001_002_003(seed_store: Store) -> None:
    found = _holding(
        _putin(seed_store), re.compile(r"military|army"), re.compile(r"restrict|limit")
    )
    assert len(found) == 1
    assert _docs(found[0]) == {"001", "002", "003"}


def test_list_sentence_of_001_gives_four_assertions_each_in_its_claim(seed_store: Store) -> None:
    rows = [r for r in seed_store.assertion_rows() if "namely ensuring" in r.text]
    goals = [r for r in rows if r.kind in (AssertionKind.OBJECTIVE, AssertionKind.DEMAND)]
    assert len(goals) == 4
    claims = _putin(seed_store)
    owner = {e.content_start: c.id for c in claims for e in c.evidence}
    assert len({owner[r.content_start] for r in goals}) == 4
    nato = _holding(claims, re.compile("NATO"), re.compile("join"))[0]
    army = _holding(claims, re.compile("military"), re.compile("restrict"))[0]
    by_content = {r.content: owner[r.content_start] for r in goals}
    assert by_content["ensuring that Ukraine never joins NATO"] == nato.id
    assert by_content["imposing restrictions on Ukraine’s military"] == army.id


def test_objectives_include_the_government_unless_strict(seed_store: Store) -> None:
    loose = _putin(seed_store)
    strict = engine.objectives(seed_store, "Putin", strict=True)[1]
    assert any(e.via_government for c in loose for e in c.evidence)
    assert not any(e.via_government for c in strict for e in c.evidence)
    assert {e.actor for c in loose for e in c.evidence if e.via_government} == {"russia"}


def test_objectives_are_ranked_by_sources(seed_store: Store) -> None:
    counts = [c.n_sources for c in _putin(seed_store)]
    assert counts == sorted(counts, reverse=True)
    assert all(c.kind in engine.OBJECTIVE_KINDS for c in _putin(seed_store))


def test_actor_names_match_fuzzily(seed_store: Store) -> None:
    for name in ("putin", "Vladimir Putin", "Vladimir V. Putin", "Vladimr Putin", "Mr. Putin"):
        assert engine.objectives(seed_store, name)[0].actor_id == "vladimir-putin"
    with pytest.raises(ActorNotFoundError, match="no actor matches"):
        engine.objectives(seed_store, "Jacinda Ardern")


def test_evidence_offsets_slice_the_document(seed_store: Store) -> None:
    texts = {d: seed_store.document_text(d) for d in seed_store.doc_ids()}
    for claim in engine.stored_claims(seed_store):
        for e in claim.evidence:
            text = texts[e.doc_id]
            assert text[e.start : e.end] == e.text
            assert text[e.content_start : e.content_end] == e.content
        assert claim.n_sources == len({e.doc_id for e in claim.evidence})


def test_check_ranks_the_aid_passages_of_000_and_003_first(
    seed_store: Store, nlp: Language
) -> None:
    result = check_engine.check(seed_store, "Putin demands end of military aid", nlp, top=10)
    top = result.hits[:4]
    assert {h.doc_id[:3] for h in top} == {"000", "003"}
    assert all(h.label is CheckLabel.SUPPORTS for h in top)
    assert all(AID.search(h.text) for h in top)
    assert not [h.text for h in result.hits[4:] if h.label is CheckLabel.SUPPORTS]
    assert result.supporting_sources >= 2
    assert result.verdict.startswith(f"supported by {result.supporting_sources} of 5 sources")
    assert [h.rank for h in result.hits] == list(range(1, len(result.hits) + 1))


def test_check_labels_a_refusal_as_contradicting(seed_store: Store, nlp: Language) -> None:
    result = check_engine.check(
        seed_store, "Russia wants to make substantial concessions", nlp, top=10
    )
    labels = {h.sentence_id: h.label for h in result.hits}
    refusal = [
        r.sentence_id
        for r in seed_store.assertion_rows()
        if r.kind is AssertionKind.REFUSAL and "concessions" in r.content
    ]
    assert refusal and labels.get(refusal[0]) is CheckLabel.CONTRADICTS
    assert result.contradicting_sources >= 1


def test_unsupported_claim_gets_a_negative_verdict(seed_store: Store, nlp: Language) -> None:
    result = check_engine.check(seed_store, "Putin demands a moon base on Mars", nlp, top=5)
    assert result.supporting_sources == 0
    assert result.verdict == "not supported by any of 5 sources"


def _row(i: int, terms: str) -> AssertionRow:
    return AssertionRow(
        assertion_id=i, doc_id="d", sentence_id=i, text="t", start=0, end=1, line=1,
        kind=AssertionKind.OBJECTIVE, cue="want", actor="a", actor_text="A", content="c",
        content_start=0, content_end=1, negated=False, hedge=Hedge.ASSERTED,
        attributed_actor=None, attributed_text=None, terms=terms, date=None,
    )  # fmt: skip


def test_grouping_scores_only_candidate_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [_row(i, f"word{i} other{i}") for i in range(200)]
    rows += [_row(1000, "stop military aid"), _row(1001, "cease military assistance")]
    bags = {r.assertion_id: grouping._bag(r, {}) for r in rows}
    calls = []
    real = grouping.lexical

    def counting(a: frozenset[str], b: frozenset[str], w: Weights) -> float:
        calls.append(1)
        return real(a, b, w)

    monkeypatch.setattr(grouping, "lexical", counting)
    groups = grouping._cluster(rows, bags, Weights.of(bags.values()))
    assert len(calls) == 1  # 202 assertions, one pair shares a concept
    assert [1000, 1001] in [[r.assertion_id for r in g] for g in groups]


def test_claims_survive_a_second_run_unchanged(tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        extract([ROOT / "data" / "seeds"], store)
        first = [(c.id, [e.sentence_id for e in c.evidence]) for c in engine.stored_claims(store)]
        summary = extract([ROOT / "data" / "seeds"], store)
        again = [(c.id, [e.sentence_id for e in c.evidence]) for c in engine.stored_claims(store)]
    assert summary.processed == 0 and first == again and first


def test_second_corpus_objectives(tmp_path: Path, nlp: Language) -> None:
    with Store.open(tmp_path / "o.db") as store:
        extract([ROOT / "tests" / "data" / "claims-other"], store)
        actor, found = engine.objectives(store, "Erdogan")
        assert actor.actor_id == "recep-tayyip-erdogan"
        jets = [c for c in found if any("F-16" in e.content for e in c.evidence)]
        assert jets and max(c.n_sources for c in jets) >= 1
        assert all(c.actor == "recep-tayyip-erdogan" for c in found)
        assert any(e.via_government for c in found for e in c.evidence)  # Ankara, Turkey


def test_store_counts_assertions_claims_and_quotes(seed_store: Store) -> None:
    counts = seed_store.counts()
    assert counts["assertions"] == len(seed_store.assertion_rows())
    assert counts["claims"] == len(engine.stored_claims(seed_store))
    assert counts["quotes"] == len(seed_store.quotes())
    assert min(counts["assertions"], counts["claims"], counts["quotes"]) > 0


def test_a_concept_in_more_rows_than_the_cap_gives_no_candidate_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [_row(i, f"word{i} other{i}") for i in range(200)]
    rows += [_row(1000 + i, f"sanctions relief{i}") for i in range(5)]  # 'sanctions' in 5 rows
    bags = {r.assertion_id: grouping._bag(r, {}) for r in rows}
    weights = Weights.of(bags.values())
    assert len(grouping._candidate_pairs(rows, bags, weights)) == 10  # 5 * 4 / 2
    capped = grouping.TUNING.model_copy(update={"group_postings_cap": 4})
    monkeypatch.setattr(grouping, "TUNING", capped)
    assert grouping._candidate_pairs(rows, bags, weights) == {}


def test_one_actors_claims_read_alone_are_the_claims_of_the_whole_read(
    seed_store: Store,
) -> None:
    """`objectives` and `claims --actor` read only the actor's claims and their assertions;
    what they build is exactly what reading every claim and filtering would give."""
    everything = engine.stored_claims(seed_store)
    actors = sorted({c.actor for c in everything})
    assert len(actors) >= 3
    for actor in actors:
        alone = engine.stored_claims(seed_store, actor=actor)
        assert alone == [c for c in everything if c.actor == actor], actor
