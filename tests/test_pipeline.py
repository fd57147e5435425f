"""The extract driver: incremental runs, one transaction per document, bad input reported."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conftest import SEEDS
from putin_claims.errors import NoInputError
from putin_claims.ingest.readers import ingest
from putin_claims.models import BoilerplateKind
from putin_claims.nlp.process import process
from putin_claims.pipeline import extract
from putin_claims.store import Store

TABLES = ("documents", "sentences", "mentions", "role_links", "dates", "actors")


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (ids included), to prove a run changed nothing."""
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in TABLES
            if t != "documents"
        } | {
            "documents": conn.execute(
                "SELECT doc_id, sha256, pipeline, extracted_at FROM documents ORDER BY 1"
            ).fetchall()
        }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def run(folder: Path | list[Path], db: Path) -> tuple[int, int, int]:
    paths = folder if isinstance(folder, list) else [folder]
    with Store.open(db) as store:
        summary = extract(paths, store)
    return summary.processed, summary.unchanged, len(summary.skipped)


def test_second_run_changes_nothing(corpus: Path, tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    assert run(corpus, db) == (5, 0, 0)
    before = snapshot(db)
    assert run(corpus, db) == (0, 5, 0)
    assert snapshot(db) == before


def test_a_changed_file_is_reprocessed_alone(corpus: Path, tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    run(corpus, db)
    before = snapshot(db)
    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new closing line was added.\n")
    assert run(corpus, db) == (1, 4, 0)
    after = snapshot(db)
    doc_id = changed.stem
    others = lambda rows: [r for r in rows if doc_id not in r]  # noqa: E731
    assert others(after["sentences"]) == others(before["sentences"])
    assert others(after["dates"]) == others(before["dates"])
    new_texts = [r for r in after["sentences"] if r[1] == doc_id]
    assert any("A new closing line was added." in str(r) for r in new_texts)


def test_touching_without_a_change_is_not_a_change(
    corpus: Path, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "store.db"
    run(corpus, db)
    for path in corpus.glob("*.txt"):
        path.touch()
    assert run(corpus, db) == (0, 5, 0)


def test_doc_id_gets_the_folder_name_only_on_a_clash(tmp_path: Path, nlp: Language) -> None:
    first, second = tmp_path / "wire", tmp_path / "blog"
    for folder in (first, second):
        folder.mkdir()
        (folder / "story.txt").write_text(
            f"Story from {folder.name}. The mayor said the bridge opens.\n"
        )
    (first / "other.txt").write_text("Another story. The council voted on Tuesday.\n")
    db = tmp_path / "store.db"
    run([first, second], db)
    with Store.existing(db) as store:
        assert store.doc_ids() == ["blog/story", "other", "story"]
    assert run([first, second], db) == (0, 3, 0)  # ids are stable across runs


def test_a_crash_mid_run_keeps_what_was_stored(
    corpus: Path, tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    run(corpus, db)
    before = snapshot(db)
    files = sorted(corpus.glob("*.txt"))
    for path in files[:3]:
        path.write_text(path.read_text(encoding="utf-8") + "\nAn added sentence for the rerun.\n")
    original_save = Store.save
    calls = {"n": 0}

    def failing_save(
        self: Store, processed: object, pipeline: str, file: str | None = None
    ) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # as if the editor pressed Ctrl-C mid-document
        original_save(self, processed, pipeline, file)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save", failing_save)
    with pytest.raises(KeyboardInterrupt), Store.open(db) as store:
        extract([corpus], store)
    after = snapshot(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # first changed document committed, the second and third untouched (old version intact)
    updated = {r[0] for r in after["documents"] if r not in before["documents"]}
    assert updated == {files[0].stem}
    assert len(after["documents"]) == 5
    for stem in (files[1].stem, files[2].stem):
        assert [r for r in after["sentences"] if r[1] == stem] == [
            r for r in before["sentences"] if r[1] == stem
        ]


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Council backs budget. The mayor said the vote was close.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("   \n\n\t\n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "garbled.txt").write_bytes(
        "Caf\u00e9 r\u00e9sum\u00e9 ".encode() + b"and \xe9 \xff\n"
    )
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    (empty_folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        summary = extract([folder, empty_folder, tmp_path / "missing.txt"], store)
    problems = {Path(s.path).name: s.problem for s in summary.skipped}
    assert summary.processed == 1
    assert problems == {
        "empty.txt": f"{folder / 'empty.txt'}: is empty (no text to extract)",
        "blank.md": f"{folder / 'blank.md'}: is empty (no text to extract)",
        "photo.txt": f"{folder / 'photo.txt'}: is a binary file, not text "
        "(starts with the signature of a binary format)",
        "garbled.txt": f"{folder / 'garbled.txt'}: is not valid text in UTF-8, UTF-16 or a "
        "known single-byte encoding (mixed encodings: valid UTF-8 next to an invalid byte "
        "at offset 19)",
        "nothing": f"{empty_folder}: folder holds no articles"
        " (.txt, .md, .html, .json, .jsonl files)",
        "missing.txt": f"{tmp_path / 'missing.txt'}: no such file or folder",
    }
    for problem in problems.values():
        assert "\n" not in problem


def test_unreadable_file_is_reported(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("First story. The mayor said the bridge opens.\n")
    locked = folder / "b.txt"
    locked.write_text("Second story. The council voted.\n")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.txt":  # root ignores chmod 000, so refuse as the OS would
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with Store.open(tmp_path / "s.db") as store:
        summary = extract([folder], store)
    assert summary.processed == 1
    assert [s.problem for s in summary.skipped] == [
        f"{locked}: cannot be read (check its permissions) (Permission denied)"
    ]


def test_bad_input_leaves_stored_documents_untouched(
    corpus: Path, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "store.db"
    run(corpus, db)
    before = snapshot(db)
    victim = sorted(corpus.glob("*.txt"))[0]
    victim.write_bytes(b"\x00\x01\x02 binary now")
    assert run(corpus, db) == (0, 4, 1)
    assert snapshot(db) == before


def test_no_articles_at_all_is_an_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store, pytest.raises(NoInputError):
        extract([], store)


WORDS = st.sampled_from(
    "the minister said talks would resume on Monday in Geneva while Mr. Smith of "
    "Acme Corp. warned “we will not accept” any deal , ; — U.S. officials 2025 NATO "
    "reportedly Jane Doe’s plan".split()
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(" ".join).map(lambda s: s + ".")
LINE = st.one_of(
    st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join),
    st.sampled_from(["Share", "00:00", "- a list item", "# Heading", "By Jane Doe", "SUBSCRIBE"]),
)
SEPARATOR = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\t\n\n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, min_size=1, max_size=8))
    seps = draw(st.lists(SEPARATOR, min_size=len(lines), max_size=len(lines)))
    lead = draw(st.sampled_from(["", " ", "\n", "\ufeff"]))
    return lead + "".join(line + sep for line, sep in zip(lines, seps, strict=True))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=articles())
def test_offsets_always_slice_back_to_the_sentence(text: str, nlp: Language) -> None:
    data = text.encode("utf-8")
    document = ingest(Path("generated.txt"), "generated", data)
    (processed,) = list(process([document], nlp))
    source = document.text
    assert processed.sentences
    for sentence in processed.sentences:
        assert source[sentence.start : sentence.end] == sentence.text
    for mention in processed.mentions:
        assert source[mention.start : mention.end] == mention.surface
    for date in processed.dates:
        assert source[date.start : date.end] == date.text
    assert [s.index for s in processed.sentences] == list(range(len(processed.sentences)))
    assert [s.start for s in processed.sentences] == sorted(s.start for s in processed.sentences)


def test_lines_repeated_across_sources_are_set_aside(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    furniture = "More from our newsroom partners"
    for name, body in [
        ("a", "The council approved the budget on Tuesday after a long debate."),
        ("b", "The mayor said the new bridge would open in the spring of next year."),
    ]:
        shared = "Officials said the plan would cost millions."  # copied prose stays content
        (folder / f"{name}.txt").write_text(f"{body}\n{furniture}\n{shared}\n")
    db = tmp_path / "s.db"
    run(folder, db)
    with Store.existing(db) as store:
        for doc_id in ("a", "b"):
            rows = [(s.text, s.role.value, s.boilerplate) for s in store.sentences(doc_id)]
            assert (furniture, "boilerplate", BoilerplateKind.REPEATED_ACROSS_SOURCES) in rows
            assert ("Officials said the plan would cost millions.", "content", None) in rows
    (folder / "b.txt").write_text("The mayor said the bridge opens in spring.\n")
    run(folder, db)
    with Store.existing(db) as store:
        roles = {s.text: s.role.value for s in store.sentences("a")}
    assert roles[furniture] == "heading"  # no longer repeated elsewhere: flag undone


def test_sentence_fragments_are_not_cross_source_repeats(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):  # the splitter cuts a stray closing quote off the last sentence
        (folder / f"d{n}.txt").write_text(
            f"“We will wait,” she said.”Story number {n} ends here with the editor's note.\n"
        )
    with Store.open(tmp_path / "s.db") as store:
        extract([folder], store)
        flagged = store.db.execute(
            "SELECT COUNT(*) FROM sentences WHERE boilerplate = 'repeated_across_sources'"
        ).fetchone()[0]
    assert flagged == 0
