"""Documents are known by their content, not their path: moving, renaming or copying a file
changes no document, `prune` forgets files that are gone, and an article read from a page,
an export or Markdown gives the same sentences and metadata."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import SEEDS, call
from putin_claims.models import ExtractSummary
from putin_claims.pipeline import extract, prune
from putin_claims.store import Store

FORMATS = Path(__file__).parent / "data" / "formats"
#: Corpus-wide tables a move must leave as they were (row for row, ids included).
CORPUS_TABLES = ("actors", "key_actors", "claims", "claim_evidence", "derivations", "quotes")


def run(paths: list[Path], db: Path, **options: bool) -> ExtractSummary:
    with Store.open(db) as store:
        return extract(paths, store, **options)  # type: ignore[arg-type]


def rows(db: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def sources(db: Path) -> dict[str, tuple[str, ...]]:
    with Store.existing(db) as store:
        return {s.doc_id: s.paths for s in store.sources()}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_moved_folder_is_the_same_documents(seeds: Path, tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    first = run([seeds], db)
    before = {table: rows(db, table) for table in CORPUS_TABLES}
    moved = seeds.rename(tmp_path / "elsewhere")
    second = run([moved], db)
    assert (second.processed, second.unchanged, second.documents) == (0, 5, 5)
    assert second.model_dump(exclude={"files", "processed", "unchanged"}) == first.model_dump(
        exclude={"files", "processed", "unchanged"}
    )
    for table in CORPUS_TABLES:
        assert rows(db, table) == before[table], table
    for doc_id, paths in sources(db).items():
        assert paths == (str(moved / f"{doc_id}.txt"),), "the old path is forgotten"


def test_a_copy_is_one_document_with_both_paths(seeds: Path, tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    original = sorted(seeds.glob("*.txt"))[0]
    copy = seeds / "saved-again.txt"
    shutil.copy(original, copy)
    summary = run([seeds], db)
    assert (summary.processed, summary.unchanged, summary.documents) == (5, 1, 5)
    assert sources(db)[original.stem] == (str(original), str(copy))
    with Store.existing(db) as store:
        for source in store.sources():
            assert all(d.source != d.derived for d in source.derived_from)


def test_a_changed_copy_becomes_its_own_document(
    seeds: Path, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "store.db"
    original = sorted(seeds.glob("*.txt"))[0]
    copy = seeds / "edited.txt"
    shutil.copy(original, copy)
    run([seeds], db)
    copy.write_text(original.read_text(encoding="utf-8") + "\nAn editor's note was added.\n")
    summary = run([seeds], db)
    assert (summary.processed, summary.documents) == (1, 6)
    found = sources(db)
    assert found[original.stem] == (str(original),)
    assert found["edited"] == (str(copy),)


def test_prune_removes_the_documents_of_deleted_files(
    seeds: Path, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "store.db"
    run([seeds], db)
    victim = sorted(seeds.glob("*.txt"))[-1]
    victim.unlink()
    with Store.open(db) as store:
        summary = prune(store)
        assert summary.removed == (victim.stem,)
        assert summary.forgotten == (str(victim),)
        assert victim.stem not in store.doc_ids()
        assert store.setting("corpus_state") != "stale"
        evidence = store.rows("SELECT DISTINCT doc_id FROM assertions")
        assert victim.stem not in {r["doc_id"] for r in evidence}
    with Store.open(db) as store:
        assert prune(store).forgotten == ()


def test_prune_keeps_a_document_that_lives_on_under_another_path(
    seeds: Path, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "store.db"
    original = sorted(seeds.glob("*.txt"))[0]
    shutil.copy(original, seeds / "copy.txt")
    run([seeds], db)
    original.unlink()
    with Store.open(db) as store:
        summary = prune(store)
    assert (summary.removed, summary.forgotten, summary.documents) == ((), (str(original),), 5)
    assert sources(db)[original.stem] == (str(seeds / "copy.txt"),)


def test_extract_prune_forgets_what_is_gone(seeds: Path, tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    run([seeds], db)
    victim = sorted(seeds.glob("*.txt"))[2]
    victim.unlink()
    assert run([seeds], db).documents == 5  # without --prune the document stays
    summary = run([seeds], db, prune=True)
    assert (summary.removed, summary.documents) == ((victim.stem,), 4)


def test_the_same_article_in_three_formats(tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "store.db"
    summary = run([FORMATS], db)
    assert (summary.processed, summary.skipped) == (3, ())
    with Store.existing(db) as store:
        found = {s.format: s for s in store.sources()}
        assert set(found) == {"html", "jsonl", "markdown"}
        facts = {(s.title, s.author, s.outlet, s.date, s.url) for s in found.values()}
        assert len(facts) == 1 and None not in next(iter(facts))
        texts = {
            fmt: [s.text for s in store.sentences(source.doc_id) if s.role.value == "content"]
            for fmt, source in found.items()
        }
        assert len(texts["html"]) >= 7
        assert texts["html"] == texts["jsonl"] == texts["markdown"]
        page = found["html"].doc_id
        kept = store.document_source(page)
        assert kept is not None and kept[0] == "text/html"
        assert kept[1] == (FORMATS / "finland-border.html").read_bytes()


RUSSIAN = (
    "Кремль отверг план прекращения огня\n\n"
    "Представитель Кремля заявил в пятницу, что предложенный европейскими лидерами план не "
    "учитывает коренные причины конфликта и поэтому не может быть принят. По его словам, "
    "Москва готова к переговорам, но только на своих условиях, и не намерена отказываться от "
    "своих требований.\n"
)


def test_cli_skips_a_non_english_article_with_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FORMATS / "finland-border.md", folder / "english.md")
    (folder / "russian.txt").write_text(RUSSIAN)
    db = tmp_path / "store.db"
    code, stdout, stderr = call(capsys, "extract", str(folder), "--db", str(db), "--json")
    assert code == 3
    lines = [line for line in stderr.splitlines() if "russian.txt" in line]
    assert len(lines) == 1 and "Russian" in lines[0] and "not in English" in lines[0]
    assert '"documents": 1' in stdout
    with Store.existing(db) as store:
        assert store.doc_ids() == ["english"]


def test_cli_refuses_a_url_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = call(
        capsys, "extract", "https://news.example/a", "--db", str(tmp_path / "s.db")
    )
    assert code == 3
    (line,) = [line for line in stderr.splitlines() if "news.example" in line]
    assert "https://news.example/a: is a URL" in line and "save the page" in line


def test_cli_prune(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store.db"
    assert call(capsys, "extract", str(seeds), "--db", str(db))[0] == 0
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.unlink()
    code, stdout, _ = call(capsys, "prune", "--db", str(db), "--json")
    assert code == 0
    assert f'"{victim.stem}"' in stdout and '"documents": 4' in stdout
    code, stdout, stderr = call(capsys, "prune", "--db", str(db))
    assert (code, stdout) == (0, "")
    assert "nothing to prune" in stderr


def test_reports_link_passages_and_quotes_to_the_article_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    db = str(tmp_path / "store.db")
    assert call(capsys, "extract", str(FORMATS), "--db", db)[0] == 0
    url = "https://www.nordicledger.example/world/2024/06/18/finland-border-stays-closed"
    for fmt in ("md", "html", "csv", "json"):
        out = tmp_path / f"report.{fmt}"
        assert call(capsys, "report", "--db", db, "--out", str(out))[0] == 0
        text = out.read_text(encoding="utf-8")
        assert url in text, fmt
        assert "Rantanen" in text, fmt  # the minister's quote is in the quotes section
    assert f"(<{url}>)" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert f'href="{url}"' in (tmp_path / "report.html").read_text(encoding="utf-8")
