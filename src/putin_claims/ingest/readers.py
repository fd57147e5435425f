"""Read article files into :class:`IngestedDocument` records.

A reader per format sits behind the :class:`Reader` protocol and is registered in
:data:`READERS` by file suffix: plain text and Markdown (with YAML front matter), HTML pages
(:mod:`putin_claims.ingest.html`) and JSON/JSONL exports (:mod:`putin_claims.ingest.exports`).
A URL is refused with a clear line: this tool works offline; a fetching reader would sit
behind the same protocol. Every offset is a
character offset into the decoded text, which the store keeps, so that
``text[start:end] == sentence.text`` always holds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from putin_claims.errors import (
    EmptyFileError,
    InputFileError,
    MissingPathError,
    NoArticlesFolderError,
    UnreadableFileError,
    UnsupportedFormatError,
    UrlInputError,
)
from putin_claims.ingest import boilerplate, language, metadata
from putin_claims.ingest.decoding import content_hash, decode_file
from putin_claims.ingest.exports import ExportReader
from putin_claims.ingest.fields import field_overrides
from putin_claims.ingest.headers import read_headers
from putin_claims.ingest.html import HtmlReader, looks_like_html
from putin_claims.ingest.lines import TextLine, split_lines
from putin_claims.models import (
    BoilerplateKind,
    DateKindMeta,
    DocumentMeta,
    Genre,
    IngestedDocument,
    Line,
    LineRole,
    Paragraph,
    SourceText,
)

MIN_WRAP_WORDS = 8  # a line this long without end punctuation continues on the next line
#: Header lines that state metadata are kept from the title, byline and boilerplate rules.
HEADER_FLAG = boilerplate.Flag(BoilerplateKind.IDENTIFIER, "metadata header line")


class Reader(Protocol):
    """Turns a file's bytes into articles (one per file, or one per record of an export), or
    the one-line problem with each one that cannot be read. Offsets in the store point into
    each article's text."""

    format: str
    suffixes: tuple[str, ...]

    def read(self, path: Path, data: bytes) -> Iterator[SourceText | InputFileError]: ...


class PlainTextReader:
    """Plain-text articles (any of the encodings :mod:`putin_claims.ingest.decoding` accepts);
    a page saved as HTML under a text name is read as HTML."""

    format = "text"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def read(self, path: Path, data: bytes) -> Iterator[SourceText | InputFileError]:
        try:
            decoded = decode_file(path, data)
            if looks_like_html(decoded.text):
                yield HtmlReader().from_text(path, decoded, data)
                return
        except InputFileError as error:
            yield error
            return
        yield SourceText(
            text=decoded.text,
            encoding=decoded.encoding,
            format=self.format,
            sha256=content_hash(data),
        )


class MarkdownReader(PlainTextReader):
    """Markdown articles; heading and list markers are kept in the text, skipped in sentences;
    YAML front matter is read as metadata (:mod:`putin_claims.ingest.headers`)."""

    format = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown")


def readers(fields: Mapping[str, str] | None = None) -> dict[str, Reader]:
    """The reader for each file suffix; ``fields`` renames export fields (``text=body``)."""
    exports = ExportReader(field_overrides(fields or {}))
    chosen: tuple[Reader, ...] = (PlainTextReader(), MarkdownReader(), HtmlReader(), exports)
    return {suffix: reader for reader in chosen for suffix in reader.suffixes}


READERS: dict[str, Reader] = readers()
#: "https://..." typed as a path: the shell and pathlib leave "https:/...".
URL_PATH = re.compile(r"^(?:https?|ftp):/", re.IGNORECASE)


def discover(paths: Iterable[Path]) -> Iterator[Path | InputFileError]:
    """Article files under ``paths`` in a stable order, or the problem with a path."""
    for path in paths:
        if URL_PATH.match(str(path)):
            yield UrlInputError(re.sub(r"^(\w+):/(?!/)", r"\1://", str(path)))
        elif not path.exists():
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


def read_sources(
    path: Path, data: bytes, chosen: Mapping[str, Reader] = READERS
) -> Iterator[SourceText | InputFileError]:
    """The articles in one file, by the reader its suffix names."""
    return chosen[path.suffix.lower()].read(path, data)


def locator(path: Path, source: SourceText) -> str:
    """Where a document was read from: the file's absolute path, '#' and the record key."""
    absolute = os.path.abspath(path)
    return f"{absolute}#{source.record}" if source.record is not None else absolute


def ingest(path: Path, doc_id: str, source: SourceText | bytes) -> IngestedDocument:
    """Structure one article: lines, paragraphs, metadata (what the format states first);
    an article that is not in English raises :class:`NotEnglishError`."""
    if isinstance(source, bytes):
        first = next(read_sources(path, source))
        if isinstance(first, InputFileError):
            raise first
        source = first
    if not source.text.strip():
        raise EmptyFileError(path)
    lines, paragraphs, meta = structure(source.text)
    language.require_english(locator(path, source), lines)
    return IngestedDocument(
        doc_id=doc_id,
        path=locator(path, source),
        sha256=source.sha256,
        encoding=source.encoding,
        format=source.format,
        raw=source.raw,
        text=source.text,
        lines=lines,
        paragraphs=paragraphs,
        meta=merge_meta(source.meta, meta),
    )


def merge_meta(stated: DocumentMeta, found: DocumentMeta) -> DocumentMeta:
    """What the format states wins over what the text's lines suggest."""
    date = stated.date or found.date
    genre, cue = (
        (stated.genre, stated.genre_cue)
        if stated.genre is not Genre.NEWS
        else (found.genre, found.genre_cue)
    )
    return DocumentMeta(
        title=stated.title or found.title,
        author=stated.author or found.author,
        outlet=stated.outlet or found.outlet,
        date=date,
        date_kind=DateKindMeta.PUBLISHED if stated.date else found.date_kind,
        url=stated.url or found.url,
        genre=genre,
        genre_cue=cue,
        notes=found.notes,
    )


def structure(text: str) -> tuple[tuple[Line, ...], tuple[Paragraph, ...], DocumentMeta]:
    """Classify every line (boilerplate, metadata, content) and group content into paragraphs.
    Front matter and labelled header lines are metadata; what they state wins."""
    raw = split_lines(text)
    stated = read_headers(text, raw)
    local = boilerplate.local_flags(raw)
    local.update(dict.fromkeys(stated.lines, HEADER_FLAG))
    found = metadata.extract(raw, local, stated.lines)
    found.roles.update(dict.fromkeys(stated.lines, LineRole.METADATA))
    flags = boilerplate.block_flags(raw, local, found.roles, found.meta.title, found.meta.author)
    lines = tuple(_line(i, line, flags, found.roles) for i, line in enumerate(raw))
    return lines, tuple(_paragraphs(raw, lines)), merge_meta(stated.meta(), found.meta)


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
