"""Lists of contents (``nlp/assertions/lists.py``, ``priorities.py``): one assertion per item."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.models import GOAL_KINDS
from putin_claims.nlp.components import assertions_of


@pytest.mark.parametrize(
    ("sentence", "cue", "items"),
    [
        # after a list marker
        ("Ghana has several priorities, including cheaper electricity, new roads and better "
         "schools.", ("objective", "priority", "Ghana"),
         ["cheaper electricity", "new roads", "better schools"]),
        ("Vietnam's objectives include expanding exports, attracting investors and upgrading "
         "its ports.", ("objective", "objective", "Vietnam"),
         ["expanding exports", "attracting investors", "upgrading its ports"]),
        ("The union listed its demands, namely higher pay, shorter shifts and safer wards.",
         ("demand", "demand", "its"), ["higher pay", "shorter shifts", "safer wards"]),
        ("Mexico listed several goals, such as a prisoner exchange and the reopening of the "
         "airport.", ("objective", "goal", "Mexico"),
         ["a prisoner exchange", "the reopening of the airport"]),
        # coordinated complements
        ("Kenya wants to build new dams and expand its power grid.",
         ("objective", "want", "Kenya"), ["to build new dams", "expand its power grid"]),
        ("Peru's president plans to visit Beijing and sign a trade deal.",
         ("objective", "plan to", "Peru's president"), ["to visit Beijing", "sign a trade deal"]),
        ("The party seeks a reduction in taxes and an end to the draft.",
         ("objective", "seek", "The party"), ["a reduction in taxes", "an end to the draft"]),
        # parallel verbs the parser attached elsewhere
        ("The plan aims to lock in gains, buy time, and restore order.",
         ("objective", "aim", "The plan"), ["to lock in gains", "buy time", "restore order"]),
        # "what matters is": the paragraph's actor, resolved later
        ("What matters most is job creation and lower inflation.",
         ("objective", "what matters", ""), ["job creation", "lower inflation"]),
        ("What counts for voters is a stable economy.",
         ("objective", "what counts", ""), ["a stable economy"]),
    ],
)  # fmt: skip
def test_one_assertion_per_item(
    nlp: Language, sentence: str, cue: tuple[str, str, str], items: list[str]
) -> None:
    goals = [a for a in assertions_of(nlp(sentence)) if a.kind in GOAL_KINDS]
    assert [a.content for a in goals] == items
    assert {(a.kind, a.cue, a.actor_text) for a in goals} == {cue}
    text = nlp(sentence).text
    assert all(text[a.start : a.end] == a.content for a in goals)
