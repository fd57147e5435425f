"""Actors: what resolution reads (key statistics, role links), its result, canonical actors.

Which actor a mention key names is stored once, in ``key_actors``; mentions, assertions and
quotes reach their actors through their keys.
"""

from __future__ import annotations

from collections import Counter

from putin_claims.models import Actor, KeyStats, Resolution, RoleLinkRow
from putin_claims.store.connection import Connection


class Actors(Connection):
    """Reads for the corpus resolution, its result, and the actors it made."""

    def key_stats(self) -> list[KeyStats]:
        """Per mention key: mentions, labels and surface forms, pronouns and boilerplate apart."""
        labels: dict[str, Counter[str]] = {}
        surfaces: dict[str, Counter[str]] = {}
        surface_labels: dict[str, dict[str, list[str]]] = {}
        for r in self.rows(
            "SELECT key, label, surface, COUNT(*) AS n FROM mentions m"
            " JOIN sentences s USING (sentence_id)"
            " WHERE m.kind != 'pronoun' AND s.role != 'boilerplate'"
            " GROUP BY key, label, surface ORDER BY key, label, surface"
        ):
            labels.setdefault(r["key"], Counter())[r["label"]] += r["n"]
            surfaces.setdefault(r["key"], Counter())[r["surface"]] += r["n"]
            seen = surface_labels.setdefault(r["key"], {}).setdefault(r["surface"], [])
            seen.append(r["label"])
        return [
            KeyStats(
                key=key,
                mentions=sum(labels[key].values()),
                labels=dict(labels[key]),
                surfaces=dict(surfaces[key]),
                surface_labels={s: tuple(ls) for s, ls in surface_labels[key].items()},
            )
            for key in labels
        ]

    def role_links(self) -> list[RoleLinkRow]:
        """Every role-holder link of every document."""
        return [
            RoleLinkRow.model_validate(r)
            for r in self.rows(
                "SELECT r.role_key, r.name_key FROM role_links r"
                " JOIN sentences s USING (sentence_id)"
                " ORDER BY r.doc_id, s.idx, r.role_key, r.name_key"
            )
        ]

    def apply_resolution(self, resolution: Resolution) -> None:
        """Replace the actors and which actor each key names, in one transaction.

        Speakers named through another source are forgotten too: they name actors of the
        resolution being replaced (the corpus refresh names them again right after).
        """
        with self.transaction() as db:
            db.execute("DELETE FROM actors")
            db.executemany(
                "INSERT INTO actors VALUES (?,?,?,?,?)",
                [
                    (a.actor_id, a.name, a.type.value, a.government, a.leader)
                    for a in resolution.actors
                ],
            )
            db.execute("DELETE FROM key_actors")
            db.executemany(
                "INSERT INTO key_actors VALUES (?, ?)", sorted(resolution.key_to_actor.items())
            )
            db.execute("DELETE FROM quote_speakers")

    def key_actors(self) -> dict[str, str]:
        """Mention key -> actor id, for the keys stored mentions carry."""
        return {
            r["key"]: r["actor_id"]
            for r in self.rows(
                "SELECT key, actor_id FROM key_actors k"
                " WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.key = k.key) ORDER BY key"
            )
        }

    def actors(self) -> list[Actor]:
        """Canonical actors mentioned outside boilerplate, most mentioned first."""
        per_doc: dict[str, Counter[str]] = {}
        aliases: dict[str, Counter[str]] = {}
        for r in self.rows(
            "SELECT k.actor_id, m.doc_id, m.kind, m.surface, COUNT(*) AS n FROM mentions m"
            " JOIN key_actors k USING (key) JOIN sentences s USING (sentence_id)"
            " WHERE s.role != 'boilerplate' GROUP BY k.actor_id, m.doc_id, m.kind, m.surface"
        ):
            per_doc.setdefault(r["actor_id"], Counter())[r["doc_id"]] += r["n"]
            if r["kind"] != "pronoun":
                aliases.setdefault(r["actor_id"], Counter())[r["surface"]] += r["n"]
        out = []
        for r in self.rows("SELECT actor_id, name, type, government, leader FROM actors"):
            docs = per_doc.get(r["actor_id"], Counter())
            if not docs:
                continue
            seen = aliases.get(r["actor_id"], Counter())
            out.append(
                Actor.model_validate(
                    {
                        **r,
                        "aliases": tuple(a for a, _ in sorted(seen.items(), key=_by_count)),
                        "mentions": sum(docs.values()),
                        "documents": dict(sorted(docs.items())),
                    }
                )
            )
        out.sort(key=lambda a: (-a.mentions, a.actor_id))
        return out


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
