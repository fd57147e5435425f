"""Who counts as whom: actor families (a government's statements count for its leader),
quote speakers per document, and source independence from the derivations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from putin_claims.corpus.derivation import count_independent, source_roots
from putin_claims.models import (
    OPINION_GENRES,
    Actor,
    ActorType,
    Corroboration,
    Derivation,
    Genre,
    QuoteKind,
    StoredQuote,
)
from putin_claims.store import Store


@dataclass(frozen=True)
class Families:
    """Who counts as whom: a government's statements count for the leader it names."""

    actors: dict[str, Actor]
    #: Per document: (start, end, speaker) of quotes whose speaker is known.
    speakers: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: Which documents derive from which (copies collapse when sources are counted).
    derivations: tuple[Derivation, ...] = ()
    #: Per document its genre; a document not listed is news.
    genres: dict[str, Genre] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        actors: Iterable[Actor],
        quotes: Iterable[StoredQuote] = (),
        derivations: Iterable[Derivation] = (),
        genres: dict[str, Genre] | None = None,
    ) -> Families:
        speakers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for q in quotes:
            if q.speaker_name and q.kind is not QuoteKind.PARTIAL:
                speakers[q.doc_id].append((q.start, q.end, q.speaker_name))
        return cls(
            {a.actor_id: a for a in actors}, dict(speakers), tuple(derivations), dict(genres or {})
        )

    @classmethod
    def load(cls, store: Store) -> Families:
        """Actors, quote speakers, derivations and genres as the store holds them now."""
        return cls.of(store.actors(), store.quotes(), store.derivations(), store.genres())

    def opinion(self, doc_id: str) -> bool:
        """An opinion or analysis piece: a view, never an independent report."""
        return self.genres.get(doc_id, Genre.NEWS) in OPINION_GENRES

    def independent(self, doc_ids: Iterable[str]) -> int:
        """Independent groups among the news documents (copies collapsed; opinion left out)."""
        return count_independent((d for d in doc_ids if not self.opinion(d)), self._roots)

    @cached_property
    def _roots(self) -> dict[str, str]:
        """Each derived document's original, found once (claims ask per claim)."""
        return source_roots(self.derivations)

    def corroboration(self, doc_ids: Iterable[str]) -> Corroboration:
        """All documents, independent news groups, and opinion or analysis pieces among them."""
        docs = set(doc_ids)
        return Corroboration(
            n_sources=len(docs),
            n_independent_sources=self.independent(sorted(docs)),
            n_opinion_sources=sum(1 for d in docs if self.opinion(d)),
        )

    def speaker(self, doc_id: str, start: int, end: int) -> str | None:
        """Who says the words at [start, end), when they lie inside someone's quote."""
        for a, b, name in self.speakers.get(doc_id, ()):
            if a <= start and end <= b:
                return name
        return None

    def head(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor and actor.type is not ActorType.PERSON and actor.leader in self.actors:
            return actor.leader
        return actor_id

    def via_government(self, actor_id: str) -> bool:
        return self.head(actor_id) != actor_id

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id
