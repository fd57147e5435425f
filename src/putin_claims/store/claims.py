"""Assertions as the claims stage reads them, and the claims it groups them into."""

from __future__ import annotations

from collections.abc import Sequence

from putin_claims.models import AssertionRow, Claim, ClaimMember
from putin_claims.store.connection import Connection, marks

_ASSERTIONS = (
    "SELECT a.assertion_id, a.doc_id, a.sentence_id, s.text, s.char_start AS start,"
    ' s.char_end AS "end", s.line, a.kind, a.cue, actor.actor_id AS actor, a.actor_text,'
    " a.content, a.char_start AS content_start, a.char_end AS content_end, a.negated, a.hedge,"
    " attributed.actor_id AS attributed_actor, a.attributed_text, a.terms, a.vague,"
    " a.vague_reason, d.date"
    " FROM assertions a JOIN sentences s USING (sentence_id)"
    " JOIN documents d ON d.doc_id = a.doc_id"
    " LEFT JOIN key_actors actor ON actor.key = a.actor_key"
    " LEFT JOIN key_actors attributed ON attributed.key = a.attributed_key"
    " WHERE s.role != 'boilerplate'"
)


class Claims(Connection):
    """Assertions with their sentences and actors; claims and their member assertions."""

    def assertion_rows(
        self,
        sentence_ids: Sequence[int] | None = None,
        assertion_ids: Sequence[int] | None = None,
    ) -> list[AssertionRow]:
        """Stored assertions with their sentence and document date (all, or of some sentences,
        or some assertions by id)."""
        if assertion_ids is not None:
            return [
                row
                for chunk in _chunks(sorted(set(assertion_ids)))
                for row in self._assertions(f" AND a.assertion_id IN ({marks(chunk)})", chunk)
            ]
        if sentence_ids is not None:
            if not sentence_ids:
                return []
            return self._assertions(f" AND a.sentence_id IN ({marks(sentence_ids)})", sentence_ids)
        return self._assertions("", ())

    def _assertions(self, where: str, params: Sequence[int]) -> list[AssertionRow]:
        found = self.rows(_ASSERTIONS + where + " ORDER BY a.doc_id, a.ordinal", params)
        return [AssertionRow.model_validate(r) for r in found]

    def replace_claims(
        self, claims: Sequence[Claim], members: Sequence[Sequence[tuple[int, float]]]
    ) -> None:
        """Replace every claim, its counts and its member assertions (id, score) in one
        transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM claim_evidence")
            db.execute("DELETE FROM claims")
            for claim, ids in zip(claims, members, strict=True):
                db.execute(
                    "INSERT INTO claims (claim_id, actor_id, kind, statement, n_sources,"
                    " n_independent, n_opinion) VALUES (?,?,?,?,?,?,?)",
                    (
                        claim.id, claim.actor, claim.kind.value, claim.statement,
                        claim.n_sources, claim.n_independent_sources, claim.n_opinion_sources,
                    ),
                )  # fmt: skip
                db.executemany(
                    "INSERT INTO claim_evidence VALUES (?,?,?)",
                    [(claim.id, aid, score) for aid, score in ids],
                )

    def claim_rows(self, actor: str | None = None) -> list[ClaimMember]:
        """One row per member assertion of every claim (or of one actor's claims), claims by
        id, best member first.

        Counts, dates and government marks are derived from the assertions when read.
        """
        where, params = (" WHERE c.actor_id = ?", (actor,)) if actor is not None else ("", ())
        return [
            ClaimMember.model_validate(r)
            for r in self.rows(
                "SELECT c.claim_id, c.actor_id AS actor, c.kind, c.statement, e.assertion_id,"
                " e.score FROM claims c JOIN claim_evidence e USING (claim_id)"
                f"{where} ORDER BY c.claim_id, e.score DESC, e.assertion_id",
                params,
            )
        ]


#: Ids per ``IN (...)`` list, below SQLite's limit on bound parameters.
CHUNK = 10_000


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
