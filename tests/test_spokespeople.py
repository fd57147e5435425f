"""An unnamed spokesperson speaks for the body the sentence names; a member does not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.pipeline import extract
from putin_claims.store import Store

ARTICLE = """Airline warns on fuel costs

Ryanair expects fuel costs to rise again this winter.

"We will not pass the increase on to passengers," a Ryanair spokesman said.

A spokeswoman for Siemens said the company would announce job cuts on Monday.

"The plan is a disgrace," said a Labour MP who asked not to be named.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, tuple]:
    folder = tmp_path_factory.mktemp("spokes")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    with Store.open(folder / "s.db") as store:
        extract([folder / "article.txt"], store)
        return {q.content[:12]: (q.speaker, q.speaker_text) for q in store.quotes()}


@pytest.mark.parametrize(
    ("words", "speaker", "text"),
    [
        ("We will not ", "ryanair", "a Ryanair spokesman"),
        ("the company ", "siemens", "A spokeswoman"),
    ],
)
def test_the_body_speaks(quotes: dict[str, tuple], words: str, speaker: str, text: str) -> None:
    assert quotes[words] == (speaker, text)  # the description stays as speaker_text


def test_a_member_is_not_the_body(quotes: dict[str, tuple]) -> None:
    speaker, text = quotes["The plan is "]
    assert speaker != "labour-party"
    assert text is not None and text.endswith("MP")


def test_what_i_want_in_a_quote_the_speaker_wants(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("first")
    (folder / "a.txt").write_text(
        "Striker eyes move\n\n"
        '"I want to play in Spain next season," said Marco Ferri, who joined the club in 2019.\n',
        encoding="utf-8",
    )
    with Store.open(folder / "s.db") as store:
        extract([folder / "a.txt"], store)
        goals = [
            (a.actor, a.content) for a in store.assertion_rows() if a.kind.value == "objective"
        ]
    assert ("marco-ferri", "to play in Spain next season") in goals


def test_a_definite_description_speaks_for_who_spoke_before(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("described")
    (folder / "a.txt").write_text(
        "Czech teenager stuns Sydney\n\n"
        "Tomas Novak of the Czech Republic beat the defending champion on Thursday.\n\n"
        '"I played my best tennis today," Novak said.\n\n'
        '"For me, this was a big success," said the 20-year-old.\n',
        encoding="utf-8",
    )
    with Store.open(folder / "s.db") as store:
        extract([folder / "a.txt"], store)
        speakers = {q.content[:10]: (q.speaker, q.speaker_text) for q in store.quotes()}
    assert speakers["I played m"][0] == "tomas-novak"
    assert speakers["For me, th"] == ("tomas-novak", "the 20-year-old")
