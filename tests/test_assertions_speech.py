"""Speech, belief, stance and obligation (``nlp/assertions/speech.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.components import assertions_of

Row = tuple[str, str, str, str]


def _read(nlp: Language, sentence: str) -> list[Row]:
    return [(a.kind, a.cue, a.actor_text, a.content) for a in assertions_of(nlp(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister said that the talks had stalled.",
         ("statement", "say", "The minister", "the talks had stalled")),
        ("The envoy told reporters that the ceasefire was holding.",
         ("statement", "tell", "The envoy", "the ceasefire was holding")),
        ("The spokeswoman denied that troops had crossed the border.",
         ("statement", "deny", "The spokeswoman", "troops had crossed the border")),
        ("Critics argue that the law violates the constitution.",
         ("statement", "argue", "Critics", "the law violates the constitution")),
        ("She warned that prices would rise further.",
         ("statement", "warn", "She", "prices would rise further")),
        ("The premier has made clear that taxes will not rise.",
         ("statement", "make clear", "The premier", "taxes will not rise")),
        ("The governor believes that the reform will fail.",
         ("assessment", "believe", "The governor", "the reform will fail")),
        ("Analysts fear that the currency will collapse.",
         ("assessment", "fear", "Analysts", "the currency will collapse")),
        ("Analysts expected that the central bank would raise rates.",
         ("assessment", "expect", "Analysts", "the central bank would raise rates")),
        # stance: a stance noun with a that-clause
        ("The senator expressed doubt that the bill would pass.",
         ("assessment", "express doubt", "The senator", "the bill would pass")),
        ("Aid groups voiced concern that food supplies were running low.",
         ("assessment", "voice concern", "Aid groups", "food supplies were running low")),
    ],
)  # fmt: skip
def test_speech_and_stance(nlp: Language, sentence: str, expected: Row) -> None:
    (found,) = assertions_of(nlp(sentence))
    assert (found.kind, found.cue, found.actor_text, found.content) == expected
    assert not found.negated


def test_negated_speech_keeps_its_kind(nlp: Language) -> None:
    (found,) = assertions_of(nlp("The minister did not say that the plan had failed."))
    assert (found.kind, found.content, found.negated) == ("statement", "the plan had failed", True)


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        ("“Europe must protect its farmers,” the Irish minister said.",
         "the Irish minister", "say: must", "Europe must protect its farmers"),
        ("The mayor said the city has to cut its debt.",
         "The mayor", "say: have to", "the city has to cut its debt"),
        ("The coach said that the team should train harder.",
         "The coach", "say: should", "the team should train harder"),
    ],
)  # fmt: skip
def test_an_obligation_in_speech_is_also_the_speakers_demand(
    nlp: Language, sentence: str, speaker: str, cue: str, content: str
) -> None:
    assert _read(nlp, sentence) == [
        ("statement", cue.partition(":")[0], speaker, content),
        ("demand", cue, speaker, content),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator expressed concern about the bill.",  # a stance noun without a clause
        "The ads were meant to make voters believe that the economy was booming.",
    ],
)
def test_speech_rules_that_find_nothing(nlp: Language, sentence: str) -> None:
    assert _read(nlp, sentence) == []
