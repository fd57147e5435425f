"""Actions (``nlp/assertions/actions.py``): what a named actor does."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.components import assertions_of


@pytest.mark.parametrize(
    ("sentence", "expected", "negated"),
    [
        ("Chancellor Merkel signed the treaty on Tuesday.",
         ("sign", "Chancellor Merkel", "signed the treaty on Tuesday"), False),
        ("She visited the flooded villages.",
         ("visit", "She", "visited the flooded villages"), False),
        ("Microsoft bought a gaming studio.",
         ("buy", "Microsoft", "bought a gaming studio"), False),
        ("President Lula flew to Beijing.",
         ("fly", "President Lula", "flew to Beijing"), False),
        ("Peru did not sign the accord.",
         ("sign", "Peru", "sign the accord"), True),
    ],
)  # fmt: skip
def test_actions_of_named_actors(
    nlp: Language, sentence: str, expected: tuple[str, str, str], negated: bool
) -> None:
    (found,) = assertions_of(nlp(sentence))
    assert found.kind == "action"
    assert (found.cue, found.actor_text, found.content) == expected
    assert found.negated is negated


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee signed the report.",  # the subject names no actor
        "Analysts expected a strike.",  # a cue verb, not an action
        "Ms Sturgeon slept.",  # nothing done to anything
        "The premier seemed tired.",  # a hedge verb
    ],
)
def test_no_action(nlp: Language, sentence: str) -> None:
    assert [a for a in assertions_of(nlp(sentence)) if a.kind == "action"] == []
