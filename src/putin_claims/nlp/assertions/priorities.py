"""'What matters (most) is X and Y': X and Y are the priorities of the paragraph's actor."""

from __future__ import annotations

from putin_claims.models import AssertionKind
from putin_claims.nlp.assertions.actor import context_actor
from putin_claims.nlp.assertions.build import records
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.labels import ATTR
from putin_claims.nlp.assertions.lists import split_items
from putin_claims.nlp.assertions.patterns import PRIORITY
from putin_claims.nlp.assertions.records import Cue, RawAssertion
from putin_claims.nlp.assertions.spans import clean_range, subtree_range


def what_matters(s: Sentence) -> list[RawAssertion]:
    """The items of the copula's complement after the sentence's first "what matters"."""
    anchors = s.hits.anchors(PRIORITY, s.start, s.end)
    if not anchors:
        return []
    tok = anchors[0]
    values = [c for c in tok.head.children if c.dep_ == ATTR and c.i > tok.i]
    if not values:
        return []
    first, last = values[0].left_edge.i, subtree_range(values[0])[1]
    items = split_items(s, first, last + 1) or [clean_range((first, last), s.span, s.words)]
    (_verb, what) = s.hits.trees(PRIORITY, tok)[0]
    cue = Cue(tok, AssertionKind.OBJECTIVE, f"{what.lower_} {tok.lower_}", context_actor(tok))
    return records(s, cue, items, item=True)
