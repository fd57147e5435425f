"""Cue nouns (``nlp/assertions/nouns.py``): content, possessor, "for X", clause subject."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.components import assertions_of

Row = tuple[str, str, str, str, str]


def _read(nlp: Language, sentence: str) -> list[Row]:
    return [
        (a.kind, a.cue, a.actor_text, a.actor_source, a.content)
        for a in assertions_of(nlp(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the copula's complement; the possessor is the actor
        ("Sweden's goal is to cut emissions by half.",
         ("objective", "goal", "Sweden", "possessor", "to cut emissions by half")),
        ("The president's priority is a stable currency.",
         ("objective", "priority", "The president", "possessor", "a stable currency")),
        ("The union's demand is that the factory stays open.",
         ("demand", "demand", "The union", "possessor", "that the factory stays open")),
        ("Farmers' demands include lower diesel taxes.",
         ("demand", "demand", "Farmers", "possessor", "lower diesel taxes")),
        # the clause subject is the content ("X is the goal")
        ("Lower inflation is the central bank's top priority.",
         ("objective", "priority", "the central bank", "possessor", "Lower inflation")),
        ("For Argentina, debt relief is the main objective.",
         ("objective", "objective", "Argentina", "for_phrase", "debt relief")),
        ("For Lithuania, any annexation of territory is a red line.",
         ("demand", "red line", "Lithuania", "for_phrase", "any annexation of territory")),
        ("From Seoul's perspective, the priority is a stable peninsula.",
         ("objective", "priority", "Seoul", "for_phrase", "a stable peninsula")),
        # an infinitive or prepositional complement of the noun
        ("Ukraine's bid to join the alliance stalled.",
         ("objective", "bid", "Ukraine", "possessor", "to join the alliance")),
        ("Kyiv's ambition to join the bloc is well known.",
         ("objective", "ambition", "Kyiv", "possessor", "to join the bloc")),
        ("The envoy's refusal to attend the summit surprised diplomats.",
         ("refusal", "refusal", "The envoy", "possessor", "to attend the summit")),
        ("The readiness of the coalition to continue the strikes surprised observers.",
         ("offer", "readiness", "the coalition", "possessor", "to continue the strikes")),
        ("Ecuador's demand for the return of the assets was rejected.",
         ("demand", "demand", "Ecuador", "possessor", "the return of the assets")),
        ("Officials stressed the need to rebuild the bridge.",
         ("demand", "need", "Officials", "subject", "to rebuild the bridge")),
        ("Italy has an interest in buying the port.",
         ("objective", "interest", "Italy", "subject", "buying the port")),
        # a goal noun that says enough itself
        ("The general outlined his war aims.",
         ("objective", "aim", "his", "possessor", "war aims")),
        ("Beijing's regional ambitions worry its neighbours.",
         ("objective", "ambition", "Beijing", "possessor", "regional ambitions")),
    ],
)  # fmt: skip
def test_cue_nouns(nlp: Language, sentence: str, expected: Row) -> None:
    assert _read(nlp, sentence) == [expected]


def test_no_before_the_noun_negates_it(nlp: Language) -> None:
    (found,) = assertions_of(nlp("Seoul has no intention of leaving the talks."))
    assert (found.kind, found.cue, found.actor_text, found.content) == (
        "objective",
        "intention",
        "Seoul",
        "leaving the talks",
    )
    assert found.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody knows his true objective.",  # a vague modifier says nothing about the goal
        "The board's main objective remains unclear.",
        "The bank showed interest.",  # "interest" cues only with "in"
        "The regions have an interest.",
    ],
)
def test_nouns_that_say_nothing(nlp: Language, sentence: str) -> None:
    assert _read(nlp, sentence) == []
