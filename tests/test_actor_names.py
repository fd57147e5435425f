"""Actors that are in no alias file, found by any form of their name (corpus: tests/data/names,
two articles written for the test about a company, its chief executive and a party)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT, call
from putin_claims.cli import ExitCode
from putin_claims.errors import ActorNotFoundError
from putin_claims.pipeline import extract
from putin_claims.query.actors import match_in_store
from putin_claims.query.claims import objectives
from putin_claims.store import Store

NAMES = ROOT / "tests" / "data" / "names"
pytestmark = pytest.mark.usefixtures("fixed_terminal")


@pytest.fixture(scope="module")
def names_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    db = tmp_path_factory.mktemp("names") / "names.db"
    with Store.open(db) as store:
        assert extract([NAMES], store).processed == 2
    return db


def test_one_actor_per_organisation_and_person(names_db: Path) -> None:
    with Store.existing(names_db) as store:
        actors = {a.actor_id: a for a in store.actors()}
    company = actors["harwell-instruments"]
    assert company.type.value == "organization"
    assert {"Harwell", "Harwell Instruments", "Harwell Instruments plc"} <= set(company.aliases)
    assert {"Dame Sarah", "Dame Sarah Okafor", "Ms Okafor"} <= set(actors["sarah-okafor"].aliases)
    party = actors["conservative-party"]
    assert {"The Tories", "The Conservatives"} <= set(party.aliases)
    assert not {"harwell", "sarah", "conservative"} & set(actors)  # nothing shredded


NAME_FORMS = [
    ("harwell-instruments", ["Harwell", "Harwell Instruments", "Harwell Instruments plc",
                             "harwell instruments", "the Harwell Instruments"]),
    ("sarah-okafor", ["Dame Sarah", "Ms Okafor", "Sarah Okafor", "Dame Sarah Okafor"]),
    ("conservative-party", ["Tories", "the Tories", "the Conservatives", "Conservative Party",
                            "conservatives", "Tory Party"]),
]  # fmt: skip


@pytest.mark.parametrize(("actor", "forms"), NAME_FORMS, ids=[a for a, _ in NAME_FORMS])
def test_objectives_by_any_form_of_a_name(names_db: Path, actor: str, forms: list[str]) -> None:
    with Store.existing(names_db) as store:
        answers = []
        for form in forms:
            match = match_in_store(store, form)
            assert (match.actor.actor_id, match.exact) == (actor, True), form
            found, claims = objectives(store, form)
            answers.append((found.actor_id, [c.id for c in claims]))
    assert all(a == answers[0] for a in answers)
    assert answers[0][1], f"{actor} has objectives"


def test_a_close_spelling_is_taken_and_said(
    names_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = call(capsys, "objectives", "Harwel Instrumnts", "--db", str(names_db))
    assert code == ExitCode.OK
    assert err == (
        "putin-claims: taking 'Harwel Instrumnts' to mean Harwell Instruments"
        " (harwell-instruments); `putin-claims actors` lists every actor\n"
    )


@pytest.mark.parametrize("name", ["Harrods", "the", "US Steel", "mobile industry"])
def test_a_weak_match_is_an_error_listing_the_closest(names_db: Path, name: str) -> None:
    with Store.existing(names_db) as store, pytest.raises(ActorNotFoundError) as error:
        match_in_store(store, name)
    message = str(error.value)
    assert message.startswith(f"no actor matches {name!r}; the closest are ")
    assert message.endswith("pass it to `extract --actors FILE`")


def test_the_cli_error_is_one_line(names_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "objectives", "Harrods", "--db", str(names_db))
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.startswith("putin-claims: error: no actor matches 'Harrods'; the closest are ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "form", ["Russia", "the Kremlin", "Russian government", "the Russian government",
             "the Russian authorities", "Russian Federation", "the Russian administration"],
)  # fmt: skip
def test_a_state_by_its_alias_data_or_its_government(seed_store: Store, form: str) -> None:
    match = match_in_store(seed_store, form)
    assert (match.actor.actor_id, match.exact) == ("russia", True)


@pytest.mark.parametrize("form", ["the Freedonian government", "Russian ministers"])
def test_a_government_noun_after_no_state_names_none(seed_store: Store, form: str) -> None:
    with pytest.raises(ActorNotFoundError):
        match_in_store(seed_store, form)
