"""The claims commands (objectives, check, claims, evaluate) through the CLI, on the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, call
from putin_claims.cli import ExitCode
from putin_claims.query.claims import stored_claims as store_claims
from putin_claims.store import Store

pytestmark = pytest.mark.usefixtures("fixed_terminal")

GOLD = ROOT / "tests" / "gold" / "seeds.yaml"
CLAIM_KEYS = {"id", "actor", "kind", "statement", "evidence", "n_sources"}
EVIDENCE_KEYS = {"doc_id", "sentence_id", "text", "start", "end", "score", "hedge", "attributed_to"}


def call_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    """Run a command with --json; it must succeed with pure JSON on stdout, nothing on stderr."""
    code, out, err = call(capsys, *args, "--json")
    assert (code, err) == (ExitCode.OK, "")
    return json.loads(out)


def objectives_json(
    capsys: pytest.CaptureFixture[str], db: Path, actor: str, *flags: str
) -> list[dict[str, Any]]:
    result = call_json(capsys, "objectives", actor, *flags, "--db", str(db))
    assert isinstance(result, list)
    return result


# --------------------------------------------------------------------------- objectives


def test_objectives_json_is_traceable(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    claims = objectives_json(capsys, seed_db, "putin")
    assert claims, "Putin has objectives in the seeds"
    with Store.existing(seed_db) as store:
        texts = {d: store.document_text(d) for d in store.doc_ids()}
    for claim in claims:
        assert set(claim) >= CLAIM_KEYS
        assert claim["actor"] == "vladimir-putin"
        assert claim["kind"] in {"objective", "demand", "refusal"}
        assert claim["statement"].strip()
        assert claim["evidence"]
        for e in claim["evidence"]:
            assert set(e) >= EVIDENCE_KEYS
            text = texts[e["doc_id"]]
            assert text[e["start"] : e["end"]] == e["text"]
            assert text[e["content_start"] : e["content_end"]] == e["content"]
            assert e["start"] <= e["content_start"] <= e["content_end"] <= e["end"]
            assert 0.0 <= e["score"] <= 1.0
        assert claim["n_sources"] == len({e["doc_id"] for e in claim["evidence"]})
    assert len({c["id"] for c in claims}) == len(claims)
    sources = [c["n_sources"] for c in claims]
    assert sources == sorted(sources, reverse=True)


def test_objectives_strict_drops_government_evidence(
    capsys: pytest.CaptureFixture[str], seed_db: Path
) -> None:
    default = objectives_json(capsys, seed_db, "putin")
    strict = objectives_json(capsys, seed_db, "putin", "--strict")
    assert any(e["via_government"] for c in default for e in c["evidence"])
    assert strict
    for claim in strict:
        assert claim["evidence"]
        assert not any(e["via_government"] for e in claim["evidence"])
        assert claim["n_sources"] == len({e["doc_id"] for e in claim["evidence"]})
    by_id = {c["id"]: c for c in default}
    for claim in strict:  # strict keeps the person's own passages of the same claims
        own = [e for e in by_id[claim["id"]]["evidence"] if not e["via_government"]]
        assert claim["evidence"] == own
    sources = [c["n_sources"] for c in strict]
    assert sources == sorted(sources, reverse=True)


@pytest.fixture
def vague_db(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """One article with a specific objective and a vague one ("more details")."""
    article = tmp_path / "firefly.txt"
    article.write_text(
        "Rufus Firefly wants to cut fuel taxes by half, his office said on Monday.\n\n"
        "Rufus Firefly also wants more details.\n",
        encoding="utf-8",
    )
    db = tmp_path / "vague.db"
    code, _, _ = call(capsys, "extract", str(article), "--db", str(db))
    assert code == ExitCode.OK
    return db


def _statements(claims: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    return sorted((c["statement"], c["vague"]) for c in claims)


def test_objectives_leave_vague_claims_out(
    capsys: pytest.CaptureFixture[str], vague_db: Path
) -> None:
    specific = ("Rufus Firefly seeks: to cut fuel taxes by half", False)
    vague = ("Rufus Firefly seeks: more details", True)
    assert _statements(objectives_json(capsys, vague_db, "Rufus Firefly")) == [specific]
    every = objectives_json(capsys, vague_db, "Rufus Firefly", "--include-vague")
    assert _statements(every) == [vague, specific]
    (shown,) = [c for c in every if c["vague"]]
    assert [e["vague"] for e in shown["evidence"]] == [True]
    assert [e["content"] for e in shown["evidence"]] == ["more details"]
    listed = call_json(capsys, "claims", "--db", str(vague_db))
    assert _statements(listed) == [specific]
    assert _statements(call_json(capsys, "claims", "--include-vague", "--db", str(vague_db))) == [
        vague,
        specific,
    ]
    code, out, _ = call(capsys, "claims", "--include-vague", "--db", str(vague_db))
    assert code == ExitCode.OK
    assert out.count(", vague)") == 1
    code, out, _ = call(capsys, "report", "--format", "json", "--db", str(vague_db))
    assert [c["vague"] for a in json.loads(out)["actors"] for c in a["claims"]] == [False]
    code, out, _ = call(
        capsys, "report", "--format", "json", "--include-vague", "--db", str(vague_db)
    )
    assert sorted(c["vague"] for a in json.loads(out)["actors"] for c in a["claims"]) == [
        False,
        True,
    ]


@pytest.mark.parametrize("actor", ["Vladimir Putin", "PUTIN", "vladimir-putin"])
def test_objectives_actor_is_matched_fuzzily(
    capsys: pytest.CaptureFixture[str], seed_db: Path, actor: str
) -> None:
    expected = [c["id"] for c in objectives_json(capsys, seed_db, "putin")]
    assert [c["id"] for c in objectives_json(capsys, seed_db, actor)] == expected


def test_objectives_unknown_actor(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    code, out, err = call(capsys, "objectives", "Nobody Atall", "--db", str(seed_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith("putin-claims: error: no actor matches 'Nobody Atall'")
    assert err.endswith("\n") and err.count("\n") == 1


def test_objectives_table(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    claims = objectives_json(capsys, seed_db, "putin")
    code, out, err = call(capsys, "objectives", "putin", "--db", str(seed_db))
    assert (code, err) == (ExitCode.OK, "")
    assert "objectives of Vladimir Putin (and government)" in out
    assert claims[0]["id"] in out


# --------------------------------------------------------------------------- check

CLAIM = "Putin demands end of military aid"


def test_check_json_finds_the_supporting_passages(
    capsys: pytest.CaptureFixture[str], seed_db: Path
) -> None:
    result = call_json(capsys, "check", CLAIM, "--top", "5", "--db", str(seed_db))
    hits = result["hits"]
    assert [h["rank"] for h in hits] == [1, 2, 3, 4, 5]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits[:4]:
        assert hit["doc_id"].startswith(("000_", "003_"))
        assert hit["label"] == "supports"
    with Store.existing(seed_db) as store:
        for hit in hits:
            assert store.document_text(hit["doc_id"])[hit["start"] : hit["end"]] == hit["text"]
    assert result["actor"] == "vladimir-putin"
    assert result["total_sources"] == 5
    match = re.fullmatch(
        r"supported by (\d+) of 5 sources \((\d+) independent(?:, (\d+) opinion)?\)"
        r"(; contradicted by .+)?",
        result["verdict"],
    )
    assert match is not None
    assert int(match.group(1)) == result["supporting_sources"] >= 2
    assert int(match.group(2)) == result["independent_supporting_sources"] <= int(match.group(1))
    assert int(match.group(3) or 0) == result["opinion_supporting_sources"]


def test_check_table_prints_the_verdict(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    verdict = call_json(capsys, "check", CLAIM, "--top", "5", "--db", str(seed_db))["verdict"]
    code, out, err = call(capsys, "check", CLAIM, "--top", "5", "--db", str(seed_db))
    assert (code, err) == (ExitCode.OK, "")
    assert verdict in out
    assert f"check: {CLAIM}" in out


def test_check_top_must_be_positive(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    code, out, err = call(capsys, "check", CLAIM, "--top", "0", "--db", str(seed_db))
    assert (code, out) == (ExitCode.USAGE, "")
    assert "--top" in err


# --------------------------------------------------------------------------- claims


def test_claims_min_sources(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    everything = call_json(capsys, "claims", "--db", str(seed_db))
    several = call_json(capsys, "claims", "--min-sources", "2", "--db", str(seed_db))
    assert several
    assert all(c["n_sources"] >= 2 for c in several)
    assert [c["id"] for c in several] == [c["id"] for c in everything if c["n_sources"] >= 2]
    assert len(several) < len(everything)  # the filter removes single-source claims


def test_claims_actor_and_kind(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    db = str(seed_db)
    demands = call_json(capsys, "claims", "--actor", "putin", "--kind", "demand", "--db", db)
    assert demands
    assert {c["kind"] for c in demands} == {"demand"}
    assert {c["actor"] for c in demands} == {"vladimir-putin"}
    kinds = ["--kind", "demand", "--kind", "objective", "--kind", "refusal"]
    goals = call_json(capsys, "claims", "--actor", "putin", *kinds, "--db", db)
    assert {c["kind"] for c in goals} == {"demand", "objective", "refusal"}
    assert {c["id"] for c in demands} < {c["id"] for c in goals}
    # objectives, demands and refusals of Putin: exactly what `objectives putin` returns
    assert [c["id"] for c in goals] == [c["id"] for c in objectives_json(capsys, seed_db, "putin")]


def test_claims_bad_kind_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], seed_db: Path
) -> None:
    code, out, err = call(capsys, "claims", "--kind", "wish", "--db", str(seed_db))
    assert (code, out) == (ExitCode.USAGE, "")
    assert "--kind" in err


# --------------------------------------------------------------------------- evaluate


def test_evaluate_json_scores(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    scores = call_json(capsys, "evaluate", str(GOLD), "--db", str(seed_db))
    for key in ("objective_recall", "passage_recall", "evidence_precision", "recall_at_5", "mrr"):
        assert 0.0 <= scores[key] <= 1.0, key
    assert scores["grouping"] == 0 or scores["grouping"] >= 1
    assert scores["actor"] == "vladimir-putin"
    per = scores["per_objective"]
    assert scores["objectives"] == len(per) > 0
    assert scores["objective_recall"] == pytest.approx(sum(p["matched"] for p in per) / len(per))
    assert all(0 <= p["found"] <= p["supports"] for p in per)
    claims = objectives_json(capsys, seed_db, "putin")
    assert scores["returned_claims"] == len(claims)
    assert scores["returned_evidence"] == sum(len(c["evidence"]) for c in claims)


def test_evaluate_missing_gold_file(
    capsys: pytest.CaptureFixture[str], seed_db: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "nope.yaml"
    code, out, err = call(capsys, "evaluate", str(gold), "--db", str(seed_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith(f"putin-claims: error: {gold}: cannot read it")


def test_evaluate_malformed_yaml(
    capsys: pytest.CaptureFixture[str], seed_db: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "broken.yaml"
    gold.write_text("actor: [unclosed\n")
    code, out, err = call(capsys, "evaluate", str(gold), "--db", str(seed_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith(f"putin-claims: error: {gold}: not valid YAML")


def test_evaluate_gold_not_matching_the_schema(
    capsys: pytest.CaptureFixture[str], seed_db: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "schema.yaml"
    gold.write_text("actor: Putin\nobjectives:\n  - id: O1\n    statement: x\n")
    code, out, err = call(capsys, "evaluate", str(gold), "--db", str(seed_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith(f"putin-claims: error: {gold}: objectives.0.support: ")
    assert err.count("\n") == 1


def test_evaluate_support_in_no_sentence(
    capsys: pytest.CaptureFixture[str], seed_db: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "wrong.yaml"
    gold.write_text(
        "actor: Putin\n"
        "objectives:\n"
        "  - id: O1\n"
        "    statement: Putin wants a unicorn\n"
        "    support:\n"
        '      - {doc: "000", text: "a purple unicorn for the Kremlin"}\n'
    )
    code, out, err = call(capsys, "evaluate", str(gold), "--db", str(seed_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith(f"putin-claims: error: {gold}: O1: ")
    assert "'a purple unicorn for the Kremlin' is in no sentence of 000_" in err
    assert err.count("\n") == 1


# --------------------------------------------------------------------------- no store


@pytest.mark.parametrize(
    "args",
    [
        ("objectives", "putin"),
        ("check", CLAIM),
        ("claims",),
        ("evaluate", str(GOLD)),
    ],
)
def test_claims_commands_without_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    db = tmp_path / "none.db"
    code, out, err = call(capsys, *args, "--db", str(db), "--json")
    assert (code, out) == (ExitCode.ERROR, "")
    assert err == (
        f"putin-claims: error: no store at {db}; run `putin-claims extract PATH` first "
        "or point --db at one\n"
    )
    assert not db.exists()


def test_claims_table_shows_the_reports_corroboration(
    capsys: pytest.CaptureFixture[str], seed_db: Path
) -> None:
    claims = call_json(capsys, "claims", "--db", str(seed_db))
    code, out, _ = call(capsys, "claims", "--db", str(seed_db))
    assert code == ExitCode.OK
    with_opinion = [c for c in claims if c["n_opinion_sources"]]
    assert with_opinion
    first = claims[0]
    line = f"{first['n_sources']} source" + ("s" if first["n_sources"] != 1 else "")
    assert f"{line}," in out and f"{first['n_independent_sources']} independent" in out
    assert out.count(" opinion") >= len(with_opinion)


def test_claims_min_independent(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    everything = call_json(capsys, "claims", "--db", str(seed_db))
    some = call_json(capsys, "claims", "--min-independent", "1", "--db", str(seed_db))
    assert 0 < len(some) < len(everything)
    assert [c["id"] for c in some] == [
        c["id"] for c in everything if c["n_independent_sources"] >= 1
    ]
    both = call_json(capsys, "claims", "--min-independent", "1", "--min-sources", "2",
                     "--db", str(seed_db))  # fmt: skip
    assert [c["id"] for c in both] == [c["id"] for c in some if c["n_sources"] >= 2]


def test_an_empty_answer_says_so_on_stderr(
    capsys: pytest.CaptureFixture[str], seed_db: Path
) -> None:
    code, out, err = call(capsys, "objectives", "Witkoff", "--json", "--db", str(seed_db))
    assert (code, json.loads(out)) == (ExitCode.OK, [])
    assert err == "putin-claims: no objectives of Steve Witkoff in the store\n"
    code, out, err = call(capsys, "claims", "--min-sources", "9", "--json", "--db", str(seed_db))
    assert (code, json.loads(out), err) == (
        ExitCode.OK, [], "putin-claims: no claims in the store match\n"
    )  # fmt: skip


def test_stored_counts_and_views_match_the_claims(seed_db: Path) -> None:
    with Store.existing(seed_db) as store:
        claims = {c.id: c for c in store_claims(store)}
        rows = store.rows("SELECT * FROM claim_summary")
        quotes = store.rows("SELECT * FROM quote_summary")
        stored = store.quotes()
    assert len(rows) == len(claims)
    for r in rows:
        c = claims[r["claim_id"]]
        assert (r["n_sources"], r["n_independent"], r["n_opinion"]) == (
            c.n_sources, c.n_independent_sources, c.n_opinion_sources,
        )  # fmt: skip
        assert (r["actor_id"], r["actor_name"], r["statement"]) == (c.actor, c.actor_name,
                                                                    c.statement)  # fmt: skip
    assert any(r["n_opinion"] for r in rows)
    assert sorted((q["quote_id"], q["speaker_name"]) for q in quotes) == sorted(
        (q.quote_id, q.speaker_name) for q in stored
    )
    assert all(q["title"] is not None for q in quotes if not q["doc_id"].startswith("003_"))
