"""Pronoun resolution (putin_claims.nlp.pronouns): gender agreement, quote-awareness and
paragraph distance, on hand-built mentions and on articles run through the pipeline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from putin_claims.ingest.readers import ingest, read_bytes
from putin_claims.models import Gender, MentionKind
from putin_claims.nlp.components import mentions_of
from putin_claims.nlp.mentions import RawMention
from putin_claims.nlp.process import process
from putin_claims.nlp.pronouns import resolve_pronouns

M, F = Gender.MALE, Gender.FEMALE
PRONOUN = {"he": M, "him": M, "his": M, "she": F, "her": F}


def _mentions(*words: str) -> list[RawMention]:
    """Mentions, one per word, ten characters apart, one sentence per paragraph marker.

    A word is a pronoun ("he", "she"), a person ("Anna:f", "Jonas:m", "Lee" without a known
    gender), a body ("Acme!", not a person), a name in another person's description
    ("Gartner~") or "|", which starts the next sentence.
    """
    out: list[RawMention] = []
    sentence = 0
    for n, word in enumerate(words):
        if word == "|":
            sentence += 1
            continue
        start = 10 * n
        if word in PRONOUN:
            out.append(
                RawMention(start, start + len(word), word, MentionKind.PRONOUN, "PRON", "",
                           PRONOUN[word], True, sentence)
            )  # fmt: skip
            continue
        name, _, mark = word.partition(":")
        person = not name.endswith("!")
        modifier = name.endswith("~")
        name = name.rstrip("!~")
        gender = {"m": M, "f": F}.get(mark)
        out.append(
            RawMention(start, start + len(name), name, MentionKind.NAME, "PERSON", name.lower(),
                       gender, person, sentence, modifier)
        )  # fmt: skip
    return out


def _keys(raw: list[RawMention], paragraphs: list[int | None], **kwargs: object) -> list[str]:
    """The key of each pronoun that resolved, in order."""
    resolved = resolve_pronouns(raw, paragraphs, **kwargs)  # type: ignore[arg-type]
    return [f"{m.surface}>{m.key}" for m in resolved if m.kind is MentionKind.PRONOUN]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # gender agreement: the nearest earlier person of the pronoun's gender
        (["Jonas:m", "Anna:f", "she"], ["she>anna"]),
        (["Jonas:m", "Anna:f", "he"], ["he>jonas"]),
        (["Jonas:m", "Erik:m", "he"], ["he>erik"]),
        (["Anna:f", "his"], []),  # no agreeing person: dropped
        (["he"], []),
        # a person of unknown gender agrees with any pronoun ...
        (["Lee", "she"], ["she>lee"]),
        (["Jonas:m", "Lee", "he"], ["he>lee"]),
        # ... and a pronoun that resolved to them teaches their gender
        (["Jonas:m", "Lee", "she", "he"], ["she>lee", "he>jonas"]),
        # bodies are no antecedents
        (["Acme!", "he"], []),
        (["Jonas:m", "Acme!", "he"], ["he>jonas"]),
        # chains: a resolved pronoun is itself a mention of its antecedent
        (["Anna:f", "she", "her"], ["she>anna", "her>anna"]),
        (["Anna:f", "Jonas:m", "she", "him"], ["she>anna", "him>jonas"]),
        # a name describing another person is passed over for that person ...
        (["Jonas:m", "Gartner~", "he"], ["he>jonas"]),
        (["Lee", "Gartner~", "she"], ["she>lee"]),
        # ... unless no one else agrees
        (["Gartner~", "he"], ["he>gartner"]),
        (["Anna:f", "Gartner~", "he"], ["he>gartner"]),
    ],
)
def test_gender_agreement(words: list[str], expected: list[str]) -> None:
    assert _keys(_mentions(*words), [0]) == expected


def test_names_pass_through_with_their_own_keys() -> None:
    raw = _mentions("Jonas:m", "Acme!", "he")
    resolved = resolve_pronouns(raw, [0])
    assert [(m.surface, m.key) for m in resolved] == [
        ("Jonas", "jonas"),
        ("Acme", "acme"),
        ("he", "jonas"),
    ]


@pytest.mark.parametrize(
    ("words", "paragraphs", "max_back", "expected"),
    [
        (["Jonas:m", "|", "he"], [0, 0], 1, ["he>jonas"]),  # same paragraph
        (["Jonas:m", "|", "he"], [0, 1], 1, ["he>jonas"]),  # the paragraph before
        (["Jonas:m", "|", "he"], [0, 2], 1, []),  # too far back
        (["Jonas:m", "|", "he"], [0, 2], 2, ["he>jonas"]),  # unless allowed
        (["Jonas:m", "|", "he"], [0, 1], 0, []),
        (["Jonas:m", "|", "he"], [None, 0], 1, []),  # a line outside the paragraphs
        (["Jonas:m", "|", "he"], [0, None], 1, []),
        # the search stops at the first person too far back, even if it agrees
        (["Jonas:m", "|", "Anna:f", "|", "he"], [0, 2, 2], 1, []),
    ],
)
def test_paragraph_distance(
    words: list[str], paragraphs: list[int | None], max_back: int, expected: list[str]
) -> None:
    assert _keys(_mentions(*words), paragraphs, max_back=max_back) == expected


@pytest.mark.parametrize(
    ("words", "quoted", "speakers", "expected"),
    [
        # Jonas at 0-5, Erik at 10-14, "he" at 20-22
        # outside a quote, people named inside quotes are skipped
        (["Jonas:m", "Erik:m", "he"], [(10, 15)], [], ["he>jonas"]),
        (["Erik:m", "he"], [(0, 5)], [], []),
        # inside a quote, people inside it are fine ...
        (["Jonas:m", "Erik:m", "he"], [(8, 25)], [], ["he>erik"]),
        # ... and people outside it too, but not the speakers of speech verbs
        (["Jonas:m", "Erik:m", "he"], [(18, 30)], [], ["he>erik"]),
        (["Jonas:m", "Erik:m", "he"], [(18, 30)], [(10, 14)], ["he>jonas"]),
        (["Erik:m", "he"], [(8, 20)], [(0, 4)], []),
        # a speaker is skipped only from inside a quote
        (["Jonas:m", "Erik:m", "he"], [], [(10, 14)], ["he>erik"]),
    ],
)
def test_quote_awareness(
    words: list[str],
    quoted: list[tuple[int, int]],
    speakers: list[tuple[int, int]],
    expected: list[str],
) -> None:
    raw = _mentions(*words)
    assert _keys(raw, [0], quoted=quoted, speakers=speakers) == expected


def test_pronouns_take_the_nearest_agreeing_person(nlp: Language) -> None:
    text = "Mr. Jonas Berg met Anna Lind. She said the deal was fair."
    doc = nlp(text)
    starts = [s.start_char for s in doc.sents]
    raw, _ = mentions_of(doc)
    numbered = [replace(m, sentence=sum(1 for a in starts if a <= m.start) - 1) for m in raw]
    resolved = resolve_pronouns(numbered, [0, 0])
    she = [m for m in resolved if m.kind is MentionKind.PRONOUN]
    assert [(m.surface, m.key) for m in she] == [("She", "anna lind")]


# --------------------------------------------------------------------------- whole articles


@pytest.mark.parametrize(
    ("body", "pronoun", "key"),
    [
        (
            "Ms. Maria Costa met Mr. Paulo Reis in Lisbon on Monday.\n\n"
            "She said the talks had gone well.",
            "She said",
            "maria costa",
        ),
        (
            "Ms. Dana Whitfield met Mr. Omar Haddad in Amman.\n\n"
            "He said the border would stay open.",
            "He said",
            "omar haddad",
        ),
        (
            "Mr. Olaf Scholz spoke after Ms. Ursula Keller.\n\nHis speech was short.",
            "His speech",
            "olaf scholz",
        ),
        # a pronoun outside the quote is not the person the quote names
        (
            "Paulo Reis listened. “Maria Costa is wrong,” he said.",
            "he said",
            "paulo reis",
        ),
        # inside a quote, "he" is not the speaker who frames it
        (
            "Paulo Reis left early. Tomas Silva warned: “If he walks out, we lose.”",
            "he walks",
            "paulo reis",
        ),
    ],
)
def test_pronouns_in_articles(
    nlp: Language, tmp_path: Path, body: str, pronoun: str, key: str
) -> None:
    text = f"Trade talks\n\n{body}\n"
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (processed,) = process([ingest(path, "article", read_bytes(path))], nlp)
    at = processed.document.text.index(pronoun)
    (mention,) = [m for m in processed.mentions if m.start == at]
    assert mention.key == key


@pytest.mark.parametrize(
    ("body", "pronoun"),
    [
        # three paragraphs back is too far
        (
            "Paulo Reis arrived early.\n\nThe talks began at noon.\n\nThe room was cold.\n\n"
            "He left before dinner.",
            "He left",
        ),
        # no agreeing person at all
        ("Ms. Maria Costa arrived early.\n\nHe left before dinner.", "He left"),
    ],
)
def test_pronouns_with_no_antecedent_are_dropped(
    nlp: Language, tmp_path: Path, body: str, pronoun: str
) -> None:
    text = f"Trade talks\n\n{body}\n"
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (processed,) = process([ingest(path, "article", read_bytes(path))], nlp)
    at = processed.document.text.index(pronoun)
    assert not [m for m in processed.mentions if m.start == at]
