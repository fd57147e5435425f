"""Migrating a store that an older schema made (``store/migrations/``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from conftest import PIPELINE, make_claims_doc, make_doc, resolution_v1, sentence_id
from putin_claims.models import ProcessedDocument, VagueReason
from putin_claims.store import STATE_KEY, Store
from putin_claims.store.migrations import (
    MIGRATIONS,
    m013_vague_assertions,
    m014_document_identity,
)

BEFORE_KEY_ACTORS = [name for name, _ in MIGRATIONS].index("m012_key_actors")


def _old_store(path: Path) -> None:
    """Two documents in a store of the schema before ``m012_key_actors``, resolved the old way:
    each key's actor copied into mentions, assertions and quotes, and one quote's speaker named
    through the same quote in the other document."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in MIGRATIONS[:BEFORE_KEY_ACTORS]:
        fn(db)
        db.execute("INSERT INTO migrations VALUES (?, '2031-05-14T00:00:00+00:00')", (name,))
    _save_in_old_schema(db, path, make_claims_doc("alpha"), make_claims_doc("beta"))
    resolution = resolution_v1()
    db.executemany(
        "INSERT INTO actors VALUES (?,?,?,?,?)",
        [(a.actor_id, a.name, a.type.value, a.government, a.leader) for a in resolution.actors],
    )
    pairs = [(actor, key) for key, actor in resolution.key_to_actor.items()]
    db.executemany("UPDATE mentions SET actor_id = ? WHERE key = ?", pairs)
    db.executemany("UPDATE assertions SET actor_id = ? WHERE actor_key = ?", pairs)
    db.executemany("UPDATE assertions SET attributed_actor = ? WHERE attributed_key = ?", pairs)
    db.executemany("UPDATE quotes SET speaker_actor = ? WHERE speaker_key = ?", pairs)
    db.execute(
        "UPDATE quotes SET speaker_actor = 'trentino', resolved_from = ?, confidence = 0.42"
        " WHERE quote_id = ?",
        _described_and_source(db),
    )
    db.close()


def _save_in_old_schema(db: sqlite3.Connection, path: Path, *docs: ProcessedDocument) -> None:
    """Save with today's code into a store of the schema before ``m012_key_actors``: the
    columns and tables later migrations add (``m013_vague_assertions``,
    ``m014_document_identity``) are there for the save only, and dropped after it."""
    m013_vague_assertions(db)
    m014_document_identity(db)
    old = Store(db, path)  # the constructor migrates nothing
    for doc in docs:
        old.save(doc, PIPELINE)
    for column in ("vague", "vague_reason"):
        db.execute(f"ALTER TABLE assertions DROP COLUMN {column}")
    for table in ("document_paths", "document_sources"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP INDEX documents_sha")
    for column in ("url", "genre", "genre_cue", "format"):
        db.execute(f"ALTER TABLE documents DROP COLUMN {column}")


def _described_and_source(db: sqlite3.Connection) -> tuple[int, int]:
    """Quote ids of beta's and alpha's quote that gives its speaker only as a description."""
    query = "SELECT quote_id FROM quotes WHERE doc_id = ? AND speaker_key IS NULL"
    ((beta,),) = db.execute(query, ("beta",)).fetchall()
    ((alpha,),) = db.execute(query, ("alpha",)).fetchall()
    return beta, alpha


def _new_store(path: Path) -> Store:
    """The same two documents resolved the current way."""
    store = Store.open(path)
    store.save(make_claims_doc("alpha"), PIPELINE)
    store.save(make_claims_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    source, quote = _described_and_source(store.db)
    store.resolve_quote_speakers([(quote, "trentino", source, 0.42)])
    return store


def _columns(store: Store, table: str) -> set[str]:
    return {r["name"] for r in store.rows(f"PRAGMA table_info({table})")}


def test_key_actors_migration_moves_the_copied_actor_columns(tmp_path: Path) -> None:
    _old_store(tmp_path / "old.db")
    with Store.open(tmp_path / "old.db") as migrated, _new_store(tmp_path / "new.db") as fresh:
        applied = [r["name"] for r in migrated.rows("SELECT name FROM migrations ORDER BY rowid")]
        assert applied == [name for name, _ in MIGRATIONS]
        assert migrated.key_actors() == {"rufus firefly": "rufus-firefly", "trentino": "trentino"}
        assert [(r.doc_id, r.actor, r.attributed_actor) for r in migrated.assertion_rows()] == [
            ("alpha", "rufus-firefly", "trentino"),
            ("alpha", None, None),
            ("beta", "rufus-firefly", "trentino"),
            ("beta", None, None),
        ]
        named = migrated.quotes("alpha")[0]
        assert (named.speaker, named.speaker_name) == ("trentino", "Trentino")
        assert named.confidence == 0.42
        assert named.resolved_from == migrated.quotes("beta")[0].quote_id
        for read in ("actors", "quotes", "assertion_rows", "counts", "key_stats", "sources"):
            assert getattr(migrated, read)() == getattr(fresh, read)(), read
        for store in (migrated, fresh):
            assert "actor_id" not in _columns(store, "mentions")
            assert not {"actor_id", "attributed_actor"} & _columns(store, "assertions")
            assert not {"speaker_actor", "resolved_from"} & _columns(store, "quotes")


def test_key_actors_migration_of_an_unresolved_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in MIGRATIONS[:BEFORE_KEY_ACTORS]:
        fn(db)
        db.execute("INSERT INTO migrations VALUES (?, '2031-05-14T00:00:00+00:00')", (name,))
    _save_in_old_schema(db, path, make_claims_doc())
    db.close()
    with Store.open(path) as store:
        assert store.key_actors() == {}
        assert [q.speaker for q in store.quotes()] == [None, None]
        assert store.setting(STATE_KEY) == "stale"


BEFORE_VAGUE = [name for name, _ in MIGRATIONS].index("m013_vague_assertions")


def _vague_doc() -> ProcessedDocument:
    """:func:`make_claims_doc` with its second assertion found vague."""
    doc = make_claims_doc()
    first, second, third = doc.assertions
    second = second.model_copy(update={"vague": True, "vague_reason": VagueReason.BARE_TOPIC})
    return doc.model_copy(update={"assertions": (first, second, third)})


def test_vague_migration_reads_old_assertions_as_specific(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in MIGRATIONS[:BEFORE_VAGUE]:
        fn(db)
        db.execute("INSERT INTO migrations VALUES (?, '2031-05-14T00:00:00+00:00')", (name,))
    db.execute(
        "INSERT INTO documents VALUES ('old', 'old.txt', 'sha', 'p', 'utf-8', 'text', NULL, NULL,"
        " NULL, NULL, NULL, '[]', '2031-05-14T00:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO sentences (sentence_id, doc_id, idx, paragraph, line, char_start, char_end,"
        " text, role) VALUES (1, 'old', 0, 0, 1, 0, 4, 'text', 'content')"
    )
    db.execute(
        "INSERT INTO assertions (assertion_id, doc_id, sentence_id, kind, cue, actor_text,"
        " actor_source, content, char_start, char_end, negated, hedge, terms)"
        " VALUES (7, 'old', 1, 'objective', 'want', 'He', 'subject', 'text', 0, 4, 0,"
        " 'asserted', 'text')"
    )
    db.close()
    with Store.open(path) as store:
        assert "m013_vague_assertions" in {
            r["name"] for r in store.rows("SELECT name FROM migrations")
        }
        (row,) = store.assertion_rows()
        assert (row.assertion_id, row.vague, row.vague_reason) == (7, False, None)
        store.save(_vague_doc(), PIPELINE)
        found = [(r.content, r.vague, r.vague_reason) for r in store.assertion_rows()]
    assert ("Ambassador Trentino", True, VagueReason.BARE_TOPIC) in found
    assert ("the talks would continue", False, None) in found


BEFORE_BROWSABLE = [name for name, _ in MIGRATIONS].index("m015_browsable_search")


def _fts_sql(store: Store) -> str:
    (row,) = store.rows("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'")
    return str(row["sql"])


def test_browsable_search_migration_rebuilds_the_index_in_the_recognised_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in MIGRATIONS[:BEFORE_BROWSABLE]:
        fn(db)
        db.execute("INSERT INTO migrations VALUES (?, '2031-05-14T00:00:00+00:00')", (name,))
    Store(db, path).save(make_doc("alpha"), PIPELINE)  # the constructor migrates nothing
    db.close()
    assert sqlite_utils.Database(path)["sentences"].detect_fts() is None  # the 0.3.0 form

    with Store.open(path) as store:
        assert "m015_browsable_search" in {
            r["name"] for r in store.rows("SELECT name FROM migrations")
        }
        assert 'content="sentences"' in _fts_sql(store)
        assert "porter unicode61 remove_diacritics 2" in _fts_sql(store)
        ids = [sentence_id(store, "alpha", i) for i in range(4)]
        # Rows stored before the migration are in the rebuilt index, stemmed as before, and
        # search() still ranks content sentences only.
        assert store.search(["talks"], limit=5) == [ids[2]]
        assert store.search(["share"], limit=5) == []
        assert set(store.search(["Trentino", "continuing"], limit=5)) == {ids[1], ids[2]}
        # The triggers were recreated: a new version replaces the old rows in the index.
        store.save(make_doc("alpha", word="Zeppelin"), PIPELINE)
        store.save(make_doc("beta"), PIPELINE)
        assert store.search(["Zeppelin"], limit=5) == [sentence_id(store, "alpha", 0)]
        assert store.search(["Marmalade"], limit=5) == [sentence_id(store, "beta", 0)]
        (check,) = store.rows(
            "SELECT COUNT(*) AS n FROM sentences_fts WHERE sentences_fts MATCH 'Trentino'"
        )
        assert check["n"] == 2
        # The index agrees with its content table row for row (raises otherwise).
        store.db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
    assert sqlite_utils.Database(path)["sentences"].detect_fts() == "sentences_fts"


def test_claim_counts_migration_adds_counts_and_views_and_marks_the_corpus_stale(
    tmp_path: Path,
) -> None:
    """A store made before ``m016_claim_counts`` with a claim in it: the claim reads 0 sources
    until the next refresh (the corpus is marked stale), and the two views answer."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    before = [name for name, _ in MIGRATIONS].index("m016_claim_counts")
    for name, fn in MIGRATIONS[:before]:
        fn(db)
        db.execute("INSERT INTO migrations VALUES (?, '2031-05-14T00:00:00+00:00')", (name,))
    db.execute("INSERT INTO claims VALUES ('c1', 'rufus-firefly', 'demand', 'Firefly demands: x')")
    db.execute("INSERT OR REPLACE INTO settings VALUES ('corpus_state', 'fresh-key')")
    db.close()
    with Store.open(path) as store:
        assert {"n_sources", "n_independent", "n_opinion"} <= _columns(store, "claims")
        (row,) = store.rows("SELECT * FROM claim_summary")
        assert dict(row) == {
            "claim_id": "c1", "actor_id": "rufus-firefly", "actor_name": "rufus-firefly",
            "kind": "demand", "statement": "Firefly demands: x", "n_sources": 0,
            "n_independent": 0, "n_opinion": 0,
        }  # fmt: skip
        assert store.rows("SELECT * FROM quote_summary") == []
        assert store.setting(STATE_KEY) == "stale"
        views = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type='view'")}
        assert views == {"claim_summary", "quote_summary"}
