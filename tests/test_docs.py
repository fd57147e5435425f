"""Docs that cannot drift: generated references are current, every command is documented."""

from __future__ import annotations

import re

import typer

from conftest import ROOT
from putin_claims.cli import app
from putin_claims.docgen import cli_reference, data_model

DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    assert current == cli_reference(), "run: python -m putin_claims.docgen"


def test_data_model_is_current() -> None:
    current = (DOCS / "data-model.md").read_text(encoding="utf-8")
    assert current == data_model(), "run: python -m putin_claims.docgen"


def test_every_command_has_help_and_a_section_in_the_guide() -> None:
    guide = (DOCS / "cli.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert f"## `putin-claims {name}`" in guide, name
        assert f"putin-claims {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in guide or opt in readme, (name, opt)


def test_docs_link_to_files_that_exist() -> None:
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), (page.name, target)


def test_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog") and "## [Unreleased]" in text
