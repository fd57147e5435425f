"""Lines repeated across sources (``corpus/repeats.py``): the rule, then the rule on a store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from putin_claims.corpus.repeats import flag_cross_source_repeats, repeated_lines
from putin_claims.models import (
    BoilerplateKind,
    DocumentMeta,
    IngestedDocument,
    LineRole,
    ParagraphLine,
    ProcessedDocument,
    RepeatFlag,
    Sentence,
)
from putin_claims.store import Store

MAX_WORDS = 6
RELATED = "Related coverage"

# --------------------------------------------------------------------------- the rule

SIX = "one two three four five six"


def _in(*doc_ids: str, text: str = RELATED) -> list[tuple[str, str]]:
    """The same line in each of these documents."""
    return [(doc_id, text) for doc_id in doc_ids]


#: (case, lines as (doc id, text), min_docs, flagged line numbers, documents named in the reason)
CASES: list[tuple[str, list[tuple[str, str]], int, list[int], int]] = [
    ("same line in two documents", _in("a", "b"), 2, [0, 1], 2),
    ("twice in one document", _in("a", "a"), 2, [], 0),
    ("case and spacing aside", [("a", "Related  Coverage "), ("b", "related coverage")], 2,
     [0, 1], 2),
    ("a sentence ends in a stop", _in("a", "b", text="It ended."), 2, [], 0),
    ("closing quotes after the stop", _in("a", "b", text="“It ended!”"), 2, [], 0),
    ("more words than allowed", _in("a", "b", text=SIX + " seven"), 2, [], 0),
    ("as many words as allowed", _in("a", "b", text=SIX), 2, [0, 1], 2),
    ("too long, however few words", _in("a", "b", text="x" * 200), 2, [], 0),
    ("just short enough", _in("a", "b", text="x" * 199), 2, [0, 1], 2),
    ("fewer documents than asked", _in("a", "b"), 3, [], 0),
    ("three documents, one twice", _in("a", "b", "c", "c"), 3, [0, 1, 2, 3], 3),
    ("one document is enough when asked", _in("a"), 1, [0], 1),
    ("different lines", [("a", RELATED), ("b", "More coverage")], 2, [], 0),
    ("each group on its own", [*_in("a", "b"), *_in("b", "c", text=SIX)], 2, [0, 1, 2, 3], 2),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "min_docs", "flagged", "docs"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_repeated_lines(
    lines: list[tuple[str, str]], min_docs: int, flagged: list[int], docs: int
) -> None:
    candidates = [
        ParagraphLine(sentence_id=n, doc_id=doc_id, text=text)
        for n, (doc_id, text) in enumerate(lines)
    ]
    reason = f"the same line appears in {docs} documents"
    assert repeated_lines(candidates, MAX_WORDS, min_docs) == [
        RepeatFlag(sentence_id=n, reason=reason) for n in flagged
    ]


# --------------------------------------------------------------------------- on a store


def _doc(doc_id: str, paragraphs: Sequence[Sequence[tuple[str, LineRole]]]) -> ProcessedDocument:
    """A document of these paragraphs of (sentence, role), one paragraph per line."""
    text, sentences = "", []
    for p, paragraph in enumerate(paragraphs):
        for words, role in paragraph:
            start = len(text)
            sentences.append(
                Sentence(
                    index=len(sentences), paragraph=p, line=p + 1, start=start,
                    end=start + len(words), text=words, role=role,
                )
            )  # fmt: skip
            text += words + " "
        text = text[:-1] + "\n"
    document = IngestedDocument(
        doc_id=doc_id, path=f"/articles/{doc_id}.txt", sha256=doc_id, encoding="utf-8",
        text=text, lines=(), paragraphs=(), meta=DocumentMeta(),
    )  # fmt: skip
    return ProcessedDocument(
        document=document, sentences=tuple(sentences), mentions=(), role_links=(), dates=()
    )


TITLE = ("Summit ends", LineRole.TITLE)
PROSE = ("The talks went on for hours and ended without a deal.", LineRole.CONTENT)
HEADING = (RELATED, LineRole.HEADING)
CONTENT = (RELATED, LineRole.CONTENT)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "repeats.db") as s:
        yield s


def _roles(store: Store, doc_id: str) -> list[tuple[str, LineRole, BoilerplateKind | None]]:
    return [(s.text, s.role, s.boilerplate) for s in store.sentences(doc_id)]


def test_lines_of_their_own_are_set_aside_titles_and_fragments_are_not(store: Store) -> None:
    store.save(_doc("a", [[TITLE], [HEADING], [PROSE]]), "p")
    store.save(_doc("b", [[TITLE], [CONTENT], [PROSE, CONTENT]]), "p")
    assert flag_cross_source_repeats(store, MAX_WORDS) == 2
    repeated = BoilerplateKind.REPEATED_ACROSS_SOURCES
    assert _roles(store, "a") == [
        ("Summit ends", LineRole.TITLE, None),  # titles are never furniture
        (RELATED, LineRole.BOILERPLATE, repeated),
        (PROSE[0], LineRole.CONTENT, None),
    ]
    assert _roles(store, "b") == [
        ("Summit ends", LineRole.TITLE, None),
        (RELATED, LineRole.BOILERPLATE, repeated),
        (PROSE[0], LineRole.CONTENT, None),
        (RELATED, LineRole.CONTENT, None),  # a fragment of a longer paragraph
    ]
    reasons = {s.reason for s in store.sentences("a") + store.sentences("b") if s.reason}
    assert reasons == {"the same line appears in 2 documents"}


def test_earlier_flags_are_undone_when_the_corpus_changes(store: Store) -> None:
    store.save(_doc("a", [[HEADING], [PROSE]]), "p")
    store.save(_doc("b", [[CONTENT], [PROSE]]), "p")
    assert flag_cross_source_repeats(store, MAX_WORDS) == 2
    assert flag_cross_source_repeats(store, MAX_WORDS) == 2  # the same again, not more
    store.save(_doc("b", [[PROSE]]), "p")
    assert flag_cross_source_repeats(store, MAX_WORDS) == 0
    assert _roles(store, "a") == [
        (RELATED, LineRole.HEADING, None),  # its first role back
        (PROSE[0], LineRole.CONTENT, None),
    ]


def test_flagging_joins_an_open_transaction(store: Store) -> None:
    store.save(_doc("a", [[HEADING]]), "p")
    store.save(_doc("b", [[CONTENT]]), "p")
    with pytest.raises(RuntimeError), store.transaction():
        assert flag_cross_source_repeats(store, MAX_WORDS, min_docs=2) == 2
        raise RuntimeError("interrupted")
    assert _roles(store, "a") == [(RELATED, LineRole.HEADING, None)]
