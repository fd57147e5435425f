"""He/she pronouns resolved to the nearest earlier person they agree with, quote-aware."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from putin_claims.models import Gender, Mention, MentionKind
from putin_claims.nlp.mentions import RawMention


def resolve_pronouns(
    raw: Sequence[RawMention],
    paragraph_of: Sequence[int | None],
    max_back: int = 1,
    *,
    quoted: Sequence[tuple[int, int]] = (),
    speakers: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Give each he/she the key of the nearest earlier person it agrees with.

    Looks back within the same paragraph and ``max_back`` paragraphs before it; a pronoun
    with no agreeing person is dropped (it names no actor the tool can tell). Quote-aware:
    a pronoun outside quotation marks skips people named inside them, and a pronoun inside
    a quote skips the subjects of speech verbs (``speakers``): in '"If he fails," noted
    Dynkin', "he" is not Dynkin.
    """
    out: list[Mention] = []
    seen: list[RawMention] = []
    gender_of: dict[str, Gender] = {}
    for mention in raw:
        if mention.kind is not MentionKind.PRONOUN:
            if mention.person:
                seen.append(mention)
                if mention.gender:
                    gender_of.setdefault(mention.key, mention.gender)
            out.append(_final(mention, mention.key))
            continue
        here = paragraph_of[mention.sentence]
        inside = _within(mention.start, quoted)
        allowed = [
            c
            for c in seen
            if (not inside and not _within(c.start, quoted))
            or (inside and not any(a < c.end and c.start < b for a, b in speakers))
        ]
        antecedent = _antecedent(
            allowed, mention, here, paragraph_of, gender_of=gender_of, max_back=max_back
        )
        if antecedent is not None:
            gender_of.setdefault(antecedent.key, mention.gender or Gender.MALE)
            out.append(_final(mention, antecedent.key))
            seen.append(replace(mention, key=antecedent.key))
    return out


def _within(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _antecedent(
    seen: Sequence[RawMention],
    pronoun: RawMention,
    here: int | None,
    paragraph_of: Sequence[int | None],
    *,
    gender_of: dict[str, Gender],
    max_back: int,
) -> RawMention | None:
    for candidate in reversed(seen):
        where = paragraph_of[candidate.sentence]
        if here is None or where is None or here - where > max_back:
            return None
        known = candidate.gender or gender_of.get(candidate.key)
        if known is None or known == pronoun.gender:
            return candidate
    return None


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
