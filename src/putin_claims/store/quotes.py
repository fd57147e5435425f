"""Quotes with their speakers: the actor the speaker's key names, or one named elsewhere.

A quote whose speaker is only a description ("a historian from Moscow") can take the
speaker of the same quote in another source; ``quote_speakers`` holds those, and they win
over the key.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from putin_claims.models import StoredQuote
from putin_claims.store.connection import Connection
from putin_claims.store.documents import require_document

_QUOTES = (
    "SELECT q.quote_id, q.doc_id, q.sentence_id, s.line, q.kind, q.cue, q.content,"
    ' q.char_start AS start, q.char_end AS "end", q.pieces,'
    " COALESCE(named.actor_id, k.actor_id) AS speaker, q.speaker_text, q.speaker_start,"
    " q.speaker_end, named.resolved_from, COALESCE(named.confidence, q.confidence) AS confidence"
    " FROM quotes q JOIN sentences s USING (sentence_id)"
    " LEFT JOIN key_actors k ON k.key = q.speaker_key"
    " LEFT JOIN quote_speakers named USING (quote_id)"
)


class Quotes(Connection):
    """Stored quotes, and the speakers the corpus names across sources."""

    def quotes(self, doc_id: str | None = None) -> list[StoredQuote]:
        """Stored quotes in document order, speakers resolved (all, or one document's)."""
        names = {r["actor_id"]: r["name"] for r in self.rows("SELECT actor_id, name FROM actors")}
        sql, params = _QUOTES, list[str]()
        if doc_id is not None:
            require_document(self.db, doc_id)
            sql, params = sql + " WHERE q.doc_id = ?", [doc_id]
        found = self.rows(sql + " ORDER BY q.doc_id, q.char_start, q.ordinal", params)
        return [
            StoredQuote.model_validate(
                {
                    **r,
                    "pieces": json.loads(r["pieces"]),
                    "speaker_name": (
                        names.get(r["speaker"], r["speaker_text"])
                        if r["speaker"]
                        else r["speaker_text"]
                    ),
                }
            )
            for r in found
        ]

    def resolve_quote_speakers(self, links: Sequence[tuple[int, str, int, float]]) -> None:
        """Set (quote_id, actor, from quote_id, confidence) for quotes known from other sources."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO quote_speakers VALUES (?,?,?,?)", links)
