"""Organisations and titled first names decided over the corpus (corpus/organisations.py)."""

from __future__ import annotations

import pytest

from putin_claims.corpus.organisations import (
    first_name_only,
    folded,
    heads,
    organisation_like,
    titled,
)
from putin_claims.models import KeyStats


def stat(key: str, *surfaces: str, label: str = "ORG") -> KeyStats:
    return KeyStats(
        key=key, mentions=len(surfaces), labels={label: len(surfaces)},
        surfaces=dict.fromkeys(surfaces, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("harwell instruments plc", "harwell instruments"),
        ("ryanair holdings", "ryanair"),
        ("acme corp.", "acme"),
        ("sony bmg", "sony bmg"),
        ("plc", "plc"),  # a suffix alone is a name
        ("group", "group"),
        ("virgin media group plc", "virgin media"),
    ],
)
def test_folded(key: str, expected: str) -> None:
    assert folded(key) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("department for education and skills", True),
        ("unite union", True),
        ("conservative party", True),
        ("harwell instruments plc", True),
        ("thames valley police", True),
        ("sarah okafor", False),
        ("cambridge", False),
    ],
)
def test_organisation_words(key: str, expected: bool) -> None:
    assert organisation_like(stat(key, key.title())) is expected


@pytest.mark.parametrize(
    ("surfaces", "is_titled", "first_only"),
    [
        (("Dame Sarah",), True, True),
        (("Sir John",), True, True),
        (("Mr Bourn",), True, False),  # "Mr" goes with surnames
        (("Sarah",), False, False),
        (("Dame Sarah", "Sarah"), True, False),
    ],
)
def test_titles(surfaces: tuple[str, ...], is_titled: bool, first_only: bool) -> None:
    s = stat(surfaces[0].split()[-1].lower(), *surfaces, label="PERSON")
    assert (titled(s), first_name_only(s)) == (is_titled, first_only)


def test_a_head_word_names_one_organisation_only() -> None:
    orgs = [
        stat("harwell instruments plc", "Harwell Instruments plc"),
        stat("virgin media", "Virgin Media"),
        stat("virgin atlantic", "Virgin Atlantic"),
        stat("nokia", "Nokia"),
    ]
    assert heads(orgs) == {"harwell": "harwell instruments"}  # "virgin" is two companies
