"""Docs that cannot drift: generated references are current, every command is documented."""

from __future__ import annotations

import importlib
import json
import re
from enum import StrEnum

import jsonschema
import typer
from pydantic import BaseModel
from spacy.language import Language

from conftest import ROOT
from putin_claims.cli import render as output
from putin_claims.cli.app import app
from putin_claims.docgen import cli_reference, data_model, json_schemas
from putin_claims.query.check import check
from putin_claims.query.claims import objectives
from putin_claims.store import Store

DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "putin_claims"


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    assert current == cli_reference(), "run: python -m putin_claims.docgen"


def test_data_model_is_current() -> None:
    current = (DOCS / "data-model.md").read_text(encoding="utf-8")
    assert current == data_model(), "run: python -m putin_claims.docgen"


def _all_subclasses(base: type) -> set[type]:
    """Every subclass of ``base`` defined in the package, once each of its modules is imported."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] != "__main__":
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    found, todo = set(), [base]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] == "putin_claims":
                found.add(sub)
    return found


def test_data_model_documents_every_model_and_closed_set() -> None:
    """A record defined anywhere under src/putin_claims has a section in docs/data-model.md."""
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    models = _all_subclasses(BaseModel)
    assert {"Derivation", "Report", "Scores", "Tuning"} <= {m.__name__ for m in models}
    missing = sorted(m.__name__ for m in models if f"\n#### {m.__name__}\n" not in text)
    assert not missing, f"not in docs/data-model.md: {missing}; run: python -m putin_claims.docgen"
    enums = _all_subclasses(StrEnum)
    missing = sorted(e.__name__ for e in enums if f"- **{e.__name__}**:" not in text)
    assert not missing, f"not in docs/data-model.md: {missing}; run: python -m putin_claims.docgen"


def test_json_schemas_are_current() -> None:
    for name, text in json_schemas().items():
        assert (DOCS / "schema" / name).read_text(encoding="utf-8") == text, name


def test_json_output_validates_against_the_committed_schema(
    seed_store: Store, nlp: Language
) -> None:
    """Real `objectives` and `check` output against docs/schema (jsonschema-free check:
    every required key is present with a value of the declared JSON type)."""
    claims = json.loads(output.as_json(objectives(seed_store, "putin")[1]))
    result = json.loads(output.as_json(check(seed_store, "Putin demands end of military aid", nlp)))
    for name, value in (("claims.schema.json", claims), ("check.schema.json", result)):
        schema = json.loads((DOCS / "schema" / name).read_text(encoding="utf-8"))
        _conforms(value, schema)


def _conforms(value: object, schema: dict[str, object]) -> None:
    """The value is valid under the committed schema (the reference validator)."""
    jsonschema.Draft202012Validator(schema).validate(value)


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
