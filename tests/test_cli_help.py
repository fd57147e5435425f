"""The CLI's help and shell completion (``cli/app.py``): every command's help shows an example
that runs as written, and the completion protocol of the installed script answers."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import typer

from conftest import ROOT, call, copy_store
from putin_claims.cli.app import app
from putin_claims.report import ReportFormat

pytestmark = pytest.mark.usefixtures("fixed_terminal")

GROUP = typer.main.get_command(app)
COMMANDS: dict[str, typer.core.TyperCommand] = GROUP.commands  # type: ignore[attr-defined]
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
(PROG,) = SCRIPTS  # the console script: putin-claims
#: typer's completion variable for the program: _PUTIN_CLAIMS_COMPLETE.
COMPLETE_VAR = f"_{PROG}_COMPLETE".replace("-", "_").upper()


# --------------------------------------------------------------------------- examples


def examples(help_text: str) -> list[list[str]]:
    """The command lines under "Example:" in a help text, split as a shell would."""
    lines = help_text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "Example:"]
    assert len(starts) == 1, help_text
    found = []
    for line in lines[starts[0] + 1 :]:
        if not line.startswith("  ") or not line.strip():
            break
        found.append(shlex.split(line))
    return found


@pytest.fixture
def workspace(tmp_path: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory like the repository's after `make run`: data/ and tests/ as in the
    repository, and putin-claims.db holding the seeds."""
    for name in ("data", "tests"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    copy_store(seed_db, tmp_path / "putin-claims.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PUTIN_CLAIMS_DB", raising=False)
    return tmp_path


@pytest.mark.parametrize("command", ["", *COMMANDS], ids=["putin-claims", *COMMANDS])
def test_help_shows_an_example_that_runs_as_written(
    command: str, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, help_text, _ = call(capsys, *([command] if command else []), "--help")
    assert code == 0
    found = examples(help_text)
    assert found, help_text
    for argv in found:
        assert argv[0] == PROG
        assert argv[1] in COMMANDS
        if command:
            assert argv[1] == command, "an example of this command"
        code, out, err = call(capsys, *argv[1:])
        assert code == 0, (argv, err)
        if "--out" in argv:
            assert (workspace / argv[argv.index("--out") + 1]).exists(), argv
        else:
            assert out.strip(), argv


# --------------------------------------------------------------------------- completion


def _environment(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


def complete(*words: str) -> list[str]:
    """What bash completion offers for ``putin-claims WORDS``, the last word being the one
    completed, through the protocol the installed script speaks (typer's, over click's)."""
    line = [PROG, *words]
    env = _environment(
        **{COMPLETE_VAR: "complete_bash", "COMP_WORDS": " ".join(line)},
        COMP_CWORD=str(len(line) - 1),
    )
    done = subprocess.run(
        [sys.executable, "-m", "putin_claims.cli"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout.split()


def _options(command: str) -> set[str]:
    """The long options of a command, ``--help`` included."""
    params = COMMANDS[command].get_params(typer.Context(COMMANDS[command]))
    return {opt for param in params for opt in param.opts if opt[:2] == "--"}


def test_completing_a_command_prefix_offers_the_commands_it_starts() -> None:
    assert complete("ex") == ["extract"] == [c for c in COMMANDS if c.startswith("ex")]
    assert sorted(complete("")) == sorted(COMMANDS)
    assert complete("zz") == []


@pytest.mark.parametrize(
    ("command", "prefix"), [("claims", "--m"), ("report", "--"), ("quotes", "--s")]
)
def test_completing_an_option_prefix_offers_the_options_of_the_command(
    command: str, prefix: str
) -> None:
    expected = {opt for opt in _options(command) if opt.startswith(prefix)}
    assert expected
    assert set(complete(command, prefix)) == expected


def test_completing_an_option_value_offers_its_choices() -> None:
    assert complete("report", "--format", "") == [f.value for f in ReportFormat]
    assert complete("report", "--format", "c") == ["csv"]


def test_the_shown_bash_script_completes_through_the_program(tmp_path: Path) -> None:
    """The bash function ``--show-completion`` prints (asked for through the protocol's
    ``source_bash``, since ``--show-completion`` names the shell it detects from its parent
    processes, which a test run may not have), sourced, completes through the program on
    PATH: the whole round trip a user installs."""
    shown = subprocess.run(
        [sys.executable, "-m", "putin_claims.cli"],
        env=_environment(**{COMPLETE_VAR: "source_bash"}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    script = tmp_path / "completion.bash"
    script.write_text(shown.stdout, encoding="utf-8")
    program = tmp_path / "bin" / PROG
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m putin_claims.cli "$@"\n')
    program.chmod(0o755)
    session = (
        f"source {shlex.quote(str(script))}\n"
        f"COMP_WORDS=({PROG} ex); COMP_CWORD=1\n"
        f"$(complete -p {PROG} | sed 's/.*-F \\([^ ]*\\) .*/\\1/') {PROG}\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", session],
        env=_environment(PATH=f"{program.parent}{os.pathsep}{os.environ['PATH']}"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split() == ["extract"]
