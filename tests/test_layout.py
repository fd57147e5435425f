"""The shape of the code: small modules and classes, and a library that never talks to the
terminal itself (only the CLI and the docs generator print or exit)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "putin_claims"
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 250
#: The shell around the library: the only code that may print or exit.
SHELL = ("cli", "docgen.py")

MODULES = sorted(PACKAGE.rglob("*.py"))
LIBRARY = [p for p in MODULES if p.relative_to(PACKAGE).parts[0] not in SHELL]


def _id(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_module_is_at_most_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_id(path)} has {lines} lines; split it by job"


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_classes_are_at_most_250_lines(path: Path) -> None:
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.ClassDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]
    assert not long, f"{_id(path)}: {', '.join(long)}"


def _terminal_calls(tree: ast.Module) -> list[str]:
    """Calls of print, exit, quit or sys.exit, and raising SystemExit, with their lines."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in {"print", "exit", "quit"}:
                found.append(f"{func.id}() at line {node.lineno}")
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "exit"
                and isinstance(func.value, ast.Name)
                and func.value.id == "sys"
            ):
                found.append(f"sys.exit() at line {node.lineno}")
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id == "SystemExit":
                found.append(f"raise SystemExit at line {node.lineno}")
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "sys"
            and any(a.name == "exit" for a in node.names)
        ):
            found.append(f"from sys import exit at line {node.lineno}")
    return found


def test_library_code_never_prints_or_exits() -> None:
    """Library code returns records and raises errors; the CLI renders and picks exit codes."""
    offenders = {_id(p): calls for p in LIBRARY if (calls := _terminal_calls(_tree(p)))}
    assert not offenders, offenders


def test_the_checks_see_the_whole_package() -> None:
    assert len(LIBRARY) < len(MODULES)
    assert {"pipeline.py", "report/__init__.py", "store/__init__.py"} <= {_id(p) for p in LIBRARY}
    assert _terminal_calls(ast.parse("import sys\nprint(1)\nsys.exit(2)\nraise SystemExit(3)"))
