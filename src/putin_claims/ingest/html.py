"""Article pages saved as HTML, read with trafilatura.

trafilatura finds the main text and drops navigation, scripts, share bars, comments and
footers; it reads the title, author, date (through htmldate), site name and canonical URL from
meta tags and JSON-LD. The document text is the headline and the extracted paragraphs, one
blank line apart, and every stored offset points into it. The page as read is kept in the
store (``document_sources``), so nothing trafilatura set aside is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from putin_claims.errors import EmptyFileError, InputFileError
from putin_claims.ingest.decoding import Decoded, content_hash, decode_file
from putin_claims.ingest.fields import as_date, as_text
from putin_claims.ingest.metadata import genre_label
from putin_claims.models import DocumentMeta, Genre, SourceText

#: The start of a document that is HTML whatever its file name says.
HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


class HtmlReader:
    """HTML pages: main text, title, author, date, site name and URL."""

    format = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def read(self, path: Path, data: bytes) -> Iterator[SourceText | InputFileError]:
        try:
            yield self.from_text(path, decode_file(path, data), data)
        except InputFileError as error:
            yield error

    def from_text(self, path: Path, decoded: Decoded, data: bytes) -> SourceText:
        page = trafilatura.bare_extraction(
            decoded.text,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
        )
        if not isinstance(page, Document) or not (page.text or "").strip():
            raise EmptyFileError(path, "no article text in the page")
        title = as_text(page.title)
        date = as_date(page.date) or as_date(
            find_date(decoded.text, original_date=True, extensive_search=False)
        )
        genre = _genre(page.categories, page.pagetype)
        meta = DocumentMeta(
            title=title,
            author=as_text(page.author),
            outlet=as_text(page.sitename),
            date=date,
            url=as_text(page.url),
            genre=genre[0],
            genre_cue=genre[1],
        )
        return SourceText(
            text=article_text(title, (page.text or "").splitlines()),
            encoding=decoded.encoding,
            format=self.format,
            meta=meta,
            sha256=content_hash(data),
            raw=data,
        )


def article_text(title: str | None, paragraphs: Iterable[str]) -> str:
    """The text of an article whose parts a format gives apart (a page, an export record): the
    headline, then the paragraphs, one blank line apart, as a text file would have them."""
    kept = [p.strip() for p in paragraphs if p.strip()]
    if title and (not kept or kept[0] != title):
        kept.insert(0, title)
    return "\n\n".join(kept) + "\n"


def _genre(categories: list[str] | None, pagetype: str | None) -> tuple[Genre, str | None]:
    for label in [*(categories or []), pagetype or ""]:
        genre = genre_label(label)
        if genre is not None:
            return genre, label
    return Genre.NEWS, None
