"""Migrations m001-m013 (0.1.0 to 0.3.0 vague contents)."""

from __future__ import annotations

import sqlite3

from putin_claims.store.migrations.registry import migration


@migration
def m001_documents_and_sentences(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            pipeline TEXT NOT NULL,
            encoding TEXT NOT NULL,
            text TEXT NOT NULL,
            title TEXT,
            author TEXT,
            outlet TEXT,
            date TEXT,
            date_kind TEXT,
            notes TEXT NOT NULL DEFAULT '[]',
            extracted_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE sentences (
            sentence_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            paragraph INTEGER,
            line INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            role TEXT NOT NULL,
            boilerplate TEXT,
            reason TEXT,
            UNIQUE (doc_id, idx)
        )"""
    )
    db.execute("CREATE INDEX sentences_role ON sentences(role)")


@migration
def m002_sentence_search(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='sentence_id',
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


@migration
def m003_actors_and_mentions(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE actors (
            actor_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            government TEXT,
            leader TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE mentions (
            mention_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            surface TEXT NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            key TEXT NOT NULL,
            actor_id TEXT
        )"""
    )
    db.execute("CREATE INDEX mentions_key ON mentions(key)")
    db.execute("CREATE INDEX mentions_actor ON mentions(actor_id)")
    db.execute("CREATE INDEX mentions_doc ON mentions(doc_id)")
    db.execute(
        """CREATE TABLE role_links (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
            role_key TEXT NOT NULL,
            name_key TEXT NOT NULL
        )"""
    )


@migration
def m004_dates(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE dates (
            date_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT,
            granularity TEXT NOT NULL,
            relative INTEGER NOT NULL,
            anchor TEXT
        )"""
    )
    db.execute("CREATE INDEX dates_doc ON dates(doc_id)")


@migration
def m005_settings(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migration
def m006_cross_source_repeats(db: sqlite3.Connection) -> None:
    """Lines set aside because several sources carry them keep their first role here."""
    db.execute("ALTER TABLE sentences ADD COLUMN base_role TEXT")


@migration
def m007_assertions_and_claims(db: sqlite3.Connection) -> None:
    """Assertions per document; claims (corpus-wide groups of assertions) and their evidence."""
    db.execute("ALTER TABLE sentences ADD COLUMN terms TEXT NOT NULL DEFAULT ''")
    db.execute(
        """CREATE TABLE assertions (
            assertion_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            cue TEXT NOT NULL,
            actor_key TEXT,
            actor_id TEXT,
            actor_text TEXT NOT NULL,
            actor_source TEXT NOT NULL,
            content TEXT NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            hedge TEXT NOT NULL,
            hedge_cue TEXT,
            attributed_key TEXT,
            attributed_actor TEXT,
            attributed_text TEXT,
            terms TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX assertions_doc ON assertions(doc_id)")
    db.execute("CREATE INDEX assertions_actor ON assertions(actor_id)")
    db.execute("CREATE INDEX assertions_sentence ON assertions(sentence_id)")
    db.execute(
        """CREATE TABLE claims (
            claim_id TEXT PRIMARY KEY,
            actor_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            statement TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE claim_evidence (
            claim_id TEXT NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
            assertion_id INTEGER NOT NULL REFERENCES assertions(assertion_id) ON DELETE CASCADE,
            score REAL NOT NULL,
            PRIMARY KEY (claim_id, assertion_id)
        )"""
    )
    db.execute("CREATE INDEX claim_evidence_assertion ON claim_evidence(assertion_id)")


@migration
def m008_quotes(db: sqlite3.Connection) -> None:
    """Direct, indirect, mixed and partial quotes with their speakers."""
    db.execute(
        """CREATE TABLE quotes (
            quote_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            cue TEXT,
            content TEXT NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            pieces TEXT NOT NULL,
            balanced INTEGER NOT NULL,
            speaker_key TEXT,
            speaker_text TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            confidence REAL NOT NULL,
            speaker_actor TEXT,
            resolved_from INTEGER
        )"""
    )
    db.execute("CREATE INDEX quotes_doc ON quotes(doc_id)")
    db.execute("CREATE INDEX quotes_speaker ON quotes(speaker_actor)")


@migration
def m009_derivations(db: sqlite3.Connection) -> None:
    """Which document rewrites, summarises or copies which, with the evidence."""
    db.execute(
        """CREATE TABLE derivations (
            derived TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            source TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (derived, source)
        )"""
    )


@migration
def m010_corpus_state(db: sqlite3.Connection) -> None:
    """One staleness mark (``corpus_state``) replaces the two freshness keys of 0.2.0."""
    db.execute("DELETE FROM settings WHERE key IN ('actors_fingerprint', 'claims_version')")
    db.execute("INSERT OR REPLACE INTO settings VALUES ('corpus_state', 'stale')")


@migration
def m011_ordinals(db: sqlite3.Connection) -> None:
    """Row ids derive from the record (store/documents.py: stable_id); the position of an
    assertion or a quote in its document's list keeps their order."""
    db.execute("ALTER TABLE assertions ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE quotes ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE INDEX assertions_order ON assertions(doc_id, ordinal)")


@migration
def m012_key_actors(db: sqlite3.Connection) -> None:
    """One ``key_actors`` table says which actor each mention key names, replacing the copies
    in ``mentions.actor_id``, ``assertions.actor_id``, ``assertions.attributed_actor`` and
    ``quotes.speaker_actor``; ``quote_speakers`` keeps the speakers named through another
    source (``quotes.resolved_from``), which no key gives."""
    db.execute("CREATE TABLE key_actors (key TEXT PRIMARY KEY, actor_id TEXT NOT NULL)")
    db.execute("CREATE INDEX key_actors_actor ON key_actors(actor_id)")
    db.execute(
        """INSERT OR IGNORE INTO key_actors
            SELECT key, actor_id FROM mentions WHERE actor_id IS NOT NULL
            UNION SELECT actor_key, actor_id FROM assertions
                WHERE actor_key IS NOT NULL AND actor_id IS NOT NULL
            UNION SELECT attributed_key, attributed_actor FROM assertions
                WHERE attributed_key IS NOT NULL AND attributed_actor IS NOT NULL
            UNION SELECT speaker_key, speaker_actor FROM quotes
                WHERE speaker_key IS NOT NULL AND speaker_actor IS NOT NULL
                AND resolved_from IS NULL"""
    )
    db.execute(
        """CREATE TABLE quote_speakers (
            quote_id INTEGER PRIMARY KEY REFERENCES quotes(quote_id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            resolved_from INTEGER NOT NULL REFERENCES quotes(quote_id) ON DELETE CASCADE,
            confidence REAL NOT NULL
        )"""
    )
    db.execute(
        "INSERT INTO quote_speakers SELECT quote_id, speaker_actor, resolved_from, confidence"
        " FROM quotes WHERE speaker_actor IS NOT NULL"
        " AND resolved_from IN (SELECT quote_id FROM quotes)"
    )
    for index in ("mentions_actor", "assertions_actor", "quotes_speaker"):
        db.execute(f"DROP INDEX {index}")
    for table, column in (
        ("mentions", "actor_id"),
        ("assertions", "actor_id"),
        ("assertions", "attributed_actor"),
        ("quotes", "speaker_actor"),
        ("quotes", "resolved_from"),
    ):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


@migration
def m013_vague_assertions(db: sqlite3.Connection) -> None:
    """Whether an assertion's content says too little to list as an objective, and which
    rule says so (``nlp/assertions/vague.py``); rows stored before read as specific until
    their document is processed again (the stages version changed with the rule)."""
    db.execute("ALTER TABLE assertions ADD COLUMN vague INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE assertions ADD COLUMN vague_reason TEXT")
