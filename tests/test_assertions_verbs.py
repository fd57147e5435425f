"""Cue verbs with their complements (``nlp/assertions/verbs.py``, ``conditions.py``).

Each row is a sentence and every assertion a reader should take from it: kind, cue, the
actor as written, the content.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.models import Hedge
from putin_claims.nlp.components import assertions_of

Row = tuple[str, str, str, str]


def _read(nlp: Language, sentence: str) -> list[Row]:
    return [(a.kind, a.cue, a.actor_text, a.content) for a in assertions_of(nlp(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # xcomp after the verb
        ("Brazil wants to expand its ethanol exports.",
         ("objective", "want", "Brazil", "to expand its ethanol exports")),
        ("Spain intends to raise the minimum wage.",
         ("objective", "intend", "Spain", "to raise the minimum wage")),
        ("The premier tried to calm the markets.",
         ("objective", "try", "The premier", "to calm the markets")),
        ("Mexico will seek to renegotiate the water treaty.",
         ("objective", "seek", "Mexico", "to renegotiate the water treaty")),
        ("The mayor plans to close the coal plant next year.",
         ("objective", "plan to", "The mayor", "to close the coal plant next year")),
        ("The ministry expects to complete the pipeline in 2026.",
         ("objective", "expect to", "The ministry", "to complete the pipeline in 2026")),
        ("The airline is looking to cut costs.",
         ("objective", "look to", "The airline", "to cut costs")),
        ("The prime minister wants Scotland to remain in the union.",
         ("objective", "want", "The prime minister", "Scotland to remain in the union")),
        # direct object
        ("The Kenyan government seeks a new loan from the IMF.",
         ("objective", "seek", "The Kenyan government", "a new loan from the IMF")),
        ("The union demanded higher wages.", ("demand", "demand", "The union", "higher wages")),
        ("Mexico will request additional funding from the bank.",
         ("demand", "request", "Mexico", "additional funding")),
        ("What the premier wants is a second term.",
         ("objective", "want", "the premier", "a second term")),
        # a content preposition's object
        ("Japan aims at a balanced budget.", ("objective", "aim", "Japan", "a balanced budget")),
        ("Canada insisted on a review of the tariffs.",
         ("demand", "insist", "Canada", "a review of the tariffs")),
    ],
)  # fmt: skip
def test_verb_complements(nlp: Language, sentence: str, expected: Row) -> None:
    assert _read(nlp, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The opposition is pushing for early elections.",
         ("demand", "push for", "The opposition", "early elections")),
        ("Egypt called for an immediate ceasefire in the region.",
         ("demand", "call for", "Egypt", "an immediate ceasefire in the region")),
        ("The farmers asked for more time.", ("demand", "ask for", "The farmers", "more time")),
        ("Poland is pressing for tougher sanctions on Minsk.",
         ("demand", "press for", "Poland", "tougher sanctions on Minsk")),
        ("Greenpeace is pushing to ban deep-sea mining.",
         ("demand", "push to", "Greenpeace", "to ban deep-sea mining")),
        ("Nigeria is working toward a regional trade pact.",
         ("objective", "work toward", "Nigeria", "a regional trade pact")),
        ("The committee ruled out a tax increase.",
         ("refusal", "rule out", "The committee", "a tax increase")),
    ],
)  # fmt: skip
def test_phrasal_verbs(nlp: Language, sentence: str, expected: Row) -> None:
    assert _read(nlp, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Portugal would like a larger share of the fund.",
         ("objective", "would like", "Portugal", "a larger share of the fund")),
        ("The farmers would prefer a gradual phase-out.",
         ("objective", "would prefer", "The farmers", "a gradual phase-out")),
        ("Kenya's president would love to host the summit.",
         ("objective", "would love", "Kenya's president", "to host the summit")),
        ("She'd like the rules to be simplified.",
         ("objective", "would like", "She", "the rules to be simplified")),
        ("The Greek government would like to attract more tourists.",
         ("objective", "would like", "The Greek government", "to attract more tourists")),
        ("The EU would prefer to avoid a trade war.",
         ("objective", "would prefer", "The EU", "to avoid a trade war")),
    ],
)  # fmt: skip
def test_would_like_is_an_unhedged_objective(nlp: Language, sentence: str, expected: Row) -> None:
    (found,) = assertions_of(nlp(sentence))
    assert (found.kind, found.cue, found.actor_text, found.content) == expected
    assert (found.hedge, found.hedge_cue) == (Hedge.ASSERTED, None)


@pytest.mark.parametrize(
    ("sentence", "expected", "negated"),
    [
        # a negated goal or a negated offer that can be refused is a refusal
        ("Norway does not want to join the bloc.",
         ("refusal", "want", "Norway", "to join the bloc"), False),
        ("The governor will not accept the proposal.",
         ("refusal", "accept", "The governor", "the proposal"), False),
        ("Chile has never sought a military alliance.",
         ("refusal", "seek", "Chile", "a military alliance"), False),
        ("The regulator did not consider the appeal.",
         ("refusal", "consider", "The regulator", "the appeal"), False),
        # refusal verbs
        ("The council refused to approve the budget.",
         ("refusal", "refuse", "The council", "to approve the budget"), False),
        ("Ghana rejected the terms of the loan.",
         ("refusal", "reject", "Ghana", "the terms of the loan"), False),
        ("The minister declined to comment on the report.",
         ("refusal", "decline", "The minister", "to comment on the report"), False),
        ("Australia opposes the construction of the dam.",
         ("refusal", "oppose", "Australia", "the construction of the dam"), False),
        # negation kept as a flag where it does not make a refusal
        ("Norway did not rule out a referendum.",
         ("refusal", "rule out", "Norway", "a referendum"), True),
        ("The defence minister did not rule out sending troops.",
         ("refusal", "rule out", "The defence minister", "sending troops"), True),
        ("The board did not offer a refund.", ("offer", "offer", "The board", "a refund"), True),
    ],
)  # fmt: skip
def test_refusals_and_negation(nlp: Language, sentence: str, expected: Row, negated: bool) -> None:
    (found,) = assertions_of(nlp(sentence))
    assert (found.kind, found.cue, found.actor_text, found.content) == expected
    assert found.negated is negated


@pytest.mark.parametrize(
    ("sentence", "offer", "condition", "marker"),
    [
        ("The rebels would accept a truce, provided the army withdraws.",
         "a truce", "the army withdraws", "provided"),
        ("Turkey would consider the offer as long as sanctions are lifted.",
         "the offer", "sanctions are lifted", "as long as"),
        ("The Swiss bank would consider a merger, unless regulators object.",
         "a merger", "regulators object", "unless"),
        ("Greece is willing to compromise, provided the deadline is extended.",
         "to compromise", "the deadline is extended", "provided"),
        # "once" is a time, not a condition
        ("The union will accept the deal once the vote is held.", "the deal", None, None),
        ("India offered to mediate between the two sides.",
         "to mediate between the two sides", None, None),
        ("The company proposed a merger with its rival.", "a merger with its rival", None, None),
        ("The government agreed to lower fuel taxes.", "to lower fuel taxes", None, None),
        ("The two sides promised to respect the ceasefire.",
         "to respect the ceasefire", None, None),
        ("The opposition leader pledged to cut fuel taxes.", "to cut fuel taxes", None, None),
    ],
)  # fmt: skip
def test_offers_and_their_conditions(
    nlp: Language, sentence: str, offer: str, condition: str | None, marker: str | None
) -> None:
    found = assertions_of(nlp(sentence))
    assert [a.content for a in found if a.kind == "offer"] == [offer]
    demands = [a for a in found if a.kind == "demand"]
    assert [(a.cue, a.content, a.hedge_cue) for a in demands] == (
        [("condition", condition, marker)] if condition else []
    )
    for a in demands:
        assert a.hedge is Hedge.CONDITIONAL
        assert a.actor_text == found[0].actor_text


def test_a_vow_to_veto_is_an_objective_and_a_refusal(nlp: Language) -> None:
    assert _read(nlp, "The Polish president vowed to veto the bill.") == [
        ("objective", "vow to", "The Polish president", "to veto the bill"),
        ("refusal", "veto", "The Polish president", "the bill"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Considering the risks, the bank raised rates.",  # a participle used as a preposition
        "A truce aimed at ending the fighting was signed.",  # a participle modifying a noun
        "The ads were meant to make voters believe that the economy was booming.",  # causative
    ],
)
def test_verbs_that_cue_nothing(nlp: Language, sentence: str) -> None:
    assert _read(nlp, sentence) == []
