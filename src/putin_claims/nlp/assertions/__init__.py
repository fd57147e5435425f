"""Assertions: who wants, demands, refuses, offers, says or thinks what, from a parsed Doc."""

from putin_claims.nlp.assertions.reader import (
    HEDGE_ORDER,
    TOPIC_KINDS,
    AssertionFinder,
    RawAssertion,
    Subject,
    finalize,
    key_at,
    terms_string,
)

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
