"""Clumsy and hostile inputs: every path not read gets one line saying why, special files are
never opened, file names print safely, an over-long paragraph is cut instead of refused, and
an unexpected error in one document is that document's problem, not the run's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import SEEDS, call
from putin_claims.errors import (
    BrokenLinkError,
    LinkLoopError,
    SpecialFileError,
    UnreadableFolderError,
    shown,
)
from putin_claims.ingest import readers
from putin_claims.ingest.readers import discover, structure
from putin_claims.store import Store

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Council backs budget\n\nThe mayor said on Monday that the vote had been close.\n"


def test_every_path_not_read_gets_a_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "locked" / "hidden.txt").write_text(GOOD)
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.md").symlink_to(tmp_path / "gone.md")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an article format: no line
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "locked":  # root can list anything, so refuse as the OS would
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    found = list(discover([folder]))
    assert [f for f in found if isinstance(f, Path)] == [folder / "good.txt"]
    problems = {type(p): p for p in found if not isinstance(p, Path)}
    assert set(problems) == {
        BrokenLinkError,
        LinkLoopError,
        SpecialFileError,
        UnreadableFolderError,
    }
    assert problems[SpecialFileError].path == folder / "pipe.txt"
    assert problems[LinkLoopError].path == folder / "sub" / "up"
    assert problems[BrokenLinkError].path == folder / "dangling.md"
    assert "\n" not in "".join(str(p) for p in problems.values())


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.mkfifo(folder / "x.txt")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "putin_claims.cli", "extract", str(folder), "--db",
         str(tmp_path / "s.db"), "--json"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "x.txt" in line]
    assert "not a regular file" in line
    assert '"documents": 1' in done.stdout


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"bad\xffbyte.txt", "bad\\xffbyte.txt"),
        (b"\x1b]0;title\x07.txt", "\\x1b]0;title\\x07.txt"),
        (b"\x1b[2Jclear.txt", "\\x1b[2Jclear.txt"),
    ],
)
def test_file_names_print_on_one_line_without_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: bytes, printed: str
) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + name))
    path.write_bytes(b"")  # empty: skipped with its name
    assert shown(path).endswith(printed)
    code, _, stderr = call(capsys, "extract", str(path), "--db", str(tmp_path / "s.db"))
    assert code == 3
    (line,) = stderr.strip().splitlines()
    assert printed in line and "is empty" in line
    assert "\x1b" not in line and "\x07" not in line


def test_an_over_long_paragraph_is_cut_with_exact_offsets() -> None:
    text = "Budget row\n\n" + "The council met again and argued about the bridge. " * 30_000 + "\n"
    _, paragraphs, _ = structure(text)
    assert len(paragraphs) > 1
    assert max(p.end - p.start for p in paragraphs) <= readers.MAX_PARAGRAPH_CHARS
    body = [p for p in paragraphs if p.line == 3]
    assert all(text[p.start : p.end].endswith("bridge.") for p in body)
    assert sum(p.end - p.start for p in body) + len(body) - 1 == len(text.strip()) - 12
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))


def test_a_long_paragraph_is_stored_in_pieces(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_PARAGRAPH_CHARS", 2_000)
    path = tmp_path / "long.txt"
    path.write_text("Bridge row\n\n" + "The mayor said the bridge would open in May. " * 200 + "\n")
    with Store.open(tmp_path / "s.db") as store:
        from putin_claims.pipeline import extract

        summary = extract([path], store)
        assert summary.processed == 1
        text = store.document_text("long")
        sentences = [s for s in store.sentences("long") if s.role.value == "content"]
    assert len(sentences) == 200
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert len({s.paragraph for s in sentences}) > 1


def test_an_unexpected_error_in_one_document_skips_only_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    nlp: Language,
) -> None:  # fmt: skip
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    victim = sorted(folder.glob("*.txt"))[1]
    real = readers.structure

    def structure(text: str):  # type: ignore[no-untyped-def]
        if text == victim.read_text(encoding="utf-8"):
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(readers, "structure", structure)
    code, _, stderr = call(capsys, "extract", str(folder), "--db", str(tmp_path / "s.db"))
    assert code == 3
    (line,) = [line for line in stderr.splitlines() if victim.name in line]
    assert "could not be processed" in line and "IndexError" in line
    with Store.existing(tmp_path / "s.db") as store:
        assert victim.stem not in store.doc_ids() and len(store.doc_ids()) == 4


def test_markdown_code_spans_hold_anything() -> None:
    from putin_claims.report.markdown import md_code, md_link

    for hostile in ("a`b", "``x``", "<img src=x onerror=alert(1)>", "`<b>`", "x\ny"):
        span = md_code(hostile)
        fence = span[: len(span) - len(span.lstrip("`"))]
        inner = span[len(fence) : len(span) - len(fence)]
        assert "`" * len(fence) not in inner, span  # nothing inside ends the span
        assert "\n" not in span
    assert md_link("x", "javascript:alert(1)") == "x"
    assert md_link("x", "https://news.example/a b") == "[x](<https://news.example/a%20b>)"


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_never_start_a_formula(cell: str) -> None:
    from putin_claims.report.tabular import neutralised

    (out, number) = neutralised((cell, 3))
    assert out == f"'{cell}" and number == 3
    assert neutralised(("plain text", "")) == ("plain text", "")


def test_a_report_is_never_read_back_as_an_article(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "s.db"
    shutil.copy(seed_db, db)
    for fmt in ("md", "json", "html"):
        code, _, _ = call(capsys, "report", "--db", str(db), "--out", str(folder / f"r.{fmt}"))
        assert code == 0
    code, _, stderr = call(capsys, "extract", str(folder), "--db", str(tmp_path / "new.db"))
    assert code == 3
    skipped = [line for line in stderr.splitlines() if "is a report putin-claims wrote" in line]
    assert len(skipped) == 3
    with Store.existing(tmp_path / "new.db") as store:
        assert len(store.doc_ids()) == 5


def test_report_out_never_overwrites_the_store_or_an_existing_file(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    shutil.copy(seed_db, db)
    before = db.read_bytes()
    code, _, stderr = call(capsys, "report", "--db", str(db), "--out", str(db), "--format", "md")
    assert code == 1 and "is the store" in stderr
    assert db.read_bytes() == before
    out = tmp_path / "r.md"
    out.write_text("keep me")
    code, _, stderr = call(capsys, "report", "--db", str(db), "--out", str(out))
    assert code == 1 and "pass --force" in stderr and out.read_text() == "keep me"
    assert call(capsys, "report", "--db", str(db), "--out", str(out), "--force")[0] == 0
    assert out.read_text().startswith("<!-- generated by putin-claims")


def test_terminal_output_never_carries_control_characters_from_a_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    path = tmp_path / "esc.txt"
    path.write_text(
        "Council backs budget\n\n"
        "The mayor said \x1b[31m the vote \x1b[2J had been close, the council said.\n"
        + "The budget passed with a majority of two after a long debate on Monday night. " * 5
        + "\n"
    )  # two control characters in a long text: too few for the decoder to call it binary
    db = str(tmp_path / "s.db")
    assert call(capsys, "extract", str(path), "--db", db)[0] == 0
    code, stdout, _ = call(capsys, "sentences", "esc", "--db", db)
    assert code == 0
    assert "the council said" in stdout  # the sentence is shown, its escapes not acted on
    assert "\x1b" not in stdout
    code, stdout, _ = call(capsys, "sentences", "esc", "--db", db, "--json")
    assert "\x1b" not in stdout  # JSON escapes them (\u001b)


ALIASES = {
    "empty name": '[[actor]]\nid = "x"\nname = ""\ntype = "person"\n',
    "blank alias": '[[actor]]\nid = "x"\nname = "Rufus"\ntype = "person"\naliases = [" "]\n',
    "binary": "\x00\x01\x02",
    "utf-16": '[[actor]]\nid = "x"\nname = "Rufus"\ntype = "person"\n',
}


@pytest.mark.parametrize("case", sorted(ALIASES))
def test_a_bad_alias_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    actors = tmp_path / "actors.toml"
    actors.write_bytes(ALIASES[case].encode("utf-16" if case == "utf-16" else "utf-8"))
    (tmp_path / "a.txt").write_text(GOOD)
    code, _, stderr = call(
        capsys, "extract", str(tmp_path / "a.txt"), "--actors", str(actors), "--db",
        str(tmp_path / "s.db"),
    )  # fmt: skip
    assert code == 1
    (line,) = stderr.strip().splitlines()
    assert line.startswith(f"putin-claims: error: {actors}")


def test_a_title_only_alias_name_does_not_break_resolution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    actors = tmp_path / "actors.toml"
    actors.write_text('[[actor]]\nid = "mr"\nname = "Mr\u0301"\ntype = "person"\n')
    (tmp_path / "a.txt").write_text(GOOD + "Th\u00eb said so. Mr\u0301 agreed on Monday.\n")
    db = str(tmp_path / "s.db")
    args = ("extract", str(tmp_path / "a.txt"), "--actors", str(actors), "--db", db)
    assert call(capsys, *args)[0] == 0
    (tmp_path / "b.txt").write_text(GOOD.replace("Monday", "Tuesday"))
    assert call(capsys, "extract", str(tmp_path), "--actors", str(actors), "--db", db)[0] == 0


def test_ctrl_c_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import importlib

    app_module = importlib.import_module("putin_claims.cli.app")

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(app_module, "run_extract", interrupted)
    (tmp_path / "a.txt").write_text(GOOD)
    code, _, stderr = call(capsys, "extract", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s"))
    assert code == 130
    assert "interrupted; everything stored before stays stored" in stderr


def test_output_to_a_full_disk_is_one_line(seed_db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "putin_claims.cli", "sources", "--db", str(seed_db)],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert "cannot write the output (No space left on device)" in line


def test_a_terminal_that_cannot_show_a_character_gets_an_escape(seed_db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "putin_claims.cli", "sources", "--db", str(seed_db), "--json"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    import json

    titles = [s["title"] for s in json.loads(done.stdout)]
    assert "Putin’s Objectives in Discussions with Trump Regarding Ukraine" in titles


def test_a_store_changed_by_hand_is_one_line(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    db = tmp_path / "s.db"
    shutil.copy(seed_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE documents RENAME COLUMN title TO headline")
    code, stdout, stderr = call(capsys, "sources", "--db", str(db))
    assert (code, stdout) == (1, "")
    (line,) = stderr.strip().splitlines()
    assert "changed outside putin-claims" in line and "no such column" in line


@pytest.mark.parametrize("data", [b"\xff\xfe" + "actors: []\n".encode("utf-16-le"), b"\x00\xff"])
def test_a_gold_file_that_is_not_utf8_text_is_one_line(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_bytes(data)
    code, _, stderr = call(capsys, "evaluate", str(gold), "--db", str(seed_db))
    assert code == 1
    (line,) = stderr.strip().splitlines()
    assert line.startswith(f"putin-claims: error: {gold}")


def test_extract_out_never_overwrites_reports_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.md").write_text("an editor's notes")
    db = str(tmp_path / "s.db")
    code, _, stderr = call(
        capsys, "extract", str(tmp_path / "a.txt"), "--db", db, "--out", str(out)
    )
    assert code == 1 and "pass --force" in stderr
    assert (out / "report.md").read_text() == "an editor's notes"
    assert (
        not (tmp_path / "s.db").exists() or "a" not in Store.existing(tmp_path / "s.db").doc_ids()
    )
    args = ("extract", str(tmp_path / "a.txt"), "--db", db, "--out", str(out), "--force")
    assert call(capsys, *args)[0] == 0
    assert (out / "report.md").read_text().startswith("<!-- generated by putin-claims")
