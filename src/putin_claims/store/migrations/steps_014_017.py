"""Migrations m014-m017 (0.3.0): documents known by content, browsable search, claim
counts, lookup indexes."""

from __future__ import annotations

import sqlite3

from putin_claims.store.migrations.registry import migration


@migration
def m014_document_identity(db: sqlite3.Connection) -> None:
    """Documents are known by their content: ``document_paths`` holds every path (and, for
    JSON exports, record) the same content was read from; ``documents.path`` is the latest.
    Each document has its canonical URL, its genre (news, opinion, analysis: counted apart in
    corroboration), the reader that read it, and, when the text was extracted from markup or
    a record, the source as read (``document_sources``)."""
    db.execute("ALTER TABLE documents ADD COLUMN url TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN genre TEXT NOT NULL DEFAULT 'news'")
    db.execute("ALTER TABLE documents ADD COLUMN genre_cue TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text'")
    db.execute(
        """CREATE TABLE document_paths (
            path TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            seen_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX document_paths_doc ON document_paths(doc_id)")
    db.execute("INSERT INTO document_paths SELECT path, path, doc_id, extracted_at FROM documents")
    db.execute("CREATE INDEX documents_sha ON documents(sha256)")
    db.execute(
        """CREATE TABLE document_sources (
            doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
            media_type TEXT NOT NULL,
            data BLOB NOT NULL
        )"""
    )


@migration
def m015_browsable_search(db: sqlite3.Connection) -> None:
    """``sentences_fts`` declared with its content table double-quoted (``content="sentences"``),
    the form datasette and sqlite-utils recognise, so that they offer a search box on
    ``sentences``; same column, tokenizer, rowid and triggers, the index rebuilt from
    ``sentences``."""
    db.execute("DROP TRIGGER sentences_ai")
    db.execute("DROP TRIGGER sentences_ad")
    db.execute("DROP TABLE sentences_fts")
    db.execute(
        """CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content="sentences", content_rowid="sentence_id",
            tokenize='porter unicode61 remove_diacritics 2'
        )"""
    )
    db.execute(
        """CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.sentence_id, new.text);
        END"""
    )
    db.execute(
        """CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text)
            VALUES ('delete', old.sentence_id, old.text);
        END"""
    )
    db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")


@migration
def m016_claim_counts(db: sqlite3.Connection) -> None:
    """Each claim's corroboration as the corpus refresh counts it: ``n_sources`` (every
    document carrying it), ``n_independent`` (independent groups among the news documents,
    copies collapsed), ``n_opinion`` (opinion and analysis pieces); and two views to browse
    (``claim_summary``, ``quote_summary``). Claims stored before read 0 until the next refresh,
    so the corpus is marked stale."""
    for column in ("n_sources", "n_independent", "n_opinion"):
        db.execute(f"ALTER TABLE claims ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE VIEW claim_summary AS
            SELECT c.claim_id, c.actor_id, COALESCE(a.name, c.actor_id) AS actor_name, c.kind,
                   c.statement, c.n_sources, c.n_independent, c.n_opinion
            FROM claims c LEFT JOIN actors a ON a.actor_id = c.actor_id"""
    )
    db.execute(
        """CREATE VIEW quote_summary AS
            SELECT q.quote_id, q.doc_id, q.kind, q.content, q.char_start, q.char_end,
                   COALESCE(named.actor_id, k.actor_id) AS speaker_id,
                   COALESCE(a.name, q.speaker_text) AS speaker_name, q.speaker_text,
                   d.title, d.url, d.date, d.genre
            FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
            LEFT JOIN key_actors k ON k.key = q.speaker_key
            LEFT JOIN quote_speakers named ON named.quote_id = q.quote_id
            LEFT JOIN actors a ON a.actor_id = COALESCE(named.actor_id, k.actor_id)"""
    )
    db.execute("INSERT OR REPLACE INTO settings VALUES ('corpus_state', 'stale')")


@migration
def m017_lookup_indexes(db: sqlite3.Connection) -> None:
    """An index for every lookup by key that the corpus refresh, the queries and the
    cascading deletes of a document make, so that none scans a table that grows with the
    corpus (``tests/test_store_indexes.py`` checks the query plans)."""
    for name, table, columns in LOOKUP_INDEXES:
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")


#: (index, table, columns) that ``m017_lookup_indexes`` creates.
LOOKUP_INDEXES = (
    ("assertions_actor_key", "assertions", "actor_key"),
    ("assertions_attributed_key", "assertions", "attributed_key"),
    ("quotes_speaker_key", "quotes", "speaker_key"),
    ("quotes_sentence", "quotes", "sentence_id"),
    ("quote_speakers_from", "quote_speakers", "resolved_from"),
    ("mentions_sentence", "mentions", "sentence_id"),
    ("dates_sentence", "dates", "sentence_id"),
    ("role_links_doc", "role_links", "doc_id"),
    ("role_links_sentence", "role_links", "sentence_id"),
    ("sentences_paragraph", "sentences", "doc_id, paragraph"),
    ("sentences_boilerplate", "sentences", "boilerplate"),
    ("derivations_source", "derivations", "source"),
)
