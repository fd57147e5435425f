"""Passages against a stored claim (``query/contradictions.py``) and one quote in several
sources (``corpus.speakers.same_quote_groups``), on hand-made records."""

from __future__ import annotations

import pytest

from putin_claims.corpus.speakers import same_quote_groups
from putin_claims.models import AssertionKind, AssertionRow, Hedge, QuoteKind, StoredQuote
from putin_claims.query.contradictions import opposed

K = AssertionKind


def _row(kind: AssertionKind, negated: bool = False, terms: str = "concession") -> AssertionRow:
    return AssertionRow(
        doc_id="d", sentence_id=1, line=1, start=0, end=10, text="x", assertion_id=1, kind=kind,
        cue="want", actor="a", actor_text="A", content="x", content_start=0, content_end=1,
        negated=negated, hedge=Hedge.ASSERTED, attributed_actor=None, attributed_text=None,
        terms=terms, date=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_row(K.OBJECTIVE), _row(K.OBJECTIVE), False),
        (_row(K.OBJECTIVE), _row(K.OBJECTIVE, negated=True), True),
        (_row(K.OBJECTIVE), _row(K.DEMAND, terms="not concession"), True),  # "that X never"
        (_row(K.OBJECTIVE, negated=True), _row(K.DEMAND, terms="not concession"), False),
        (_row(K.REFUSAL), _row(K.OBJECTIVE), True),  # refuses X / wants X
        (_row(K.REFUSAL), _row(K.DEMAND, negated=True), False),  # refuses X / does not want X
        (_row(K.REFUSAL), _row(K.REFUSAL, negated=True), True),  # refuses X / will not refuse X
        (_row(K.REFUSAL), _row(K.REFUSAL), False),
    ],
)
def test_opposed_by_stance(a: AssertionRow, b: AssertionRow, expected: bool) -> None:
    assert opposed(a, b) is expected
    assert opposed(b, a) is expected


def _quote(n: int, doc: str, content: str, speaker: str | None = "s") -> StoredQuote:
    return StoredQuote(
        quote_id=n, doc_id=doc, sentence_id=n, line=1, kind=QuoteKind.DIRECT, cue="said",
        content=content, start=0, end=len(content), pieces=((0, len(content)),),
        speaker=speaker, speaker_name=speaker, speaker_text=speaker, speaker_start=None,
        speaker_end=None, resolved_from=None, confidence=0.9,
    )  # fmt: skip


LONG = "The smart chip register ink depletion and render a cartridge unusable after a date"


def test_same_quote_groups_join_two_sources_wordings_but_not_a_few_words_of_a_long_quote() -> None:
    quotes = [
        _quote(1, "a", LONG),
        _quote(2, "b", LONG.replace("render", "renders")),
        _quote(3, "c", "cartridge unusable after a date"),  # all its words are in LONG
        _quote(4, "e", "The cartridge market is worth billions and the chip is a scandal"),
        _quote(5, "d", LONG, speaker="other"),  # another known speaker
    ]
    assert [[q.quote_id for q in g] for g in same_quote_groups(quotes)] == [[1, 2]]


def test_a_speaker_link_is_held_to_the_same_test() -> None:
    short = _quote(2, "b", "That is not the case", speaker=None)
    linked = short.model_copy(update={"resolved_from": 1})
    assert same_quote_groups([_quote(1, "a", LONG), linked]) == []
    close = _quote(3, "c", LONG.replace("smart", "clever"), speaker=None)
    close = close.model_copy(update={"resolved_from": 1})
    assert [[q.quote_id for q in g] for g in same_quote_groups([_quote(1, "a", LONG), close])] == [
        [1, 3]
    ]
