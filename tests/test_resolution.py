"""Corpus-wide resolution from hand-built key statistics (no spaCy, no store)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

import pytest

from putin_claims.corpus.resolution import (
    KeyStats,
    Resolution,
    ResolvedActor,
    display_name,
    resolve_corpus,
    translit,
)
from putin_claims.lexicons import load_actor_data
from putin_claims.models import ActorData, ActorSpec, ActorType, Gender, RoleLinkRow
from putin_claims.names import AliasIndex


def stat(
    key: str, mentions: int, label: str = "PERSON", surfaces: dict[str, int] | None = None
) -> KeyStats:
    """Statistics of one key; the surface defaults to the key in title case."""
    return KeyStats(
        key=key,
        mentions=mentions,
        labels=Counter({label: mentions}),
        surfaces=Counter(surfaces or {key.title(): mentions}),
    )


def role_links(pairs: Iterable[tuple[str, str]]) -> list[RoleLinkRow]:
    """(role key, name key) pairs as the store hands them out."""
    return [RoleLinkRow(role_key=role, name_key=name) for role, name in pairs]


def actor(resolution: Resolution, key: str) -> ResolvedActor:
    """The resolved actor a key maps to."""
    actor_id = resolution.key_to_actor[key]
    (found,) = [a for a in resolution.actors if a.actor_id == actor_id]
    return found


def by_id(resolution: Resolution) -> dict[str, ResolvedActor]:
    return {a.actor_id: a for a in resolution.actors}


@pytest.fixture(scope="module")
def default_index() -> AliasIndex:
    return AliasIndex.build(load_actor_data())


@pytest.fixture(scope="module")
def empty_index() -> AliasIndex:
    return AliasIndex.build(ActorData())


@pytest.fixture(scope="module")
def freedonia_index() -> AliasIndex:
    """Invented alias data: a government whose alias-data leader is Rufus T. Firefly."""
    return AliasIndex.build(
        ActorData(
            actor=[
                ActorSpec(
                    id="freedonia",
                    name="Freedonia",
                    type=ActorType.GOVERNMENT,
                    aliases=["Freedonian government"],
                    demonyms=["Freedonian"],
                    leader="rufus-firefly",
                ),
                ActorSpec(
                    id="rufus-firefly",
                    name="Rufus T. Firefly",
                    type=ActorType.PERSON,
                    gender=Gender.MALE,
                    aliases=["Firefly"],
                ),
                ActorSpec(
                    id="sylvania",
                    name="Sylvania",
                    type=ActorType.GOVERNMENT,
                    demonyms=["Sylvanian"],
                ),
            ]
        )
    )


@pytest.fixture(params=["empty", "default", "freedonia"])
def any_index(
    request: pytest.FixtureRequest,
    empty_index: AliasIndex,
    default_index: AliasIndex,
    freedonia_index: AliasIndex,
) -> AliasIndex:
    return {"empty": empty_index, "default": default_index, "freedonia": freedonia_index}[
        request.param
    ]


# --------------------------------------------------------------------------- translit


@pytest.mark.parametrize("variant", ["Zelensky", "Zelenskiy", "zelenskyy", "ZELENSKYY"])
def test_translit_folds_transliteration_variants(variant: str) -> None:
    assert translit(variant) == translit("Zelenskyy")


def test_translit_keeps_different_names_apart() -> None:
    assert translit("Johnson") != translit("Johnston")
    assert translit("Jones") != translit("Jonas")


# --------------------------------------------------------------------------- people


def test_full_name_and_bare_surname_are_one_actor(any_index: AliasIndex) -> None:
    stats = [
        stat("alan quibble", 2, surfaces={"Alan Quibble": 2}),
        stat("quibble", 7, surfaces={"Quibble": 6, "Mr. Quibble": 1}),
    ]
    result = resolve_corpus(stats, [], any_index)
    assert result.key_to_actor["quibble"] == result.key_to_actor["alan quibble"]
    full = actor(result, "alan quibble")
    assert full.name == "Alan Quibble"
    assert full.type is ActorType.PERSON
    people = [a for a in result.actors if a.type is ActorType.PERSON and a.name.endswith("Quibble")]
    assert people == [full]


def test_surname_mislabelled_as_org_joins_the_person(empty_index: AliasIndex) -> None:
    stats = [stat("alan quibble", 3), stat("quibble", 1, label="ORG")]
    result = resolve_corpus(stats, [], empty_index)
    assert result.key_to_actor["quibble"] == result.key_to_actor["alan quibble"]
    assert len(result.actors) == 1


def test_people_sharing_a_surname_stay_apart(any_index: AliasIndex) -> None:
    stats = [
        stat("alan quibble", 3, surfaces={"Alan Quibble": 3}),
        stat("brenda quibble", 2, surfaces={"Brenda Quibble": 2}),
    ]
    result = resolve_corpus(stats, [], any_index)
    alan, brenda = actor(result, "alan quibble"), actor(result, "brenda quibble")
    assert alan.actor_id != brenda.actor_id
    assert (alan.name, brenda.name) == ("Alan Quibble", "Brenda Quibble")
    assert alan.type is brenda.type is ActorType.PERSON


def test_transliteration_variants_in_the_corpus_are_one_actor(empty_index: AliasIndex) -> None:
    stats = [
        stat("petro kovalskyy", 4, surfaces={"Petro Kovalskyy": 4}),
        stat("petro kovalskiy", 2, surfaces={"Petro Kovalskiy": 2}),
        stat("kovalsky", 3, surfaces={"Kovalsky": 3}),
    ]
    result = resolve_corpus(stats, [], empty_index)
    ids = {result.key_to_actor[s.key] for s in stats}
    assert len(ids) == 1
    assert len(result.actors) == 1
    assert result.actors[0].name in {"Petro Kovalskyy", "Petro Kovalskiy"}


def test_transliteration_variant_joins_default_alias_person(default_index: AliasIndex) -> None:
    stats = [
        stat("@volodymyr-zelensky", 5, label="ALIAS", surfaces={"Zelensky": 5}),
        stat("volodymyr zelenskyi", 2, surfaces={"Volodymyr Zelenskyi": 2}),
    ]
    result = resolve_corpus(stats, [], default_index)
    assert result.key_to_actor["volodymyr zelenskyi"] == "volodymyr-zelensky"
    assert result.key_to_actor["@volodymyr-zelensky"] == "volodymyr-zelensky"
    assert [(a.actor_id, a.name) for a in result.actors] == [
        ("volodymyr-zelensky", "Volodymyr Zelensky")
    ]


def test_variant_joins_alias_person_without_alias_mentions(default_index: AliasIndex) -> None:
    result = resolve_corpus([stat("volodymyr zelenskyi", 2)], [], default_index)
    assert result.key_to_actor["volodymyr zelenskyi"] == "volodymyr-zelensky"
    assert actor(result, "volodymyr zelenskyi").name == "Volodymyr Zelensky"


def test_variant_joins_custom_alias_person(freedonia_index: AliasIndex) -> None:
    stats = [stat("rufus firefli", 2, surfaces={"Rufus Firefli": 2})]
    result = resolve_corpus(stats, [], freedonia_index)
    assert result.key_to_actor["rufus firefli"] == "rufus-firefly"
    assert actor(result, "rufus firefli").name == "Rufus T. Firefly"


# --------------------------------------------------------------------------- roles


def _freedonia_corpus() -> list[KeyStats]:
    return [
        stat("rufus quibble", 3, surfaces={"Rufus Quibble": 3}),
        stat("freedonia", 4, label="GPE", surfaces={"Freedonia": 4}),
        stat("role:president|freedonia", 2, label="ROLE", surfaces={"the Freedonian president": 2}),
    ]


def test_role_key_resolves_to_holder(empty_index: AliasIndex) -> None:
    links = [("president|freedonia", "rufus quibble")]
    result = resolve_corpus(_freedonia_corpus(), role_links(links), empty_index)
    holder = result.key_to_actor["rufus quibble"]
    assert result.key_to_actor["role:president|freedonia"] == holder


def test_role_key_resolves_to_most_named_holder(empty_index: AliasIndex) -> None:
    stats = [*_freedonia_corpus(), stat("ambrose chicolini", 9)]
    links = [
        ("president|freedonia", "ambrose chicolini"),
        ("president|freedonia", "rufus quibble"),
        ("president|freedonia", "rufus quibble"),
    ]
    result = resolve_corpus(stats, role_links(links), empty_index)
    assert result.key_to_actor["role:president|freedonia"] == result.key_to_actor["rufus quibble"]


def test_head_of_state_role_links_government_and_leader(empty_index: AliasIndex) -> None:
    links = [("president|freedonia", "rufus quibble")] * 2
    result = resolve_corpus(_freedonia_corpus(), role_links(links), empty_index)
    government = actor(result, "freedonia")
    person = actor(result, "rufus quibble")
    assert government.type is ActorType.GOVERNMENT
    assert government.leader == person.actor_id
    assert person.government == government.actor_id


def test_non_head_role_makes_no_leader(empty_index: AliasIndex) -> None:
    stats = [
        *_freedonia_corpus(),
        stat("ambrose chicolini", 2),
        stat("role:foreign minister|freedonia", 1, label="ROLE"),
    ]
    links = [
        ("president|freedonia", "rufus quibble"),
        ("foreign minister|freedonia", "ambrose chicolini"),
        ("foreign minister|freedonia", "ambrose chicolini"),
    ]
    result = resolve_corpus(stats, role_links(links), empty_index)
    minister = actor(result, "ambrose chicolini")
    assert result.key_to_actor["role:foreign minister|freedonia"] == minister.actor_id
    assert actor(result, "freedonia").leader == result.key_to_actor["rufus quibble"]
    assert minister.government is None


def test_former_head_of_state_is_not_leader(empty_index: AliasIndex) -> None:
    stats = [*_freedonia_corpus(), stat("ambrose chicolini", 2)]
    links = [
        ("president|freedonia", "rufus quibble"),
        *[("former president|freedonia", "ambrose chicolini")] * 3,
    ]
    result = resolve_corpus(stats, role_links(links), empty_index)
    assert actor(result, "freedonia").leader == result.key_to_actor["rufus quibble"]
    assert actor(result, "ambrose chicolini").government is None


def test_alias_data_leader_used_when_corpus_names_none(freedonia_index: AliasIndex) -> None:
    stats = [
        stat("@freedonia", 3, label="ALIAS", surfaces={"Freedonia": 3}),
        stat("@rufus-firefly", 2, label="ALIAS", surfaces={"Firefly": 2}),
    ]
    result = resolve_corpus(stats, [], freedonia_index)
    actors = by_id(result)
    assert actors["freedonia"].type is ActorType.GOVERNMENT
    assert actors["freedonia"].leader == "rufus-firefly"
    assert actors["rufus-firefly"].government == "freedonia"


def test_corpus_leader_wins_over_alias_data(freedonia_index: AliasIndex) -> None:
    stats = [
        stat("@freedonia", 3, label="ALIAS", surfaces={"Freedonia": 3}),
        stat("@rufus-firefly", 5, label="ALIAS", surfaces={"Firefly": 5}),
        stat("ambrose chicolini", 2, surfaces={"Ambrose Chicolini": 2}),
        stat("role:president|freedonia", 1, label="ROLE"),
    ]
    links = [("president|freedonia", "ambrose chicolini")]
    result = resolve_corpus(stats, role_links(links), freedonia_index)
    actors = by_id(result)
    chicolini = result.key_to_actor["ambrose chicolini"]
    assert actors["freedonia"].leader == chicolini
    assert actors[chicolini].government == "freedonia"
    assert actors["rufus-firefly"].government is None
    assert result.key_to_actor["role:president|freedonia"] == chicolini


# --------------------------------------------------------------------------- other keys


def test_org_and_gpe_keys_become_organization_and_government(empty_index: AliasIndex) -> None:
    stats = [
        stat("acme widgets", 2, label="ORG", surfaces={"Acme Widgets": 2}),
        stat("sylvania", 3, label="GPE", surfaces={"Sylvania": 3}),
    ]
    result = resolve_corpus(stats, [], empty_index)
    org, gov = actor(result, "acme widgets"), actor(result, "sylvania")
    assert (org.name, org.type) == ("Acme Widgets", ActorType.ORGANIZATION)
    assert (gov.name, gov.type) == ("Sylvania", ActorType.GOVERNMENT)
    assert org.actor_id != gov.actor_id


def test_alias_key_becomes_alias_actor(freedonia_index: AliasIndex) -> None:
    stats = [stat("@sylvania", 2, label="ALIAS", surfaces={"Sylvanian government": 2})]
    result = resolve_corpus(stats, [], freedonia_index)
    assert result.key_to_actor == {"@sylvania": "sylvania"}
    assert result.actors == [ResolvedActor("sylvania", "Sylvania", ActorType.GOVERNMENT)]


@pytest.mark.parametrize(
    ("surface", "key", "expected"),
    [
        ("Mr. Jones", "jones", "Jones"),
        ("Dr. Alan Jones", "alan jones", "Alan Jones"),
        ("Alan Jones", "alan jones", "Alan Jones"),
        ("Jones's", "jones", "Jones"),
    ],
)
def test_display_name_strips_titles(surface: str, key: str, expected: str) -> None:
    assert display_name(surface, key) == expected


def test_resolved_name_has_no_title(empty_index: AliasIndex) -> None:
    result = resolve_corpus([stat("jones", 3, surfaces={"Mr. Jones": 3})], [], empty_index)
    assert actor(result, "jones").name == "Jones"


# --------------------------------------------------------------------------- determinism


def _rich_corpus() -> tuple[list[KeyStats], list[tuple[str, str]]]:
    stats = [
        *_freedonia_corpus(),
        stat("quibble", 5, surfaces={"Quibble": 4, "Mr. Quibble": 1}),
        stat("brenda quibble", 3),
        stat("ambrose chicolini", 3),
        stat("chicolini", 3),
        stat("petro kovalskyy", 2),
        stat("kovalskiy", 2),
        stat("acme widgets", 2, label="ORG"),
        stat("sylvania", 2, label="GPE"),
        stat("@volodymyr-zelensky", 2, label="ALIAS"),
        stat("volodymyr zelenskyi", 1),
        stat("role:foreign minister|freedonia", 1, label="ROLE"),
        stat("role:president|sylvania", 1, label="ROLE"),
    ]
    links = [
        ("president|freedonia", "rufus quibble"),
        ("president|freedonia", "quibble"),
        ("foreign minister|freedonia", "ambrose chicolini"),
        ("president|sylvania", "petro kovalskyy"),
        ("president|sylvania", "chicolini"),
    ]
    return stats, links


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_resolution_is_deterministic(default_index: AliasIndex, seed: int) -> None:
    stats, links = _rich_corpus()
    expected = resolve_corpus(stats, role_links(links), default_index)

    stats2, links2 = _rich_corpus()
    rnd = random.Random(seed)
    rnd.shuffle(stats2)
    rnd.shuffle(links2)
    got = resolve_corpus(stats2, role_links(links2), default_index)
    assert got.actors == expected.actors
    assert got.key_to_actor == expected.key_to_actor
    assert [a.actor_id for a in got.actors] == [a.actor_id for a in expected.actors]


def test_resolution_does_not_depend_on_input_list_identity(default_index: AliasIndex) -> None:
    stats, links = _rich_corpus()
    first = resolve_corpus(stats, role_links(links), default_index)
    second = resolve_corpus(list(reversed(stats)), role_links(list(reversed(links))), default_index)
    assert first == second
