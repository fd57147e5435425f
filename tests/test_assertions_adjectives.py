"""Cue adjectives (``nlp/assertions/adjectives.py``): "intent on X", "ready to X"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.components import assertions_of

Row = tuple[str, str, str, str]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The coalition is determined to pass the budget.",
         ("objective", "determined to", "The coalition", "to pass the budget")),
        ("She is keen to avoid another lockdown.",
         ("objective", "keen to", "She", "to avoid another lockdown")),
        ("Farmers are keen on new export markets.",
         ("objective", "keen on", "Farmers", "new export markets")),
        ("The farmers are eager for a new subsidy scheme.",
         ("objective", "eager for", "The farmers", "a new subsidy scheme")),
        ("Lisbon remains committed to cutting the deficit.",
         ("objective", "committed to", "Lisbon", "cutting the deficit")),
        ("The premier, intent on winning a third term, called an early vote.",
         ("objective", "intent on", "The premier", "winning a third term")),
        ("Iran is ready for direct negotiations with Washington.",
         ("offer", "ready for", "Iran", "direct negotiations with Washington")),
        ("Tehran is amenable to a prisoner swap.",
         ("offer", "amenable to", "Tehran", "a prisoner swap")),
        ("Hungary is unwilling to lift its veto.",
         ("refusal", "unwilling to", "Hungary", "to lift its veto")),
        ("Madrid is reluctant to raise taxes.",
         ("refusal", "reluctant to", "Madrid", "to raise taxes")),
        # a negated offer is a refusal
        ("The new cabinet is not ready to cut spending.",
         ("refusal", "ready to", "The new cabinet", "to cut spending")),
    ],
)  # fmt: skip
def test_cue_adjectives(nlp: Language, sentence: str, expected: Row) -> None:
    (found,) = assertions_of(nlp(sentence))
    assert (found.kind, found.cue, found.actor_text, found.content) == expected
    assert not found.negated
