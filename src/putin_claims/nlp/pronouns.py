"""He/she pronouns resolved to the nearest earlier person they agree with, quote-aware."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from putin_claims.models import Gender, Mention, MentionKind
from putin_claims.nlp.mentions import RawMention

Offsets = Sequence[tuple[int, int]]


@dataclass
class _People:
    """The people mentioned so far, in text order, and the gender each key is known to have."""

    seen: list[RawMention] = field(default_factory=list)
    gender_of: dict[str, Gender] = field(default_factory=dict)

    def add(self, mention: RawMention) -> None:
        self.seen.append(mention)
        if mention.gender:
            self.gender_of.setdefault(mention.key, mention.gender)

    def gender(self, mention: RawMention) -> Gender | None:
        return mention.gender or self.gender_of.get(mention.key)


def resolve_pronouns(
    raw: Sequence[RawMention],
    paragraph_of: Sequence[int | None],
    max_back: int = 1,
    *,
    quoted: Offsets = (),
    speakers: Offsets = (),
) -> list[Mention]:
    """Give each he/she the key of the nearest earlier person it agrees with.

    Looks back within the same paragraph and ``max_back`` paragraphs before it; a pronoun
    with no agreeing person is dropped (it names no actor the tool can tell). Quote-aware:
    a pronoun outside quotation marks skips people named inside them, and a pronoun inside
    a quote skips the subjects of speech verbs (``speakers``): in '"If he fails," noted
    Dynkin', "he" is not Dynkin.
    """
    out: list[Mention] = []
    people = _People()
    for mention in raw:
        if mention.kind is not MentionKind.PRONOUN:
            if mention.person:
                people.add(mention)
            out.append(_final(mention, mention.key))
            continue
        candidates = _visible(people.seen, mention, quoted, speakers)
        antecedent = _antecedent(candidates, mention, paragraph_of, people, max_back)
        if antecedent is not None:
            people.gender_of.setdefault(antecedent.key, mention.gender or Gender.MALE)
            out.append(_final(mention, antecedent.key))
            people.seen.append(replace(mention, key=antecedent.key))
    return out


def _visible(
    seen: Sequence[RawMention], pronoun: RawMention, quoted: Offsets, speakers: Offsets
) -> list[RawMention]:
    """The people a pronoun can point at: from outside a quote, those named outside quotes;
    from inside one, all but the speakers of speech verbs."""
    if _within(pronoun.start, quoted):
        return [c for c in seen if not any(a < c.end and c.start < b for a, b in speakers)]
    return [c for c in seen if not _within(c.start, quoted)]


def _within(offset: int, spans: Offsets) -> bool:
    return any(start <= offset < end for start, end in spans)


def _antecedent(
    candidates: Sequence[RawMention],
    pronoun: RawMention,
    paragraph_of: Sequence[int | None],
    people: _People,
    max_back: int,
) -> RawMention | None:
    """The nearest candidate of no known other gender, at most ``max_back`` paragraphs back;
    a name in the description of another person is passed over for that person."""
    here = paragraph_of[pronoun.sentence]
    passed: RawMention | None = None
    for candidate in reversed(candidates):
        where = paragraph_of[candidate.sentence]
        if here is None or where is None or here - where > max_back:
            break
        known = people.gender(candidate)
        if known is not None and known != pronoun.gender:
            continue
        if not candidate.modifier:
            return candidate
        passed = passed or candidate
    return passed


def _final(mention: RawMention, key: str) -> Mention:
    return Mention(
        sentence=mention.sentence,
        start=mention.start,
        end=mention.end,
        surface=mention.surface,
        kind=mention.kind,
        label=mention.label,
        key=key,
    )
