"""Corpus-wide resolution: mention keys -> canonical actors, roles -> holders, leader links.

Runs over aggregated key statistics from the store (no parsing), so it can be re-run whenever
a document is added or the alias data changes. The result is deterministic for the same input.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from putin_claims.corpus.organisations import (
    first_name_only,
    folded,
    heads,
    organisation_like,
    titled,
)
from putin_claims.lexicons import actor_words, name_words
from putin_claims.models import ActorType, KeyStats, Resolution, ResolvedActor, RoleLinkRow
from putin_claims.names import ROLE_PREFIX, AliasIndex, name_key, slug, strip_accents
from putin_claims.tuning import TUNING


@functools.lru_cache(maxsize=1 << 16)
def translit(word: str) -> str:
    """Fold transliteration variants: Zelenskyy, Zelensky, Zelenskiy -> zelenski (memoised:
    person clustering folds the same first names and surnames again and again)."""
    word = strip_accents(word.lower())
    for old, new in name_words().transliteration:
        word = word.replace(old, new)
    return re.sub(r"(.)\1", r"\1", word)


@dataclass
class _Cluster:
    actor_id: str | None
    surname: str
    first: str | None
    mentions: int = 0
    keys: list[str] = field(default_factory=list)


def display_name(surface: str, key: str) -> str:
    """The shortest tail of ``surface`` that still normalises to ``key`` ("Mr. X" -> "X")."""
    words = surface.replace("’", "'").removesuffix("'s").split()
    for i in reversed(range(len(words))):
        tail = " ".join(words[i:])
        if name_key(tail) == key:
            return tail
    return surface


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = translit(a), translit(b)
    return a == b or a.startswith(b) or b.startswith(a)


#: Labels of a one-word name that may be the head word of an organisation's name (the tagger
#: calls "Harwell" a person or an organisation; a place stays a place: "Kyiv", "Kyiv Post").
HEAD_LABELS = frozenset({"PERSON", "ORG"})


class Resolver:
    """One resolution run; see :func:`resolve_corpus`."""

    def __init__(
        self, stats: Sequence[KeyStats], role_links: Sequence[RoleLinkRow], index: AliasIndex
    ) -> None:
        self.stats = sorted(stats, key=lambda s: (-s.mentions, s.key))
        self.role_links = role_links
        self.index = index
        self.key_to_actor: dict[str, str] = {}
        self.actors: dict[str, ResolvedActor] = {}
        self.clusters: list[_Cluster] = []
        self.by_surname: dict[str, list[_Cluster]] = {}
        self.by_initial: dict[str, list[_Cluster]] = {}
        self.org_heads: dict[str, str] = {}
        self.org_groups: dict[str, list[KeyStats]] = {}

    def _add_cluster(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        self.by_surname.setdefault(cluster.surname, []).append(cluster)
        self.by_initial.setdefault(cluster.surname[:1], []).append(cluster)

    def run(self) -> Resolution:
        self._seed_alias_people()
        plain = [s for s in self.stats if not s.key.startswith(ROLE_PREFIX)]
        for stat in plain:
            if stat.key.startswith("@"):
                self._alias_key(stat)
        named = [s for s in plain if not s.key.startswith("@")]
        organisations = [s for s in named if self._is_organisation(s)]
        self.org_heads = heads(organisations)
        for stat in organisations:
            self.org_groups.setdefault(folded(stat.key), []).append(stat)
        people = [s for s in named if self._is_person(s)]
        for stat in sorted(people, key=lambda s: (-len(s.key.split()), -s.mentions, s.key)):
            self._cluster_person(stat)
        self._name_clusters()
        for stat in plain:
            if stat.key not in self.key_to_actor:
                self._other_key(stat)
        self._roles()
        return Resolution(actors=self._linked(), key_to_actor=dict(self.key_to_actor))

    # -- keys

    def _alias_key(self, stat: KeyStats) -> None:
        actor_id = stat.key[1:]
        spec = self.index.specs.get(actor_id)
        if spec is None:
            return
        self.key_to_actor[stat.key] = actor_id
        self.actors.setdefault(actor_id, ResolvedActor(actor_id, spec.name, spec.type))

    def _is_person(self, stat: KeyStats) -> bool:
        """PERSON by the tagger, unless the corpus shows an organisation."""
        if stat.top_label() != "PERSON" or organisation_like(stat):
            return False
        return " " in stat.key or stat.key not in self.org_heads or titled(stat)

    def _is_organisation(self, stat: KeyStats) -> bool:
        label_type = actor_words().actor_type(stat.top_label())
        return label_type is ActorType.ORGANIZATION or organisation_like(stat)

    def _seed_alias_people(self) -> None:
        for spec in self.index.specs.values():
            if spec.type is not ActorType.PERSON:
                continue
            full = name_key(spec.name).split()
            if not full:
                continue  # a name of titles only ("Mr", "The"): no surname to cluster on
            first = full[0] if len(full) > 1 else None
            self._add_cluster(_Cluster(spec.id, translit(full[-1]), first))

    def _cluster_person(self, stat: KeyStats) -> None:
        if first_name_only(stat):
            same = [c for c in self.clusters if c.keys and c.first == stat.key]
            if len(same) == 1:  # "Dame Sarah": the one person named Sarah
                same[0].keys.append(stat.key)
                same[0].mentions += stat.mentions
                return
        words = stat.key.split()
        has_first = len(words) > 1 and words[0] not in name_words().surname_particles
        surname, first = translit(words[-1]), (words[0] if has_first else None)
        cluster = self._find_cluster(surname, first)
        if cluster is None:
            cluster = _Cluster(None, surname, first)
            self._add_cluster(cluster)
        cluster.keys.append(stat.key)
        cluster.mentions += stat.mentions
        if cluster.first is None and first is not None:
            cluster.first = first

    def _find_cluster(self, surname: str, first: str | None) -> _Cluster | None:
        same = self.by_surname.get(surname, [])
        exact = [c for c in same if _compatible(c.first, first)]
        if exact:
            return max(exact, key=lambda c: (c.actor_id is not None, c.mentions))
        if len(surname) < TUNING.surname_fuzzy_min_len:
            return None
        near = self.by_initial.get(surname[:1], [])
        pool = [c for c in near if _compatible(c.first, first)]
        best = process.extractOne(
            surname, [c.surname for c in pool], scorer=fuzz.ratio, score_cutoff=TUNING.surname_fuzzy
        )
        return pool[best[2]] if best else None

    def _name_clusters(self) -> None:
        by_key = {s.key: s for s in self.stats}
        for cluster in self.clusters:
            if not cluster.keys:
                continue
            if cluster.actor_id is not None:
                spec = self.index.specs[cluster.actor_id]
                actor = ResolvedActor(cluster.actor_id, spec.name, ActorType.PERSON)
            else:
                best = cluster.keys[0]  # longest, then most frequent (sort order above)
                name = display_name(_full_surface(by_key[best]), best)
                actor = ResolvedActor(self._new_id(name), name, ActorType.PERSON)
            self.actors.setdefault(actor.actor_id, actor)
            for key in cluster.keys:
                self.key_to_actor[key] = actor.actor_id

    def _other_key(self, stat: KeyStats) -> None:
        if " " not in stat.key:  # a surname NER mislabelled: join the person it names
            same = [c for c in self.by_surname.get(translit(stat.key), []) if c.keys]
            if same:
                cluster = max(same, key=lambda c: c.mentions)
                self.key_to_actor[stat.key] = self.key_to_actor[cluster.keys[0]]
                return
        group = folded(stat.key)
        head = stat.key in self.org_heads and not titled(stat)
        if group not in self.org_groups and head and stat.top_label() in HEAD_LABELS:
            group = self.org_heads[stat.key]  # "Harwell" beside "Harwell Instruments"
        if group in self.org_groups:
            self.key_to_actor[stat.key] = self._organisation(group)
            return
        actor_type = actor_words().actor_type(stat.top_label()) or ActorType.ORGANIZATION
        name = display_name(stat.top_surface(), stat.key)
        actor = ResolvedActor(self._new_id(name), name, actor_type)
        self.actors[actor.actor_id] = actor
        self.key_to_actor[stat.key] = actor.actor_id

    def _organisation(self, group: str) -> str:
        """The actor of the organisation whose folded key is ``group`` (made on first use)."""
        stats = self.org_groups[group]
        for stat in stats:
            if stat.key in self.key_to_actor:
                return self.key_to_actor[stat.key]
        main = min(stats, key=lambda s: (s.key != group, -s.mentions, s.key))
        name = display_name(main.top_surface(), main.key)
        if main.key != group:  # only the suffixed form was seen: drop the suffix
            name = " ".join(name.split()[: len(group.split())])
        actor = ResolvedActor(self._new_id(name), name, ActorType.ORGANIZATION)
        self.actors[actor.actor_id] = actor
        for stat in stats:
            self.key_to_actor[stat.key] = actor.actor_id
        return actor.actor_id

    def _new_id(self, name: str) -> str:
        base = slug(name)
        candidate, n = base, 1
        while candidate in self.actors or candidate in self.index.specs:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # -- roles and links

    def _holders(self) -> dict[str, Counter[str]]:
        holders: dict[str, Counter[str]] = {}
        for link in self.role_links:
            actor_id = self.key_to_actor.get(link.name_key)
            if actor_id is not None:
                holders.setdefault(link.role_key, Counter())[actor_id] += 1
        return holders

    def _roles(self) -> None:
        holders = self._holders()
        for stat in self.stats:
            if stat.key.startswith(ROLE_PREFIX):
                counts = holders.get(stat.key.removeprefix(ROLE_PREFIX))
                if counts:
                    self.key_to_actor[stat.key] = _top(counts)

    def _linked(self) -> list[ResolvedActor]:
        leaders = self._leaders()
        governments = {leader: gov for gov, leader in leaders.items()}
        out = []
        for actor_id in sorted(self.actors):
            actor = self.actors[actor_id]
            out.append(
                ResolvedActor(
                    actor.actor_id,
                    actor.name,
                    actor.type,
                    government=governments.get(actor_id),
                    leader=leaders.get(actor_id),
                )
            )
        return out

    def _leaders(self) -> dict[str, str]:
        """Government -> leader: the corpus's head-of-state roles first, alias data second."""
        heads = actor_words().head_roles
        leaders: dict[str, Counter[str]] = {}
        for role_key, counts in self._holders().items():
            role, _, country = role_key.partition("|")
            if role in heads and country in self.actors:
                leaders.setdefault(country, Counter()).update(counts)
        out = {gov: _top(counts) for gov, counts in leaders.items()}
        for actor_id, actor in self.actors.items():
            spec = self.index.specs.get(actor_id)
            if actor.type is ActorType.GOVERNMENT and spec and spec.leader and actor_id not in out:
                out[actor_id] = spec.leader
        return out


def _full_surface(stat: KeyStats) -> str:
    """The most common surface that spells the key whole ("Vyacheslav Nikonov", not the
    "Mr. Nikonov" the document resolved to him), else the most common one."""
    whole = {s: n for s, n in stat.surfaces.items() if name_key(s) == stat.key}
    if not whole:
        return stat.top_surface()
    return min(whole.items(), key=lambda item: (-item[1], item[0]))[0]


def _top(counts: Counter[str]) -> str:
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def resolve_corpus(
    stats: Sequence[KeyStats], role_links: Sequence[RoleLinkRow], index: AliasIndex
) -> Resolution:
    """Group mention keys into canonical actors (deterministic for the same input)."""
    return Resolver(stats, role_links, index).run()
