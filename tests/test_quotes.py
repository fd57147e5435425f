"""Quotes and speakers: attribution on articles written for these tests (real spaCy pipeline),
the seed gold gate, and cross-source speaker resolution (mark pairing: test_quote_spans.py;
speech verbs: test_speech_frames.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from conftest import ROOT
from putin_claims.evaluate import evaluate_quotes, jaccard, speaker_matches
from putin_claims.ingest.readers import ingest, read_bytes
from putin_claims.models import ProcessedDocument, Quote, QuoteKind
from putin_claims.nlp.process import process
from putin_claims.pipeline import extract
from putin_claims.query.quotes import select
from putin_claims.store import Store

QUOTE_FLOORS = {
    "recall": 0.9,
    "precision": 0.9,
    "speaker_accuracy": 0.9,
    "kind_accuracy": 0.9,
    "span_overlap": 0.8,
}


def _process(text: str, nlp: Language, tmp_path: Path, name: str = "article") -> ProcessedDocument:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    (processed,) = process([ingest(path, name, read_bytes(path))], nlp)
    return processed


def _by_start(processed: ProcessedDocument, words: str) -> Quote:
    text = processed.document.text
    at = text.index(words)
    (quote,) = [q for q in processed.quotes if q.start <= at < q.end]
    return quote


ARTICLE = (
    "Talks resume in Geneva\n\n"
    "Lavrov met the delegation on Friday.\n\n"
    "“The situation is difficult,” Sergei Lavrov said after the meeting. “We are ready,” he "
    "added. “Nobody should doubt it.”\n\n"
    "Maria Ivanova, a historian at Moscow State University, was less sure. “Such talks,” she "
    "remarked, “rarely end quickly.”\n\n"
    "“If he fails, he might walk away,” noted Igor Petrov, an adviser, speaking of Mr. "
    "Macron.\n\n"
    "According to Mr. Petrov, the Kremlin wants a quick deal. The press called it a “grand "
    "bargain” and Macron described the mood as “serious.”\n"
)


def test_speakers_of_direct_quotes(nlp: Language, tmp_path: Path) -> None:
    processed = _process(ARTICLE, nlp, tmp_path)
    first = _by_start(processed, "The situation is difficult")
    assert first.kind is QuoteKind.DIRECT and first.cue == "say"
    assert first.speaker_key is not None and "lavrov" in first.speaker_key
    added = _by_start(processed, "We are ready")
    assert added.speaker_key == first.speaker_key and added.speaker_text == "he"
    frameless = _by_start(processed, "Nobody should doubt it")
    assert frameless.speaker_key == first.speaker_key
    assert frameless.confidence < first.confidence


def test_a_split_quote_is_one_quote_with_its_pronoun_speaker(nlp: Language, tmp_path: Path) -> None:
    processed = _process(ARTICLE, nlp, tmp_path)
    split = _by_start(processed, "Such talks")
    assert split.content == "Such talks, … rarely end quickly."
    assert len(split.pieces) == 2
    assert split.speaker_key is not None and "ivanova" in split.speaker_key
    assert split.speaker_text == "she"


def test_a_pronoun_inside_a_quote_is_not_its_speaker(nlp: Language, tmp_path: Path) -> None:
    processed = _process(ARTICLE, nlp, tmp_path)
    quote = _by_start(processed, "If he fails")
    assert quote.speaker_key is not None and "petrov" in quote.speaker_key
    text = processed.document.text
    he = text.index("If he fails") + 3
    keys = [m.key for m in processed.mentions if m.start == he]
    assert all("petrov" not in k for k in keys)


def test_speech_reported_inside_a_quote_is_no_voice_for_the_next(
    nlp: Language, tmp_path: Path
) -> None:
    text = (
        "Cup win for Rovers\n\n"
        'Rovers boss Tom Hart said: "We won. Ann Lee says we can win the league." Hart was '
        "relieved after a tough night.\n\n"
        '"In the second half we were better."\n'
    )
    processed = _process(text, nlp, tmp_path)
    quote = _by_start(processed, "In the second half")
    assert quote.speaker_key is not None and "hart" in quote.speaker_key


def test_according_to_partial_and_scare_quotes(nlp: Language, tmp_path: Path) -> None:
    processed = _process(ARTICLE, nlp, tmp_path)
    reported = [q for q in processed.quotes if q.cue == "according to"]
    assert [q.content for q in reported] == ["the Kremlin wants a quick deal"]
    assert reported[0].kind is QuoteKind.INDIRECT
    assert reported[0].speaker_key is not None and "petrov" in reported[0].speaker_key
    scare = _by_start(processed, "grand")
    assert scare.kind is QuoteKind.PARTIAL and scare.speaker_key is None
    described = _by_start(processed, "serious")
    assert described.kind is QuoteKind.PARTIAL
    assert described.speaker_key is not None and "macron" in described.speaker_key


def test_offsets_slice_the_document(nlp: Language, tmp_path: Path) -> None:
    processed = _process(ARTICLE, nlp, tmp_path)
    text = processed.document.text
    for q in processed.quotes:
        assert len(q.pieces) >= 1
        assert q.start == q.pieces[0][0] and q.end == q.pieces[-1][1]
        if len(q.pieces) == 1:
            assert text[q.start : q.end] == q.content
        if q.speaker_start is not None and q.speaker_end is not None:
            assert (
                text[q.speaker_start : q.speaker_end] in (q.speaker_text or "")
                or (q.speaker_text or "") in text[q.speaker_start : q.speaker_end]
            )


def test_a_description_is_named_by_another_source(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Energy\n\nMaria Ivanova, a historian, spoke on Monday. “Cheap gas,” she said, "
        "“will not come back soon.”\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Energy again\n\n“Cheap gas will not come back soon,” commented a historian from Moscow.\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "q.db") as store:
        extract([folder], store)
        (quote,) = [q for q in store.quotes("b") if q.kind is QuoteKind.DIRECT]
        assert quote.speaker_text == "a historian from Moscow"
        assert quote.speaker_name == "Maria Ivanova"
        assert quote.resolved_from is not None
        assert quote.confidence < 0.9
        assert select(store, speaker="Ivanova") == [
            q for q in store.quotes() if q.speaker == quote.speaker
        ]


def test_seed_quote_gold_gate(seed_store: Store) -> None:
    scores = evaluate_quotes(seed_store, ROOT / "tests" / "gold" / "quotes.yaml")
    assert scores.quotes >= 30
    for name, floor in QUOTE_FLOORS.items():
        assert getattr(scores, name) >= floor, (name, getattr(scores, name))


#: Held-out floors: articles annotated without looking at the tool (measured, rounded down).
OTHER_QUOTE_FLOORS = {
    "recall": 0.75,
    "precision": 0.95,
    "speaker_accuracy": 0.93,
    "kind_accuracy": 0.9,
    "span_overlap": 0.85,
}


def test_second_corpus_quote_gold_gate(tmp_path: Path, nlp: Language) -> None:
    with Store.open(tmp_path / "o.db") as store:
        extract([ROOT / "tests" / "data" / "claims-other"], store)
        scores = evaluate_quotes(store, ROOT / "tests" / "gold" / "quotes-other.yaml")
    assert scores.quotes >= 30
    for name, floor in OTHER_QUOTE_FLOORS.items():
        assert getattr(scores, name) >= floor, (name, getattr(scores, name))


def _seed(store: Store, prefix: str) -> str:
    (doc_id,) = [d for d in store.doc_ids() if d.startswith(prefix)]
    return doc_id


@pytest.mark.parametrize(
    ("prefix", "words", "speaker", "kind"),
    [
        ("000", "Dialogue is not negotiation", "johnson", QuoteKind.DIRECT),
        ("001", "The situation in Ukraine is unfolding", "vyacheslav-nikonov", QuoteKind.DIRECT),
        ("001", "The offensive is in progress", "vyacheslav-nikonov", QuoteKind.DIRECT),
        ("001", "However, I believe that for Putin", "vyacheslav-nikonov", QuoteKind.DIRECT),
        ("001", "Mr. Trump favors swift agreements", "aleksandr-a-dynkin", QuoteKind.DIRECT),
        ("001", "If he encounters significant obstacles", "aleksandr-a-dynkin", QuoteKind.DIRECT),
        ("001", "For Russia, long-term benefits", "feodor-voitolovsky", QuoteKind.DIRECT),
        ("001", "We could develop a framework", "feodor-voitolovsky", QuoteKind.DIRECT),
        ("001", "Such a detox,", "anastasia-likhacheva", QuoteKind.DIRECT),
        ("002", "Such a detox could be useful", "anastasia-likhacheva", QuoteKind.DIRECT),
        ("004", "the endless discussions are exhausting him", "donald-trump", QuoteKind.INDIRECT),
        ("004", "he was confident the document", "yuri-ushakov", QuoteKind.INDIRECT),
    ],
)
def test_seed_speakers(
    seed_store: Store, prefix: str, words: str, speaker: str, kind: QuoteKind
) -> None:
    doc_id = _seed(seed_store, prefix)
    at = seed_store.document_text(doc_id).index(words)
    (quote,) = [q for q in seed_store.quotes(doc_id) if q.start <= at < q.end]
    assert (quote.speaker, quote.kind) == (speaker, kind)


def test_the_detox_quote_keeps_its_description(seed_store: Store) -> None:
    doc_id = _seed(seed_store, "002")
    (quote,) = [q for q in seed_store.quotes(doc_id) if "detox" in q.content]
    assert quote.speaker_text == "a prominent academic from Moscow"
    assert quote.speaker_name == "Anastasia Likhacheva"
    source = [q for q in seed_store.quotes() if q.quote_id == quote.resolved_from]
    assert source and source[0].doc_id.startswith("001")


def test_likhachevas_split_quote_is_one(seed_store: Store) -> None:
    doc_id = _seed(seed_store, "001")
    (quote,) = [q for q in seed_store.quotes(doc_id) if "detox" in q.content]
    assert len(quote.pieces) == 2 and quote.cue == "remark"


def test_scoring_helpers() -> None:
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert speaker_matches("Nikonov", ["Vyacheslav Nikonov", "he"])
    assert speaker_matches(None, [None, None])
    assert not speaker_matches(None, ["Trump"])
    assert not speaker_matches("Dynkin", ["Vyacheslav Nikonov", "Mr. Nikonov"])


def test_he_inside_dynkins_quote_is_trump_not_dynkin(seed_store: Store) -> None:
    doc_id = _seed(seed_store, "001")
    text = seed_store.document_text(doc_id)
    start = text.index("If he encounters")
    end = start + len("If he encounters significant obstacles, he might")
    rows = seed_store.db.execute(
        "SELECT actor_id FROM mentions LEFT JOIN key_actors USING (key)"
        " WHERE doc_id = ? AND kind = 'pronoun'"
        " AND char_start >= ? AND char_end <= ?",
        (doc_id, start, end),
    ).fetchall()
    assert [r[0] for r in rows] == ["donald-trump", "donald-trump"]
