"""Opening a store file: WAL mode, ordered migrations, and the one write transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from putin_claims.errors import StoreError
from putin_claims.store.migrations import MIGRATIONS

_T = TypeVar("_T")

DEFAULT_DB = "putin-claims.db"
#: How long a write waits for another process's transaction before giving up (seconds).
BUSY_TIMEOUT = 600.0
#: How long it waits before saying that it waits.
NOTICE_AFTER = 0.5
#: Called once when a write has to wait for another process (the CLI prints a line).
Waiting = Callable[[Path], None]
#: Settings key of the corpus staleness mark: 'stale' once a document changed, else the key
#: of the corpus refresh that built the corpus-wide tables.
STATE_KEY = "corpus_state"


class Connection:
    """An open store file. Use :meth:`open` (creates) or :meth:`existing` (must exist)."""

    #: Told when a write waits for another process; set by :meth:`open`.
    waiting: Waiting | None = None

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._depth = 0
        self._told = False

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB, waiting: Waiting | None = None) -> Self:
        """Open (or create) a store. A second process writing the same file waits for the
        first (``waiting`` is told once), and the schema is set up by one of them at a time."""
        path = Path(path)
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=NOTICE_AFTER)
            store = cls(db, path)
            store.waiting = waiting
            store._patiently(store._check_ours)  # before a pragma writes to another's database
            store._patiently(lambda: db.execute("PRAGMA journal_mode=WAL"))
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=NORMAL")
            store._migrate()
        except sqlite3.DatabaseError as exc:
            if _locked(exc):
                raise StoreError(
                    f"{path} stayed locked by another process for {BUSY_TIMEOUT:.0f} s;"
                    " try again when it is done"
                ) from exc
            raise StoreError(
                f"{path} is not a usable putin-claims database ({exc}); name another file with --db"
            ) from exc
        return store

    @classmethod
    def existing(cls, path: Path | str = DEFAULT_DB, waiting: Waiting | None = None) -> Self:
        path = Path(path)
        if not path.exists():
            raise StoreError(
                f"no store at {path}; run `putin-claims extract PATH` first or point --db at one"
            )
        return cls.open(path, waiting)

    def _applied(self) -> set[str] | None:
        return self._patiently(lambda: _applied_names(self.db))

    def _patiently(self, act: Callable[[], _T]) -> _T:
        """Run ``act``; when another process holds the lock, say so once and wait for it."""
        try:
            return act()
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
        if self.waiting is not None and not self._told:
            self._told = True
            self.waiting(self.path)
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        try:
            return act()
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(NOTICE_AFTER * 1000)}")

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
        self._patiently(lambda: self.db.execute("BEGIN IMMEDIATE"))
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
        """Apply the missing migrations, each in its own write transaction; whether one is
        missing is decided inside that transaction, so two processes opening a new store at
        once never both apply one. A store a newer version set up is refused."""
        known = [name for name, _ in MIGRATIONS]
        applied = self._applied()
        if applied is None or set(known) - applied:
            with self.transaction() as db:  # only a store that needs a step takes the lock
                db.execute(
                    "CREATE TABLE IF NOT EXISTS migrations"
                    " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
            applied = self._applied() or set()
        newer = sorted(applied - set(known))
        if newer:
            raise StoreError(
                f"{self.path} was set up by a newer putin-claims (schema step {newer[-1]});"
                " upgrade putin-claims or name another file with --db"
            )
        for name, fn in MIGRATIONS:
            if name in applied:
                continue
            with self.transaction() as db:
                if db.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    continue  # another process applied it while this one waited
                fn(db)
                db.execute("INSERT INTO migrations VALUES (?, ?)", (name, now()))


def _applied_names(db: sqlite3.Connection) -> set[str] | None:
    """The migrations a store has applied; None when it has no migrations table yet."""
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone():
        return None
    return {str(r[0]) for r in db.execute("SELECT name FROM migrations")}


def _locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


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
