"""Ordered, named schema migrations. Each runs once, in its own transaction, and is recorded
in the ``migrations`` table. Append new ones at the end; never edit one that has shipped."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


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
