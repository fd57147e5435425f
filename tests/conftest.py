"""Shared fixtures: one real spaCy pipeline per session, and the seeds extracted once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from putin_claims.pipeline import extract
from putin_claims.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English pipeline the tool uses by default (loaded once)."""
    from putin_claims.nlp.loading import load_pipeline, resolve_model_name

    return load_pipeline(resolve_model_name())


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A store holding the five seed articles, extracted once for the session."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store.open(path) as store:
        summary = extract([SEEDS], store)
    assert summary.processed == 5 and not summary.skipped
    return path


@pytest.fixture
def seed_store(seed_db: Path) -> Iterator[Store]:
    with Store.existing(seed_db) as store:
        yield store


def seed_id(store: Store, prefix: str) -> str:
    """The doc id of the seed whose file name starts with ``prefix`` ("000")."""
    (doc_id,) = [d for d in store.doc_ids() if d.startswith(prefix + "_")]
    return doc_id
