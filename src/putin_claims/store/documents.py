"""Documents: saving one in a transaction of its own, looking documents and sentences up."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence

from putin_claims.errors import DocumentNotFoundError
from putin_claims.models import (
    ContentSentence,
    Derivation,
    Genre,
    ProcessedDocument,
    SourceInfo,
    StoredDocument,
    StoredPath,
    StoredSentence,
)
from putin_claims.store.connection import STATE_KEY, Connection, fetch, marks, now
from putin_claims.store.corpus import read_derivations

#: Sentences the matching stages read: what the article says, not its furniture.
CONTENT_ROLES = "('content', 'title', 'heading')"


class Documents(Connection):
    """Saving documents; documents, their text and their sentences."""

    def save(self, processed: ProcessedDocument, pipeline: str, file: str | None = None) -> None:
        """Replace everything stored for the document and mark the corpus stale, in one
        transaction. The paths the same content was read from before are kept; the document's
        path (``file``: the file it is in, when the path names a record of it) is taken from
        any other document that had it."""
        doc = processed.document
        with self.transaction() as db:
            kept = fetch(
                db,
                "SELECT path, file, seen_at FROM document_paths WHERE doc_id = ? AND path != ?",
                (doc.doc_id, doc.path),
            )
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
            _release_path(db, doc.path)
            meta = doc.meta
            db.execute(
                "INSERT INTO documents (doc_id, path, sha256, pipeline, encoding, text, title,"
                " author, outlet, date, date_kind, notes, extracted_at, url, genre, genre_cue,"
                " format) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.doc_id, doc.path, doc.sha256, pipeline, doc.encoding, doc.text,
                    meta.title, meta.author, meta.outlet,
                    meta.date.isoformat() if meta.date else None,
                    meta.date_kind.value if meta.date_kind else None,
                    json.dumps([n.model_dump(mode="json") for n in meta.notes]),
                    now(), meta.url, meta.genre.value, meta.genre_cue, doc.format,
                ),
            )  # fmt: skip
            db.executemany(
                "INSERT INTO document_paths (path, file, doc_id, seen_at) VALUES (?,?,?,?)",
                [(r["path"], r["file"], doc.doc_id, r["seen_at"]) for r in kept]
                + [(doc.path, file or doc.path, doc.doc_id, now())],
            )
            if doc.raw is not None:
                db.execute(
                    "INSERT INTO document_sources VALUES (?,?,?)",
                    (doc.doc_id, _MEDIA_TYPES.get(doc.format, "application/octet-stream"), doc.raw),
                )
            ids = _insert_sentences(db, processed)
            _insert_annotations(db, processed, ids)
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, 'stale')", (STATE_KEY,))

    def attach_path(self, doc_id: str, path: str, file: str, gone: Sequence[str] = ()) -> None:
        """``path`` holds the content of ``doc_id`` (a moved, renamed or copied file): record it
        as the document's latest path, forget its ``gone`` paths, and drop a document left with
        no path. Nothing is parsed again; the corpus goes stale only when a document is
        dropped."""
        with self.transaction() as db:
            dropped = _release_path(db, path, keep=doc_id)
            db.execute(
                "INSERT OR REPLACE INTO document_paths (path, file, doc_id, seen_at)"
                " VALUES (?,?,?,?)",
                (path, file, doc_id, now()),
            )
            db.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (path, doc_id))
            if gone:
                dropped |= self._forget(db, [g for g in gone if g != path])
            if dropped:
                db.execute("INSERT OR REPLACE INTO settings VALUES (?, 'stale')", (STATE_KEY,))

    def forget_paths(self, paths: Sequence[str]) -> list[str]:
        """Forget ``paths`` (files that are gone); documents left with no path are removed
        with all their rows, and the corpus is marked stale. The removed document ids."""
        with self.transaction() as db:
            before = set(self.doc_ids())
            if self._forget(db, paths):
                db.execute("INSERT OR REPLACE INTO settings VALUES (?, 'stale')", (STATE_KEY,))
            return sorted(before - set(self.doc_ids()))

    def _forget(self, db: sqlite3.Connection, paths: Sequence[str]) -> bool:
        dropped = False
        for path in paths:
            dropped |= _release_path(db, path)
        return dropped

    def stored_paths(self) -> list[StoredPath]:
        """Every path a stored document was read from, with the file it is in."""
        return [
            StoredPath.model_validate(r)
            for r in self.rows("SELECT path, file, doc_id FROM document_paths ORDER BY path")
        ]

    def document_for_path(self, path: str) -> StoredDocument | None:
        """The document last read from ``path``, if any."""
        found = self.rows(
            "SELECT d.doc_id, d.sha256, d.pipeline FROM document_paths p"
            " JOIN documents d USING (doc_id) WHERE p.path = ?",
            (path,),
        )
        return StoredDocument.model_validate(found[0]) if found else None

    def document_for_content(self, sha256: str) -> StoredDocument | None:
        """The document with this content hash, if any."""
        found = self.rows(
            "SELECT doc_id, sha256, pipeline FROM documents WHERE sha256 = ? ORDER BY doc_id",
            (sha256,),
        )
        return StoredDocument.model_validate(found[0]) if found else None

    def paths_of(self, doc_id: str) -> list[str]:
        return [
            r["path"]
            for r in self.rows(
                "SELECT path FROM document_paths WHERE doc_id = ? ORDER BY seen_at, path", (doc_id,)
            )
        ]

    def document_source(self, doc_id: str) -> tuple[str, bytes] | None:
        """The source a document's text was extracted from (HTML, a JSON record), if kept."""
        found = self.rows(
            "SELECT media_type, data FROM document_sources WHERE doc_id = ?", (doc_id,)
        )
        return (str(found[0]["media_type"]), bytes(found[0]["data"])) if found else None

    def doc_id_taken(self, doc_id: str) -> bool:
        return _exists(self.db, doc_id)

    def doc_ids(self) -> list[str]:
        return [r["doc_id"] for r in self.rows("SELECT doc_id FROM documents ORDER BY doc_id")]

    def document_text(self, doc_id: str) -> str:
        found = self.rows("SELECT text FROM documents WHERE doc_id = ?", (doc_id,))
        if not found:
            raise DocumentNotFoundError(doc_id)
        return str(found[0]["text"])

    def sentences(self, doc_id: str) -> list[StoredSentence]:
        require_document(self.db, doc_id)
        return [
            StoredSentence.model_validate(r)
            for r in self.rows(
                'SELECT sentence_id, doc_id, idx AS "index", paragraph, line,'
                ' char_start AS start, char_end AS "end", text, role, boilerplate, reason'
                " FROM sentences WHERE doc_id = ? ORDER BY idx",
                (doc_id,),
            )
        ]

    def content_sentences(self, sentence_ids: Sequence[int] | None = None) -> list[ContentSentence]:
        """Title, heading and content sentences with their lemmas (all, or some by id)."""
        sql = (
            'SELECT sentence_id, doc_id, text, char_start AS start, char_end AS "end", line,'
            f" terms FROM sentences WHERE role IN {CONTENT_ROLES}"
        )
        if sentence_ids is not None:
            if not sentence_ids:
                return []
            sql += f" AND sentence_id IN ({marks(sentence_ids)})"
        found = self.rows(sql + " ORDER BY doc_id, idx", sentence_ids or ())
        return [ContentSentence.model_validate(r) for r in found]

    def search(self, words: Sequence[str], limit: int) -> list[int]:
        """Content sentences matching any of ``words`` (FTS5, porter stemming), best first."""
        terms = [w for w in (_fts_word(w) for w in words) if w]
        if not terms:
            return []
        found = self.rows(
            "SELECT f.rowid AS sentence_id FROM sentences_fts f"
            " JOIN sentences s ON s.sentence_id = f.rowid"
            f" WHERE sentences_fts MATCH ? AND s.role IN {CONTENT_ROLES}"
            " ORDER BY bm25(sentences_fts) LIMIT ?",
            (" OR ".join(terms), limit),
        )
        return [int(r["sentence_id"]) for r in found]

    def genres(self) -> dict[str, Genre]:
        """Each document's genre (news, opinion, analysis), by document id."""
        return {
            r["doc_id"]: Genre(r["genre"]) for r in self.rows("SELECT doc_id, genre FROM documents")
        }

    def sources(self) -> list[SourceInfo]:
        """Every document with its metadata, counts and derivations, by document id."""
        derived: dict[str, list[Derivation]] = {}
        for d in read_derivations(self.db):
            derived.setdefault(d.derived, []).append(d)
        paths: dict[str, list[str]] = {}
        for r in self.rows("SELECT doc_id, path FROM document_paths ORDER BY seen_at, path"):
            paths.setdefault(r["doc_id"], []).append(r["path"])
        found = self.rows(
            """SELECT d.doc_id, d.path, d.title, d.author, d.outlet, d.date, d.date_kind, d.notes,
                      d.encoding, d.url, d.genre, d.format,
                      (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.doc_id
                         AND s.role != 'boilerplate') AS sentences,
                      (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.doc_id
                         AND s.role = 'boilerplate') AS boilerplate,
                      (SELECT COUNT(*) FROM mentions m JOIN sentences s USING (sentence_id)
                         WHERE m.doc_id = d.doc_id AND s.role != 'boilerplate') AS mentions,
                      (SELECT COUNT(*) FROM dates t JOIN sentences s USING (sentence_id)
                         WHERE t.doc_id = d.doc_id AND s.role != 'boilerplate') AS dates
               FROM documents d ORDER BY d.doc_id"""
        )
        return [
            SourceInfo.model_validate(
                {
                    **r,
                    "notes": json.loads(r["notes"]),
                    "paths": tuple(paths.get(r["doc_id"], ())),
                    "derived_from": tuple(derived.get(r["doc_id"], ())),
                }
            )
            for r in found
        ]


_MEDIA_TYPES = {"html": "text/html", "json": "application/json", "jsonl": "application/json"}


def _release_path(db: sqlite3.Connection, path: str, keep: str | None = None) -> bool:
    """Take ``path`` from the document that has it (unless it is ``keep``); that document
    moves to its latest other path, or is removed when it has none. Whether one was removed."""
    found = db.execute("SELECT doc_id FROM document_paths WHERE path = ?", (path,)).fetchone()
    if found is None or found[0] == keep:
        return False
    owner = str(found[0])
    db.execute("DELETE FROM document_paths WHERE path = ?", (path,))
    latest = db.execute(
        "SELECT path FROM document_paths WHERE doc_id = ? ORDER BY seen_at DESC, path LIMIT 1",
        (owner,),
    ).fetchone()
    if latest is None:
        db.execute("DELETE FROM documents WHERE doc_id = ?", (owner,))
        return True
    db.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (latest[0], owner))
    return False


def require_document(db: sqlite3.Connection, doc_id: str) -> None:
    if not _exists(db, doc_id):
        raise DocumentNotFoundError(doc_id)


def _exists(db: sqlite3.Connection, doc_id: str) -> bool:
    return db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None


def stable_id(doc_id: str, table: str, n: int) -> int:
    """The row id of the ``n``-th record of a document in a table: derived from what it is,
    not from when it was stored, so the same document gets the same ids whatever the store's
    history or the order the files came in (63 bits of SHA-256)."""
    digest = hashlib.sha256(f"{doc_id}\x1f{table}\x1f{n}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def _insert_sentences(db: sqlite3.Connection, processed: ProcessedDocument) -> list[int]:
    doc_id = processed.document.doc_id
    terms = processed.terms
    ids = [stable_id(doc_id, "sentences", s.index) for s in processed.sentences]
    db.executemany(
        "INSERT INTO sentences (sentence_id, doc_id, idx, paragraph, line, char_start, char_end,"
        " text, role, boilerplate, reason, terms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                sid, doc_id, s.index, s.paragraph, s.line, s.start, s.end, s.text, s.role.value,
                s.boilerplate.value if s.boilerplate else None, s.reason,
                terms[s.index] if s.index < len(terms) else "",
            )
            for sid, s in zip(ids, processed.sentences, strict=True)
        ],
    )  # fmt: skip
    return ids


def _insert_annotations(
    db: sqlite3.Connection, processed: ProcessedDocument, ids: list[int]
) -> None:
    doc_id = processed.document.doc_id

    def row_id(table: str, n: int) -> int:
        return stable_id(doc_id, table, n)

    db.executemany(
        "INSERT INTO mentions (mention_id, doc_id, sentence_id, char_start, char_end, surface,"
        " kind, label, key) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                row_id("mentions", n), doc_id, ids[m.sentence], m.start, m.end, m.surface,
                m.kind.value, m.label, m.key,
            )
            for n, m in enumerate(processed.mentions)
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO role_links VALUES (?,?,?,?)",
        [(doc_id, ids[r.sentence], r.role_key, r.name_key) for r in processed.role_links],
    )
    db.executemany(
        "INSERT INTO dates (date_id, doc_id, sentence_id, char_start, char_end, text, kind,"
        " value, granularity, relative, anchor) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                row_id("dates", n), doc_id, ids[d.sentence], d.start, d.end, d.text,
                d.kind.value, d.value, d.granularity.value, int(d.relative),
                d.anchor.isoformat() if d.anchor else None,
            )
            for n, d in enumerate(processed.dates)
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO assertions (assertion_id, ordinal, doc_id, sentence_id, kind, cue,"
        " actor_key, actor_text, actor_source, content, char_start, char_end, negated, hedge,"
        " hedge_cue, attributed_key, attributed_text, terms, vague, vague_reason)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                row_id("assertions", n), n, doc_id, ids[a.sentence], a.kind.value, a.cue,
                a.actor_key, a.actor_text, a.actor_source.value, a.content, a.start, a.end,
                int(a.negated), a.hedge.value, a.hedge_cue, a.attributed_key, a.attributed_text,
                a.terms, int(a.vague), a.vague_reason.value if a.vague_reason else None,
            )
            for n, a in enumerate(processed.assertions)
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO quotes (quote_id, ordinal, doc_id, sentence_id, kind, cue, content,"
        " char_start, char_end, pieces, balanced, speaker_key, speaker_text, speaker_start,"
        " speaker_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                row_id("quotes", n), n, doc_id, ids[q.sentence], q.kind.value, q.cue, q.content,
                q.start, q.end, json.dumps([list(p) for p in q.pieces]), int(q.balanced),
                q.speaker_key, q.speaker_text, q.speaker_start, q.speaker_end, q.confidence,
            )
            for n, q in enumerate(processed.quotes)
        ],
    )  # fmt: skip


def _fts_word(word: str) -> str:
    """One FTS5 term, quoted; phrases stay phrases."""
    cleaned = "".join(c for c in word if c.isalnum() or c in " -'").strip()
    return f'"{cleaned}"' if cleaned else ""
