"""Read article files into :class:`IngestedDocument` records.

A reader per format sits behind the :class:`Reader` protocol and is registered in
:data:`READERS` by file suffix; this release ships plain text and Markdown. Every offset is a
character offset into the decoded text, which the store keeps, so that
``text[start:end] == sentence.text`` always holds.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from putin_claims.errors import (
    BinaryFileError,
    EmptyFileError,
    InputFileError,
    MissingPathError,
    NoArticlesFolderError,
    UndecodableFileError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from putin_claims.ingest import boilerplate, metadata
from putin_claims.ingest.decoding import Decoded, DecodeProblem, decode_bytes
from putin_claims.ingest.lines import TextLine, split_lines
from putin_claims.models import DocumentMeta, IngestedDocument, Line, LineRole, Paragraph

MIN_WRAP_WORDS = 8  # a line this long without end punctuation continues on the next line


class Reader(Protocol):
    """Turns a file's bytes into text. Offsets in the store point into that text."""

    suffixes: tuple[str, ...]

    def read(self, data: bytes) -> Decoded: ...


class PlainTextReader:
    """Plain-text articles (any of the encodings :mod:`putin_claims.ingest.decoding` accepts)."""

    suffixes: tuple[str, ...] = (".txt", ".text")

    def read(self, data: bytes) -> Decoded:
        return decode_bytes(data)


class MarkdownReader(PlainTextReader):
    """Markdown articles; heading and list markers are kept in the text, skipped in sentences."""

    suffixes: tuple[str, ...] = (".md", ".markdown")


READERS: dict[str, Reader] = {
    suffix: reader for reader in (PlainTextReader(), MarkdownReader()) for suffix in reader.suffixes
}


def discover(paths: Iterable[Path]) -> Iterator[Path | InputFileError]:
    """Article files under ``paths`` in a stable order, or the problem with a path."""
    for path in paths:
        if not path.exists():
            yield MissingPathError(path)
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in READERS and p.is_file()
            )
            if not found:
                yield NoArticlesFolderError(path)
            yield from found
        elif path.suffix.lower() not in READERS:
            yield UnsupportedFormatError(path)
        else:
            yield path


def read_bytes(path: Path) -> bytes:
    """The file's bytes; an unreadable or empty file raises an :class:`InputFileError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, exc.strerror or type(exc).__name__) from exc
    if not data.strip():
        raise EmptyFileError(path)
    return data


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest(path: Path, doc_id: str, data: bytes) -> IngestedDocument:
    """Decode and structure one article."""
    reader = READERS[path.suffix.lower()]
    try:
        decoded = reader.read(data)
    except DecodeProblem as exc:
        error = BinaryFileError if exc.kind == "binary" else UndecodableFileError
        raise error(path, exc.detail) from exc
    if not decoded.text.strip():
        raise EmptyFileError(path)
    lines, paragraphs, meta = structure(decoded.text)
    return IngestedDocument(
        doc_id=doc_id,
        path=os.path.abspath(path),
        sha256=content_hash(data),
        encoding=decoded.encoding,
        text=decoded.text,
        lines=lines,
        paragraphs=paragraphs,
        meta=meta,
    )


def structure(text: str) -> tuple[tuple[Line, ...], tuple[Paragraph, ...], DocumentMeta]:
    """Classify every line (boilerplate, metadata, content) and group content into paragraphs."""
    raw = split_lines(text)
    local = boilerplate.local_flags(raw)
    found = metadata.extract(raw, local)
    flags = boilerplate.block_flags(raw, local, found.roles, found.meta.title, found.meta.author)
    lines = tuple(_line(i, line, flags, found.roles) for i, line in enumerate(raw))
    return lines, tuple(_paragraphs(raw, lines)), found.meta


def _line(
    i: int,
    line: TextLine,
    flags: Mapping[int, boilerplate.Flag],
    roles: Mapping[int, LineRole],
) -> Line:
    flag = flags.get(i)
    if flag is not None and i not in roles:
        role, kind, reason = LineRole.BOILERPLATE, flag.kind, flag.reason
    else:
        role, kind, reason = roles.get(i, _text_role(line)), None, None
    return Line(
        number=line.number,
        start=line.body_start,
        end=line.end,
        text=line.body,
        role=role,
        boilerplate=kind,
        reason=reason,
    )


def _text_role(line: TextLine) -> LineRole:
    if line.is_prose:
        return LineRole.CONTENT
    if line.terminal and line.n_words >= 4 and not line.is_title_case:
        return LineRole.CONTENT
    return LineRole.HEADING if line.n_words <= 20 else LineRole.CONTENT


def _paragraphs(raw: Sequence[TextLine], lines: Sequence[Line]) -> Iterator[Paragraph]:
    """Runs of article lines; a line that stops mid-sentence continues on the next one."""
    index = 0
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.role not in (LineRole.TITLE, LineRole.HEADING, LineRole.CONTENT):
            continue
        if current and _continues(raw, lines, current[-1], i):
            current.append(i)
            continue
        if current:
            yield _paragraph(index, lines, current)
            index += 1
        current = [i]
    if current:
        yield _paragraph(index, lines, current)


def _continues(raw: Sequence[TextLine], lines: Sequence[Line], prev: int, nxt: int) -> bool:
    if raw[nxt].number != raw[prev].number + 1 or lines[prev].role is LineRole.TITLE:
        return False
    before, after = raw[prev], raw[nxt]
    if before.terminal or after.body_start != after.start or before.body_start != before.start:
        return False  # a finished sentence, or list items: one paragraph each
    return after.body[:1].islower() or before.n_words >= MIN_WRAP_WORDS


def _paragraph(index: int, lines: Sequence[Line], members: list[int]) -> Paragraph:
    first, last = lines[members[0]], lines[members[-1]]
    roles = {lines[i].role for i in members}
    role = first.role if len(roles) == 1 else LineRole.CONTENT
    return Paragraph(index=index, start=first.start, end=last.end, role=role, line=first.number)
