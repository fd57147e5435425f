"""Hedges and attribution (``nlp/assertions/hedges.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.models import Hedge
from putin_claims.nlp.assertions.records import RawAssertion
from putin_claims.nlp.components import assertions_of


def _goal(nlp: Language, sentence: str) -> RawAssertion:
    found = [a for a in assertions_of(nlp(sentence)) if a.kind not in ("statement", "assessment")]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "content", "hedge", "cue"),
    [
        # modals
        ("Austria may seek a delay of the vote.", "a delay of the vote", Hedge.HEDGED, "may"),
        ("The regulator might block the merger.", "the merger", Hedge.HEDGED, "might"),
        ("Venezuela could demand compensation for the seized assets.",
         "compensation for the seized assets", Hedge.HEDGED, "could"),
        # adverbs
        ("The firm reportedly wants to sell its stake.", "to sell its stake", Hedge.HEDGED,
         "reportedly"),
        ("Perhaps the rebels want a ceasefire.", "a ceasefire", Hedge.HEDGED, "perhaps"),
        # appear, seem, likely
        ("The minister seems to favour a compromise.", "a compromise", Hedge.HEDGED, "seem"),
        ("The mayor seemed eager to settle the dispute.", "to settle the dispute", Hedge.HEDGED,
         "seem"),
        ("The bank appears unlikely to reject the bid.", "the bid", Hedge.HEDGED, "appear"),
        ("The council is likely to reject the plan.", "the plan", Hedge.HEDGED, "likely"),
        # passive report verbs
        ("The senator is said to want a recount of the ballots.", "a recount of the ballots",
         Hedge.HEDGED, "say"),
        ("The king is believed to oppose the new constitution.", "the new constitution",
         Hedge.HEDGED, "believe"),
        # conditional: "would", an "if" clause
        ("Finland would accept the compromise.", "the compromise", Hedge.CONDITIONAL, "would"),
        ("The union will strike if management seeks more job cuts.", "more job cuts",
         Hedge.CONDITIONAL, "if"),
        # none
        ("Portugal wants a delay of the vote.", "a delay of the vote", Hedge.ASSERTED, None),
        ("The council will reject the plan.", "the plan", Hedge.ASSERTED, None),
    ],
)  # fmt: skip
def test_hedges(nlp: Language, sentence: str, content: str, hedge: Hedge, cue: str | None) -> None:
    found = _goal(nlp, sentence)
    assert (found.content, found.hedge, found.hedge_cue) == (content, hedge, cue)
    assert found.attributed_text is None


@pytest.mark.parametrize(
    ("sentence", "goal", "report"),
    [
        ("According to the Financial Times, the bank plans to cut 500 jobs.",
         ("plan to", "the bank"), (Hedge.REPORTED, "according to", "the Financial Times")),
        ("The spokesman said that Colombia would seek new loans.",
         ("seek", "Colombia"), (Hedge.REPORTED, "say", "The spokesman")),
        ("Analysts believe that Ankara wants a bigger role in the region.",
         ("want", "Ankara"), (Hedge.REPORTED, "believe", "Analysts")),
        # a stronger hedge wins over the report
        ("According to diplomats, Oslo may offer to host the talks.",
         ("offer", "Oslo"), (Hedge.HEDGED, "may", "diplomats")),
        # "it" is the subject of the speech verb above
        ("Ankara says it will seek new partners.",
         ("seek", "Ankara"), (Hedge.REPORTED, "say", "Ankara")),
        ("Oslo acknowledged it may consider a new tax.",
         ("consider", "Oslo"), (Hedge.HEDGED, "may", "Oslo")),
    ],
)  # fmt: skip
def test_attribution(
    nlp: Language, sentence: str, goal: tuple[str, str], report: tuple[Hedge, str, str]
) -> None:
    found = _goal(nlp, sentence)
    assert (found.cue, found.actor_text) == goal
    assert (found.hedge, found.hedge_cue, found.attributed_text) == report
    assert found.attributed_start is not None and found.attributed_end is not None
