"""Claims: assertions from every source that say the same thing, grouped.

Grouping (:func:`build_claims`, run by the corpus refresh after actor resolution) works per
actor *family* (a person together with the government he leads, so "the Kremlin insisted on
X" and "Putin demands X" meet) and per kind group (objectives and demands together;
refusals; offers; statements and assessments; actions). Candidate pairs come from an
inverted index over concepts, never from all pairs; each pair is scored with
:func:`similarity.lexical`, and average-linkage merging joins groups whose members are alike
on the whole.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from putin_claims.corpus.families import Families
from putin_claims.corpus.similarity import NEGATION, Weights, bag, lexical
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import AssertionKind, AssertionRow, Claim, Evidence
from putin_claims.store import Store
from putin_claims.tuning import TUNING

CLAIMS_VERSION = "3"

KIND_GROUPS: dict[AssertionKind, str] = {
    AssertionKind.OBJECTIVE: "goal",
    AssertionKind.DEMAND: "goal",
    AssertionKind.REFUSAL: "refusal",
    AssertionKind.OFFER: "offer",
    AssertionKind.STATEMENT: "say",
    AssertionKind.ASSESSMENT: "say",
    AssertionKind.ACTION: "action",
}
VERBS: dict[AssertionKind, str] = {
    AssertionKind.OBJECTIVE: "seeks",
    AssertionKind.DEMAND: "demands",
    AssertionKind.REFUSAL: "refuses",
    AssertionKind.OFFER: "offers",
    AssertionKind.STATEMENT: "says",
    AssertionKind.ASSESSMENT: "thinks",
    AssertionKind.ACTION: "does",
}


def build_claims(store: Store) -> int:
    """Group every stored assertion into claims and store them (one transaction)."""
    families = Families.load(store)
    key_actors = store.key_actors()
    rows = [r for r in store.assertion_rows() if r.actor]
    bags = {r.assertion_id: _bag(r, key_actors) for r in rows}
    weights = Weights.of(bags.values())
    buckets: dict[tuple[str, str], list[AssertionRow]] = defaultdict(list)
    for r in rows:
        assert r.actor is not None
        buckets[(families.head(r.actor), KIND_GROUPS[r.kind])].append(r)
    claims: list[Claim] = []
    members: list[list[tuple[int, float]]] = []
    for (family, _), bucket in sorted(buckets.items()):
        for group in _cluster(bucket, bags, weights):
            claim, ids = _claim(family, group, bags, weights, families)
            claims.append(claim)
            members.append(ids)
    store.replace_claims(claims, members)
    return len(claims)


def _bag(r: AssertionRow, key_actors: Mapping[str, str]) -> frozenset[str]:
    b = bag(r.terms, key_actors)
    return b | {NEGATION} if r.negated else b


def _candidate_pairs(
    rows: Sequence[AssertionRow], bags: Mapping[int, frozenset[str]], weights: Weights
) -> dict[tuple[int, int], float]:
    """Similarity of every pair of rows that shares a concept few of the rows carry.

    A concept is common in more than ``common_share`` of the rows or in more than
    ``group_postings_cap`` of them, so that no posting list grows with the corpus and the
    pairs scored grow linearly with a family's assertions."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for term in sorted(bags[r.assertion_id] - {NEGATION}):
            index[term].append(i)
    limit = min(max(2, int(TUNING.common_share * len(rows))), TUNING.group_postings_cap)
    pairs: dict[tuple[int, int], float] = {}
    for posting in (p for p in index.values() if len(p) <= limit):
        for i, j in itertools.combinations(posting, 2):
            if (i, j) not in pairs:
                pairs[(i, j)] = lexical(
                    bags[rows[i].assertion_id], bags[rows[j].assertion_id], weights
                )
    return pairs


def _cluster(
    rows: Sequence[AssertionRow], bags: Mapping[int, frozenset[str]], weights: Weights
) -> list[list[AssertionRow]]:
    """Average-linkage agglomeration over candidate pairs that share a telling concept."""
    pairs = _candidate_pairs(rows, bags, weights)
    groups: dict[int, list[int]] = {i: [i] for i in range(len(rows))}
    owner = list(range(len(rows)))

    def linkage(a: list[int], b: list[int]) -> float:
        total = math.fsum(pairs.get((min(x, y), max(x, y)), 0.0) for x in a for y in b)
        return total / (len(a) * len(b))

    for (i, j), score in sorted(pairs.items(), key=lambda p: (-p[1], p[0])):
        if score < TUNING.merge_threshold:
            break
        gi, gj = owner[i], owner[j]
        if gi == gj or linkage(groups[gi], groups[gj]) < TUNING.merge_threshold:
            continue
        groups[gi].extend(groups[gj])
        for k in groups.pop(gj):
            owner[k] = gi
    return [[rows[k] for k in sorted(g)] for g in groups.values()]


def _claim(
    family: str,
    group: Sequence[AssertionRow],
    bags: Mapping[int, frozenset[str]],
    weights: Weights,
    families: Families,
) -> tuple[Claim, list[tuple[int, float]]]:
    def centrality(r: AssertionRow) -> float:
        return math.fsum(
            lexical(bags[r.assertion_id], bags[o.assertion_id], weights) for o in group
        )

    def informative(r: AssertionRow) -> int:
        """Concepts that say what is wanted (not 'benefits', 'objectives', 'concessions')."""
        return len(
            {
                t
                for t in bags[r.assertion_id]
                if t not in cue_lexicon().words.generic_goals and t != NEGATION
            }
        )

    # The statement: central, and saying something ("secure economic benefits", not "benefits")
    # (a tie goes to the first in document order: ``max`` keeps the first of equals)
    medoid = max(
        group,
        key=lambda r: (
            centrality(r) / len(group)
            + TUNING.informative_bonus * min(informative(r), TUNING.informative_cap)
        ),
    )
    kind = _claim_kind(group, medoid)
    scored = [
        (
            1.0
            if r is medoid
            else lexical(bags[r.assertion_id], bags[medoid.assertion_id], weights),
            r,
        )
        for r in group
    ]
    evidence = merged_evidence(scored, families)
    dates = sorted(e.date for e in evidence if e.date)
    digest = hashlib.sha1(
        f"{family}|{KIND_GROUPS[kind]}|{medoid.doc_id}|{medoid.content_start}".encode()
    ).hexdigest()[:10]
    claim = Claim(
        id=f"c{digest}",
        actor=family,
        actor_name=families.name(family),
        kind=kind,
        statement=statement(families.name(family), kind, medoid),
        evidence=tuple(evidence),
        **families.corroboration(e.doc_id for e in evidence).model_dump(),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        vague=all(r.vague for r in group),
    )
    members = [(r.assertion_id, round(score, 3)) for score, r in scored]
    return claim, members


def _claim_kind(group: Sequence[AssertionRow], medoid: AssertionRow) -> AssertionKind:
    """The kind most members share; a tie goes to demand, then to the statement's own kind,
    then to the first in the order of :class:`AssertionKind` (never to iteration order)."""
    counts = Counter(r.kind for r in group)
    order = list(AssertionKind)
    return max(
        counts,
        key=lambda k: (
            counts[k],
            k is AssertionKind.DEMAND,
            k is medoid.kind,
            -order.index(k),
        ),
    )


def merged_evidence(
    scored: Iterable[tuple[float, AssertionRow]], families: Families
) -> list[Evidence]:
    """One evidence item per sentence (its best assertion), listing every part that says it."""
    best: dict[int, tuple[float, AssertionRow]] = {}
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for score, r in scored:
        spans[r.sentence_id].append((r.content_start, r.content_end))
        if r.sentence_id not in best or score > best[r.sentence_id][0]:
            best[r.sentence_id] = (score, r)
    chosen = sorted(best.values(), key=lambda item: (-item[0], item[1].doc_id, item[1].start))
    out = []
    for score, r in chosen:
        own = (r.content_start, r.content_end)
        others = sorted(set(spans[r.sentence_id]) - {own})
        out.append(_evidence(r, score, families, (own, *others)))
    return out


def statement(actor_name: str, kind: AssertionKind, r: AssertionRow) -> str:
    """A readable canonical statement: actor, verb for the kind, the content as written."""
    content = r.content.strip().rstrip(".,;:")
    if kind is AssertionKind.ACTION:  # the content starts with the verb, as written
        return f"{actor_name} — {'not: ' if r.negated else ''}{content}"
    verb = VERBS[kind]
    if r.negated:
        verb = {"seeks": "does not seek", "demands": "does not demand"}.get(verb, f"{verb} not")
    return f"{actor_name} {verb}: {content}"


def _evidence(
    r: AssertionRow, score: float, families: Families, spans: tuple[tuple[int, int], ...]
) -> Evidence:
    assert r.actor is not None
    return Evidence(
        doc_id=r.doc_id,
        sentence_id=r.sentence_id,
        text=r.text,
        start=r.start,
        end=r.end,
        line=r.line,
        content=r.content,
        content_start=r.content_start,
        content_end=r.content_end,
        spans=spans,
        score=round(score, 3),
        kind=r.kind,
        cue=r.cue,
        hedge=r.hedge,
        negated=r.negated,
        actor=r.actor,
        actor_text=r.actor_text,
        via_government=families.via_government(r.actor),
        attributed_to=(
            families.name(r.attributed_actor)
            if r.attributed_actor
            else r.attributed_text or families.speaker(r.doc_id, r.content_start, r.content_end)
        ),
        date=r.date,
        vague=r.vague,
    )
