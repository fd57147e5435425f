"""Assertions: who wants, demands, refuses, offers, says or thinks what, from a parsed paragraph.

A spaCy ``Doc`` goes in; :class:`RawAssertion` records come out, with character offsets into
the document. Cues come from ``data/claims.toml`` (general English, nothing article-specific):

* verbs with their complement: "Russia insisted on X", "Putin wants to X", "he will demand X";
* nouns with a possessor, a "for" phrase, or the subject of the clause that holds them:
  "Putin's goal is to X", "For Putin, X and Y are key priorities", "the need to X";
* adjectives: "intent on X", "amenable to X";
* speech and belief verbs give statements and assessments, and mark what they govern as
  reported ("Voitolovsky indicated that Russia would seek X").

A coordinated list after a list marker or in a conjunction ("namely A, B, C and D") gives one
assertion per item. The actor is a token span; :mod:`putin_claims.nlp` maps it to a mention
key once pronouns are resolved, so "He has set the expectation ..." names the same actor as
the sentence before it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from putin_claims.lexicons import CueLexicon, cue_lexicon
from putin_claims.models import (
    GOAL_KINDS,
    ActorSource,
    Assertion,
    AssertionKind,
    Hedge,
    Mention,
)
from putin_claims.nlp.terms import token_terms

#: Precedence when several hedges apply: the weakest statement wins.
HEDGE_ORDER = (Hedge.ASSERTED, Hedge.REPORTED, Hedge.HEDGED, Hedge.CONDITIONAL)
#: Assertions whose actor can stand for a sentence that names none ("Priorities include ...").
TOPIC_KINDS = frozenset(AssertionKind) - {AssertionKind.ACTION}
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "al", "ity", "ship")
_CLIMB_DEPS = frozenset(
    {"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "prep", "pobj", "relcl", "acomp", "oprd"}
)
_NOMINAL_DEPS = frozenset(
    {"dobj", "pobj", "attr", "nsubj", "nsubjpass", "appos", "conj", "npadvmod"}
)
_VIEWPOINTS = frozenset({"perspective", "view", "standpoint", "viewpoint", "eye", "mind"})
_ACTION_OBJECTS = frozenset({"dobj", "prep", "prt", "dative", "attr", "oprd", "xcomp", "ccomp"})
_CAUSATIVES = frozenset({"make", "let", "help", "get", "lead"})
_STANCE_VERBS = frozenset({"express", "voice", "raise", "share", "signal"})
_STANCE_NOUNS = frozenset(
    {
        "skepticism",
        "scepticism",
        "doubt",
        "concern",
        "hope",
        "confidence",
        "fear",
        "optimism",
        "pessimism",
        "belief",
        "view",
        "conviction",
    }
)
_WOULD_VERBS = frozenset({"like", "love", "prefer"})
_PRIORITY_VERBS = frozenset({"matter", "count"})
_PREPOSITIONAL_PARTICIPLES = frozenset({"considering", "regarding", "concerning", "given"})
_QUOTES = frozenset('"“”«»')
_MAX_CLIMB = 6


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Subject:
    """A grammatical subject: the actors a paragraph is about, for sentences that name none."""

    sentence: int
    start: int
    end: int

    def moved(self, offset: int, sentence: int) -> Subject:
        return Subject(sentence, self.start + offset, self.end + offset)


@dataclass
class RawAssertion:
    """An assertion before its actor span is mapped to a mention key (offsets: document)."""

    sentence: int
    kind: AssertionKind
    cue: str
    cue_start: int
    actor_start: int | None
    actor_end: int | None
    actor_text: str
    actor_source: ActorSource
    prefer_person: bool
    start: int
    end: int
    content: str
    negated: bool
    hedge: Hedge
    hedge_cue: str | None
    attributed_start: int | None = None
    attributed_end: int | None = None
    attributed_text: str | None = None
    terms: list[tuple[int, int, str]] = field(default_factory=list)
    item: bool = False

    def moved(self, offset: int, sentence: int) -> RawAssertion:
        """The record with document offsets and its document sentence index."""

        def shift(value: int | None) -> int | None:
            return None if value is None else value + offset

        return replace(
            self, sentence=sentence, cue_start=self.cue_start + offset,
            actor_start=shift(self.actor_start), actor_end=shift(self.actor_end),
            start=self.start + offset, end=self.end + offset,
            attributed_start=shift(self.attributed_start),
            attributed_end=shift(self.attributed_end),
            terms=[(a + offset, b + offset, t) for a, b, t in self.terms],
        )  # fmt: skip


# --------------------------------------------------------------------------- extraction


class AssertionFinder:
    """Finds assertions in the sentences of one parsed paragraph."""

    def __init__(self) -> None:
        self.lex = cue_lexicon()

    def find(self, doc: Doc) -> tuple[list[RawAssertion], list[Subject]]:
        """Assertions and grammatical subjects of ``doc`` (offsets local to it)."""
        out: list[RawAssertion] = []
        subjects: list[Subject] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            out.extend(_SentenceReader(self.lex, sent, 0, -1).read())
            subjects.extend(
                Subject(-1, t.idx, t.idx + len(t))
                for t in sent
                if (t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON")
                or t.lower_ in ("he", "she")
            )
        return out, subjects


class _SentenceReader:
    def __init__(self, lex: CueLexicon, sent: Span, offset: int, index: int) -> None:
        self.lex = lex
        self.sent = sent
        self.offset = offset
        self.index = index

    # ----------------------------------------------------------------- driver

    def read(self) -> list[RawAssertion]:
        out: list[RawAssertion] = []
        out.extend(self._what_matters())
        for tok in self.sent:
            if tok.pos_ == "VERB":
                found = self._verb(tok)
                out.extend(found or self._action(tok))
            elif tok.pos_ in ("NOUN", "PROPN"):
                out.extend(self._noun(tok))
            elif tok.pos_ == "ADJ":
                out.extend(self._adjective(tok))
        return _dedupe(out)

    def _action(self, tok: Token) -> list[RawAssertion]:
        """What a named actor does: a main verb with the actor as its own subject."""
        if tok.dep_ not in ("ROOT", "conj") or (tok.dep_ == "conj" and tok.head.dep_ != "ROOT"):
            return []
        lemma = tok.lemma_.lower()
        if lemma in self.lex.light | self.lex.hedge_verbs or self._verb_kind(tok) is not None:
            return []
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects or not (
            subjects[0].pos_ == "PROPN"
            or subjects[0].lower_ in ("he", "she")
            or subjects[0].ent_type_ in ("PERSON", "ORG", "GPE")
        ):
            return []
        objects = [c for c in tok.children if c.dep_ in _ACTION_OBJECTS and c.i > tok.i]
        if not objects:
            return []
        last = max(c.right_edge.i for c in objects)
        first, last = _clean_range((tok.i, last), self.sent)
        actor = self._actor_at(subjects[0], ActorSource.SUBJECT)
        record = self._record(
            tok, AssertionKind.ACTION, lemma, actor, span=(first, last), negated=self._negated(tok)
        )
        return [record] if record else []

    def _what_matters(self) -> list[RawAssertion]:
        """'What matters (most) is X and Y': X and Y are the priorities of the paragraph's actor."""
        for tok in self.sent:
            if tok.lemma_.lower() not in _PRIORITY_VERBS or tok.dep_ != "csubj":
                continue
            if not any(c.lower_ == "what" for c in tok.children):
                continue
            attrs = [c for c in tok.head.children if c.dep_ == "attr" and c.i > tok.i]
            if not attrs:
                return []
            first, last = _subtree_range(attrs[0])
            first = attrs[0].left_edge.i
            items = self._split_items(first, last + 1) or [_clean_range((first, last), self.sent)]
            actor = self._context_actor(tok)
            out = []
            for a, b in items:
                record = self._record(
                    tok,
                    AssertionKind.OBJECTIVE,
                    f"what {tok.lower_}",
                    actor,
                    span=(a, b),
                    negated=False,
                )
                if record:
                    record.item = True
                    out.append(record)
            return out
        return []

    # ----------------------------------------------------------------- verbs

    def _verb_kind(self, tok: Token) -> tuple[AssertionKind, str] | None:
        lemma = tok.lemma_.lower()
        if lemma == "make" and any(c.lower_ == "clear" for c in tok.children):
            return AssertionKind.STATEMENT, "make clear"  # "He has made clear that X"
        if lemma in _WOULD_VERBS and any(c.lower_ in ("would", "'d") for c in tok.children):
            return AssertionKind.OBJECTIVE, f"would {lemma}"  # "Ankara would like X"
        for child in tok.children:
            if child.dep_ in ("prep", "prt") or (child.dep_ == "aux" and child.lower_ == "to"):
                kind = self.lex.phrasal_verbs.get((lemma, child.lower_))
                if kind is not None:
                    return kind, f"{lemma} {child.lower_}"
        for child in tok.children:
            if child.dep_ == "xcomp":
                to = [t for t in child.children if t.lower_ == "to" and t.dep_ == "aux"]
                kind = self.lex.phrasal_verbs.get((lemma, "to")) if to else None
                if kind is not None:
                    return kind, f"{lemma} to"
        kind = self.lex.verbs.get(lemma)
        return (kind, lemma) if kind is not None else None

    def _verb(self, tok: Token) -> list[RawAssertion]:
        stance = self._stance(tok) if tok.lemma_.lower() in _STANCE_VERBS else []
        if stance:
            return stance
        found = self._verb_kind(tok)
        if found is None or (tok.tag_ == "VBG" and tok.lower_ in _PREPOSITIONAL_PARTICIPLES):
            return []
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):  # "a truce aimed at X"
            return []
        kind, cue = found
        if kind in (AssertionKind.STATEMENT, AssertionKind.ASSESSMENT):
            return self._speech(tok, kind, cue)
        negated = self._negated(tok)
        if (
            kind is AssertionKind.OFFER
            and negated
            and tok.lemma_.lower() in self.lex.negatable_offers
        ) or (kind in GOAL_KINDS and negated):
            kind, negated = AssertionKind.REFUSAL, False
        heads = self._verb_content(tok)
        if not heads:
            return []
        actor = self._verb_actor(tok)
        out = self._build(tok, kind, cue, actor, heads, negated=negated)
        if kind is AssertionKind.OFFER:
            out.extend(self._conditions(tok, actor))
        return out

    def _verb_content(self, tok: Token) -> list[Token]:
        """Head tokens of the complement; several for a list ("seek A and B")."""
        children = list(tok.children)
        for dep in ("xcomp", "ccomp"):
            for child in children:
                if child.dep_ == dep and child.i > tok.i:
                    return [child]
        for child in children:
            if child.dep_ == "dobj":
                if child.lower_ in ("what", "which") and tok.dep_ == "csubj":
                    return [t for t in tok.head.children if t.dep_ in ("attr", "acomp")]
                return [child]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in (
                "on",
                "for",
                "upon",
                "at",
                "to",
                "towards",
                "toward",
            ):
                objs = [t for t in child.children if t.dep_ in ("pobj", "pcomp")]
                if objs:
                    return objs
        return []

    def _verb_actor(self, tok: Token) -> _ActorRef:
        current = tok
        crossed_noun = False
        for _ in range(_MAX_CLIMB):
            for child in current.children:
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lower_ in ("who", "which", "that") and current.dep_ == "relcl":
                        return self._actor_at(current.head, ActorSource.SUBJECT)
                    if crossed_noun and not self._is_actor_like(child):
                        return _ActorRef(None, None, "", ActorSource.SUBJECT, prefer_person=False)
                    return self._actor_at(child, ActorSource.SUBJECT)
                if child.dep_ == "agent":
                    objs = [t for t in child.children if t.dep_ == "pobj"]
                    if objs:
                        return self._actor_at(objs[0], ActorSource.SUBJECT)
            if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
                break
            if current.dep_ in ("acl", "relcl"):
                crossed_noun = True
                owners = [c for c in current.head.children if c.dep_ == "poss"]
                if owners:
                    return self._actor_at(owners[0], ActorSource.POSSESSOR)
            current = current.head
        return self._context_actor(tok)

    # ----------------------------------------------------------------- speech

    def _speech(self, tok: Token, kind: AssertionKind, cue: str) -> list[RawAssertion]:
        content = [c for c in tok.children if c.dep_ == "ccomp"]
        if not content:
            return []
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _CAUSATIVES:
            return []  # "to make Trump believe that X": nobody says or holds X
        return self._speech_content(tok, kind, cue, content[0])

    def _stance(self, tok: Token) -> list[RawAssertion]:
        """'expressed skepticism that X', 'voiced hope that X': an assessment of X."""
        for child in tok.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in _STANCE_NOUNS:
                for clause in child.children:
                    marks = [m for m in clause.children if m.lower_ == "that"]
                    if clause.dep_ in ("acl", "ccomp", "relcl") and marks:
                        cue = f"{tok.lemma_.lower()} {child.lemma_.lower()}"
                        return self._speech_content(tok, AssertionKind.ASSESSMENT, cue, clause)
        return []

    def _speech_content(
        self, tok: Token, kind: AssertionKind, cue: str, head: Token
    ) -> list[RawAssertion]:
        actor = self._verb_actor(tok)
        start, end = _clean_range(_subtree_range(head), self.sent)
        start = _skip_leading(self.sent.doc, start, end, ("that",))
        built = self._record(tok, kind, cue, actor, span=(start, end), negated=self._negated(tok))
        out = [built] if built else []
        modal = _obligation(head)
        if kind is AssertionKind.STATEMENT and modal:
            # "X must stop Y," Erdogan told reporters: the speaker demands it.
            demand = self._record(
                tok,
                AssertionKind.DEMAND,
                f"{cue}: {modal}",
                actor,
                span=(start, end),
                negated=False,
            )
            out += [demand] if demand else []
        return out

    # ----------------------------------------------------------------- nouns

    def _noun(self, tok: Token) -> list[RawAssertion]:
        lemma = tok.lemma_.lower()
        kind = self.lex.nouns.get(lemma)
        if tok.i > self.sent.start:
            phrasal = self.lex.phrasal_nouns.get((tok.nbor(-1).lower_, lemma))
            kind = phrasal or kind
            lemma = f"{tok.nbor(-1).lower_} {lemma}" if phrasal else lemma
        if kind is None:
            return []
        if lemma == "interest" and not any(c.lower_ == "in" for c in tok.children):
            return []
        heads = self._noun_content(tok)
        items = self._list_items(tok)
        actor = self._noun_actor(tok)
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or self._negated(
            tok.head
        )
        if items:
            out = []
            for first, last in items:
                record = self._record(tok, kind, lemma, actor, span=(first, last), negated=negated)
                if record:
                    record.item = True
                    out.append(record)
            return out
        if len(heads) == 2:  # "demands for foreign powers to cease X"
            first = min(_subtree_range(h)[0] for h in heads)
            last = max(_subtree_range(h)[1] for h in heads)
            first, last = _clean_range((first, last), self.sent)
            record = self._record(tok, kind, lemma, actor, span=(first, last), negated=negated)
            return [record] if record else []
        if not heads:
            if lemma in self.lex.needs_complement or not self._modified(tok):
                return []
            return self._self_content(tok, kind, lemma, actor, negated)
        return self._build(tok, kind, lemma, actor, heads, negated=negated)

    def _self_content(
        self, tok: Token, kind: AssertionKind, cue: str, actor: _ActorRef, negated: bool
    ) -> list[RawAssertion]:
        """A goal noun that says enough itself: "his maximal goals", "its war objectives"."""
        first = tok.i
        for child in tok.children:
            if child.i < tok.i and child.dep_ in ("amod", "compound", "nmod"):
                first = min(first, child.left_edge.i)
        last = tok.i
        for child in tok.children:
            if child.i > tok.i and child.dep_ == "prep":
                last = max(last, child.right_edge.i)
        first, last = _clean_range((first, last), self.sent)
        record = self._record(tok, kind, cue, actor, span=(first, last), negated=negated)
        return [record] if record else []

    def _noun_content(self, tok: Token) -> list[Token]:
        children = [c for c in tok.children if c.i > tok.i]
        clauses = [
            c
            for c in children
            if (c.dep_ in ("acl", "relcl") and _infinitive(c))
            or (
                c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            )
        ]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in (
                "of",
                "for",
                "in",
                "on",
                "to",
                "toward",
                "towards",
            ):
                objs = [t for t in child.children if t.dep_ in ("pobj", "pcomp")]
                if not objs or self._is_actor_like(objs[0]):
                    continue
                if child.lower_ == "for" and clauses and clauses[0].i > objs[0].i:
                    return [objs[0], clauses[0]]
                if clauses:
                    break
                if objs[0].pos_ == "VERB" or _eventive(objs[0], self.lex):
                    return objs
        if clauses:
            return [clauses[0]]
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("be", "remain", "include"):
            for child in head.children:
                if child.dep_ in ("attr", "xcomp", "ccomp", "dobj") and child.i > tok.i:
                    return [child]
        if tok.dep_ == "attr" and head.lemma_ == "be":
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj") and c.i < tok.i]
            if subjects and not self._is_actor_like(subjects[0]):
                return subjects
        return []

    def _noun_actor(self, tok: Token) -> _ActorRef:
        for child in tok.children:
            if child.dep_ == "poss":
                return self._actor_at(child, ActorSource.POSSESSOR)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [t for t in child.children if t.dep_ == "pobj"]
                if objs and self._is_actor_like(objs[0]):
                    return self._actor_at(objs[0], ActorSource.POSSESSOR)
                clause = any(c.dep_ in ("acl", "relcl") and _infinitive(c) for c in tok.children)
                if objs and objs[0].pos_ == "NOUN" and clause:
                    # "the readiness of a coalition to continue X": the coalition's readiness
                    return self._actor_at(objs[0], ActorSource.POSSESSOR)
        for_actor = self._for_phrase(tok)
        if for_actor is not None:
            return for_actor
        current = tok
        for _ in range(_MAX_CLIMB):
            head = current.head
            if head.i == current.i:
                break
            if head.pos_ in ("VERB", "AUX"):
                for child in head.children:
                    if child.dep_ == "dative" and child.i != tok.i:
                        return self._actor_at(child, ActorSource.BENEFICIARY)
                for child in head.children:
                    if child.dep_ == "nsubj" and child.i != tok.i and child.pos_ != "VERB":
                        return self._actor_at(child, ActorSource.SUBJECT)
            if current.dep_ not in _CLIMB_DEPS | _NOMINAL_DEPS:
                break
            current = head
        return self._context_actor(tok)

    def _for_phrase(self, tok: Token) -> _ActorRef | None:
        """'For Putin, ...' anywhere on the way from the cue to the root."""
        current: Token | None = tok
        seen = 0
        while current is not None and seen < _MAX_CLIMB:
            for child in current.children:
                if child.dep_ != "prep" or child.i > tok.i:
                    continue
                objs = [t for t in child.children if t.dep_ == "pobj"]
                if not objs:
                    continue
                if child.lower_ == "for" and self._is_actor_like(objs[0]):
                    return self._actor_at(objs[0], ActorSource.FOR_PHRASE)
                if child.lower_ in ("from", "in") and objs[0].lemma_.lower() in _VIEWPOINTS:
                    owners = [t for t in objs[0].children if t.dep_ == "poss"]
                    if owners and self._is_actor_like(owners[0]):
                        return self._actor_at(owners[0], ActorSource.FOR_PHRASE)
            current = None if current.head.i == current.i else current.head
            seen += 1
        return None

    def _modified(self, tok: Token) -> bool:
        """Has a modifier that says what the goal is about ("war objectives")."""
        return any(
            (c.dep_ in ("compound", "nmod", "amod") and c.lower_ not in self.lex.vague)
            or (c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("in", "on", "regarding"))
            for c in tok.children
        )

    # ----------------------------------------------------------------- adjectives

    def _adjective(self, tok: Token) -> list[RawAssertion]:
        lemma = tok.lower_
        for child in tok.children:
            if child.dep_ == "prep":
                kind = self.lex.adjectives.get((lemma, child.lower_))
                objs = [t for t in child.children if t.dep_ in ("pobj", "pcomp")]
                if kind is not None and objs:
                    return self._adjective_record(tok, kind, f"{lemma} {child.lower_}", objs)
            if child.dep_ == "xcomp":
                kind = self.lex.adjectives.get((lemma, "to"))
                if kind is not None:
                    return self._adjective_record(tok, kind, f"{lemma} to", [child])
        return []

    def _adjective_record(
        self, tok: Token, kind: AssertionKind, cue: str, heads: list[Token]
    ) -> list[RawAssertion]:
        verb = tok.head if tok.dep_ in ("acomp", "amod", "attr", "oprd") else tok
        actor = self._verb_actor(tok)
        negated = self._negated(verb)
        if kind is AssertionKind.OFFER and negated:
            kind, negated = AssertionKind.REFUSAL, False
        out = self._build(tok, kind, cue, actor, heads, negated=negated)
        if kind is AssertionKind.OFFER:
            out.extend(self._conditions(verb, actor))
        return out

    # ----------------------------------------------------------------- conditions

    def _conditions(self, tok: Token, actor: _ActorRef) -> list[RawAssertion]:
        """An offer's condition ('provided it excludes X', 'if X') is a conditional demand."""
        doc = self.sent.doc
        for i in range(tok.i + 1, self.sent.end):
            marker = self._conditional_at(i)
            if not marker:
                continue
            stop = next((j for j in range(i, self.sent.end) if doc[j].lower_ == ";"), self.sent.end)
            first, last = _clean_range((i + marker, stop - 1), self.sent)
            record = self._record(
                tok, AssertionKind.DEMAND, "condition", actor, span=(first, last), negated=False
            )
            if record is None:
                return []
            record.hedge = Hedge.CONDITIONAL
            record.hedge_cue = doc[i : i + marker].text.lower()
            return [record]
        return []

    def _conditional_at(self, i: int) -> int:
        doc = self.sent.doc
        for marker in self.lex.conditional:
            words = marker.split()
            n = len(words)
            if i + n <= self.sent.end and [doc[i + k].lower_ for k in range(n)] == words:
                if n == 1 and words[0] in ("once", "whether"):
                    continue
                if words[0] in ("provided", "providing") and not (i > 0 and doc[i - 1].is_punct):
                    continue
                return n
        return 0

    # ----------------------------------------------------------------- building

    def _build(
        self,
        cue_tok: Token,
        kind: AssertionKind,
        cue: str,
        actor: _ActorRef,
        heads: list[Token],
        *,
        negated: bool,
    ) -> list[RawAssertion]:
        out: list[RawAssertion] = []
        for start, end in self._content_ranges(cue_tok, heads):
            record = self._record(cue_tok, kind, cue, actor, span=(start, end), negated=negated)
            if record:
                out.append(record)
        return out

    def _content_ranges(self, cue_tok: Token, heads: list[Token]) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        for head in heads:
            if head.lemma_.lower() in self.lex.nouns and head is not cue_tok:
                items = self._list_items(head)
                if items:
                    ranges.extend(items)
                    continue
            listed = cue_tok.tag_ in ("NNS", "NNPS") and head.pos_ in ("NOUN", "PROPN")
            conjuncts = [
                c
                for c in head.children
                if c.dep_ == "conj" and _same_class(c, head) and (listed or _eventive(c, self.lex))
            ]
            if conjuncts and (listed or _eventive(head, self.lex)):
                found = self._conjunct_ranges(head, conjuncts)
                ranges.extend(found)
                ranges.extend(self._trailing_items(head, max(r[1] for r in found)))
                continue
            first, last = _subtree_range(head, exclude=self._aside(head))
            if head.i == cue_tok.i:
                first = (
                    max(
                        first,
                        min((c.i for c in head.children if c.dep_ == "poss"), default=first) + 1,
                    )
                    if any(c.dep_ == "poss" for c in head.children)
                    else first
                )
            ranges.append(_clean_range((first, last), self.sent))
        return [r for r in ranges if r[1] > r[0]]

    def _conjunct_ranges(self, head: Token, conjuncts: list[Token]) -> list[tuple[int, int]]:
        members = [head, *conjuncts]
        drop = {t.i for c in conjuncts for t in c.subtree}
        drop |= {c.i for c in head.children if c.dep_ in ("cc", "punct") and c.i > head.i}
        out: list[tuple[int, int]] = []
        for member in members:
            tokens = [t.i for t in member.subtree if member.i != head.i or t.i not in drop]
            if member.i != head.i:
                inner = {
                    t.i for c in member.children if c.dep_ in ("conj", "cc") for t in c.subtree
                }
                tokens = [i for i in tokens if i not in inner]
            if tokens:
                out.append(_clean_range((min(tokens), max(tokens)), self.sent))
        return out

    def _trailing_items(self, head: Token, last: int) -> list[tuple[int, int]]:
        """Parallel verbs the parser attached elsewhere: "to lock in X, buy Y, and restore Z"."""
        doc = self.sent.doc
        out: list[tuple[int, int]] = []
        j = last + 1
        while j < self.sent.end:
            while j < self.sent.end and doc[j].lower_ in (",", "and", "or"):
                j += 1
            if j >= self.sent.end or j == last + 1 or doc[j].tag_ != head.tag_:
                break
            stop = j
            while stop + 1 < self.sent.end and doc[stop + 1].lower_ not in (
                ",",
                ";",
                "-",
                "–",
                "—",
                ".",
            ):
                stop += 1
            out.append(_clean_range((j, stop), self.sent))
            last = j = stop + 1
            if j < self.sent.end and doc[j].lower_ != ",":
                break
        return out

    def _aside(self, head: Token) -> set[int]:
        """Purpose clauses after the head are asides unless the head is an instrument verb."""
        if head.lemma_.lower() in self.lex.instrument_verbs:
            return set()
        aside: set[int] = set()
        for child in head.children:
            if (
                child.dep_ == "advcl"
                and child.i > head.i
                and any(t.lower_ == "to" and t.dep_ == "aux" for t in child.children)
            ):
                aside |= {t.i for t in child.subtree}
            if child.dep_ == "punct" and child.text in _QUOTES and child.i > head.i:
                aside.add(child.i)
        return aside

    def _list_items(self, tok: Token) -> list[tuple[int, int]]:
        """Items after a list marker that follows the cue noun or its clause."""
        doc = self.sent.doc
        end = self.sent.end
        i = tok.i + 1
        if any(c.dep_ == "prep" and c.i == i for c in tok.children):
            # "the priorities for 2026, namely ...": skip a short phrase up to the comma
            for j in range(i, min(i + 6, end)):
                if doc[j].is_punct:
                    if self._marker_after(j):
                        i = j
                    break
        if tok.dep_ in ("nsubj", "nsubjpass") and not self._marker_after(i):
            # "Putin's objectives remain steadfast, including ..."
            head = tok.head
            for child in head.children:
                if child.dep_ == "prep" and child.i > tok.i and self._marker_at(child.i):
                    i = child.i
                    break
        while i < end and (doc[i].is_punct or doc[i].lower_ in ("-", "–", "—")):
            i += 1
        marker = self._marker_at(i)
        if not marker:
            return []
        start = i + marker
        stop = end
        for j in range(start, end):
            if doc[j].lower_ in (";",) or (
                j > start
                and doc[j - 1].lower_ == ","
                and doc[j].lower_ in ("along", "while", "whereas")
            ):
                stop = j - (1 if doc[j - 1].lower_ == "," else 0)
                break
            if j > start + 1 and self._marker_at(j) and doc[j - 1].is_punct:
                stop = j - 1
                break
        return self._split_items(start, stop)

    def _marker_after(self, i: int) -> bool:
        doc = self.sent.doc
        while i < self.sent.end and doc[i].is_punct:
            i += 1
        return bool(self._marker_at(i))

    def _marker_at(self, i: int) -> int:
        doc = self.sent.doc
        for marker in self.lex.list_markers:
            n = len(marker)
            if i + n <= self.sent.end and tuple(doc[i + k].lower_ for k in range(n)) == marker:
                return n
        return 0

    def _split_items(self, start: int, stop: int) -> list[tuple[int, int]]:
        """Split a list region at commas and conjunctions that begin a parallel item."""
        doc = self.sent.doc
        first = _item_start(doc, start, stop)
        if first is None:
            return []
        cls = _item_class(doc[first])
        cuts = [start]
        comma_list = False  # "A, B and C": once a comma has split, the final "and" does too
        j = start + 1
        while j < stop:
            t = doc[j]
            if t.lower_ in (",", ";") or (t.dep_ == "cc" and t.lower_ in ("and", "or")):
                k = j + 1
                while k < stop and (doc[k].dep_ == "cc" or doc[k].lower_ in (",",)):
                    k += 1
                nxt = _item_start(doc, k, stop)
                comma = t.lower_ in (",", ";")
                if (
                    nxt is not None
                    and doc[nxt].tag_ not in ("WDT", "WP", "WP$")
                    and _compatible(cls, _item_class(doc[nxt]))
                    and (
                        ((comma or comma_list) and cls == _item_class(doc[nxt]))
                        or _eventive(_item_head(doc, nxt, stop), self.lex)
                    )
                ):
                    comma_list = comma_list or comma
                    cuts.append(k)
                    j = k
                    continue
            j += 1
        ranges = []
        for a, b in zip(cuts, [*cuts[1:], stop], strict=True):
            ranges.append(_clean_range((a, b - 1), self.sent))
        return [r for r in ranges if r[1] > r[0]]

    def _record(
        self,
        cue_tok: Token,
        kind: AssertionKind,
        cue: str,
        actor: _ActorRef,
        *,
        span: tuple[int, int],
        negated: bool,
    ) -> RawAssertion | None:
        first, last = span
        doc = self.sent.doc
        if last < first:
            return None
        words = doc[first : last + 1]
        if not any(t.is_alpha for t in words) or _anaphoric(words):
            return None
        hedge, hedge_cue = self._hedge(cue_tok)
        attribution = self._attribution(cue_tok, actor)
        if attribution is not None and HEDGE_ORDER.index(hedge) < HEDGE_ORDER.index(Hedge.REPORTED):
            hedge, hedge_cue = Hedge.REPORTED, attribution[3]
        return RawAssertion(
            sentence=self.index,
            kind=kind,
            cue=cue,
            cue_start=self.offset + cue_tok.idx,
            actor_start=actor.start,
            actor_end=actor.end,
            actor_text=actor.text,
            actor_source=actor.source,
            prefer_person=actor.prefer_person,
            start=self.offset + words.start_char,
            end=self.offset + words.end_char,
            content=words.text,
            negated=negated,
            hedge=hedge,
            hedge_cue=hedge_cue,
            attributed_start=attribution[0] if attribution else None,
            attributed_end=attribution[1] if attribution else None,
            attributed_text=attribution[2] if attribution else None,
            terms=token_terms(words, self.offset),
        )

    # ----------------------------------------------------------------- actors

    def _actor_at(self, tok: Token, source: ActorSource) -> _ActorRef:
        if tok.lower_ in ("it", "its", "they", "their", "them"):
            governing = self._governing_subject(tok)
            if governing is not None:
                return self._actor_at(governing, source)
            ref = self._context_actor(tok)
            return _ActorRef(ref.start, ref.end, tok.text, ref.source, prefer_person=False)
        named = [
            t for t in tok.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > tok.i
        ]
        if named and tok.pos_ == "NOUN":  # "Putin's aide ..., Yuri Ushakov, commented"
            tok = named[0]
        words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "prep", "punct")]
        first = min((t.i for t in words), default=tok.i)
        last = max((t.i for t in words if t.i <= tok.i), default=tok.i)
        text = self.sent.doc[first : last + 1].text
        head_start = self.offset + tok.idx
        return _ActorRef(head_start, head_start + len(tok), text, source)

    def _governing_subject(self, tok: Token) -> Token | None:
        """'Moscow acknowledges it may consider X': 'it' is the subject of the clause above."""
        current = tok.head
        for _ in range(_MAX_CLIMB):
            if current.dep_ == "ccomp" and current.head.i != current.i:
                for child in current.head.children:
                    if child.dep_ == "nsubj" and child.pos_ == "PROPN":
                        return child
            if current.head.i == current.i:
                return None
            current = current.head
        return None

    def _context_actor(self, tok: Token) -> _ActorRef:
        """No actor in the sentence's grammar: the assembler takes the paragraph's."""
        start = self.offset + tok.idx
        return _ActorRef(None, start, "", ActorSource.CONTEXT, prefer_person=True)

    def _is_actor_like(self, tok: Token) -> bool:
        return (
            tok.pos_ in ("PROPN", "PRON")
            or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or tok.lemma_.lower() in self.lex.roles
        )

    # ----------------------------------------------------------------- hedges

    def _chain(self, tok: Token) -> Iterator[Token]:
        current = tok
        for _ in range(_MAX_CLIMB + 2):
            yield current
            if current.head.i == current.i or (
                current.dep_ == "ccomp" and self.lex.speech(current.head.lemma_.lower())
            ):
                break
            current = current.head

    def _negated(self, tok: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children)

    def _hedge(self, tok: Token) -> tuple[Hedge, str | None]:
        lex = self.lex
        best: tuple[Hedge, str | None] = (Hedge.ASSERTED, None)

        def raise_to(hedge: Hedge, cue: str) -> None:
            nonlocal best
            if HEDGE_ORDER.index(hedge) > HEDGE_ORDER.index(best[0]):
                best = (hedge, cue)

        for node in self._chain(tok):
            for child in node.children:
                lower = child.lower_
                if (child.dep_ == "aux" and lower in lex.hedge_modals) or (
                    child.dep_ == "advmod" and lower in lex.hedge_adverbs
                ):
                    raise_to(Hedge.HEDGED, lower)
                elif (
                    child.dep_ == "mark" and lower in lex.conditional and node.dep_ == "advcl"
                ) or (
                    child.dep_ == "aux"
                    and lower == "would"
                    and node.dep_ != "ccomp"
                    and not (node.i == tok.i and node.lemma_.lower() in _WOULD_VERBS)
                ):
                    raise_to(Hedge.CONDITIONAL, lower)
                elif child.dep_ == "acomp" and lower in lex.hedge_adjectives:
                    raise_to(Hedge.HEDGED, lower)
            lemma = node.lemma_.lower()
            if node.i != tok.i and lemma in lex.hedge_verbs:
                raise_to(Hedge.HEDGED, lemma)
            if (
                node.i != tok.i
                and lemma in lex.passive_reports
                and any(c.dep_ == "auxpass" for c in node.children)
            ):
                raise_to(Hedge.HEDGED, lemma)
        return best

    def _attribution(self, tok: Token, actor: _ActorRef) -> tuple[int, int, str, str] | None:
        """The source an assertion is reported from: a governing speech verb or 'according to'."""
        for t in self.sent:
            if t.lower_ == "according":
                for prep in t.children:
                    objs = [o for o in prep.children if o.dep_ == "pobj"]
                    if prep.lower_ == "to" and objs:
                        ref = self._actor_at(objs[0], ActorSource.SUBJECT)
                        if ref.start is not None:
                            return ref.start, ref.end or ref.start, ref.text, "according to"
        current = tok
        for _ in range(_MAX_CLIMB + 2):
            head = current.head
            if head.i == current.i:
                break
            lemma = head.lemma_.lower()
            if current.dep_ in ("ccomp", "xcomp", "advcl") and self.lex.speech(lemma):
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
                if subjects:
                    ref = self._actor_at(subjects[0], ActorSource.SUBJECT)
                    if ref.start is not None:
                        return ref.start, ref.end or ref.start, ref.text, lemma
            current = head
        return None


@dataclass(frozen=True)
class _ActorRef:
    start: int | None
    end: int | None
    text: str
    source: ActorSource
    prefer_person: bool = True


# --------------------------------------------------------------------------- helpers


def _subtree_range(tok: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    idx = [t.i for t in tok.subtree if not exclude or t.i not in exclude]
    if not idx:
        return tok.i, tok.i
    # keep the contiguous block around the head
    members = set(idx)
    doc = tok.doc
    first = tok.i
    while first - 1 in members or (first - 2 in members and doc[first - 1].is_punct):
        first -= 1
    last = tok.i
    while last + 1 in members or (last + 2 in members and doc[last + 1].is_punct):
        last += 1
    return first, last


def _clean_range(rng: tuple[int, int], sent: Span) -> tuple[int, int]:
    """Trim punctuation, conjunctions and dangling quote marks at both ends."""
    doc = sent.doc
    first, last = max(rng[0], sent.start), min(rng[1], sent.end - 1)
    junk_start = {"and", "or", "but", ",", ";", ":", "—", "–", "-", "namely", "also"}
    while first <= last and (
        doc[first].lower_ in junk_start or (doc[first].is_punct and doc[first].text not in _QUOTES)
    ):
        first += 1
    while first <= last and (doc[last].is_punct or doc[last].lower_ in ("and", "or", "but")):
        if doc[last].text in _QUOTES and _balanced(doc, first, last):
            break
        last -= 1
    if first <= last and doc[first].text in _QUOTES and not _balanced(doc, first, last):
        first += 1
    return first, last


def _balanced(doc: Doc, first: int, last: int) -> bool:
    return sum(1 for t in doc[first : last + 1] if t.text in _QUOTES) % 2 == 0


def _skip_leading(doc: Doc, first: int, last: int, words: tuple[str, ...]) -> int:
    while first < last and doc[first].lower_ in words:
        first += 1
    return first


def _obligation(head: Token) -> str | None:
    """The modal of obligation on a clause ('must', 'should', 'has to'), if any."""
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in ("must", "should"):
            return child.lower_
    if head.lemma_ in ("have", "need") and any(
        c.dep_ == "xcomp" and _infinitive(c) for c in head.children
    ):
        return f"{head.lemma_} to"
    return None


def _anaphoric(span: Span) -> bool:
    """'such an agreement', 'this', 'it': the content is elsewhere."""
    words = [t for t in span if not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return len(words) <= 3 and words[0].lower_ in ("such", "this", "that", "these", "those", "it")


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _item_start(doc: Doc, i: int, stop: int) -> int | None:
    while i < stop and (doc[i].pos_ in ("ADV", "PUNCT", "CCONJ") or doc[i].lower_ in ("perhaps",)):
        i += 1
    return i if i < stop else None


def _item_class(tok: Token) -> str:
    if tok.tag_ == "VBG":
        return "gerund"
    if tok.pos_ in ("VERB", "AUX"):
        return "verb"
    if tok.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON") or tok.tag_ == "PRP$":
        return "noun"
    return tok.pos_.lower()


def _compatible(a: str, b: str) -> bool:
    nominal = {"gerund", "noun"}
    return a == b or (a in nominal and b in nominal)


def _same_class(a: Token, b: Token) -> bool:
    return _compatible(_item_class(a), _item_class(b))


def _item_head(doc: Doc, i: int, stop: int) -> Token:
    """The first verb, or the head noun of the item's first noun phrase."""
    for k in range(i, stop):
        t = doc[k]
        if t.pos_ == "VERB":
            return t
        if t.pos_ in ("NOUN", "PROPN") and (
            k + 1 >= stop or doc[k + 1].pos_ not in ("NOUN", "PROPN")
        ):
            return t
    return doc[i]


def _eventive(tok: Token, lex: CueLexicon) -> bool:
    """Verbs and nouns that name an action or state of affairs can head a list item."""
    if tok.pos_ == "VERB":
        return True
    lemma = tok.lemma_.lower()
    if lemma in lex.event_nouns or lemma in lex.nouns:
        return True
    return tok.pos_ == "NOUN" and lemma.endswith(_EVENT_SUFFIXES) and not lemma.endswith("gion")


def _dedupe(records: list[RawAssertion]) -> list[RawAssertion]:
    """One record per content span (and one speech record); goals win over other kinds."""
    seen: dict[tuple[int, int, bool], RawAssertion] = {}
    for record in records:
        speech = record.kind in (AssertionKind.STATEMENT, AssertionKind.ASSESSMENT)
        key = (record.start, record.end, speech)
        kept = seen.get(key)
        if kept is None or (kept.kind not in GOAL_KINDS and record.kind in GOAL_KINDS):
            seen[key] = record
    return list(seen.values())


# --------------------------------------------------------------------------- assembly


def finalize(
    raw: Sequence[RawAssertion],
    subjects: Sequence[Subject],
    mentions: Sequence[Mention],
    person_keys: set[str],
    paragraph_of: Sequence[int | None],
) -> list[Assertion]:
    """Map actor and source spans to mention keys, once pronouns are resolved.

    An assertion whose sentence names no actor takes the last actor that was a grammatical
    subject before it in the same or the previous paragraph ("Priorities include ..." after
    "... for Putin to impose ..."), else the last actor mentioned there.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    topics: list[tuple[int, int, str, str]] = []  # (offset, paragraph, key, surface)
    for subject in subjects:
        key, text = key_at(ordered, subject.start, subject.end)
        where = paragraph_of[subject.sentence]
        if key is not None and text is not None and where is not None:
            topics.append((subject.start, where, key, text))
    pairs: list[tuple[RawAssertion, Assertion]] = []
    for r in raw:
        here = paragraph_of[r.sentence]
        if r.actor_source is ActorSource.CONTEXT:
            key, text = _topic(topics, r, here, person_keys)
            if key is None:
                key, text = _context_key(ordered, r, person_keys, paragraph_of)
        else:
            key, text = key_at(ordered, r.actor_start, r.actor_end)
        attributed_key, attributed_text = key_at(ordered, r.attributed_start, r.attributed_end)
        record = Assertion(
            sentence=r.sentence,
            kind=r.kind,
            cue=r.cue,
            actor_key=key,
            actor_text=text or r.actor_text,
            actor_source=r.actor_source,
            content=r.content,
            start=r.start,
            end=r.end,
            negated=r.negated,
            hedge=r.hedge,
            hedge_cue=r.hedge_cue,
            attributed_key=attributed_key,
            attributed_text=attributed_text or r.attributed_text,
            terms=terms_string(r.terms, ordered),
        )
        pairs.append((r, record))
        if key is not None and text is not None and here is not None and r.kind in TOPIC_KINDS:
            topics.append((r.cue_start, here, key, text))
            topics.sort(key=lambda topic: topic[0])
    return [a for r, a in pairs if not _nested_away(r, a, pairs)]


def _topic(
    topics: Sequence[tuple[int, int, str, str]],
    r: RawAssertion,
    here: int | None,
    person_keys: set[str],
) -> tuple[str | None, str | None]:
    if here is None:
        return None, None
    near = [(k, t) for o, p, k, t in topics if o < r.cue_start and here - 1 <= p <= here]
    if not r.prefer_person:
        near = [(k, t) for k, t in near if k not in person_keys]
    return near[-1] if near else (None, None)


def _nested_away(
    r: RawAssertion, a: Assertion, pairs: Sequence[tuple[RawAssertion, Assertion]]
) -> bool:
    """Within one sentence, keep the most specific of nested goal assertions.

    An assertion inside another with the same actor replaces it ("aims to use the talks to
    secure benefits" keeps "secure benefits"); a verb inside a list item whose subject is
    someone else is the item's own wording, not a second assertion.
    """
    if a.kind not in GOAL_KINDS:
        return False
    for r2, b in pairs:
        if b is a or b.sentence != a.sentence or b.kind not in GOAL_KINDS:
            continue
        if (b.start, b.end) == (a.start, a.end):
            continue
        inside = b.start <= a.start and a.end <= b.end
        if (
            inside
            and r2.item
            and r.actor_source is ActorSource.SUBJECT
            and a.actor_key != b.actor_key
        ):
            return True  # a is nested in list item b and names another actor
        outside = a.start <= b.start and b.end <= a.end
        if outside and b.actor_key == a.actor_key and a.actor_key is not None and not r.item:
            return True  # a contains a more specific assertion of the same actor
    return False


def terms_string(terms: Sequence[tuple[int, int, str]], mentions: Sequence[Mention]) -> str:
    """Lemmas, with the words of an actor mention replaced by ``@key`` once."""
    out: list[str] = []
    last_key: str | None = None
    for start, end, lemma in terms:
        key, _ = key_at(mentions, start, end)
        if key is None:
            out.append(lemma)
            last_key = None
        elif key != last_key:
            out.append(f"@{key}")
            last_key = key
    return " ".join(out)


def key_at(
    mentions: Sequence[Mention], start: int | None, end: int | None
) -> tuple[str | None, str | None]:
    """Key and surface of the first mention (sorted by offset) overlapping [start, end)."""
    if start is None or end is None:
        return None, None
    for m in mentions:
        if m.start < end and start < m.end:
            return m.key, m.surface
        if m.start >= end:
            break
    return None, None


def _context_key(
    mentions: Sequence[Mention],
    r: RawAssertion,
    person_keys: set[str],
    paragraph_of: Sequence[int | None],
) -> tuple[str | None, str | None]:
    """The last actor named before the cue in the same or the previous paragraph."""
    here = paragraph_of[r.sentence]
    if here is None:
        return None, None
    before = [
        m
        for m in mentions
        if m.start < r.cue_start
        and (p := paragraph_of[m.sentence]) is not None
        and here - 1 <= p <= here
    ]
    if r.prefer_person:
        people = [m for m in before if m.key in person_keys]
        if people:
            return people[-1].key, people[-1].surface
    others = [m for m in before if m.key not in person_keys] or before
    if others:
        return others[-1].key, others[-1].surface
    return None, None
