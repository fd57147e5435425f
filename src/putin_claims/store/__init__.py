"""The SQLite store: one file, WAL mode, ordered migrations, FTS5 over sentence text.

Every write is a transaction of its own: one document at a time, and the corpus-wide actor
resolution in one piece, so an interruption leaves what was stored before it intact. A
transaction opened inside another joins it, so the corpus refresh is one unit.

:class:`Store` is composed of one part per job: opening and transactions
(:mod:`.connection`), documents and sentences (:mod:`.documents`), actors (:mod:`.actors`),
assertions and claims (:mod:`.claims`), quotes (:mod:`.quotes`), and the other corpus-wide
tables and marks (:mod:`.corpus`). It imports only :mod:`putin_claims.models` and
:mod:`putin_claims.errors`; the rules that decide what to store live in the stages.
"""

from __future__ import annotations

from putin_claims.store.actors import Actors
from putin_claims.store.claims import Claims
from putin_claims.store.connection import DEFAULT_DB, STATE_KEY
from putin_claims.store.corpus import Corpus
from putin_claims.store.documents import Documents
from putin_claims.store.quotes import Quotes

__all__ = ["DEFAULT_DB", "STATE_KEY", "Store"]


class Store(Documents, Actors, Claims, Quotes, Corpus):
    """A putin-claims database. Use :meth:`open` (creates) or :meth:`existing` (must exist)."""
