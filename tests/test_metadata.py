"""Tests for putin_claims.ingest.metadata: title, author, outlet, date and provenance notes.

The articles are written for these tests (a council budget, a football transfer, a German
chancellor's speech). Values the text does not state must stay None.
"""

from __future__ import annotations

import datetime as dt

import pytest

from putin_claims.ingest.boilerplate import local_flags
from putin_claims.ingest.lines import split_lines
from putin_claims.ingest.metadata import MetaResult, extract
from putin_claims.ingest.readers import structure
from putin_claims.models import DateKindMeta, DocumentMeta, LineRole, NoteKind

TITLE = "Harbourford Council Approves £48m Budget After Late-Night Session"
P1 = (
    "Councillors in Harbourford approved a £48m budget for the coming year shortly after"
    " midnight on Wednesday, ending a session that lasted more than seven hours."
)
P2 = (
    "Council tax will rise by 4.9%, the maximum allowed without a referendum, adding about £90"
    " a year to a typical household bill."
)
P3 = (
    "Residents will be able to comment on the plans at a public meeting next month, the"
    " council's finance director said."
)


def article(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def meta_of(text: str) -> DocumentMeta:
    return structure(text)[2]


def extracted(text: str) -> MetaResult:
    lines = split_lines(text)
    return extract(lines, local_flags(lines))


def roles_by_text(text: str) -> dict[str, LineRole]:
    return {line.text: line.role for line in structure(text)[0]}


# --- a complete header --------------------------------------------------------------------


def test_title_byline_and_published_date() -> None:
    text = article(TITLE, "By Priya Raman", "Published: 12 March 2025", "", P1, P2, P3)
    meta = meta_of(text)
    assert meta.title == TITLE
    assert meta.author == "Priya Raman"
    assert meta.date == dt.date(2025, 3, 12)
    assert meta.date_kind is DateKindMeta.PUBLISHED
    assert meta.outlet is None
    assert meta.notes == ()
    roles = roles_by_text(text)
    assert roles[TITLE] is LineRole.TITLE
    assert roles["By Priya Raman"] is LineRole.BYLINE
    assert roles["Published: 12 March 2025"] is LineRole.DATELINE
    assert roles[P1] is LineRole.CONTENT


def test_extract_reports_the_roles_by_line_position() -> None:
    text = article(TITLE, "By Priya Raman", "Published: 12 March 2025", P1, P2)
    result = extracted(text)
    assert result.roles == {0: LineRole.TITLE, 1: LineRole.BYLINE, 2: LineRole.DATELINE}


def test_markdown_heading_title_is_read_without_its_marker() -> None:
    text = article(f"# {TITLE}", "", "By Priya Raman", "", P1, P2)
    assert meta_of(text).title == TITLE


def test_title_after_navigation_furniture() -> None:
    text = article("Skip to main content", "Menu", "Search", TITLE, "By Priya Raman", P1, P2, P3)
    meta = meta_of(text)
    assert meta.title == TITLE
    assert meta.author == "Priya Raman"


def test_title_after_a_menu_with_a_section_label() -> None:
    """A menu label between two navigation lines is furniture, not the headline."""
    text = article("Skip to main content", "Home", "Politics", "Search", TITLE, P1, P2, P3)
    assert meta_of(text).title == TITLE


def test_no_title_when_the_article_starts_with_prose() -> None:
    meta = meta_of(article(P1, P2, P3))
    assert meta.title is None
    assert meta.author is None


def test_title_starting_with_by_is_not_a_byline() -> None:
    title = "By-election Called After Harbourford Councillor Resigns"
    meta = meta_of(article(title, P1, P2))
    assert meta.title == title
    assert meta.author is None


# --- author -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Priya Raman", "Priya Raman"),
        ("By Priya Raman, Local Government Correspondent", "Priya Raman"),
        ("By Priya Raman | Harbour Times", "Priya Raman"),
        ("By Priya Raman - Harbour Times", "Priya Raman"),
        ("by Priya Raman", "Priya Raman"),
        ("- byJonas Weber", "Jonas Weber"),
        ("- by Jonas Weber", "Jonas Weber"),
        ("Written by Jonas Weber", "Jonas Weber"),
        ("By Jean-Luc Moreau", "Jean-Luc Moreau"),
        ("By Seán O’Brien", "Seán O’Brien"),
        ("By Ursula van der Berg", "Ursula van der Berg"),
        ("Author: Amara Osei", "Amara Osei"),
    ],
)
def test_byline_forms(byline: str, author: str) -> None:
    text = article(TITLE, byline, P1, P2, P3)
    meta = meta_of(text)
    assert meta.author == author
    assert meta.title == TITLE
    assert roles_by_text(text)[split_lines(byline)[0].body] is LineRole.BYLINE


def test_byline_at_the_end_of_the_article() -> None:
    meta = meta_of(article(TITLE, P1, P2, P3, "Written by Jonas Weber"))
    assert meta.author == "Jonas Weber"


def test_opinion_article_by_is_reprinted_from() -> None:
    note = "This opinion article by Helena Brandt is reprinted from the Hamburg Ledger."
    meta = meta_of(article(TITLE, P1, P2, P3, note))
    assert meta.author == "Helena Brandt"
    reprinted = [n for n in meta.notes if n.kind is NoteKind.REPRINTED_FROM]
    assert len(reprinted) == 1
    assert reprinted[0].value.removeprefix("the ") == "Hamburg Ledger"
    assert reprinted[0].text == note
    assert reprinted[0].line == 5


def test_lone_name_after_the_title_is_the_author() -> None:
    title = "Rovers Sign Brazilian Winger for Club-Record Fee"
    text = article(title, "Daniel Okafor", "", P1, P2)
    meta = meta_of(text)
    assert meta.title == title
    assert meta.author == "Daniel Okafor"
    assert roles_by_text(text)["Daniel Okafor"] is LineRole.BYLINE


def test_lone_name_after_a_repeat_of_the_title_is_the_author() -> None:
    title = "Rovers Sign Brazilian Winger for Club-Record Fee"
    text = article("Home", title, "Share this article", title, "Daniel Okafor", P1, P2)
    meta = meta_of(text)
    assert meta.title == title
    assert meta.author == "Daniel Okafor"


def test_section_label_after_the_title_is_not_an_author() -> None:
    title = "Rovers Sign Brazilian Winger for Club-Record Fee"
    meta = meta_of(article(title, "Premier League", P1, P2))
    assert meta.author is None


def test_names_in_prose_are_not_the_author() -> None:
    text = article(
        TITLE,
        "The budget was approved by Councillor Jürgen Köhler, who chairs the finance committee,"
        " on Wednesday.",
        "By the end of the year the council expects to have cut its debt by a further £12m.",
        P2,
    )
    assert meta_of(text).author is None


# --- outlet -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "outlets"),
    [
        (
            "The views expressed in this article are the author's own and do not necessarily"
            " reflect those of the Berlin Ledger.",
            {"Berlin Ledger"},
        ),
        (
            "The opinions expressed here are not necessarily those of Harbour Times.",
            {"Harbour Times"},
        ),
        ("Copyright 2025 Harbour Times", {"Harbour Times"}),
        ("© 2025 Harbour Times", {"Harbour Times"}),
        (
            "© 2025 Northgate Media Ltd. All rights reserved.",
            {"Northgate Media", "Northgate Media Ltd", "Northgate Media Ltd."},
        ),
        ("© Harbour Times 2025", {"Harbour Times"}),
    ],
)
def test_outlet_from_disclaimer_or_copyright(footer: str, outlets: set[str]) -> None:
    meta = meta_of(article(TITLE, P1, P2, P3, footer))
    assert meta.outlet in outlets


def test_no_outlet_without_a_disclaimer_or_copyright_line() -> None:
    text = article(
        TITLE,
        "The band sued under the Copyright Act, saying the label had ignored its objections.",
        P1,
        P2,
    )
    assert meta_of(text).outlet is None


# --- date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "date", "kind"),
    [
        ("Published: 14 June 2025", dt.date(2025, 6, 14), DateKindMeta.PUBLISHED),
        ("Published: 14 June 2025 09:30", dt.date(2025, 6, 14), DateKindMeta.PUBLISHED),
        ("Posted on March 12, 2025", dt.date(2025, 3, 12), DateKindMeta.PUBLISHED),
        ("Update: 2025-12-15", dt.date(2025, 12, 15), DateKindMeta.UPDATED),
        ("Updated: 2025-12-15", dt.date(2025, 12, 15), DateKindMeta.UPDATED),
        ("Last updated: 2 July 2025, 14:05 CET", dt.date(2025, 7, 2), DateKindMeta.UPDATED),
        ("Thursday 6 November 2025", dt.date(2025, 11, 6), DateKindMeta.PUBLISHED),
        ("12 March 2025", dt.date(2025, 3, 12), DateKindMeta.PUBLISHED),
    ],
)
def test_date_in_the_header(dateline: str, date: dt.date, kind: DateKindMeta) -> None:
    text = article(TITLE, "By Priya Raman", dateline, P1, P2, P3)
    meta = meta_of(text)
    assert meta.date == date
    assert meta.date_kind is kind
    assert roles_by_text(text)[dateline] is LineRole.DATELINE
    assert meta.title == TITLE
    assert meta.author == "Priya Raman"


def test_lone_date_in_the_footer() -> None:
    meta = meta_of(article(TITLE, P1, P2, P3, "12 March 2025"))
    assert meta.date == dt.date(2025, 3, 12)
    assert meta.date_kind is DateKindMeta.PUBLISHED


@pytest.mark.parametrize(
    "dateline",
    [
        "Published: yesterday",
        "Updated daily",
        "March 2025",
        "Published: 2025",
        "Updated 3 hours ago",
    ],
)
def test_incomplete_or_relative_dates_are_not_invented(dateline: str) -> None:
    meta = meta_of(article(TITLE, dateline, P1, P2))
    assert meta.date is None
    assert meta.date_kind is None


def test_dates_inside_prose_are_not_the_article_date() -> None:
    text = article(
        TITLE,
        "The budget, first proposed on 4 March 2025, was approved after a seven-hour session.",
        P2,
        "The new rates take effect on 1 April 2025, the council's finance director said.",
    )
    meta = meta_of(text)
    assert meta.date is None
    assert meta.date_kind is None


# --- provenance notes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "values"),
    [
        (
            "Original Source: Berliner Morgenblatt",
            NoteKind.ORIGINAL_SOURCE,
            {"Berliner Morgenblatt"},
        ),
        ("Original source: www.morgenblatt.de", NoteKind.ORIGINAL_SOURCE, {"www.morgenblatt.de"}),
        (
            "This article was originally published in The Conversation.",
            NoteKind.ORIGINALLY_PUBLISHED,
            {"The Conversation"},
        ),
        (
            "Reprinted with permission from the Lakeside Gazette.",
            NoteKind.REPRINTED_FROM,
            {"the Lakeside Gazette", "Lakeside Gazette"},
        ),
        ("Source: Reuters", NoteKind.WIRE, {"Reuters"}),
    ],
)
def test_provenance_note(line: str, kind: NoteKind, values: set[str]) -> None:
    text = article(TITLE, "", P1, P2, "", P3, line)
    notes = meta_of(text).notes
    assert len(notes) == 1
    note = notes[0]
    assert note.kind is kind
    assert note.value in values
    assert note.text == line
    assert note.line == 7  # 1-based physical line, blank lines included


def test_note_line_numbers_with_crlf() -> None:
    text = "\r\n".join([TITLE, "", P1, "", P2, "Source: AFP"]) + "\r\n"
    notes = meta_of(text).notes
    assert [(n.kind, n.value, n.line) for n in notes] == [(NoteKind.WIRE, "AFP", 6)]


def test_several_notes_keep_their_order() -> None:
    text = article(
        TITLE,
        P1,
        P2,
        "Original Source: Berliner Morgenblatt",
        "Source: dpa",
    )
    notes = meta_of(text).notes
    assert [n.kind for n in notes] == [NoteKind.ORIGINAL_SOURCE, NoteKind.WIRE]
    assert [n.line for n in notes] == [4, 5]


def test_publication_history_in_prose_is_not_a_note() -> None:
    text = article(
        TITLE,
        "The figures were first published in a report by the Office for National Statistics on"
        " Monday.",
        P2,
        P3,
    )
    assert meta_of(text).notes == ()


def test_note_lines_are_boilerplate_not_content() -> None:
    text = article(TITLE, P1, P2, "Original Source: Berliner Morgenblatt")
    roles = roles_by_text(text)
    assert roles["Original Source: Berliner Morgenblatt"] is LineRole.BOILERPLATE


# --- nothing known ------------------------------------------------------------------------


def test_unknown_metadata_stays_none() -> None:
    text = article(
        "Rovers Sign Brazilian Winger for Club-Record Fee",
        "Rovers have completed the signing of Brazilian winger João Araújo from Fluminense for a"
        " club-record fee, the club confirmed.",
        "The winger was watched by scouts from three clubs, said Rovers' sporting director, Anna"
        " Lindqvist.",
    )
    meta = meta_of(text)
    assert meta.title == "Rovers Sign Brazilian Winger for Club-Record Fee"
    assert meta.author is None
    assert meta.outlet is None
    assert meta.date is None
    assert meta.date_kind is None
    assert meta.notes == ()


def test_empty_article_has_no_metadata() -> None:
    result = extract([], {})
    assert result.meta == DocumentMeta()
    assert result.roles == {}


# --- a whole article end to end -----------------------------------------------------------

SPEECH = article(
    "Home",
    "Search",
    "Chancellor Urges Europe to Stand Together on Defence",
    "- byKatrin Vogel",
    "Update: 2025-12-15",
    "Share this article",
    "",
    "The German chancellor told the Bundestag on Wednesday that Europe must take far greater"
    " responsibility for its own security.",
    "„Wir können nicht darauf warten, dass andere uns beschützen“, sagte der Kanzler.",
    "Opposition leaders said the speech lacked detail on how the extra spending would be"
    " financed without new debt.",
    "",
    "The views expressed by guest contributors do not necessarily reflect those of the Berlin"
    " Ledger.",
    "Original Source: Berliner Morgenblatt",
)


def test_speech_article_end_to_end() -> None:
    lines, paragraphs, meta = structure(SPEECH)
    assert meta.title == "Chancellor Urges Europe to Stand Together on Defence"
    assert meta.author == "Katrin Vogel"
    assert meta.date == dt.date(2025, 12, 15)
    assert meta.date_kind is DateKindMeta.UPDATED
    assert meta.outlet == "Berlin Ledger"
    assert [(n.kind, n.value, n.line) for n in meta.notes] == [
        (NoteKind.ORIGINAL_SOURCE, "Berliner Morgenblatt", 13)
    ]
    by_text = {line.text: line for line in lines}
    assert by_text["byKatrin Vogel"].role is LineRole.BYLINE
    assert by_text["Update: 2025-12-15"].role is LineRole.DATELINE
    for line in lines:
        assert SPEECH[line.start : line.end] == line.text
    # metadata lines are not part of any content paragraph
    meta_spans = [
        (line.start, line.end)
        for line in lines
        if line.role in (LineRole.BYLINE, LineRole.DATELINE, LineRole.BOILERPLATE)
    ]
    for paragraph in paragraphs:
        for start, end in meta_spans:
            assert end <= paragraph.start or start >= paragraph.end
