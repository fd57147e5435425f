"""The actor a user means when typing a name, by any form of it, never silently another.

In order: the id, name or any alias as typed (case apart); the same after normalising the
name as the articles' names are (``names.name_key``: no "the", titles, possessive or
accents), also against the corpus's own mention keys (so "Sir John Bourn", "Mr Bourn" and
"the Tories" find the actor the corpus resolved them to); then a close spelling (rapidfuzz).
A close spelling is accepted only when it is close enough, and the match says so, so that the
CLI can tell the user which actor it chose; anything weaker is an error that lists the
closest actors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import Field
from rapidfuzz import fuzz, process

from putin_claims.errors import ActorNotFoundError
from putin_claims.lexicons import actor_words
from putin_claims.models import Actor, ActorType, Record
from putin_claims.names import alias_index, name_key
from putin_claims.store import Store
from putin_claims.tuning import TUNING

#: How many close actors an error lists.
CLOSEST = 5
#: Labels shorter than this match only exactly.
MIN_FUZZY = 4


class ActorMatch(Record):
    """Which actor a typed name was taken to mean, and how."""

    query: str = Field(description="The name as typed.")
    actor: Actor = Field(description="The actor chosen.")
    label: str = Field(description="The name, alias or key of the actor that matched.")
    exact: bool = Field(description="False when only a close spelling matched.")
    score: float = Field(description="rapidfuzz ratio of a close spelling (100 if exact).")


def match_actor(
    query: str, actors: Sequence[Actor], keys: Mapping[str, str] | None = None
) -> ActorMatch:
    """The actor ``query`` names (``keys``: mention key -> actor id, from the corpus)."""
    by_id = {a.actor_id: a for a in actors}
    exact, normal = _labels(actors, keys or {}, by_id)
    wanted = query.strip().lower()
    for table, typed in ((exact, wanted), (normal, name_key(query))):
        if typed in table:
            return ActorMatch(query=query, actor=table[typed], label=typed, exact=True, score=100)
    named = _alias_data(wanted, exact, by_id)
    if named is not None:
        return ActorMatch(query=query, actor=named, label=wanted, exact=True, score=100)
    # a close spelling of a whole name: no partial match, and no abbreviation ("US" is not
    # "mobile industry", however much of it it spells)
    choices = [label for label in exact if len(label) >= MIN_FUZZY]
    best = process.extractOne(wanted, choices, scorer=fuzz.ratio)
    if best is not None and best[1] >= TUNING.actor_query_fuzzy:
        actor = exact[best[0]]
        return ActorMatch(query=query, actor=actor, label=best[0], exact=False, score=best[1])
    raise ActorNotFoundError(query, _closest(wanted, exact))


def _alias_data(
    wanted: str, exact: Mapping[str, Actor], by_id: Mapping[str, Actor]
) -> Actor | None:
    """The stored actor a default alias or a state's government names: "Russian government",
    "the UK government", "French authorities" (a state by name, alias or adjective, then a
    government noun)."""
    index = alias_index()
    actor_id = index.by_key.get(name_key(wanted))
    lex = actor_words()
    words = wanted.removeprefix("the ").split()
    if actor_id is None and len(words) > 1 and words[-1] in lex.government_nouns:
        state = lex.demonyms.get(" ".join(words[:-1]), " ".join(words[:-1]))
        actor_id = index.countries.get(name_key(state))
        stored = exact.get(state.lower())
        if actor_id is None and stored is not None and stored.type is ActorType.GOVERNMENT:
            return stored
    return by_id.get(actor_id) if actor_id else None


def match_in_store(store: Store, query: str) -> ActorMatch:
    """The stored actor ``query`` names, by any form of its name the corpus uses."""
    return match_actor(query, store.actors(), store.key_actors())


def find_actor(query: str, actors: Sequence[Actor], keys: Mapping[str, str] | None = None) -> Actor:
    """The actor ``query`` names (see :func:`match_actor`)."""
    return match_actor(query, actors, keys).actor


def _labels(
    actors: Sequence[Actor], keys: Mapping[str, str], by_id: Mapping[str, Actor]
) -> tuple[dict[str, Actor], dict[str, Actor]]:
    """Lower-cased ids, names and aliases; and normalised names and mention keys."""
    exact: dict[str, Actor] = {}
    normal: dict[str, Actor] = {}
    for actor in actors:
        for label in (actor.actor_id, actor.name, *actor.aliases):
            exact.setdefault(label.lower(), actor)
            normal.setdefault(name_key(label), actor)
    surnames: dict[str, set[str]] = {}
    for actor in actors:  # a person's surname alone names him when no one else has it
        words = name_key(actor.name).split()
        if actor.type is ActorType.PERSON and len(words) > 1:
            surnames.setdefault(words[-1], set()).add(actor.actor_id)
    for surname, ids in sorted(surnames.items()):
        if len(ids) == 1:
            normal.setdefault(surname, by_id[next(iter(ids))])
    for key, actor_id in sorted(keys.items()):
        if actor_id in by_id and not key.startswith("@"):
            normal.setdefault(key, by_id[actor_id])
    normal.pop("", None)
    return exact, normal


def _closest(wanted: str, labels: Mapping[str, Actor]) -> list[str]:
    """Names of the actors closest to what was typed, best first, each once."""
    found = process.extract(wanted, list(labels), scorer=fuzz.WRatio, limit=CLOSEST * 4)
    names: list[str] = []
    for label, _, _ in found:
        name = labels[label].name
        if name not in names:
            names.append(name)
    return names[:CLOSEST]
