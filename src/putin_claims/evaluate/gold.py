"""Gold files: the hand-written YAML the quality gate scores against, loaded with clear errors.

Every error is a :class:`GoldFileError` naming the file and what is wrong (unreadable, not
YAML with line and column, an unknown or missing key with its path, a support that is in no
stored sentence), so an annotator can fix it without reading a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from putin_claims.errors import GoldFileError
from putin_claims.models import QuoteKind

_M = TypeVar("_M", bound=BaseModel)


class GoldModel(BaseModel):
    """A record of a hand-written gold file: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid")


class GoldSupport(GoldModel):
    """One sentence that supports a gold objective."""

    doc: str = Field(description="Document id, or its prefix before '_'.")
    text: str = Field(description="Exact words of one sentence that state the objective.")


class GoldObjective(GoldModel):
    """One objective of the gold actor."""

    id: str = Field(description="Identifier within the file (O1, O2, ...).")
    statement: str = Field(description="The objective in the annotator's words.")
    queries: list[str] = Field(default_factory=list, description="Claims typed for `check`.")
    support: list[GoldSupport] = Field(description="Every supporting sentence.")


class GoldFile(GoldModel):
    """A gold annotation file (YAML)."""

    actor: str = Field(description="Whose objectives the file annotates.")
    corpus: str | None = Field(default=None, description="Folder of the annotated articles.")
    objectives: list[GoldObjective] = Field(description="The actor's objectives.")


class GoldQuote(GoldModel):
    """One quotation or reported statement of a quote gold file."""

    doc: str = Field(description="Document id, or its prefix before '_'.")
    text: str = Field(description="The quoted or reported words, exactly as in the document.")
    speaker: str | None = Field(description="Speaker as the document names them; null: nobody.")
    resolved: str | None = Field(default=None, description="Name a description stands for.")
    kind: QuoteKind = Field(description="direct, indirect, mixed or partial.")


class QuoteGoldFile(GoldModel):
    """A quote gold file (YAML)."""

    quotes: list[GoldQuote] = Field(description="Every quote and reported statement.")


def load_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise GoldFileError(path, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise GoldFileError(path, f"cannot read it ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise GoldFileError(path, f"not valid YAML ({problem}{where})") from exc


def validate(path: Path, model: type[_M], data: object) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GoldFileError(path, f"{where}: {first['msg']}") from exc


def is_quote_gold(path: Path) -> bool:
    """True for a quote gold file (a `quotes:` list) rather than an objectives one."""
    data = load_yaml(path)
    return isinstance(data, dict) and "quotes" in data and "doc" not in data


def is_article_gold(path: Path) -> bool:
    """True for a folder of article gold files, or one (it names its article: `doc:`)."""
    if path.is_dir():
        return True
    data = load_yaml(path)
    return isinstance(data, dict) and "doc" in data


def load_gold(path: Path) -> GoldFile:
    """An objectives gold file, validated."""
    return validate(path, GoldFile, load_yaml(path))


def load_quote_gold(path: Path) -> QuoteGoldFile:
    """A quote gold file, validated."""
    return validate(path, QuoteGoldFile, load_yaml(path))


def gold_doc(path: Path, doc_ids: Sequence[str], ref: str, where: str) -> str:
    """The stored document a gold entry names (its id, or the prefix before '_')."""
    docs = [d for d in doc_ids if d == ref or d.split("_")[0] == ref]
    if len(docs) != 1:
        raise GoldFileError(path, f"{where}: document {ref!r} matches {len(docs)} stored ones")
    return docs[0]
