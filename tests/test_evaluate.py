"""The quality gate: pinned floors on both gold files, and gold-file errors.

Floors are the issue's thresholds for the seed gold and, for the second gold (articles the
engine was not tuned on), the scores measured when the gate was set, rounded down. A change
that lowers a score below its floor fails the suite; raise a floor when a change raises it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT
from putin_claims.errors import GoldFileError
from putin_claims.evaluate import Scores, evaluate, load_gold
from putin_claims.pipeline import extract
from putin_claims.store import Store

SEED_FLOORS = {
    "objective_recall": 0.9,
    "passage_recall": 0.8,
    "evidence_precision": 0.8,
    "recall_at_5": 0.8,
    "mrr": 0.8,
}
SEED_MAX_GROUPING = 1.5
OTHER_FLOORS = {
    "objective_recall": 0.85,
    "passage_recall": 0.8,
    "evidence_precision": 0.9,
    "recall_at_5": 0.7,
    "mrr": 0.9,
}
OTHER_MAX_GROUPING = 2.3


@pytest.fixture(scope="module")
def other_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("other") / "other.db"
    with Store.open(path) as store:
        extract([ROOT / "tests" / "data" / "claims-other"], store)
    return path


def _check(scores: Scores, floors: dict[str, float], max_grouping: float) -> None:
    for name, floor in floors.items():
        assert getattr(scores, name) >= floor, (name, getattr(scores, name), floor)
    assert 1.0 <= scores.grouping <= max_grouping


def test_seed_gold_gate(seed_store: Store, nlp: Language) -> None:
    scores = evaluate(seed_store, ROOT / "tests" / "gold" / "seeds.yaml", nlp)
    assert scores.objectives >= 12
    _check(scores, SEED_FLOORS, SEED_MAX_GROUPING)


def test_second_gold_gate(other_db: Path, nlp: Language) -> None:
    with Store.existing(other_db) as store:
        scores = evaluate(store, ROOT / "tests" / "gold" / "other.yaml", nlp)
    assert scores.actor == "recep-tayyip-erdogan"
    _check(scores, OTHER_FLOORS, OTHER_MAX_GROUPING)


def test_gold_files_parse_and_every_support_is_one_sentence(seed_store: Store) -> None:
    gold = load_gold(ROOT / "tests" / "gold" / "seeds.yaml")
    assert gold.actor == "Putin" and len(gold.objectives) >= 12
    assert all(o.support and o.queries for o in gold.objectives)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actor: [unclosed", "not valid YAML"),
        ("actor: Putin\n", "objectives: Field required"),
        (
            "actor: Putin\nobjectives:\n  - {id: O1, statement: s, support: "
            "[{doc: '000', text: 'no such words here'}]}\n",
            "is in no sentence",
        ),
        (
            "actor: Putin\nobjectives:\n  - {id: O1, statement: s, support: "
            "[{doc: '999', text: 'Putin'}]}\n",
            "matches 0 stored ones",
        ),
    ],
)
def test_bad_gold_files(
    seed_store: Store, nlp: Language, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFileError, match=message) as info:
        evaluate(seed_store, path, nlp)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_gold_file(seed_store: Store, nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="cannot read it"):
        evaluate(seed_store, tmp_path / "missing.yaml", nlp)
