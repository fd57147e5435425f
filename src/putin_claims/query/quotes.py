"""The `quotes` query: stored quotes by speaker, document and kind."""

from __future__ import annotations

from collections.abc import Iterable

from putin_claims.errors import ActorNotFoundError
from putin_claims.models import QuoteKind, StoredQuote
from putin_claims.query.actors import find_actor
from putin_claims.store import Store


def select(
    store: Store,
    *,
    speaker: str | None = None,
    doc_id: str | None = None,
    kinds: Iterable[QuoteKind] = (),
) -> list[StoredQuote]:
    """Stored quotes, optionally of one speaker (actor, fuzzy; else description words)."""
    found = store.quotes(doc_id)
    wanted = set(kinds)
    if wanted:
        found = [q for q in found if q.kind in wanted]
    if speaker is None:
        return found
    actors = store.actors()
    try:
        actor = find_actor(speaker, actors, store.key_actors())
    except ActorNotFoundError:
        words = speaker.lower()
        hits = [q for q in found if q.speaker_text and words in q.speaker_text.lower()]
        if not hits:
            raise
        return hits
    return [q for q in found if q.speaker == actor.actor_id]
