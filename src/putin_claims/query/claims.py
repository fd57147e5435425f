"""The claims queries: every stored claim, one actor's objectives, filtered lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from putin_claims.corpus.families import Families
from putin_claims.corpus.grouping import merged_evidence
from putin_claims.models import Actor, AssertionKind, Claim, ClaimMember, Hedge
from putin_claims.query.actors import find_actor
from putin_claims.store import Store

#: What `objectives` lists: aims, demands and red lines ("will not accept X").
OBJECTIVE_KINDS = frozenset({AssertionKind.OBJECTIVE, AssertionKind.DEMAND, AssertionKind.REFUSAL})
HEDGE_STRENGTH = {Hedge.ASSERTED: 0, Hedge.REPORTED: 1, Hedge.HEDGED: 2, Hedge.CONDITIONAL: 3}


def stored_claims(
    store: Store, families: Families | None = None, actor: str | None = None
) -> list[Claim]:
    """Every stored claim (or one actor's) with its evidence, best evidence first; only the
    assertions those claims hold are read."""
    families = families or Families.load(store)
    members = store.claim_rows(actor)
    ids = [m.assertion_id for m in members] if actor is not None else None
    rows = {r.assertion_id: r for r in store.assertion_rows(assertion_ids=ids)}
    grouped: dict[str, list[ClaimMember]] = defaultdict(list)
    for member in members:
        grouped[member.claim_id].append(member)
    out = []
    for claim_id, items in grouped.items():
        head = items[0]
        evidence = tuple(
            merged_evidence(((m.score, rows[m.assertion_id]) for m in items), families)
        )
        dates = sorted(e.date for e in evidence if e.date)
        out.append(
            Claim(
                id=claim_id,
                actor=head.actor,
                actor_name=families.name(head.actor),
                kind=head.kind,
                statement=head.statement,
                evidence=evidence,
                **families.corroboration(e.doc_id for e in evidence).model_dump(),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
                vague=all(rows[m.assertion_id].vague for m in items),
            )
        )
    return _ranked(out)


def _ranked(claims: Iterable[Claim]) -> list[Claim]:
    def strength(c: Claim) -> int:
        return min((HEDGE_STRENGTH[e.hedge] for e in c.evidence), default=9)

    return sorted(
        claims,
        key=lambda c: (
            -c.n_independent_sources,
            -c.n_sources,
            -len(c.evidence),
            strength(c),
            c.statement,
        ),
    )


def claims(
    store: Store,
    actor: str | None = None,
    min_sources: int = 1,
    kinds: Iterable[AssertionKind] = (),
    families: Families | None = None,
    *,
    include_vague: bool = False,
    min_independent: int = 0,
) -> list[Claim]:
    """All claims, optionally of one actor's family, of some kinds, with enough sources (all
    documents, and independent news groups); vague ones (every member's content says too
    little) only with ``include_vague``."""
    wanted_kinds = set(kinds)
    families = families or Families.load(store)
    family = None
    if actor is not None:
        named = find_actor(actor, list(families.actors.values()), store.key_actors())
        family = families.head(named.actor_id)
    return [
        c
        for c in stored_claims(store, families, family)
        if (family is None or c.actor == family)
        and (not wanted_kinds or c.kind in wanted_kinds)
        and c.n_sources >= min_sources
        and c.n_independent_sources >= min_independent
        and (include_vague or not c.vague)
    ]


def objectives(
    store: Store, actor: str, strict: bool = False, include_vague: bool = False
) -> tuple[Actor, list[Claim]]:
    """One actor's objectives and demands as claims; ``strict`` drops what his government says;
    vague claims ("the issue", "more demands") only with ``include_vague``."""
    families = Families.load(store)
    found = find_actor(actor, list(families.actors.values()), store.key_actors())
    family = families.head(found.actor_id)
    out = []
    for claim in stored_claims(store, families, family):
        if not listed(claim, family, include_vague):
            continue
        if strict:
            kept = tuple(e for e in claim.evidence if not e.via_government)
            if kept:
                docs = {e.doc_id for e in kept}
                update = {"evidence": kept, **families.corroboration(docs).model_dump()}
                out.append(claim.model_copy(update=update))
            continue
        out.append(claim)
    return families.actors.get(family, found), _ranked(out)


def listed(claim: Claim, family: str, include_vague: bool = False) -> bool:
    """The claim is one of the family's objectives as `objectives` lists them."""
    return (
        claim.actor == family
        and claim.kind in OBJECTIVE_KINDS
        and (include_vague or not claim.vague)
    )
