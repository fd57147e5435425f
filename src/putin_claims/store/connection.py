"""Opening a store file: WAL mode, ordered migrations, and the one write transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from putin_claims.errors import StoreError
from putin_claims.store.migrations import MIGRATIONS

DEFAULT_DB = "putin-claims.db"
#: Settings key of the corpus staleness mark: 'stale' once a document changed, else the key
#: of the corpus refresh that built the corpus-wide tables.
STATE_KEY = "corpus_state"


class Connection:
    """An open store file. Use :meth:`open` (creates) or :meth:`existing` (must exist)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB) -> Self:
        path = Path(path)
        try:
            db = sqlite3.connect(path, isolation_level=None)
            store = cls(db, path)
            store._check_ours()  # before any pragma writes to someone else's database
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=NORMAL")
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a usable putin-claims database ({exc}); name another file with --db"
            ) from exc
        return store

    @classmethod
    def existing(cls, path: Path | str = DEFAULT_DB) -> Self:
        path = Path(path)
        if not path.exists():
            raise StoreError(
                f"no store at {path}; run `putin-claims extract PATH` first or point --db at one"
            )
        return cls.open(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a transaction opened inside another joins it."""
        if self._depth:
            self._depth += 1
            try:
                yield self.db
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.db
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        self.db.execute("COMMIT")

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        """The rows of a query as column name -> value."""
        return fetch(self.db, sql, params)

    def _check_ours(self) -> None:
        tables = {r["name"] for r in self.rows("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "migrations" not in tables:
            self.db.close()
            raise sqlite3.DatabaseError("it holds tables of another application")

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations"
            " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r["name"] for r in self.rows("SELECT name FROM migrations")}
        for name, fn in MIGRATIONS:
            if name not in done:
                with self.transaction() as db:
                    fn(db)
                    db.execute("INSERT INTO migrations VALUES (?, ?)", (name, now()))


def fetch(db: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
    """The rows of a query as column name -> value."""
    cursor = db.cursor()
    cursor.row_factory = sqlite3.Row
    return [dict(row) for row in cursor.execute(sql, params)]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def marks(values: Sequence[object]) -> str:
    """SQL placeholders for ``IN (...)`` over ``values``."""
    return ",".join("?" * len(values))
