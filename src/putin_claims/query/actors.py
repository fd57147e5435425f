"""The actor a user means when typing a name: exact id, name or alias, then fuzzy."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from putin_claims.errors import ActorNotFoundError
from putin_claims.models import Actor
from putin_claims.tuning import TUNING


def find_actor(query: str, actors: Sequence[Actor]) -> Actor:
    """The actor a user means: exact id, name or alias first, then fuzzy (rapidfuzz)."""
    wanted = query.strip().lower()
    choices: dict[str, Actor] = {}
    for actor in actors:
        for label in (actor.actor_id, actor.name, *actor.aliases):
            choices.setdefault(label.lower(), actor)
    if wanted in choices:
        return choices[wanted]
    best = process.extractOne(
        wanted, list(choices), scorer=fuzz.WRatio, score_cutoff=TUNING.actor_query_fuzzy
    )
    if best is None:
        names = ", ".join(a.name for a in actors[:8])
        raise ActorNotFoundError(query, names)
    return choices[best[0]]
