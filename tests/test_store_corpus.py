"""The store's corpus-wide tables and marks (``store/corpus.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PIPELINE, make_doc, sentence_id
from putin_claims.models import (
    AlignedSentences,
    BoilerplateKind,
    Derivation,
    LineRole,
    ParagraphLine,
    RepeatFlag,
)
from putin_claims.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "corpus.db") as s:
        yield s


def _derivation(derived: str, source: str, score: float) -> Derivation:
    pair = AlignedSentences(
        derived_sentence_id=1, derived_text="a", source_sentence_id=2, source_text="b",
        similarity=0.5,
    )  # fmt: skip
    return Derivation(
        derived=derived, source=source, score=score, coverage=score, reverse_coverage=0.1,
        shared_quotes=1, cue=None, examples=(pair,),
    )  # fmt: skip


def test_derivations_are_replaced_and_read_best_first(store: Store) -> None:
    for doc_id in ("alpha", "beta", "gamma"):
        store.save(make_doc(doc_id), PIPELINE)
    first = [_derivation("beta", "alpha", 0.5), _derivation("gamma", "alpha", 0.9)]
    store.replace_derivations(first)
    assert store.derivations() == first[::-1]
    assert {s.doc_id: s.derived_from for s in store.sources()} == {
        "alpha": (),
        "beta": (first[0],),
        "gamma": (first[1],),
    }
    store.replace_derivations([])
    assert store.derivations() == []


def test_settings(store: Store) -> None:
    assert store.setting("colour") is None
    store.set_setting("colour", "blue")
    store.set_setting("colour", "green")
    assert store.setting("colour") == "green"


def test_paragraph_lines_are_whole_paragraphs_of_the_roles_asked(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    title = sentence_id(store, "freedonia-summit", 0)
    assert store.paragraph_lines([LineRole.TITLE]) == [
        ParagraphLine(sentence_id=title, doc_id="freedonia-summit", text="Marmalade Summit Ends")
    ]
    # The two content sentences share a paragraph: neither is a line of its own.
    assert store.paragraph_lines([LineRole.CONTENT, LineRole.HEADING]) == []
    share = sentence_id(store, "freedonia-summit", 3)
    assert [p.sentence_id for p in store.paragraph_lines([LineRole.BOILERPLATE])] == [share]


def test_repeat_flags_set_lines_aside_and_are_undone(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    title = sentence_id(store, "freedonia-summit", 0)
    store.flag_repeats([RepeatFlag(sentence_id=title, reason="the same line appears in 2")])
    flagged = store.sentences("freedonia-summit")[0]
    assert (flagged.role, flagged.boilerplate, flagged.reason) == (
        LineRole.BOILERPLATE,
        BoilerplateKind.REPEATED_ACROSS_SOURCES,
        "the same line appears in 2",
    )
    assert store.counts()["boilerplate"] == 2

    store.clear_repeat_flags()
    title_row, *_, share_row = store.sentences("freedonia-summit")
    assert (title_row.role, title_row.boilerplate, title_row.reason) == (LineRole.TITLE, None, None)
    # Lines set aside for other reasons stay aside.
    assert (share_row.role, share_row.boilerplate) == (LineRole.BOILERPLATE, BoilerplateKind.SHARE)
    assert store.counts()["boilerplate"] == 1
