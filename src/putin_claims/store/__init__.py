"""The SQLite store: one file, WAL mode, ordered migrations, FTS5 over sentence text.

Every write is a transaction of its own: one document at a time, and the corpus-wide actor
resolution in one piece, so an interruption leaves what was stored before it intact.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from putin_claims.errors import DocumentNotFoundError, StoreError
from putin_claims.ingest.lines import TERMINAL
from putin_claims.models import (
    Actor,
    ActorType,
    AssertionKind,
    AssertionRow,
    BoilerplateKind,
    Claim,
    DateKindMeta,
    Derivation,
    Hedge,
    KeyStats,
    LineRole,
    ProcessedDocument,
    QuoteKind,
    Resolution,
    SourceInfo,
    SourceNote,
    StoredQuote,
    StoredSentence,
)
from putin_claims.store.migrations import MIGRATIONS

DEFAULT_DB = "putin-claims.db"
#: Settings key of the corpus staleness mark: 'stale' once a document changed, else the key
#: of the corpus refresh that built the corpus-wide tables.
STATE_KEY = "corpus_state"


class Store:
    """A putin-claims database. Use :meth:`open` (creates) or :meth:`existing` (must exist)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB) -> Store:
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
    def existing(cls, path: Path | str = DEFAULT_DB) -> Store:
        path = Path(path)
        if not path.exists():
            raise StoreError(
                f"no store at {path}; run `putin-claims extract PATH` first or point --db at one"
            )
        return cls.open(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
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

    def _check_ours(self) -> None:
        tables = {
            r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if tables and "migrations" not in tables:
            self.db.close()
            raise sqlite3.DatabaseError("it holds tables of another application")

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations"
            " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        for name, fn in MIGRATIONS:
            if name not in done:
                with self.transaction() as db:
                    fn(db)
                    db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))

    # ------------------------------------------------------------------ documents

    def document_for_path(self, path: str) -> tuple[str, str, str] | None:
        """(doc_id, sha256, pipeline) of the document stored from ``path``."""
        row = self.db.execute(
            "SELECT doc_id, sha256, pipeline FROM documents WHERE path = ?", (path,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def doc_id_taken(self, doc_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            is not None
        )

    def save(self, processed: ProcessedDocument, pipeline: str) -> None:
        """Replace everything stored for the document in one transaction."""
        doc = processed.document
        with self.transaction() as db:
            db.execute("DELETE FROM documents WHERE doc_id = ? OR path = ?", (doc.doc_id, doc.path))
            meta = doc.meta
            db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.doc_id, doc.path, doc.sha256, pipeline, doc.encoding, doc.text,
                    meta.title, meta.author, meta.outlet,
                    meta.date.isoformat() if meta.date else None,
                    meta.date_kind.value if meta.date_kind else None,
                    json.dumps([n.model_dump(mode="json") for n in meta.notes]),
                    _now(),
                ),
            )  # fmt: skip
            ids = self._insert_sentences(db, processed)
            self._insert_annotations(db, processed, ids)
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, 'stale')", (STATE_KEY,))

    def _insert_sentences(self, db: sqlite3.Connection, processed: ProcessedDocument) -> list[int]:
        doc_id = processed.document.doc_id
        terms = processed.terms
        ids = []
        for s in processed.sentences:
            cur = db.execute(
                "INSERT INTO sentences (doc_id, idx, paragraph, line, char_start, char_end, text,"
                " role, boilerplate, reason, terms) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id, s.index, s.paragraph, s.line, s.start, s.end, s.text, s.role.value,
                    s.boilerplate.value if s.boilerplate else None, s.reason,
                    terms[s.index] if s.index < len(terms) else "",
                ),
            )  # fmt: skip
            ids.append(int(cur.lastrowid or 0))
        return ids

    def _insert_annotations(
        self, db: sqlite3.Connection, processed: ProcessedDocument, ids: list[int]
    ) -> None:
        doc_id = processed.document.doc_id
        db.executemany(
            "INSERT INTO mentions (doc_id, sentence_id, char_start, char_end, surface, kind, label,"
            " key) VALUES (?,?,?,?,?,?,?,?)",
            [
                (doc_id, ids[m.sentence], m.start, m.end, m.surface, m.kind.value, m.label, m.key)
                for m in processed.mentions
            ],
        )
        db.executemany(
            "INSERT INTO role_links VALUES (?,?,?,?)",
            [(doc_id, ids[r.sentence], r.role_key, r.name_key) for r in processed.role_links],
        )
        db.executemany(
            "INSERT INTO dates (doc_id, sentence_id, char_start, char_end, text, kind, value,"
            " granularity, relative, anchor) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, ids[d.sentence], d.start, d.end, d.text, d.kind.value, d.value,
                    d.granularity.value, int(d.relative),
                    d.anchor.isoformat() if d.anchor else None,
                )
                for d in processed.dates
            ],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO assertions (doc_id, sentence_id, kind, cue, actor_key, actor_text,"
            " actor_source, content, char_start, char_end, negated, hedge, hedge_cue,"
            " attributed_key, attributed_text, terms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, ids[a.sentence], a.kind.value, a.cue, a.actor_key, a.actor_text,
                    a.actor_source.value, a.content, a.start, a.end, int(a.negated),
                    a.hedge.value, a.hedge_cue, a.attributed_key, a.attributed_text, a.terms,
                )
                for a in processed.assertions
            ],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO quotes (doc_id, sentence_id, kind, cue, content, char_start, char_end,"
            " pieces, balanced, speaker_key, speaker_text, speaker_start, speaker_end,"
            " confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, ids[q.sentence], q.kind.value, q.cue, q.content, q.start, q.end,
                    json.dumps([list(p) for p in q.pieces]), int(q.balanced), q.speaker_key,
                    q.speaker_text, q.speaker_start, q.speaker_end, q.confidence,
                )
                for q in processed.quotes
            ],
        )  # fmt: skip

    # ------------------------------------------------------------------ actors

    def flag_cross_source_repeats(self, max_words: int, min_docs: int = 2) -> int:
        """Set aside short non-prose lines that several documents carry word for word.

        Only whole paragraphs count (a one-sentence paragraph is a line of its own), never a
        fragment the sentence splitter cut out of a longer paragraph.

        Flags from earlier runs are first undone, so the result depends only on the corpus as
        it is now. Returns the number of sentences flagged. One transaction.
        """
        with self.transaction() as db:
            db.execute(
                "UPDATE sentences SET role = base_role, boilerplate = NULL, reason = NULL,"
                " base_role = NULL WHERE boilerplate = 'repeated_across_sources'"
            )
            rows = db.execute(
                "SELECT sentence_id, doc_id, text FROM sentences s"
                " WHERE role IN ('heading', 'content') AND length(text) < 200"
                " AND NOT EXISTS (SELECT 1 FROM sentences o WHERE o.doc_id = s.doc_id"
                " AND o.paragraph = s.paragraph AND o.sentence_id != s.sentence_id)"
            ).fetchall()
            groups: dict[str, list[tuple[int, str]]] = {}
            for sentence_id, doc_id, text in rows:
                if len(text.split()) <= max_words and not TERMINAL.search(text):
                    key = " ".join(text.casefold().split())
                    groups.setdefault(key, []).append((sentence_id, doc_id))
            flagged = []
            for members in groups.values():
                docs = len({doc_id for _, doc_id in members})
                if docs >= min_docs:
                    reason = f"the same line appears in {docs} documents"
                    flagged += [(reason, sentence_id) for sentence_id, _ in members]
            db.executemany(
                "UPDATE sentences SET base_role = role, role = 'boilerplate',"
                " boilerplate = 'repeated_across_sources', reason = ? WHERE sentence_id = ?",
                flagged,
            )
        return len(flagged)

    def key_stats(self) -> list[KeyStats]:
        stats: dict[str, KeyStats] = {}
        rows = self.db.execute(
            "SELECT key, label, surface, COUNT(*) FROM mentions m"
            " JOIN sentences s USING (sentence_id)"
            " WHERE m.kind != 'pronoun' AND s.role != 'boilerplate'"
            " GROUP BY key, label, surface"
        )
        for key, label, surface, n in rows:
            stat = stats.setdefault(key, KeyStats(key=key, mentions=0))
            stat.mentions += n
            stat.labels[label] += n
            stat.surfaces[surface] += n
        return list(stats.values())

    def role_links(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT role_key, name_key FROM role_links")]

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def apply_resolution(self, resolution: Resolution) -> None:
        """Replace the actor table and every mention's actor in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM actors")
            db.executemany(
                "INSERT INTO actors VALUES (?,?,?,?,?)",
                [
                    (a.actor_id, a.name, a.type.value, a.government, a.leader)
                    for a in resolution.actors
                ],
            )
            db.execute("UPDATE mentions SET actor_id = NULL")
            db.executemany(
                "UPDATE mentions SET actor_id = ? WHERE key = ?",
                [(actor, key) for key, actor in resolution.key_to_actor.items()],
            )
            db.execute("UPDATE assertions SET actor_id = NULL, attributed_actor = NULL")
            db.executemany(
                "UPDATE assertions SET actor_id = ? WHERE actor_key = ?",
                [(actor, key) for key, actor in resolution.key_to_actor.items()],
            )
            db.executemany(
                "UPDATE assertions SET attributed_actor = ? WHERE attributed_key = ?",
                [(actor, key) for key, actor in resolution.key_to_actor.items()],
            )
            db.execute("UPDATE quotes SET speaker_actor = NULL, resolved_from = NULL")
            db.executemany(
                "UPDATE quotes SET speaker_actor = ? WHERE speaker_key = ?",
                [(actor, key) for key, actor in resolution.key_to_actor.items()],
            )

    # ------------------------------------------------------------------ queries

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "sentences": one("SELECT COUNT(*) FROM sentences WHERE role != 'boilerplate'"),
            "boilerplate": one("SELECT COUNT(*) FROM sentences WHERE role = 'boilerplate'"),
            "actors": one(
                "SELECT COUNT(*) FROM actors WHERE actor_id IN"
                " (SELECT actor_id FROM mentions WHERE actor_id IS NOT NULL)"
            ),
            "mentions": one(
                "SELECT COUNT(*) FROM mentions JOIN sentences s USING (sentence_id)"
                " WHERE s.role != 'boilerplate'"
            ),
            "dates": one(
                "SELECT COUNT(*) FROM dates JOIN sentences s USING (sentence_id)"
                " WHERE s.role != 'boilerplate'"
            ),
            "assertions": one("SELECT COUNT(*) FROM assertions"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
        }

    def sources(self) -> list[SourceInfo]:
        rows = self.db.execute(
            """SELECT d.doc_id, d.path, d.title, d.author, d.outlet, d.date, d.date_kind, d.notes,
                      d.encoding,
                      (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.doc_id
                         AND s.role != 'boilerplate'),
                      (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.doc_id
                         AND s.role = 'boilerplate'),
                      (SELECT COUNT(*) FROM mentions m JOIN sentences s USING (sentence_id)
                         WHERE m.doc_id = d.doc_id AND s.role != 'boilerplate'),
                      (SELECT COUNT(*) FROM dates t JOIN sentences s USING (sentence_id)
                         WHERE t.doc_id = d.doc_id AND s.role != 'boilerplate')
               FROM documents d ORDER BY d.doc_id"""
        )
        derived: dict[str, list[Derivation]] = {}
        for d in self.derivations():
            derived.setdefault(d.derived, []).append(d)
        return [
            SourceInfo(
                doc_id=r[0], path=r[1], title=r[2], author=r[3], outlet=r[4],
                date=dt.date.fromisoformat(r[5]) if r[5] else None,
                date_kind=DateKindMeta(r[6]) if r[6] else None,
                notes=tuple(SourceNote.model_validate(n) for n in json.loads(r[7])),
                encoding=r[8], sentences=r[9], boilerplate=r[10], mentions=r[11], dates=r[12],
                derived_from=tuple(derived.get(r[0], ())),
            )
            for r in rows
        ]  # fmt: skip

    def actors(self) -> list[Actor]:
        per_doc: dict[str, Counter[str]] = {}
        aliases: dict[str, Counter[str]] = {}
        rows = self.db.execute(
            "SELECT actor_id, m.doc_id, kind, surface, COUNT(*) FROM mentions m"
            " JOIN sentences s USING (sentence_id)"
            " WHERE actor_id IS NOT NULL AND s.role != 'boilerplate'"
            " GROUP BY actor_id, m.doc_id, kind, surface"
        )
        for actor_id, doc_id, kind, surface, n in rows:
            per_doc.setdefault(actor_id, Counter())[doc_id] += n
            if kind != "pronoun":
                aliases.setdefault(actor_id, Counter())[surface] += n
        out = []
        for actor_id, name, type_, government, leader in self.db.execute(
            "SELECT actor_id, name, type, government, leader FROM actors"
        ):
            docs = per_doc.get(actor_id, Counter())
            if not docs:
                continue
            seen = aliases.get(actor_id, Counter())
            out.append(
                Actor(
                    actor_id=actor_id, name=name, type=ActorType(type_),
                    aliases=tuple(a for a, _ in sorted(seen.items(), key=lambda i: (-i[1], i[0]))),
                    mentions=sum(docs.values()), documents=dict(sorted(docs.items())),
                    government=government, leader=leader,
                )
            )  # fmt: skip
        out.sort(key=lambda a: (-a.mentions, a.actor_id))
        return out

    def sentences(self, doc_id: str) -> list[StoredSentence]:
        if not self.doc_id_taken(doc_id):
            raise DocumentNotFoundError(doc_id)
        rows = self.db.execute(
            "SELECT sentence_id, doc_id, idx, paragraph, line, char_start, char_end, text, role,"
            " boilerplate, reason FROM sentences WHERE doc_id = ? ORDER BY idx",
            (doc_id,),
        )
        return [
            StoredSentence(
                sentence_id=r[0], doc_id=r[1], index=r[2], paragraph=r[3], line=r[4], start=r[5],
                end=r[6], text=r[7], role=LineRole(r[8]),
                boilerplate=BoilerplateKind(r[9]) if r[9] else None, reason=r[10],
            )
            for r in rows
        ]  # fmt: skip

    def document_text(self, doc_id: str) -> str:
        row = self.db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFoundError(doc_id)
        return str(row[0])

    # ------------------------------------------------------------------ claims

    def assertion_rows(self, sentence_ids: Sequence[int] | None = None) -> list[AssertionRow]:
        """Stored assertions with their sentence and document date (all, or of some sentences)."""
        sql = (
            "SELECT a.assertion_id, a.doc_id, a.sentence_id, s.text, s.char_start, s.char_end,"
            " s.line, a.kind, a.cue, a.actor_id, a.actor_text, a.content, a.char_start,"
            " a.char_end, a.negated, a.hedge, a.attributed_actor, a.attributed_text, a.terms,"
            " d.date FROM assertions a JOIN sentences s USING (sentence_id)"
            " JOIN documents d ON d.doc_id = a.doc_id WHERE s.role != 'boilerplate'"
        )
        params: list[int] = []
        if sentence_ids is not None:
            if not sentence_ids:
                return []
            sql += f" AND a.sentence_id IN ({','.join('?' * len(sentence_ids))})"
            params = list(sentence_ids)
        rows = self.db.execute(sql + " ORDER BY a.assertion_id", params)
        return [
            AssertionRow(
                assertion_id=r[0], doc_id=r[1], sentence_id=r[2], text=r[3], start=r[4],
                end=r[5], line=r[6], kind=AssertionKind(r[7]), cue=r[8], actor=r[9],
                actor_text=r[10], content=r[11], content_start=r[12], content_end=r[13],
                negated=bool(r[14]), hedge=Hedge(r[15]), attributed_actor=r[16],
                attributed_text=r[17], terms=r[18],
                date=dt.date.fromisoformat(r[19]) if r[19] else None,
            )
            for r in rows
        ]  # fmt: skip

    def replace_claims(
        self, claims: Sequence[Claim], members: Sequence[Sequence[tuple[int, float]]]
    ) -> None:
        """Replace every claim and its member assertions (id, score) in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM claim_evidence")
            db.execute("DELETE FROM claims")
            for claim, ids in zip(claims, members, strict=True):
                db.execute(
                    "INSERT INTO claims VALUES (?,?,?,?)",
                    (claim.id, claim.actor, claim.kind.value, claim.statement),
                )
                db.executemany(
                    "INSERT INTO claim_evidence VALUES (?,?,?)",
                    [(claim.id, aid, score) for aid, score in ids],
                )

    def claim_rows(self) -> list[tuple[str, str, str, str, int, float]]:
        """(claim_id, actor, kind, statement, assertion_id, score) per member assertion.

        Counts, dates and government marks are derived from the assertions when read.
        """
        return [
            (r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self.db.execute(
                "SELECT c.claim_id, c.actor_id, c.kind, c.statement, e.assertion_id, e.score"
                " FROM claims c JOIN claim_evidence e USING (claim_id)"
                " ORDER BY c.claim_id, e.score DESC"
            )
        ]

    def content_sentences(
        self, sentence_ids: Sequence[int] | None = None
    ) -> list[tuple[int, str, str, int, int, int, str]]:
        """(sentence_id, doc_id, text, start, end, line, terms) of content sentences."""
        sql = (
            "SELECT sentence_id, doc_id, text, char_start, char_end, line, terms FROM sentences"
            " WHERE role IN ('content', 'title', 'heading')"
        )
        params: list[int] = []
        if sentence_ids is not None:
            if not sentence_ids:
                return []
            sql += f" AND sentence_id IN ({','.join('?' * len(sentence_ids))})"
            params = list(sentence_ids)
        return [tuple(r) for r in self.db.execute(sql, params)]

    def search(self, words: Sequence[str], limit: int) -> list[int]:
        """Content sentences matching any of ``words`` (FTS5, porter stemming), best first."""
        terms = [w for w in (_fts_word(w) for w in words) if w]
        if not terms:
            return []
        rows = self.db.execute(
            "SELECT f.rowid FROM sentences_fts f JOIN sentences s ON s.sentence_id = f.rowid"
            " WHERE sentences_fts MATCH ? AND s.role IN ('content', 'title', 'heading')"
            " ORDER BY bm25(sentences_fts) LIMIT ?",
            (" OR ".join(terms), limit),
        )
        return [int(r[0]) for r in rows]

    def key_actors(self) -> dict[str, str]:
        """Mention key -> actor id."""
        return {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT DISTINCT key, actor_id FROM mentions WHERE actor_id IS NOT NULL"
            )
        }

    def quotes(self, doc_id: str | None = None) -> list[StoredQuote]:
        """Stored quotes in document order, speakers resolved (all, or one document's)."""
        names = dict(self.db.execute("SELECT actor_id, name FROM actors").fetchall())
        sql = (
            "SELECT q.quote_id, q.doc_id, q.sentence_id, s.line, q.kind, q.cue, q.content,"
            " q.char_start, q.char_end, q.speaker_actor, q.speaker_text, q.speaker_start,"
            " q.speaker_end, q.resolved_from, q.confidence, q.pieces FROM quotes q"
            " JOIN sentences s USING (sentence_id)"
        )
        params: tuple[str, ...] = ()
        if doc_id is not None:
            if not self.doc_id_taken(doc_id):
                raise DocumentNotFoundError(doc_id)
            sql += " WHERE q.doc_id = ?"
            params = (doc_id,)
        rows = self.db.execute(sql + " ORDER BY q.doc_id, q.char_start", params)
        return [
            StoredQuote(
                quote_id=r[0], doc_id=r[1], sentence_id=r[2], line=r[3], kind=QuoteKind(r[4]),
                cue=r[5], content=r[6], start=r[7], end=r[8],
                pieces=tuple(tuple(p) for p in json.loads(r[15])), speaker=r[9],
                speaker_name=names.get(r[9], r[10]) if r[9] else r[10], speaker_text=r[10],
                speaker_start=r[11], speaker_end=r[12], resolved_from=r[13], confidence=r[14],
            )
            for r in rows
        ]  # fmt: skip

    def resolve_quote_speakers(self, links: Sequence[tuple[int, str, int, float]]) -> None:
        """Set (quote_id, actor, from quote_id, confidence) for quotes known from other sources."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE quotes SET speaker_actor = ?, resolved_from = ?, confidence = ?"
                " WHERE quote_id = ?",
                [(actor, source, conf, qid) for qid, actor, source, conf in links],
            )

    def replace_derivations(self, derivations: Sequence[Derivation]) -> None:
        """Replace every derived-from relation in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM derivations")
            db.executemany(
                "INSERT INTO derivations VALUES (?,?,?,?)",
                [(d.derived, d.source, d.score, d.model_dump_json()) for d in derivations],
            )

    def derivations(self) -> list[Derivation]:
        return [
            Derivation.model_validate_json(r[0])
            for r in self.db.execute(
                "SELECT evidence FROM derivations ORDER BY score DESC, derived, source"
            )
        ]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _fts_word(word: str) -> str:
    """One FTS5 term, quoted; phrases stay phrases."""
    cleaned = "".join(c for c in word if c.isalnum() or c in " -'").strip()
    return f'"{cleaned}"' if cleaned else ""
