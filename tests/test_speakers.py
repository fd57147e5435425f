"""Speakers named across sources (``corpus/speakers.py``): the matches, and the word index
that gives the candidates so that the work grows with the corpus, not with its square."""

from __future__ import annotations

import pytest

from putin_claims.corpus import speakers
from putin_claims.models import QuoteKind, StoredQuote


def _quote(quote_id: int, doc_id: str, content: str, speaker: str | None) -> StoredQuote:
    return StoredQuote(
        quote_id=quote_id, doc_id=doc_id, sentence_id=quote_id, line=1, kind=QuoteKind.DIRECT,
        cue="said", content=content, start=0, end=len(content), pieces=((0, len(content)),),
        speaker=speaker, speaker_name=speaker, speaker_text=speaker or "a diplomat",
        speaker_start=None, speaker_end=None, resolved_from=None, confidence=0.9,
    )  # fmt: skip


def _filler(n: int) -> list[StoredQuote]:
    """Named quotes that all share the words 'we', 'will' and 'the' (common at a cap of 3)."""
    return [
        _quote(100 + i, f"other{i}", f"we will the filler{i} words{i} here{i}", f"person{i}")
        for i in range(n)
    ]


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        speakers, "TUNING", speakers.TUNING.model_copy(update={"quote_words_cap": 3})
    )


def test_a_described_speaker_takes_the_name_from_another_source() -> None:
    quotes = [
        _quote(1, "a", "such a detox could be useful for the economy", None),
        _quote(2, "b", "such a detox could be useful for the economy, she said", "ivanova"),
        _quote(3, "c", "nothing alike in these words at all", "petrov"),
    ]
    assert speakers.resolve_descriptions(quotes) == [(1, "ivanova", 2, 0.54)]  # 90 of 100


@pytest.mark.usefixtures("small_cap")
def test_common_words_give_no_candidates_but_a_rare_one_does() -> None:
    named = [q.content.lower() for q in _filler(5)] + ["we will win the vote on detox"]
    index = speakers._QuoteIndex(named)
    assert "we" not in index.postings and "detox" in index.postings
    assert index.candidates("detox we will") == [5]  # 'we', 'will' are in six quotes
    assert index.candidates("filler2 and more") == [2]


@pytest.mark.usefixtures("small_cap")
def test_a_quote_of_common_words_only_is_a_candidate_for_every_text() -> None:
    named = [q.content.lower() for q in _filler(5)] + ["we will the"]
    index = speakers._QuoteIndex(named)
    assert index.common_only == frozenset({5})
    assert index.candidates("we will the filler2") == [2, 5]  # "we will the" is part of it
    assert index.candidates("we will the") == list(range(6))  # no rare word: compared with all


@pytest.mark.usefixtures("small_cap")
def test_the_capped_index_finds_what_comparing_every_pair_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quotes = [
        *_filler(8),
        _quote(1, "a", "we will the detox plan through parliament", None),
        _quote(2, "b", "we will push the detox plan through parliament", "ivanova"),
        _quote(3, "c", "we will the", None),
    ]
    capped = speakers.resolve_descriptions(quotes)
    assert capped[0][:3] == (1, "ivanova", 2)
    assert len(capped) == 2  # 'we will the' is part of every named quote: the first one
    uncapped = speakers.TUNING.model_copy(update={"quote_words_cap": 10_000})
    monkeypatch.setattr(speakers, "TUNING", uncapped)
    assert speakers.resolve_descriptions(quotes) == capped
