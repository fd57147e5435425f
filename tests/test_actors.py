"""The actor layer on articles that are not the seeds: name keys, alias files, one actor per
person across documents, metonyms and leaders (mentions: test_mentions.py; pronouns:
test_pronouns.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from putin_claims.errors import ActorDataError
from putin_claims.lexicons import load_actor_data
from putin_claims.models import Actor
from putin_claims.names import AliasIndex, name_key
from putin_claims.pipeline import extract
from putin_claims.store import Store

OTHER = Path(__file__).parent / "data" / "other"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Vladimir V. Putin", "vladimir putin"),
        ("Mr. Putin", "putin"),
        ("Putin’s", "putin"),
        ("the Kremlin", "kremlin"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Dr. Jane Q. Public", "jane public"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_user_alias_file_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text(
        '[[actor]]\nid = "russia"\nname = "Russian Federation"\ntype = "government"\n'
        'aliases = ["Kremlin"]\n\n'
        '[[actor]]\nid = "acme"\nname = "Acme Corp"\ntype = "organization"\naliases = ["Acme"]\n'
    )
    data = {spec.id: spec for spec in load_actor_data(user).actor}
    default = {spec.id for spec in load_actor_data().actor}
    assert set(data) == default | {"acme"}
    assert data["russia"].name == "Russian Federation" and data["russia"].aliases == ["Kremlin"]
    index = AliasIndex.build(load_actor_data(user))
    assert index.by_key["acme"] == "acme"
    assert "moscow" not in index.by_key  # the override replaced the whole entry


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[actor]\nid=1", "not valid TOML"),
        ('[[actor]]\nid = "x"\nname = "X"\ntype = "person"\ncolour = "red"\n', "actor.0.colour"),
        ('[[actor]]\nname = "X"\ntype = "person"\n', "actor.0.id: Field required"),
    ],
)
def test_bad_alias_files_name_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ActorDataError) as err:
        load_actor_data(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert message.endswith("see docs/data-model.md#actor-alias-files")


@pytest.fixture(scope="module")
def other_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, Actor]:
    db = tmp_path_factory.mktemp("other") / "other.db"
    with Store.open(db) as store:
        summary = extract([OTHER], store, actors_file=OTHER / "actors-extra.toml")
        assert summary.processed == 2 and not summary.skipped
        return {a.actor_id: a for a in store.actors()}


def test_other_corpus_one_actor_per_person(other_store: dict[str, Actor]) -> None:
    lula = other_store["lula"]
    assert set(lula.documents) == {"lula-amazon", "lula-trade"}
    for form in ("Lula", "Mr. da Silva", "Brazilian President Luiz Inácio Lula da Silva",
                 "Brazilian president"):  # fmt: skip
        assert form in lula.aliases, form
    scholz = other_store["olaf-scholz"]
    assert {"Chancellor Olaf Scholz", "Mr. Scholz", "German chancellor"} <= set(scholz.aliases)
    assert not [a for a in other_store if "presses" in a]  # headline noise is not an actor


def test_other_corpus_metonyms_and_leaders(other_store: dict[str, Actor]) -> None:
    assert "the Planalto" in other_store["brazil"].aliases  # from the user alias file
    assert other_store["brazil"].leader == "lula" and other_store["lula"].government == "brazil"
    assert other_store["germany"].aliases == ("Berlin",)
    assert other_store["germany"].leader == "olaf-scholz"  # learned from "the German chancellor"
    assert "Brussels" in other_store["european-union"].aliases
