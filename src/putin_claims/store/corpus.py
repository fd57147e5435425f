"""Corpus-wide tables and marks: derivations, settings, counts, lines repeated across sources."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence

from putin_claims.models import BoilerplateKind, Derivation, LineRole, ParagraphLine, RepeatFlag
from putin_claims.store.connection import Connection, fetch, marks

REPEATED = BoilerplateKind.REPEATED_ACROSS_SOURCES.value


class Corpus(Connection):
    """What the corpus refresh rebuilds besides actors, claims and quote speakers."""

    def derivations(self) -> list[Derivation]:
        return read_derivations(self.db)

    def replace_derivations(self, derivations: Sequence[Derivation]) -> None:
        """Replace every derived-from relation in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM derivations")
            db.executemany(
                "INSERT INTO derivations VALUES (?,?,?,?)",
                [(d.derived, d.source, d.score, d.model_dump_json()) for d in derivations],
            )

    def setting(self, key: str) -> str | None:
        found = self.rows("SELECT value FROM settings WHERE key = ?", (key,))
        return str(found[0]["value"]) if found else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def counts(self) -> dict[str, int]:
        """How many documents, sentences, actors ... the store holds (boilerplate apart)."""
        (found,) = self.rows(
            """SELECT
                (SELECT COUNT(*) FROM documents) AS documents,
                (SELECT COUNT(*) FROM sentences WHERE role != 'boilerplate') AS sentences,
                (SELECT COUNT(*) FROM sentences WHERE role = 'boilerplate') AS boilerplate,
                (SELECT COUNT(*) FROM actors WHERE actor_id IN
                    (SELECT actor_id FROM key_actors JOIN mentions USING (key))) AS actors,
                (SELECT COUNT(*) FROM mentions JOIN sentences s USING (sentence_id)
                    WHERE s.role != 'boilerplate') AS mentions,
                (SELECT COUNT(*) FROM dates JOIN sentences s USING (sentence_id)
                    WHERE s.role != 'boilerplate') AS dates,
                (SELECT COUNT(*) FROM assertions) AS assertions,
                (SELECT COUNT(*) FROM claims) AS claims,
                (SELECT COUNT(*) FROM quotes) AS quotes"""
        )
        return {name: int(n) for name, n in found.items()}

    def paragraph_lines(self, roles: Collection[LineRole]) -> list[ParagraphLine]:
        """Sentences of these roles that are a whole paragraph of their own, never a fragment
        the sentence splitter cut out of a longer paragraph."""
        values = [r.value for r in roles]
        return [
            ParagraphLine.model_validate(r)
            for r in self.rows(
                "SELECT sentence_id, doc_id, text FROM sentences s"
                f" WHERE role IN ({marks(values)})"
                " AND NOT EXISTS (SELECT 1 FROM sentences o WHERE o.doc_id = s.doc_id"
                " AND o.paragraph = s.paragraph AND o.sentence_id != s.sentence_id)"
                " ORDER BY doc_id, idx",
                values,
            )
        ]

    def clear_repeat_flags(self) -> None:
        """Give every line set aside as repeated across sources its first role back."""
        with self.transaction() as db:
            db.execute(
                "UPDATE sentences SET role = base_role, boilerplate = NULL, reason = NULL,"
                " base_role = NULL WHERE boilerplate = ?",
                (REPEATED,),
            )

    def flag_repeats(self, flags: Sequence[RepeatFlag]) -> None:
        """Set these lines aside as repeated across sources, keeping their role to restore."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE sentences SET base_role = role, role = ?, boilerplate = ?, reason = ?"
                " WHERE sentence_id = ?",
                [(LineRole.BOILERPLATE.value, REPEATED, f.reason, f.sentence_id) for f in flags],
            )


def read_derivations(db: sqlite3.Connection) -> list[Derivation]:
    found = fetch(db, "SELECT evidence FROM derivations ORDER BY score DESC, derived, source")
    return [Derivation.model_validate_json(r["evidence"]) for r in found]
