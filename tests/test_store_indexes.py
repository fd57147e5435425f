"""Every lookup by key is indexed (migration ``m017_lookup_indexes``): the query plans.

Two checks. The statements the corpus refresh runs are traced on the seeds and each one's
plan is read: a table may be scanned only by a statement that reads it whole (listed in
``WHOLE_READS``), never to find rows by a key. Then a table of lookups that the refresh does
not run on the seeds (cascading deletes, reads by key) must search an index and scan nothing.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_store
from putin_claims.corpus.refresh import refresh
from putin_claims.lexicons import actor_fingerprint, load_actor_data
from putin_claims.names import AliasIndex
from putin_claims.store import Store
from putin_claims.store.migrations import LOOKUP_INDEXES

#: A fragment of each statement that reads a table whole -> the table it reads whole.
WHOLE_READS: dict[str, str] = {
    "FROM mentions m JOIN sentences s USING (sentence_id) WHERE m.kind": "mentions",
    "FROM role_links r JOIN sentences s": "role_links",
    "FROM key_actors k WHERE EXISTS": "key_actors",
    "FROM mentions m JOIN key_actors k USING (key)": "mentions",
    "SELECT actor_id, name, type, government, leader FROM actors": "actors",
    "SELECT actor_id, name FROM actors": "actors",
    "FROM quotes q JOIN sentences s USING (sentence_id)": "quotes",
    "FROM assertions a JOIN sentences s USING (sentence_id)": "assertions",
    "FROM derivations ORDER BY": "derivations",
    "FROM document_paths ORDER BY": "document_paths",
    "FROM documents d": "documents",
    "SELECT doc_id, genre FROM documents": "documents",
    "FROM claims c JOIN claim_evidence": "claims",
}

#: Lookups by key outside the traced refresh: (what, statement, parameters).
LOOKUPS: list[tuple[str, str, tuple[object, ...]]] = [
    ("a document's rows replaced", "DELETE FROM documents WHERE doc_id = ?", ("d",)),
    ("a sentence's rows removed", "DELETE FROM sentences WHERE sentence_id = ?", (1,)),
    ("a quote's named speakers removed", "DELETE FROM quotes WHERE quote_id = ?", (1,)),
    ("an assertion's evidence removed", "DELETE FROM assertions WHERE assertion_id = ?", (1,)),
    ("assertions by actor key", "SELECT * FROM assertions WHERE actor_key = ?", ("k",)),
    ("assertions by attributed key", "SELECT * FROM assertions WHERE attributed_key = ?", ("k",)),
    ("quotes by speaker key", "SELECT * FROM quotes WHERE speaker_key = ?", ("k",)),
    ("keys of an actor", "SELECT key FROM key_actors WHERE actor_id = ?", ("a",)),
    ("lines set aside as repeated", "SELECT * FROM sentences WHERE boilerplate = ?", ("r",)),
    ("documents derived from one", "SELECT * FROM derivations WHERE source = ?", ("d",)),
    ("quotes named from one", "SELECT * FROM quote_speakers WHERE resolved_from = ?", (1,)),
]

_SCAN = re.compile(r"\bSCAN (\w+)")


def _scanned(db: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> set[str]:
    """Tables (by name or alias resolved by SQLite) the plan of ``sql`` scans."""
    plan = db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return {m.group(1) for row in plan if (m := _SCAN.search(row[3]))}


def _aliases(sql: str) -> dict[str, str]:
    """alias -> table for ``FROM/JOIN table alias`` in ``sql``."""
    found = re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql, re.IGNORECASE)
    out = {}
    for table, alias in found:
        out[table] = table
        if alias and alias.upper() not in {"USING", "ON", "WHERE", "JOIN", "LEFT", "ORDER"}:
            out[alias] = table
    return out


@pytest.fixture(scope="module")
def traced(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The statements one corpus refresh of the seeds runs (values bound in)."""
    path = copy_store(seed_db, tmp_path_factory.mktemp("plans") / "seeds.db")
    data = load_actor_data(None)
    statements: list[str] = []
    with Store.open(path) as store:
        store.db.set_trace_callback(statements.append)
        refresh(store, AliasIndex.build(data), actor_fingerprint(data))
        store.db.set_trace_callback(None)
    reads = [s for s in statements if re.match(r"\s*(SELECT|UPDATE|DELETE)", s, re.IGNORECASE)]
    return path, sorted(set(reads))


def test_the_refresh_scans_tables_only_to_read_them_whole(
    traced: tuple[Path, list[str]],
) -> None:
    path, statements = traced
    assert len(statements) >= 15  # the trace saw the refresh's reads, updates and deletes
    db = sqlite3.connect(path)
    try:
        for sql in statements:
            aliases = _aliases(sql)
            scanned = {aliases.get(t, t) for t in _scanned(db, sql)}
            whole = {table for fragment, table in WHOLE_READS.items() if fragment in sql}
            assert scanned <= whole, (sql, scanned - whole)
    finally:
        db.close()


def test_the_refresh_looks_lines_up_by_their_mark_and_paragraph(
    traced: tuple[Path, list[str]],
) -> None:
    """The two lookups that scanned ``sentences`` before ``m017`` are among those traced."""
    _, statements = traced
    assert any("WHERE boilerplate =" in s for s in statements)
    assert any("o.paragraph = s.paragraph" in s for s in statements)


@pytest.mark.parametrize(("what", "sql", "params"), LOOKUPS, ids=[w for w, _, _ in LOOKUPS])
def test_lookups_by_key_search_an_index(
    store: Store, what: str, sql: str, params: tuple[object, ...]
) -> None:
    assert _scanned(store.db, sql, params) == set(), what


def test_without_the_lookup_indexes_the_plans_scan(store: Store) -> None:
    """The check can fail: drop the indexes and the same lookups scan their tables."""
    for name, _, _ in LOOKUP_INDEXES:
        store.db.execute(f"DROP INDEX {name}")
    scanning = [what for what, sql, params in LOOKUPS if _scanned(store.db, sql, params)]
    assert len(scanning) >= 6, scanning
