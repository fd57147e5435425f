"""Pronoun mentions: he/she and their forms, with the gender they carry (resolved later by
:mod:`putin_claims.nlp.pronouns`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from putin_claims.lexicons import actor_words
from putin_claims.models import Gender, MentionKind
from putin_claims.nlp.mentions.records import RawMention
from putin_claims.nlp.vocab import permanent

#: Tags of a personal or possessive pronoun when the tagger does not say PRON.
PRONOUN_TAGS: Final = ("PRP", "PRP$")


def pronoun_matcher(vocab: Vocab) -> PhraseMatcher:
    """Gendered personal pronouns by their lowercase form, keyed by gender (a
    ``PhraseMatcher``: hash lookups, where a token ``Matcher`` with a word set costs a Python
    call per token)."""
    lex = actor_words()
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for gender, words in ((Gender.MALE, lex.male_pronouns), (Gender.FEMALE, lex.female_pronouns)):
        permanent(vocab, gender.value)  # looked up after any memory zone
        matcher.add(gender.value, [Doc(vocab, words=[w]) for w in sorted(words)])
    return matcher


def pronoun_mentions(doc: Doc, matcher: PhraseMatcher) -> Iterator[RawMention]:
    """The pronouns of ``doc``: a matched word the tagger takes for a pronoun."""
    for match_id, start, _ in matcher(doc):
        token = doc[start]
        if token.pos_ != "PRON" and token.tag_ not in PRONOUN_TAGS:
            continue
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
