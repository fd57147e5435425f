"""Assertions: who wants, demands, refuses, offers, says or thinks what, from a parsed Doc.

:class:`AssertionFinder` reads each sentence with one small function per rule family
(:mod:`.verbs`, :mod:`.nouns`, :mod:`.adjectives`, :mod:`.speech`, :mod:`.actions`,
:mod:`.priorities`), over the matches of the patterns of :mod:`.patterns` (compiled and run
once per Doc by :mod:`.matching`); :func:`finalize` maps actor spans to mention keys once
pronouns are resolved.
"""

from putin_claims.nlp.assertions.finalize import TOPIC_KINDS, finalize, key_at, terms_string
from putin_claims.nlp.assertions.finder import AssertionFinder
from putin_claims.nlp.assertions.hedges import HEDGE_ORDER
from putin_claims.nlp.assertions.records import RawAssertion, Subject

__all__ = [
    "HEDGE_ORDER",
    "TOPIC_KINDS",
    "AssertionFinder",
    "RawAssertion",
    "Subject",
    "finalize",
    "key_at",
    "terms_string",
]
