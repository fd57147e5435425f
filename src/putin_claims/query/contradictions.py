"""Passages that contradict a stored claim: the same actor, the same content, the opposite
polarity.

`check` labels a passage *contradicts* when the actor's assertion covers the typed claim's
content but states it the other way round (one side negated, or a refusal against an aim).
The same test, applied to a stored claim's statement (its medoid assertion) against the
actor's other assertions, gives the passages a report shows beside the supporting ones, with
one difference: a refusal counts as a goal turned round, so "refuses X" and "does not want X"
agree (`check`'s rule would oppose them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from putin_claims.corpus.families import Families
from putin_claims.corpus.grouping import KIND_GROUPS, merged_evidence
from putin_claims.corpus.similarity import NEGATION, Weights, bag, coverage
from putin_claims.models import GOAL_KINDS, AssertionKind, AssertionRow, Claim, Evidence
from putin_claims.store import Store
from putin_claims.tuning import TUNING

#: Kinds that can contradict each other: aims and demands against refusals.
_GOALS_AND_REFUSALS = GOAL_KINDS | {AssertionKind.REFUSAL}


def positive(r: AssertionRow) -> bool:
    """The assertion states its content as so: neither or both of cue and content negated."""
    return r.negated == (NEGATION in r.terms.split())


def stance(r: AssertionRow) -> bool:
    """For the content or against it: a refusal is against what it refuses, and a negation
    turns either ("will not refuse X" is for X)."""
    return positive(r) != (r.kind is AssertionKind.REFUSAL)


def opposed(a: AssertionRow, b: AssertionRow) -> bool:
    """One states the other's content the other way round: "will seek concessions" against
    "does not intend to make concessions", "refuses X" against "wants X"; "refuses X" and
    "does not want X" agree."""
    return stance(a) != stance(b)


def _comparable(a: AssertionKind, b: AssertionKind) -> bool:
    if {a, b} <= _GOALS_AND_REFUSALS:
        return True
    return KIND_GROUPS[a] == KIND_GROUPS[b]


def contradicting(
    store: Store, found: Sequence[Claim], families: Families
) -> dict[str, tuple[Evidence, ...]]:
    """Per claim id, the passages of the same actor that state its content the other way
    round (coverage of the statement's concepts at least the `check` support threshold), best
    first; claims with none are left out."""
    key_actors = store.key_actors()
    rows = [r for r in store.assertion_rows() if r.actor]
    by_id = {r.assertion_id: r for r in rows}
    bags = {r.assertion_id: bag(r.terms, key_actors) for r in rows}
    weights = Weights.of(bags.values())
    members: dict[str, list[int]] = defaultdict(list)
    for m in store.claim_rows():
        members[m.claim_id].append(m.assertion_id)  # best member (the statement) first
    by_family: dict[str, list[AssertionRow]] = defaultdict(list)
    for r in rows:
        assert r.actor is not None
        by_family[families.head(r.actor)].append(r)
    out: dict[str, tuple[Evidence, ...]] = {}
    for claim in found:
        ids = members.get(claim.id, [])
        if not ids or ids[0] not in by_id:
            continue
        hits = _against(by_id[ids[0]], set(ids), by_family[claim.actor], bags, weights)
        if hits:
            out[claim.id] = tuple(merged_evidence(hits, families))
    return out


def _against(
    head: AssertionRow,
    own: set[int],
    candidates: Sequence[AssertionRow],
    bags: Mapping[int, frozenset[str]],
    weights: Weights,
) -> list[tuple[float, AssertionRow]]:
    wanted = bags[head.assertion_id]
    out = []
    for r in candidates:
        if r.assertion_id in own or not _comparable(head.kind, r.kind) or not opposed(head, r):
            continue
        score = coverage(wanted, bags[r.assertion_id], weights)
        if score >= TUNING.support_threshold:
            out.append((round(score, 3), r))
    return out
