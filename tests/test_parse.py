"""Reading a typed claim (`query/parse.py`): actor, family, kind and polarity, on the seeds.

The claim goes through the same spaCy components as the articles, so its actor is found by
the mention finder and resolved through the corpus's own keys.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.corpus.families import Families
from putin_claims.models import AssertionKind, CheckLabel
from putin_claims.query.check import check
from putin_claims.query.parse import parse_query
from putin_claims.store import Store

CASES = [
    # claim, actor, family (whose objectives it counts for), kind, negated
    ("The Russian president demands an end to military aid", "vladimir-putin",
     "vladimir-putin", AssertionKind.DEMAND, False),
    ("Moscow wants limits on Ukraine's army", "russia", "vladimir-putin",
     AssertionKind.OBJECTIVE, False),
    ("The Kremlin insists that Ukraine never joins NATO", "russia", "vladimir-putin",
     AssertionKind.DEMAND, False),  # the demand is not negated; what it demands is
    ("Mr. Putin seeks influence over Ukraine's politics", "vladimir-putin", "vladimir-putin",
     AssertionKind.OBJECTIVE, False),
    ("Trump says Zelensky must accept a ceasefire", "donald-trump", "donald-trump",
     AssertionKind.DEMAND, False),  # "must": the speaker demands it
    ("Putin refuses a ceasefire", "vladimir-putin", "vladimir-putin", AssertionKind.REFUSAL,
     False),
    ("Putin does not want Ukraine in NATO", "vladimir-putin", "vladimir-putin",
     AssertionKind.REFUSAL, False),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_typed_claim_is_read_like_an_article_sentence(
    case: tuple[str, str, str, AssertionKind, bool], seed_store: Store, nlp: Language
) -> None:
    claim, actor, family, kind, negated = case
    families = Families.load(seed_store)
    query = parse_query(
        claim, nlp, list(families.actors.values()), families, seed_store.key_actors()
    )
    assert query.actor is not None and query.actor.actor_id == actor
    assert (query.family, query.kind, query.negated) == (family, kind, negated)
    assert query.terms  # the claim says something besides its actor and cue


def test_a_claim_naming_no_stored_actor_has_none(seed_store: Store, nlp: Language) -> None:
    families = Families.load(seed_store)
    query = parse_query(
        "Higher rents worry tenants", nlp, list(families.actors.values()), families, {}
    )
    assert (query.actor, query.family) == (None, None)


def test_a_negative_content_is_not_a_negated_claim(seed_store: Store, nlp: Language) -> None:
    """What is demanded may be negative ("that Ukraine never joins"): the passages that demand
    the same support the claim, they do not contradict it."""
    result = check(seed_store, "The Kremlin insists that Ukraine never joins NATO", nlp, top=5)
    labels = [h.label for h in result.hits]
    assert CheckLabel.CONTRADICTS not in labels
    assert result.supporting_sources == 3 and result.contradicting_sources == 0


def test_a_claim_the_passages_deny_is_contradicted(seed_store: Store, nlp: Language) -> None:
    """The three passages on NATO say Putin wants Ukraine never to join: the opposite claim is
    contradicted by them, supported by none."""
    result = check(seed_store, "Putin wants Ukraine to join NATO", nlp, top=10)
    assert (result.supporting_sources, result.contradicting_sources) == (0, 3)
    # 001 and 002 (its copy) are one independent news source, 003 is an opinion piece
    assert result.verdict == (
        "supported by 0 of 5 sources (0 independent); contradicted by 3 (1 independent, 1 opinion)"
    )
    assert result.independent_contradicting_sources == 1
    assert result.opinion_contradicting_sources == 1
    assert all(h.label is not CheckLabel.SUPPORTS for h in result.hits)
