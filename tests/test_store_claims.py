"""The store's assertions, claims and quotes (``store/claims.py``, ``store/quotes.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ARTICLE_DATE, PIPELINE, make_claims_doc, resolution_v1, sentence_id
from putin_claims.errors import DocumentNotFoundError
from putin_claims.models import (
    AssertionKind,
    AssertionRow,
    Claim,
    ClaimMember,
    Hedge,
    QuoteKind,
    StoredQuote,
)
from putin_claims.store import Store
from putin_claims.store.documents import stable_id


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "claims.db") as s:
        yield s


def _claim(claim_id: str, statement: str) -> Claim:
    return Claim(
        id=claim_id, actor="rufus-firefly", actor_name="Rufus Firefly",
        kind=AssertionKind.STATEMENT, statement=statement, evidence=(), n_sources=1,
        n_independent_sources=1, first_seen=None, last_seen=None,
    )  # fmt: skip


# --------------------------------------------------------------------------- assertions


def test_assertion_rows_read_actors_through_their_keys(store: Store) -> None:
    processed = make_claims_doc()
    store.save(processed, PIPELINE)
    before = store.assertion_rows()
    assert [(r.actor, r.attributed_actor) for r in before] == [(None, None), (None, None)]

    store.apply_resolution(resolution_v1())
    said, met = store.assertion_rows()  # the one in the share line is left out
    s2 = processed.sentences[2]
    assert said == AssertionRow(
        assertion_id=said.assertion_id, doc_id="freedonia-summit",
        sentence_id=sentence_id(store, "freedonia-summit", 2), line=3, start=s2.start,
        end=s2.end, text=s2.text, kind=AssertionKind.STATEMENT, cue="said",
        actor="rufus-firefly", actor_text="He", content="the talks would continue",
        content_start=processed.assertions[0].start, content_end=processed.assertions[0].end,
        negated=False, hedge=Hedge.REPORTED, attributed_actor="trentino",
        attributed_text="Ambassador Trentino", terms="talk continue", date=ARTICLE_DATE,
    )  # fmt: skip
    assert (met.kind, met.actor, met.actor_text, met.negated) == (
        AssertionKind.ACTION,
        None,
        "the summit",
        True,
    )
    ids = [stable_id("freedonia-summit", "assertions", n) for n in range(len(processed.assertions))]
    by_content = {a.content: i for i, a in zip(ids, processed.assertions, strict=True)}
    assert said.assertion_id == by_content[said.content]  # ids derive from the record
    assert met.assertion_id == by_content[met.content]
    assert ids.index(said.assertion_id) < ids.index(met.assertion_id)  # in document order
    text = processed.document.text
    assert all(text[r.content_start : r.content_end] == r.content for r in (said, met))


def test_assertion_rows_of_some_sentences(store: Store) -> None:
    store.save(make_claims_doc(), PIPELINE)
    said, met = store.assertion_rows()
    assert store.assertion_rows([said.sentence_id]) == [said]
    assert store.assertion_rows([said.sentence_id, met.sentence_id]) == [said, met]
    assert store.assertion_rows([]) == []


# --------------------------------------------------------------------------- claims


def test_claim_rows_one_per_member_best_first(store: Store) -> None:
    store.save(make_claims_doc(), PIPELINE)
    said, met = store.assertion_rows()
    store.replace_claims(
        [_claim("c2", "Firefly says the talks go on"), _claim("c1", "Firefly meets Trentino")],
        [[(said.assertion_id, 0.9)], [(said.assertion_id, 0.25), (met.assertion_id, 0.75)]],
    )
    member = ClaimMember(
        claim_id="c1", actor="rufus-firefly", kind=AssertionKind.STATEMENT,
        statement="Firefly meets Trentino", assertion_id=met.assertion_id, score=0.75,
    )  # fmt: skip
    assert store.claim_rows() == [
        member,
        member.model_copy(update={"assertion_id": said.assertion_id, "score": 0.25}),
        ClaimMember(
            claim_id="c2", actor="rufus-firefly", kind=AssertionKind.STATEMENT,
            statement="Firefly says the talks go on", assertion_id=said.assertion_id, score=0.9,
        ),
    ]  # fmt: skip

    store.replace_claims([_claim("c3", "again")], [[(met.assertion_id, 0.5)]])
    assert [(m.claim_id, m.assertion_id) for m in store.claim_rows()] == [("c3", met.assertion_id)]


# --------------------------------------------------------------------------- quotes


def test_quotes_take_their_speaker_through_the_key(store: Store) -> None:
    processed = make_claims_doc("alpha")
    store.save(processed, PIPELINE)
    direct, indirect = store.quotes("alpha")  # document order
    assert (direct.kind, indirect.kind) == (QuoteKind.DIRECT, QuoteKind.INDIRECT)
    assert (indirect.speaker, indirect.speaker_name) == (None, "He")

    store.apply_resolution(resolution_v1())
    direct, indirect = store.quotes("alpha")
    said = processed.quotes[0]
    assert indirect == StoredQuote(
        quote_id=indirect.quote_id, doc_id="alpha",
        sentence_id=sentence_id(store, "alpha", 2), line=3, kind=QuoteKind.INDIRECT, cue="said",
        content=said.content, start=said.start, end=said.end, pieces=said.pieces,
        speaker="rufus-firefly", speaker_name="Rufus Firefly", speaker_text="He",
        speaker_start=said.speaker_start, speaker_end=said.speaker_end, resolved_from=None,
        confidence=0.8,
    )  # fmt: skip
    assert (direct.speaker, direct.speaker_name, direct.resolved_from) == (None, "an envoy", None)


def test_quotes_of_every_document_or_one(store: Store) -> None:
    store.save(make_claims_doc("beta"), PIPELINE)
    store.save(make_claims_doc("alpha"), PIPELINE)
    assert [q.doc_id for q in store.quotes()] == ["alpha", "alpha", "beta", "beta"]
    assert [q.doc_id for q in store.quotes("beta")] == ["beta", "beta"]
    with pytest.raises(DocumentNotFoundError):
        store.quotes("gamma")


def test_speakers_named_elsewhere_win_until_the_next_resolution(store: Store) -> None:
    store.save(make_claims_doc("alpha"), PIPELINE)
    store.save(make_claims_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    direct = store.quotes("alpha")[0]
    source = store.quotes("beta")[1]
    store.resolve_quote_speakers([(direct.quote_id, "trentino", source.quote_id, 0.42)])
    named = direct.model_copy(
        update={
            "speaker": "trentino",
            "speaker_name": "Trentino",
            "resolved_from": source.quote_id,
            "confidence": 0.42,
        }
    )
    assert store.quotes("alpha")[0] == named
    # Named quotes keep their own speaker, confidence and no source.
    assert store.quotes("alpha")[1].confidence == 0.8

    store.apply_resolution(resolution_v1())
    assert store.quotes("alpha")[0] == direct


def test_speaker_named_elsewhere_goes_with_its_source_document(store: Store) -> None:
    store.save(make_claims_doc("alpha"), PIPELINE)
    store.save(make_claims_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    direct = store.quotes("alpha")[0]
    source = store.quotes("beta")[1]
    store.resolve_quote_speakers([(direct.quote_id, "trentino", source.quote_id, 0.42)])
    store.save(make_claims_doc("beta"), PIPELINE)  # new quote ids: the link is gone
    assert store.quotes("alpha")[0] == direct
