"""Pronoun mentions: he/she and their forms, with the gender they carry (resolved later by
:mod:`putin_claims.nlp.pronouns`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from putin_claims.lexicons import actor_words
from putin_claims.models import Gender, MentionKind
from putin_claims.nlp.mentions.records import RawMention

#: Tags of a personal or possessive pronoun when the tagger does not say PRON.
PRONOUN_TAGS: Final = ("PRP", "PRP$")


def pronoun_matcher(vocab: Vocab) -> Matcher:
    """Gendered personal pronouns, keyed by gender."""
    lex = actor_words()
    matcher = Matcher(vocab)
    for gender, words in ((Gender.MALE, lex.male_pronouns), (Gender.FEMALE, lex.female_pronouns)):
        lower = {"LOWER": {"IN": sorted(words)}}
        matcher.add(
            gender.value,
            [[{**lower, "POS": "PRON"}], [{**lower, "TAG": {"IN": list(PRONOUN_TAGS)}}]],
        )
    return matcher


def pronoun_mentions(doc: Doc, matcher: Matcher) -> Iterator[RawMention]:
    for match_id, start, _ in matcher(doc):
        token = doc[start]
        yield RawMention(
            start=token.idx,
            end=token.idx + len(token),
            surface=token.text,
            kind=MentionKind.PRONOUN,
            label="PRON",
            key="",
            gender=Gender(doc.vocab.strings[match_id]),
            person=True,
        )
