"""Claims: assertions from every source that say the same thing, grouped; and the queries.

Grouping (:func:`build_claims`, run by ``extract`` after actor resolution) works per actor
*family* (a person together with the government he leads, so "the Kremlin insisted on X"
and "Putin demands X" meet) and per kind group (objectives and demands together; refusals;
offers; statements and assessments; actions). Candidate pairs come from an inverted index
over concepts, never from all pairs; each pair is scored with :func:`similarity.lexical`, and
average-linkage merging joins groups whose members are alike on the whole.

Queries: :func:`objectives` (one actor's objectives, ranked by sources), :func:`claims`
(everything), :func:`check` (passages for a typed claim: FTS5 and the actor's own assertions
give candidates; lexical coverage, actor, kind and polarity rank and label them).
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Span

from putin_claims.assertions import GOAL_KINDS, AssertionFinder, concept, cue_lexicon, token_terms
from putin_claims.derivation import independent_groups
from putin_claims.models import (
    Actor,
    ActorType,
    AssertionKind,
    AssertionRow,
    CheckHit,
    CheckLabel,
    CheckResult,
    Claim,
    Derivation,
    Evidence,
    Hedge,
    QuoteKind,
    StoredQuote,
)
from putin_claims.resolution import find_actor
from putin_claims.similarity import NEGATION, Weights, bag, coverage, lexical
from putin_claims.store import Store

#: Average similarity above which two groups of assertions are one claim (tuned on the seed
#: gold, checked on the second gold; see docs/claims.md).
MERGE_THRESHOLD = 0.38
#: Concepts carried by more than this share of a family's assertions do not make candidates.
COMMON_SHARE = 0.35
#: A passage whose assertion matches the typed claim this well (and names its actor) supports it.
SUPPORT_THRESHOLD = 0.6
CLAIMS_VERSION = "2"
#: What `objectives` lists: aims, demands and red lines ("will not accept X").
OBJECTIVE_KINDS = frozenset({AssertionKind.OBJECTIVE, AssertionKind.DEMAND, AssertionKind.REFUSAL})

#: Concepts that name a goal without saying what it is.
_GENERIC = frozenset({"goal", "benefit", "concession", "demand", "condition", "interest"})

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
HEDGE_STRENGTH = {Hedge.ASSERTED: 0, Hedge.REPORTED: 1, Hedge.HEDGED: 2, Hedge.CONDITIONAL: 3}


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Families:
    """Who counts as whom: a government's statements count for the leader it names."""

    actors: dict[str, Actor]
    #: Per document: (start, end, speaker) of quotes whose speaker is known.
    speakers: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: Which documents derive from which (copies collapse when sources are counted).
    derivations: tuple[Derivation, ...] = ()

    @classmethod
    def of(
        cls,
        actors: Iterable[Actor],
        quotes: Iterable[StoredQuote] = (),
        derivations: Iterable[Derivation] = (),
    ) -> Families:
        speakers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for q in quotes:
            if q.speaker_name and q.kind is not QuoteKind.PARTIAL:
                speakers[q.doc_id].append((q.start, q.end, q.speaker_name))
        return cls({a.actor_id: a for a in actors}, dict(speakers), tuple(derivations))

    @classmethod
    def load(cls, store: Store) -> Families:
        """Actors, quote speakers and derivations as the store holds them now."""
        return cls.of(store.actors(), store.quotes(), store.derivations())

    def independent(self, doc_ids: Iterable[str]) -> int:
        return independent_groups(doc_ids, self.derivations)

    def speaker(self, doc_id: str, start: int, end: int) -> str | None:
        """Who says the words at [start, end), when they lie inside someone's quote."""
        for a, b, name in self.speakers.get(doc_id, ()):
            if a <= start and end <= b:
                return name
        return None

    def head(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor and actor.type is not ActorType.PERSON and actor.leader in self.actors:
            return actor.leader
        return actor_id

    def via_government(self, actor_id: str) -> bool:
        return self.head(actor_id) != actor_id

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id


# --------------------------------------------------------------------------- grouping


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
    store.set_setting("claims_version", CLAIMS_VERSION)
    return len(claims)


def _bag(r: AssertionRow, key_actors: Mapping[str, str]) -> frozenset[str]:
    b = bag(r.terms, key_actors)
    return b | {NEGATION} if r.negated else b


def _cluster(
    rows: Sequence[AssertionRow], bags: Mapping[int, frozenset[str]], weights: Weights
) -> list[list[AssertionRow]]:
    """Average-linkage agglomeration over candidate pairs that share a telling concept."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for term in bags[r.assertion_id] - {NEGATION}:
            index[term].append(i)
    limit = max(2, int(COMMON_SHARE * len(rows)))
    pairs: dict[tuple[int, int], float] = {}
    for posting in index.values():
        if len(posting) > limit:
            continue
        for i, j in itertools.combinations(posting, 2):
            if (i, j) not in pairs:
                pairs[(i, j)] = lexical(
                    bags[rows[i].assertion_id], bags[rows[j].assertion_id], weights
                )
    groups: dict[int, list[int]] = {i: [i] for i in range(len(rows))}
    owner = list(range(len(rows)))
    for (i, j), score in sorted(pairs.items(), key=lambda p: -p[1]):
        if score < MERGE_THRESHOLD:
            break
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        total = sum(pairs.get((min(a, b), max(a, b)), 0.0) for a in groups[gi] for b in groups[gj])
        if total / (len(groups[gi]) * len(groups[gj])) < MERGE_THRESHOLD:
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
        return sum(lexical(bags[r.assertion_id], bags[o.assertion_id], weights) for o in group)

    def informative(r: AssertionRow) -> int:
        """Concepts that say what is wanted (not 'benefits', 'objectives', 'concessions')."""
        return len({t for t in bags[r.assertion_id] if t not in _GENERIC and t != NEGATION})

    # The statement: central, and saying something ("secure economic benefits", not "benefits")
    medoid = max(
        group,
        key=lambda r: (centrality(r) / len(group) + 0.1 * min(informative(r), 5), -r.assertion_id),
    )
    kinds = [r.kind for r in group]
    kind = max(set(kinds), key=lambda k: (kinds.count(k), k == AssertionKind.DEMAND))
    scored = [
        (
            1.0
            if r is medoid
            else lexical(bags[r.assertion_id], bags[medoid.assertion_id], weights),
            r,
        )
        for r in group
    ]
    evidence = _merged(scored, families)
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
        n_sources=len({e.doc_id for e in evidence}),
        n_independent_sources=families.independent(e.doc_id for e in evidence),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )
    members = [(r.assertion_id, round(score, 3)) for score, r in scored]
    return claim, members


def _merged(scored: Iterable[tuple[float, AssertionRow]], families: Families) -> list[Evidence]:
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
    )


# --------------------------------------------------------------------------- queries


def stored_claims(store: Store, families: Families | None = None) -> list[Claim]:
    """Every stored claim with its evidence, best evidence first."""
    families = families or Families.load(store)
    rows = {r.assertion_id: r for r in store.assertion_rows()}
    grouped: dict[str, list[tuple[str, str, str, int, float]]] = defaultdict(list)
    for claim_id, actor, kind, text, aid, score in store.claim_rows():
        grouped[claim_id].append((actor, kind, text, aid, score))
    out = []
    for claim_id, items in grouped.items():
        actor, kind, text, _, _ = items[0]
        evidence = tuple(_merged(((score, rows[aid]) for *_, aid, score in items), families))
        dates = sorted(e.date for e in evidence if e.date)
        out.append(
            Claim(
                id=claim_id,
                actor=actor,
                actor_name=families.name(actor),
                kind=AssertionKind(kind),
                statement=text,
                evidence=evidence,
                n_sources=len({e.doc_id for e in evidence}),
                n_independent_sources=families.independent(e.doc_id for e in evidence),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
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
) -> list[Claim]:
    """All claims, optionally of one actor's family, of some kinds, with enough sources."""
    wanted_kinds = set(kinds)
    families = families or Families.load(store)
    family = None
    if actor is not None:
        family = families.head(find_actor(actor, list(families.actors.values())).actor_id)
    return [
        c
        for c in stored_claims(store, families)
        if (family is None or c.actor == family)
        and (not wanted_kinds or c.kind in wanted_kinds)
        and c.n_sources >= min_sources
    ]


def objectives(store: Store, actor: str, strict: bool = False) -> tuple[Actor, list[Claim]]:
    """One actor's objectives and demands as claims; ``strict`` drops what his government says."""
    families = Families.load(store)
    found = find_actor(actor, list(families.actors.values()))
    family = families.head(found.actor_id)
    out = []
    for claim in stored_claims(store, families):
        if claim.actor != family or claim.kind not in OBJECTIVE_KINDS:
            continue
        if strict:
            kept = tuple(e for e in claim.evidence if not e.via_government)
            if kept:
                docs = {e.doc_id for e in kept}
                update = {
                    "evidence": kept,
                    "n_sources": len(docs),
                    "n_independent_sources": families.independent(docs),
                }
                out.append(claim.model_copy(update=update))
            continue
        out.append(claim)
    return families.actors.get(family, found), _ranked(out)


# --------------------------------------------------------------------------- check


@dataclass
class _Query:
    text: str
    actor: Actor | None
    family: str | None
    kind: AssertionKind | None
    negated: bool
    content: str
    terms: frozenset[str]
    words: list[str]


def parse_query(text: str, nlp: Language, actors: Sequence[Actor], families: Families) -> _Query:
    """Recognise actor, kind and content of a claim typed by an editor.

    The actor is the first run of words naming a stored actor (the grammatical subject
    first); the kind comes from the assertion the query states, or from its first cue word;
    the content is every other content word of the query.
    """
    doc = nlp(text)
    actor, actor_spans = _query_actor(doc, actors)
    family = families.head(actor.actor_id) if actor else None
    found, _ = AssertionFinder().find(doc, 0, list(range(len(list(doc.sents)))))
    lex = cue_lexicon()
    chosen = next((a for a in found if a.kind in GOAL_KINDS | {AssertionKind.REFUSAL}), None)
    chosen = chosen or (found[0] if found else None)
    kind: AssertionKind | None = chosen.kind if chosen else None
    negated = chosen.negated if chosen else False
    cue_at = chosen.cue_start if chosen else None
    terms = token_terms(doc, 0)
    if chosen is None:
        for start, end, lemma in terms:
            if _inside(start, end, actor_spans):
                continue
            hit = lex.verbs.get(lemma) or lex.nouns.get(lemma)
            if hit is not None:
                kind, cue_at = hit, start
                break
    others = _other_actors(doc, actors, actor_spans)
    words = [
        lemma
        for start, end, lemma in terms
        if not _inside(start, end, actor_spans)
        and start != cue_at
        and not _inside(start, end, [span for span, _ in others])
    ]
    words += [f"@{a.actor_id}" for _, a in others]
    negated = negated or NEGATION in words
    content = chosen.content if chosen else text
    concepts = frozenset(concept(w) for w in words)
    return _Query(text, actor, family, kind, negated, content, concepts, words)


def _query_actor(doc: Doc, actors: Sequence[Actor]) -> tuple[Actor | None, list[tuple[int, int]]]:
    """The run of words that names a stored actor: subject first, then left to right."""
    labels = _labels(actors)
    spans: list[Span] = [
        doc[t.left_edge.i : t.i + 1] for t in doc if t.dep_ in ("nsubj", "nsubjpass")
    ]
    for size in (4, 3, 2, 1):
        spans += [doc[i : i + size] for i in range(len(doc) - size + 1)]
    for fuzzy in (False, True):
        for span in spans:
            words = span.text.lower().removeprefix("the ")
            hit = labels.get(words) or labels.get(span.text.lower())
            if hit is None and fuzzy and all(t.pos_ == "PROPN" for t in span):
                best = process.extractOne(words, list(labels), scorer=fuzz.ratio, score_cutoff=88)
                hit = labels[best[0]] if best else None
            if hit is not None:
                return hit, [(span.start_char, span.end_char)]
    return None, []


def _other_actors(
    doc: Doc, actors: Sequence[Actor], taken: Sequence[tuple[int, int]]
) -> list[tuple[tuple[int, int], Actor]]:
    """Other actors the query names ("the United States"), longest names first."""
    labels = _labels(actors)
    found: list[tuple[tuple[int, int], Actor]] = []
    used = list(taken)
    for size in (4, 3, 2, 1):
        for i in range(len(doc) - size + 1):
            span = doc[i : i + size]
            where = (span.start_char, span.end_char)
            if any(a < where[1] and where[0] < b for a, b in used):
                continue
            hit = labels.get(span.text.lower().removeprefix("the ")) or labels.get(
                span.text.lower()
            )
            if hit is not None:
                found.append((where, hit))
                used.append(where)
    return found


def _labels(actors: Sequence[Actor]) -> dict[str, Actor]:
    """Lower-cased names and capitalised aliases -> actor (the first actor wins)."""
    labels: dict[str, Actor] = {}
    for actor in actors:
        for label in (actor.name, *actor.aliases):
            if label and label[0].isupper():
                labels.setdefault(label.lower(), actor)
    return labels


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def check(store: Store, text: str, nlp: Language, top: int = 10) -> CheckResult:
    """Passages that support (or contradict) a typed claim, best first, with a verdict."""
    return Checker(store).check(text, nlp, top)


class Checker:
    """What `check` reads of the corpus, read once: several claims can be checked against it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.families = Families.load(store)
        self.key_actors = store.key_actors()
        self.assertions = store.assertion_rows()
        self.sentences = {row[0]: row for row in store.content_sentences()}
        self.bags = {sid: bag(row[6], self.key_actors) for sid, row in self.sentences.items()}
        self.weights = Weights.of(self.bags.values())
        self.total = len(store.doc_ids())

    def check(self, text: str, nlp: Language, top: int = 10) -> CheckResult:
        families = self.families
        query = parse_query(text, nlp, list(families.actors.values()), families)
        lex = cue_lexicon()
        words = set(query.words)
        for c in {concept(w) for w in query.words}:
            words.update(lex.concept_words.get(c, ()))
        candidate_ids = set(self.store.search(sorted(words), limit=300))
        if query.family:
            candidate_ids |= {
                r.sentence_id
                for r in self.assertions
                if r.actor and families.head(r.actor) == query.family and r.kind in GOAL_KINDS
            }
        by_sentence: dict[int, list[AssertionRow]] = defaultdict(list)
        for r in self.assertions:
            if r.sentence_id in candidate_ids:
                by_sentence[r.sentence_id].append(r)
        scored = []
        for sid in sorted(candidate_ids & self.sentences.keys()):
            _, doc_id, sent_text, start, end, line, _terms = self.sentences[sid]
            hit = _score(
                query, self.bags.get(sid, frozenset()), by_sentence.get(sid, []), self.weights,
                self.key_actors, families,
            )  # fmt: skip
            scored.append((hit[0], sid, doc_id, sent_text, start, end, line, hit))
        scored.sort(key=lambda item: (-item[0], item[2], item[4]))
        hits = [_hit(rank, item, families) for rank, item in enumerate(scored[:top], 1)]
        supporting = {item[2] for item in scored if item[7][1] is CheckLabel.SUPPORTS}
        contradicting = {item[2] for item in scored if item[7][1] is CheckLabel.CONTRADICTS}
        independent = families.independent(supporting)
        return CheckResult(
            query=text,
            actor=query.family,
            content=query.content,
            hits=tuple(hits),
            supporting_sources=len(supporting),
            independent_supporting_sources=independent,
            contradicting_sources=len(contradicting),
            total_sources=self.total,
            verdict=_verdict(len(supporting), independent, len(contradicting), self.total),
        )


_Scored = tuple[float, int, str, str, int, int, int, tuple[float, CheckLabel, AssertionRow | None]]


def _hit(rank: int, item: _Scored, families: Families) -> CheckHit:
    score, sid, doc_id, text, start, end, line, (_, label, row) = item
    attributed = None
    if row is not None:
        attributed = (
            families.name(row.attributed_actor) if row.attributed_actor else row.attributed_text
        )
    return CheckHit(
        rank=rank, label=label, score=round(score, 3), doc_id=doc_id, sentence_id=sid,
        text=text, start=start, end=end, line=line,
        content=row.content if row else None, actor=row.actor if row else None,
        hedge=row.hedge if row else None, attributed_to=attributed,
    )  # fmt: skip


def _score(  # noqa: PLR0917 - one passage, every input it is scored against
    query: _Query,
    sentence_bag: frozenset[str],
    rows: Sequence[AssertionRow],
    weights: Weights,
    key_actors: Mapping[str, str],
    families: Families,
) -> tuple[float, CheckLabel, AssertionRow | None]:
    """Score one passage: best of its assertions, or the sentence as a whole."""
    best: tuple[float, CheckLabel, AssertionRow | None] = (0.0, CheckLabel.RELATED, None)
    for r in rows:
        own = coverage(query.terms, bag(r.terms, key_actors), weights)
        content = max(own, 0.5 * own + 0.5 * coverage(query.terms, sentence_bag, weights))
        same_actor = bool(query.family and r.actor and families.head(r.actor) == query.family)
        kind_fit = _kind_fit(query.kind, r.kind)
        score = 0.6 * content + 0.25 * same_actor + 0.15 * kind_fit
        label = CheckLabel.RELATED
        if same_actor and content >= SUPPORT_THRESHOLD:
            opposed = (query.negated != r.negated) or (
                (query.kind in GOAL_KINDS) != (r.kind in GOAL_KINDS)
                and AssertionKind.REFUSAL in (query.kind, r.kind)
            )
            label = CheckLabel.CONTRADICTS if opposed else CheckLabel.SUPPORTS
            if opposed:
                score *= 0.9
        if score > best[0]:
            best = (score, label, r)
    names_actor = bool(
        query.family
        and any(t.startswith("@") and families.head(t[1:]) == query.family for t in sentence_bag)
    )
    whole = 0.6 * 0.8 * coverage(query.terms, sentence_bag, weights) + 0.15 * names_actor
    if whole > best[0]:
        best = (whole, CheckLabel.RELATED, best[2])
    return best


def _kind_fit(query: AssertionKind | None, found: AssertionKind) -> float:
    if query is None:
        return 0.5 if found in GOAL_KINDS else 0.0
    if KIND_GROUPS[query] == KIND_GROUPS[found]:
        return 1.0
    if {query, found} <= GOAL_KINDS | {AssertionKind.REFUSAL}:
        return 0.5
    return 0.0


def _verdict(supporting: int, independent: int, contradicting: int, total: int) -> str:
    if supporting == 0 and contradicting == 0:
        return f"not supported by any of {total} sources"
    text = f"supported by {supporting} of {total} sources ({independent} independent)"
    if contradicting:
        text += f"; contradicted by {contradicting}"
    return text
