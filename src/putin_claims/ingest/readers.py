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

from putin_claims import REPORT_MARK
from putin_claims.errors import (
    BrokenLinkError,
    EmptyFileError,
    InputFileError,
    LinkLoopError,
    MissingPathError,
    NoArticlesFolderError,
    OwnReportError,
    SpecialFileError,
    UnreadableFileError,
    UnreadableFolderError,
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
#: A paragraph longer than this (spaCy parses at most 1,000,000 characters at once, and a
#: parse's memory grows with its length) is cut at sentence-like boundaries.
MAX_PARAGRAPH_CHARS = 20_000
#: Where a long paragraph may be cut, best first: a sentence end, a line end, a space.
CUTS = (re.compile(r"[.!?…][\"'”’)\]]*\s+"), re.compile(r"\n"), re.compile(r"\s+"))
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
    """Article files under ``paths`` in a stable order, or the problem with a path. Nothing is
    passed over without a word: links that lead nowhere or round in a loop, special files
    (FIFOs, devices, sockets: never opened) and folders that cannot be listed each get one."""
    for path in paths:
        if URL_PATH.match(str(path)):
            yield UrlInputError(re.sub(r"^(\w+):/(?!/)", r"\1://", str(path)))
        elif path.is_symlink() and not path.exists():
            yield BrokenLinkError(path)
        elif not path.exists():
            yield MissingPathError(path)
        elif path.is_dir():
            found = list(_walk(path, {path.resolve()}))
            if not found:
                yield NoArticlesFolderError(path)
            yield from sorted(f for f in found if isinstance(f, Path))
            yield from (f for f in found if not isinstance(f, Path))
        elif not path.is_file():
            yield SpecialFileError(path)
        elif path.suffix.lower() not in READERS:
            yield UnsupportedFormatError(path)
        else:
            yield path


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path | InputFileError]:
    """Article files and problems under ``folder``; a linked folder is followed, unless it
    leads back to a folder on the way here (a loop: reported, not walked)."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield UnreadableFolderError(folder, exc.strerror or type(exc).__name__)
        return
    for entry in entries:
        if entry.is_symlink() and not entry.exists():
            if entry.suffix.lower() in READERS:
                yield BrokenLinkError(entry)
            continue
        if entry.is_dir():
            target = entry.resolve()
            if target in seen:
                yield LinkLoopError(entry)
                continue
            yield from _walk(entry, seen | {target})
        elif entry.suffix.lower() not in READERS:
            continue
        elif not entry.is_file():
            yield SpecialFileError(entry)
        else:
            yield entry


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
    """The articles in one file, by the reader its suffix names; a report this tool wrote is
    refused, never read back as an article."""
    if is_own_report(data):
        return iter([OwnReportError(path)])
    return chosen[path.suffix.lower()].read(path, data)


#: How each report format carries :data:`putin_claims.REPORT_MARK` near its start.
OWN_MARKS = (
    re.compile(rb"^\s*<!-- generated by " + re.escape(REPORT_MARK.encode())),
    re.compile(rb'<meta name="generator" content="' + re.escape(REPORT_MARK.encode())),
    re.compile(
        rb'^\s*\{\s*"schema_version"[^{]*"generated_by": "' + re.escape(REPORT_MARK.encode())
    ),
)


def is_own_report(data: bytes) -> bool:
    head = data[:2048]
    return any(mark.search(head) for mark in OWN_MARKS)


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
    paragraphs = tuple(_bounded(text, _paragraphs(raw, lines)))
    return lines, paragraphs, merge_meta(stated.meta(), found.meta)


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


def _bounded(text: str, paragraphs: Iterable[Paragraph]) -> Iterator[Paragraph]:
    """The paragraphs, each longer than :data:`MAX_PARAGRAPH_CHARS` cut at sentence-like
    boundaries (offsets stay exact: every piece is a slice of the text), renumbered."""
    index = 0
    for paragraph in paragraphs:
        start = paragraph.start
        while start < paragraph.end:
            end = _cut(text, start, paragraph.end)
            piece = text[start:end]
            lead = len(piece) - len(piece.lstrip())
            trimmed = piece.strip()
            if trimmed:
                begin = start + lead
                yield paragraph.model_copy(
                    update={"index": index, "start": begin, "end": begin + len(trimmed)}
                )
                index += 1
            start = end


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece of ``text`` from ``start`` ends: ``end``, or the last good cut before
    :data:`MAX_PARAGRAPH_CHARS`, or a hard cut there when the text offers none."""
    if end - start <= MAX_PARAGRAPH_CHARS:
        return end
    limit = start + MAX_PARAGRAPH_CHARS
    window = text[start + MAX_PARAGRAPH_CHARS // 2 : limit]
    for cut in CUTS:
        found = [m.end() for m in cut.finditer(window)]
        if found:
            return start + MAX_PARAGRAPH_CHARS // 2 + found[-1]
    return limit


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
