"""JSON and JSONL article exports: one article per object.

A ``.json`` file holds one article object, a list of them, or an object whose ``articles``,
``items``, ``data``, ``results`` or ``documents`` list holds them; a ``.jsonl`` (``.ndjson``)
file holds one object per line. Fields are read by their common names
(:data:`putin_claims.ingest.fields.FIELD_NAMES`), ``--field text=body`` puts the user's name
first. Each record is a document of its own, identified by its content (the SHA-256 of the
record as canonical JSON); its key in the file is its ``id``, else its URL, else its position.
A record that cannot be used is one clear error naming the file and the record; the others go
in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from putin_claims.errors import BadExportError, BadRecordError, InputFileError
from putin_claims.ingest.decoding import Decoded, content_hash, decode_file
from putin_claims.ingest.fields import FIELD_NAMES, as_date, as_text, lookup
from putin_claims.ingest.html import HtmlReader, article_text, looks_like_html
from putin_claims.ingest.metadata import genre_label
from putin_claims.models import DocumentMeta, SourceText

LIST_KEYS = ("articles", "items", "data", "results", "documents", "records", "stories")
SLUG = re.compile(r"[^a-z0-9]+")


class ExportReader:
    """JSON (one object or a list) and JSONL (one object per line) exports of articles."""

    format = "json"
    suffixes: tuple[str, ...] = (".json", ".jsonl", ".ndjson")

    def __init__(self, names: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.names = dict(names or FIELD_NAMES)

    def read(self, path: Path, data: bytes) -> Iterator[SourceText | InputFileError]:
        try:
            decoded = decode_file(path, data)
            records = list(_records(path, decoded.text))
        except InputFileError as error:
            yield error
            return
        for position, record in records:
            if isinstance(record, _Broken):
                yield BadRecordError(f"{path}#{position}", record.problem)
                continue
            try:
                yield self.article(path, position, record)
            except InputFileError as error:
                yield error

    def article(self, path: Path, position: int, record: Any) -> SourceText:
        where = f"{path}#{position}"
        if not isinstance(record, Mapping):
            raise BadRecordError(where, f"a {type(record).__name__}, not an object")
        body = lookup(record, "text", self.names)
        if not isinstance(body, str) or not body.strip():
            tried = ", ".join(self.names["text"][:4])
            raise BadRecordError(
                where, f"no article text (looked for {tried} ...; name it with --field text=NAME)"
            )
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
        raw = canonical.encode()
        if looks_like_html(body):
            page = HtmlReader().from_text(Path(where), Decoded(body, "utf-8"), raw)
            text, stated = page.text, _stated(record, self.names, page.meta)
        else:
            stated = _stated(record, self.names, DocumentMeta())
            text = article_text(stated.title, body.replace("\r\n", "\n").split("\n"))
        key = as_text(lookup(record, "id", self.names))
        return SourceText(
            text=text,
            encoding="utf-8",
            format="jsonl" if path.suffix.lower() in (".jsonl", ".ndjson") else self.format,
            meta=stated,
            sha256=content_hash(raw),
            record=key or stated.url or str(position),
            doc_id=_doc_id(key, stated.url, path, position),
            raw=raw,
        )


def _records(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    """(1-based position, parsed value) of every record; JSONL positions are line numbers."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, _Broken(f"line {number} is not JSON ({exc.msg})")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadExportError(path, f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if isinstance(value, Mapping):
        for key in LIST_KEYS:
            if isinstance(value.get(key), list):
                value = value[key]
                break
    items = value if isinstance(value, list) else [value]
    yield from enumerate(items, start=1)


@dataclass(frozen=True)
class _Broken:
    """A line that is not JSON: reported as such, in its place."""

    problem: str


def _stated(
    record: Mapping[str, Any], names: Mapping[str, tuple[str, ...]], page: DocumentMeta
) -> DocumentMeta:
    genre_value = as_text(lookup(record, "genre", names))
    genre = genre_label(genre_value or "")
    return DocumentMeta(
        title=as_text(lookup(record, "title", names)) or page.title,
        author=as_text(lookup(record, "author", names)) or page.author,
        outlet=as_text(lookup(record, "outlet", names)) or page.outlet,
        date=as_date(lookup(record, "date", names)) or page.date,
        url=as_text(lookup(record, "url", names)) or page.url,
        genre=genre or page.genre,
        genre_cue=genre_value if genre else page.genre_cue,
    )


def _doc_id(key: str | None, url: str | None, path: Path, position: int) -> str:
    """The record's id, else the last words of its URL's path, else file stem and position."""
    if key:
        return SLUG.sub("-", key.lower()).strip("-") or f"{path.stem}-{position}"
    if url:
        parts = [p for p in re.split(r"[/?#]", url.split("://", 1)[-1])[1:] if p]
        slug = SLUG.sub("-", (parts[-1] if parts else "").lower()).strip("-")
        slug = re.sub(r"-?(?:html?|php|aspx?)$", "", slug)
        if slug:
            return slug
    return f"{path.stem}-{position}"
