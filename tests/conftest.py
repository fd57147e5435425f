"""Shared fixtures: one real spaCy pipeline per session, and the seeds extracted once."""

from __future__ import annotations

import sqlite3
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


#: Columns that record when something happened, not what: they differ between any two runs.
TIMESTAMPS = frozenset({"extracted_at", "applied_at"})


def store_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a store (ids included, timestamps left out), sorted."""
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sentences_fts%' ORDER BY name"
            )
        ]
        out = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
            kept = ", ".join(c for c in cols if c not in TIMESTAMPS)
            rows = conn.execute(f"SELECT {kept} FROM {name}").fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store (WAL included), through SQLite's backup API."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target
