"""Actor spans to mention keys, once pronouns are resolved (the assembler's last step).

:func:`finalize` turns :class:`RawAssertion` records into :class:`~putin_claims.models.Assertion`
values: an actor span becomes the key of the mention it overlaps; an assertion whose sentence
names no actor takes the paragraph's topic. :func:`key_at` and :func:`terms_string` are the
lookups it uses, shared with the quote attribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import GOAL_KINDS, ActorSource, Assertion, AssertionKind, Mention
from putin_claims.nlp.assertions.records import RawAssertion, Subject

#: Assertions whose actor can stand for a sentence that names none ("Priorities include ...").
TOPIC_KINDS = frozenset(AssertionKind) - {AssertionKind.ACTION}


class _Topic(NamedTuple):
    """An actor a paragraph is about from ``offset`` on."""

    offset: int
    paragraph: int
    key: str
    surface: str


KeyAndSurface = tuple[str | None, str | None]


def _spoken_for(mentions: Sequence[Mention], r: RawAssertion) -> str | None:
    """ "a US Embassy spokesman": the body an unnamed spokesperson speaks for, if named."""
    words = r.actor_text.lower().split()
    if r.actor_end is None or not words or words[-1] not in cue_lexicon().words.spokesperson_nouns:
        return None
    # the body before the noun ("a Ryanair spokesman") or after it, up to the cue ("a
    # spokeswoman for Siemens said")
    end = max(r.actor_end, r.cue_start)
    key, _ = key_at(mentions, r.actor_end - len(r.actor_text), end)
    return key


#: Words at most in a definite description that stands for someone named before.
DESCRIPTION_WORDS = 4


def _described(
    mentions: Sequence[Mention],
    r: RawAssertion,
    person_keys: set[str],
    paragraph_of: Sequence[int | None],
) -> str | None:
    """ "The singer did not want to talk": a subject given as a short definite description
    is the last person (for a body noun, the last organisation) named before it in the same
    or the previous paragraph, as a described speaker is. Not a group ("the two firms")."""
    words = r.actor_text.lower().split()
    lexicon = cue_lexicon()
    lex = lexicon.words
    if r.actor_source is not ActorSource.SUBJECT or words[:1] != ["the"]:
        return None
    if not 1 < len(words) <= DESCRIPTION_WORDS or lex.group_words & set(words):
        return None
    head = words[-1]
    person = head in lex.person_nouns or head in lexicon.roles or head.endswith("-year-old")
    if not person and head not in lex.body_nouns:
        return None  # not a description of one actor: "the American administration"
    described = replace(r, prefer_person=person)
    key, _ = _context_key(mentions, described, person_keys, paragraph_of)
    if key is not None and (key in person_keys) != person:
        return None
    return key


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
    topics = _subject_topics(subjects, ordered, paragraph_of)
    pairs: list[tuple[RawAssertion, Assertion]] = []
    for r in raw:
        here = paragraph_of[r.sentence]
        if r.actor_source is ActorSource.CONTEXT:
            key, text = _topic(topics, r, here, person_keys)
            if key is None:
                key, text = _context_key(ordered, r, person_keys, paragraph_of)
        else:
            key, text = key_at(ordered, r.actor_start, r.actor_end)
            if key is None:
                key = _spoken_for(ordered, r)
            if key is None:
                key = _described(ordered, r, person_keys, paragraph_of)
        pairs.append((r, _assertion(r, key, text, ordered)))
        if key is not None and text is not None and here is not None and r.kind in TOPIC_KINDS:
            topics.append(_Topic(r.cue_start, here, key, text))
            topics.sort(key=lambda topic: topic.offset)
    return [a for r, a in pairs if not _nested_away(r, a, pairs)]


def _subject_topics(
    subjects: Sequence[Subject], ordered: Sequence[Mention], paragraph_of: Sequence[int | None]
) -> list[_Topic]:
    topics: list[_Topic] = []
    for subject in subjects:
        key, text = key_at(ordered, subject.start, subject.end)
        where = paragraph_of[subject.sentence]
        if key is not None and text is not None and where is not None:
            topics.append(_Topic(subject.start, where, key, text))
    return topics


def _assertion(
    r: RawAssertion, key: str | None, text: str | None, ordered: Sequence[Mention]
) -> Assertion:
    attributed_key, attributed_text = key_at(ordered, r.attributed_start, r.attributed_end)
    return Assertion(
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
        vague=r.vague is not None,
        vague_reason=r.vague,
    )


def _topic(
    topics: Sequence[_Topic], r: RawAssertion, here: int | None, person_keys: set[str]
) -> KeyAndSurface:
    """The last topic before the cue in the same or the previous paragraph."""
    if here is None:
        return None, None
    near = [
        (t.key, t.surface)
        for t in topics
        if t.offset < r.cue_start and here - 1 <= t.paragraph <= here
    ]
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


def key_at(mentions: Sequence[Mention], start: int | None, end: int | None) -> KeyAndSurface:
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
) -> KeyAndSurface:
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
