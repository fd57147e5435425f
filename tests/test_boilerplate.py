"""Tests for putin_claims.ingest.boilerplate: page furniture is flagged, the article's prose is not.

The articles below are written for these tests (a city council budget, a German chancellor's
speech, a football transfer); none of their lines appear in the cue lexicon.
"""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

import pytest

from putin_claims.ingest.boilerplate import (
    Flag,
    block_flags,
    cue_sets,
    local_flags,
    normalise,
)
from putin_claims.ingest.lines import split_lines
from putin_claims.ingest.readers import structure
from putin_claims.models import BoilerplateKind, LineRole

K = BoilerplateKind
#: Expected role of a line that is boilerplate, whatever kind fits best.
ANY = "any boilerplate"


def line_flag(raw: str) -> Flag | None:
    """The flag a line gets on its own (no context)."""
    lines = split_lines(raw)
    assert len(lines) == 1
    return local_flags(lines).get(0)


def check_rows(rows: list[tuple[str, object]]) -> None:
    """Run the whole line classification on an article given as (line, expected) rows."""
    text = "\n".join(raw for raw, _ in rows) + "\n"
    lines, paragraphs, _ = structure(text)
    assert len(lines) == len(rows)
    wrong = []
    for (raw, expected), line in zip(rows, lines, strict=True):
        assert line.text == split_lines(raw)[0].body
        role, kind = line.role, line.boilerplate
        if isinstance(expected, BoilerplateKind):
            ok = role is LineRole.BOILERPLATE and kind is expected
        elif expected == ANY:
            ok = role is LineRole.BOILERPLATE
        else:
            ok = role is expected
        if not ok:
            wrong.append(f"{raw!r}: expected {expected}, got {role} {kind}")
    assert not wrong, "\n".join(wrong)
    # every boilerplate line says why, and no paragraph contains one
    for line in lines:
        assert text[line.start : line.end] == line.text
        if line.role is LineRole.BOILERPLATE:
            assert line.boilerplate is not None
            assert line.reason
        else:
            assert line.boilerplate is None
    furniture = [(line.start, line.end) for line in lines if line.role is LineRole.BOILERPLATE]
    for paragraph in paragraphs:
        for start, end in furniture:
            assert end <= paragraph.start or start >= paragraph.end


# --- single lines: recall -----------------------------------------------------------------

FURNITURE = [
    # navigation
    ("Skip to main content", K.NAVIGATION),
    ("Back to top", K.NAVIGATION),
    ("Menu", K.NAVIGATION),
    ("Search", K.NAVIGATION),
    ("Home", K.NAVIGATION),
    ("NewsSportBusinessCultureTravel", K.NAVIGATION),
    ("You are here: Home > News > Local", K.NAVIGATION),
    # share buttons
    ("Share this article", K.SHARE),
    ("Share on Facebook", K.SHARE),
    ("Share via Email", K.SHARE),
    ("Copy link", K.SHARE),
    ("Print this page", K.SHARE),
    ("WhatsApp", K.SHARE),
    # subscription prompts
    ("Subscribe now for unlimited access to all our reporting", K.SUBSCRIPTION),
    ("Sign up for our morning newsletter and get the headlines in your inbox", K.SUBSCRIPTION),
    ("Already a subscriber? Log in", K.SUBSCRIPTION),
    ("Support our journalism: become a member today", K.SUBSCRIPTION),
    ("Start your free trial", K.SUBSCRIPTION),
    ("Newsletter", K.SUBSCRIPTION),
    ("Log in", K.SUBSCRIPTION),
    # social prompts
    ("Follow us on Instagram", K.SOCIAL),
    ("Like us on Facebook", K.SOCIAL),
    ("Join our Telegram channel for breaking news", K.SOCIAL),
    ("@HarbourTimes", K.SOCIAL),
    ("Find us on YouTube", K.SOCIAL),
    # comment forms
    ("Leave a comment", K.COMMENTS),
    ("Leave a Reply", K.COMMENTS),
    ("14 comments", K.COMMENTS),
    ("Comments (3)", K.COMMENTS),
    ("Your email address will not be published. Required fields are marked *", K.COMMENTS),
    ("Post Comment", K.COMMENTS),
    ("Join the conversation", K.COMMENTS),
    # media-player controls
    ("0:00 / 4:32", K.PLAYER),
    ("1.25x", K.PLAYER),
    ("Playback speed", K.PLAYER),
    ("Sleep timer", K.PLAYER),
    ("Pause", K.PLAYER),
    ("Listen to this article", K.PLAYER),
    # promos for other articles
    ("Read more", K.PROMO),
    ("Related", K.PROMO),
    ("Most read", K.PROMO),
    ("You may also like", K.PROMO),
    ("Editor's picks", K.PROMO),
    ("Read more: Council tax to rise 5% in April", K.PROMO),
    ("Advertisement", K.PROMO),
    # image credits
    ("Photo: Jane Smith/Getty Images", K.IMAGE_CREDIT),
    ("Image source: Reuters", K.IMAGE_CREDIT),
    ("(Photo credit: AFP)", K.IMAGE_CREDIT),
    ("Credit: Shutterstock", K.IMAGE_CREDIT),
    ("Photograph: Ben Stansall/AFP via Getty Images", K.IMAGE_CREDIT),
    ("Illustration by Marta Nowak", K.IMAGE_CREDIT),
    # identifiers
    ("4829301", K.IDENTIFIER),
    ("Article ID: 55120", K.IDENTIFIER),
    ("3f2a9c1e-7b4d-4e2a-9c1f-0a1b2c3d4e5f", K.IDENTIFIER),
    ("ref: HT-2025-0412", K.IDENTIFIER),
    # lines in another script
    ("Канцлер выступил в Бундестаге в среду", K.FOREIGN_LANGUAGE),
    ("首相は水曜日に国会で演説した", K.FOREIGN_LANGUAGE),
    ("المستشار الألماني يلقي خطابا في البرلمان", K.FOREIGN_LANGUAGE),
    # editorial notes
    ("Original Source: Hamburger Morgenpost", K.EDITORIAL_NOTE),
    ("This article first appeared in The Conversation.", K.EDITORIAL_NOTE),
    ("Republished with permission from the Lakeside Gazette.", K.EDITORIAL_NOTE),
    ("Source: dpa", K.EDITORIAL_NOTE),
    # disclaimers
    (
        "The views expressed are the author's own and do not necessarily reflect those of the"
        " Harbour Times.",
        K.DISCLAIMER,
    ),
    ("© 2025 Harbour Times. All rights reserved.", K.DISCLAIMER),
    ("Copyright 2025 Northgate Media", K.DISCLAIMER),
    ("Privacy Policy", K.DISCLAIMER),
    ("We use cookies to give you the best experience on our site.", K.DISCLAIMER),
    # UI hints
    ("Found a mistake? Highlight the text and press Ctrl+Enter.", K.UI_HINT),
    ("Click here to download the full budget report", K.UI_HINT),
    ("Scroll down for video", K.UI_HINT),
    ("JavaScript is disabled in your browser", K.UI_HINT),
]


@pytest.mark.parametrize(("raw", "kind"), FURNITURE, ids=[raw[:40] for raw, _ in FURNITURE])
def test_furniture_line_is_flagged_with_its_kind(raw: str, kind: BoilerplateKind) -> None:
    flag = line_flag(raw)
    assert flag is not None, f"{raw!r} not flagged"
    assert flag.kind is kind, flag
    assert flag.reason


def test_javascript_notice_for_comments_is_flagged() -> None:
    flag = line_flag("Please enable JavaScript to view the comments.")
    assert flag is not None
    assert flag.kind in {K.UI_HINT, K.COMMENTS}


@pytest.mark.parametrize(
    "raw",
    ["SHARE THIS ARTICLE", "share this article", "- Share this article", "* Share this article"],
)
def test_cues_ignore_case_and_list_markers(raw: str) -> None:
    flag = line_flag(raw)
    assert flag is not None
    assert flag.kind is K.SHARE


def test_curly_apostrophe_matches_like_a_straight_one() -> None:
    flag = line_flag("Editor’s picks")
    assert flag is not None
    assert flag.kind is K.PROMO


# --- single lines: precision --------------------------------------------------------------

PROSE = [
    # cue words inside ordinary sentences
    "The subscription service grew 12% last year, the company said in a statement on Tuesday.",
    "Follow the money, investigators said, and the trail leads to three shell companies in Cyprus.",
    "The club shared a video of the signing on Instagram, where it passed a million views.",
    "Residents can watch the meeting live on the council's YouTube channel, a spokesman said.",
    "Share prices in Frankfurt fell 2% after the chancellor's speech, traders said.",
    "Home owners in the east of the city will pay an extra £120 a year under the plan.",
    "Related talks with the unions are expected to continue next week, officials said.",
    "Photo radar cameras will be installed on six roads near primary schools, the council said.",
    "Latest figures show the city's debt has fallen to £310m, the lowest level in a decade.",
    "Comments made by the striker's agent on Tuesday angered the club's owners.",
    "Search teams found the missing hiker near the summit late on Sunday evening.",
    "The chancellor's remarks were not necessarily a break with government policy, aides said.",
    "Print workers at the plant voted to strike over pay, the union said.",
    "The league said it would donate the fine to a youth football charity in the city.",
    # realistic news sentences that happen to contain a whole furniture phrase
    "The fraudulent emails urged recipients to click here to verify their bank details, police"
    " said.",
    "The figures were first published in a report by the Office for National Statistics on Monday.",
    "The paper, which sells 40,000 copies a day, will close its print edition in June.",
    "Copyright lawyers for the band said the label had used the song without permission.",
    "“Follow us and you will see results,” the coach told supporters after Saturday's win.",
    # Latin-script lines in another language, and a foreign name inside English prose
    "„Wir können nicht darauf warten, dass andere uns beschützen“, sagte der Kanzler.",
    "The Kremlin spokesman, Dmitry Peskov (Дмитрий Песков), declined to comment on the speech.",
    # numbers inside prose
    "2,400 jobs will go by 2027, the company said in a filing on Thursday.",
]


@pytest.mark.parametrize("raw", PROSE, ids=[raw[:40] for raw in PROSE])
def test_prose_with_cue_words_is_not_flagged(raw: str) -> None:
    assert line_flag(raw) is None


def test_long_sentence_with_a_strong_cue_is_not_flagged() -> None:
    raw = (
        "The campaign, which the regulator described as misleading, told older customers to"
        " click here to claim refunds that did not exist, and more than four thousand people"
        " handed over their bank details before the website was taken down in February."
    )
    assert line_flag(raw) is None


# --- the cue lexicon ----------------------------------------------------------------------


def test_cue_lexicon_loads_and_names_known_kinds() -> None:
    strong_max, sets = cue_sets()
    assert strong_max > 6
    assert sets
    data = tomllib.loads(files("putin_claims.data").joinpath("boilerplate.toml").read_text())
    tables = {name for name, spec in data.items() if isinstance(spec, dict)}
    assert {cue.kind.value for cue in sets} == tables
    for cue in sets:
        for pattern in (*cue.strong, *cue.weak):
            assert pattern.flags & re.IGNORECASE


def test_cue_lexicon_is_general_not_article_lines() -> None:
    """Cues are short phrases, not copies of particular lines from particular articles."""
    _, sets = cue_sets()
    for cue in sets:
        for pattern in (*cue.strong, *cue.weak):
            # every literal stretch between regex operators is a short phrase
            for fragment in re.split(r"[|()\[\]?*+{}^$\\]|\.\*", pattern.pattern):
                assert len(fragment.split()) <= 8, (fragment, pattern.pattern)


# --- block context ------------------------------------------------------------------------


def flags_in_context(
    raw_lines: list[str], title: str | None = None, author: str | None = None
) -> dict[int, Flag]:
    lines = split_lines("\n".join(raw_lines))
    return block_flags(lines, local_flags(lines), {}, title, author)


def test_label_between_two_furniture_lines_is_block() -> None:
    flags = flags_in_context(["Share this article", "Reddit", "Copy link"])
    assert flags[1].kind is K.BLOCK
    assert flags[1].reason


def test_run_of_menu_labels_between_furniture_is_flagged() -> None:
    flags = flags_in_context(["Skip to main content", "Home", "World", "Business", "Search"])
    assert set(flags) == {0, 1, 2, 3, 4}


def test_label_trailing_after_footer_furniture_is_block() -> None:
    raw = [
        "Council tax will rise by 4.9%, adding about £90 a year to a typical household bill.",
        "© 2025 Harbour Times",
        "Contact us",
    ]
    flags = flags_in_context(raw)
    assert 0 not in flags
    assert flags[2].kind is K.BLOCK


def test_heading_next_to_a_single_furniture_line_stays() -> None:
    raw = [
        "Councillors approved the budget shortly after midnight on Wednesday, officials said.",
        "Photo: Harbourford Council",
        "Budget details",
        "Most of the increase will go to adult social care and to school transport, she said.",
    ]
    flags = flags_in_context(raw)
    assert flags[1].kind is K.IMAGE_CREDIT
    assert 2 not in flags
    assert 3 not in flags


def test_promo_kicker_takes_the_headlines_after_it() -> None:
    raw = [
        "Rovers have signed the Brazilian winger João Araújo for a club-record fee of €18m.",
        "Read more",
        "Striker Out for Six Weeks With Hamstring Injury",
        "Manager Backs Youngsters Ahead of Derby",
        "Araújo will wear the number 11 shirt and could make his debut against Everton on"
        " Saturday.",
    ]
    flags = flags_in_context(raw)
    assert flags[1].kind is K.PROMO
    assert flags[2].kind is K.PROMO
    assert flags[3].kind is K.PROMO
    assert 0 not in flags
    assert 4 not in flags


def test_stray_headline_without_shared_topic_is_promo() -> None:
    raw = [
        "Councillors approved a £48m budget after a seven-hour session that ended after midnight.",
        "Ten Best Beaches to Visit This Summer",
        "Council tax will rise by 4.9%, the maximum allowed without a local referendum, officials"
        " said.",
    ]
    flags = flags_in_context(raw)
    assert flags[1].kind is K.PROMO
    assert flags[1].reason
    assert 0 not in flags
    assert 2 not in flags


def test_subheading_on_the_article_topic_stays() -> None:
    raw = [
        "Councillors approved a £48m budget after a seven-hour session that ended after midnight.",
        "Where the Budget Money Goes",
        "Most of the extra money will go to adult social care, which accounts for £19m of"
        " spending.",
    ]
    assert flags_in_context(raw) == {}


def test_repeat_of_the_title_is_flagged_but_not_prose_mentioning_it() -> None:
    title = "Harbourford Council Approves £48m Budget"
    raw = [
        title,
        "harbourford council approves  £48m budget",
        "Councillors said the Harbourford Council Approves £48m Budget headline was premature.",
    ]
    flags = flags_in_context(raw, title=title)
    assert flags[1].kind is K.REPEATED_TITLE
    assert 2 not in flags


def test_note_about_the_author_at_the_end() -> None:
    raw = [
        "Councillors approved a £48m budget after a seven-hour session that ended after midnight.",
        "Council tax will rise by 4.9%, the maximum allowed without a local referendum.",
        "Priya Raman said in an earlier report that the council had warned of cuts.",
        "Priya Raman is the Harbour Times' local government correspondent.",
    ]
    flags = flags_in_context(raw, author="Priya Raman")
    assert flags[3].kind is K.EDITORIAL_NOTE
    assert 2 not in flags
    assert 0 not in flags


def test_normalise_ignores_case_spacing_and_quote_style() -> None:
    assert normalise("Rovers’  Record   SIGNING") == normalise("rovers' record signing")
    assert normalise("“Done deal”") == normalise('"done deal"')


# --- whole articles -----------------------------------------------------------------------

CONTENT = LineRole.CONTENT

COUNCIL = [
    ("Skip to main content", K.NAVIGATION),
    ("Menu", K.NAVIGATION),
    ("Search", K.NAVIGATION),
    ("Harbourford Council Approves £48m Budget After Late-Night Session", LineRole.TITLE),
    ("By Priya Raman, Local Government Correspondent", LineRole.BYLINE),
    ("Published: 12 March 2025", LineRole.DATELINE),
    ("Share this article", K.SHARE),
    ("Facebook", K.SHARE),
    ("Twitter", K.SHARE),
    ("Copy link", K.SHARE),
    ("Harbourford Council Approves £48m Budget After Late-Night Session", K.REPEATED_TITLE),
    (
        "Councillors in Harbourford approved a £48m budget for the coming year shortly after"
        " midnight on Wednesday, ending a session that lasted more than seven hours.",
        CONTENT,
    ),
    (
        "The city's bike-share subscription service grew 12% last year, the transport department"
        " said in a statement on Tuesday.",
        CONTENT,
    ),
    ("Photo: Harbourford Council", K.IMAGE_CREDIT),
    (
        "Follow the money, opposition councillors said, and the trail leads to three consultancy"
        " contracts worth £2.1m.",
        CONTENT,
    ),
    ("Where the Budget Money Goes", LineRole.HEADING),
    (
        "Most of the increase will go to adult social care, which accounts for £19m of spending,"
        " and to school transport.",
        CONTENT,
    ),
    ("Ten Best Beaches to Visit This Summer", K.PROMO),
    (
        "Council tax will rise by 4.9%, the maximum allowed without a referendum, adding about"
        " £90 a year to a typical bill.",
        CONTENT,
    ),
    ("Read more", K.PROMO),
    ("Rovers Sign Brazilian Winger", K.PROMO),
    ("Striker Out for Six Weeks", K.PROMO),
    (
        "Residents will be able to comment on the plans at a public meeting on 2 April, the"
        " council said.",
        CONTENT,
    ),
    ("Listen to this article", K.PLAYER),
    ("0:00 / 4:32", K.PLAYER),
    ("1x", K.PLAYER),
    ("Priya Raman is the Harbour Times' local government correspondent.", K.EDITORIAL_NOTE),
    ("© 2025 Harbour Times. All rights reserved.", K.DISCLAIMER),
    ("Leave a comment", K.COMMENTS),
    ("Your email address will not be published. Required fields are marked *", K.COMMENTS),
    ("Name *", K.COMMENTS),
    ("Email *", K.COMMENTS),
    ("Website", K.COMMENTS),
    ("Post Comment", K.COMMENTS),
    ("Article ID: 48213", K.IDENTIFIER),
]


def test_council_budget_article() -> None:
    check_rows(COUNCIL)


SPEECH = [
    ("Home", K.NAVIGATION),
    ("Politics", ANY),
    ("Search", K.NAVIGATION),
    ("# Chancellor Urges Europe to Stand Together on Defence", LineRole.TITLE),
    ("- byKatrin Vogel", LineRole.BYLINE),
    ("Update: 2025-12-15", LineRole.DATELINE),
    ("Listen", ANY),
    ("4 min read", ANY),
    (
        "The German chancellor told the Bundestag on Wednesday that Europe must take far greater"
        " responsibility for its own security.",
        CONTENT,
    ),
    ("„Wir können nicht darauf warten, dass andere uns beschützen“, sagte der Kanzler.", CONTENT),
    ("Канцлер призвал Европу к единству перед лицом угроз.", K.FOREIGN_LANGUAGE),
    ("Follow our live coverage of the Bundestag debate on X @BerlinDesk", K.SOCIAL),
    (
        "Share prices of German defence companies rose sharply after the speech, with Rheinmetall"
        " gaining 4% in Frankfurt.",
        CONTENT,
    ),
    ("## A Warning to Washington", LineRole.HEADING),
    (
        "The chancellor said Europe could no longer assume that Washington would always come to"
        " its aid, a warning aimed at the White House.",
        CONTENT,
    ),
    ("Image source: dpa", K.IMAGE_CREDIT),
    (
        "Opposition leaders said the speech lacked detail on how the extra spending would be"
        " financed without new debt.",
        CONTENT,
    ),
    ("Related:", K.PROMO),
    ("Coalition Talks Stall Over Pension Reform", K.PROMO),
    ("Found a typo? Highlight the text and press Ctrl+Enter.", K.UI_HINT),
    (
        "The views expressed by guest contributors do not necessarily reflect those of the Berlin"
        " Ledger.",
        K.DISCLAIMER,
    ),
]


def test_chancellor_speech_article() -> None:
    check_rows(SPEECH)


TRANSFER = [
    ("Rovers Sign Brazilian Winger for Club-Record Fee", LineRole.TITLE),
    ("Daniel Okafor", LineRole.BYLINE),
    ("EXCLUSIVE", K.PROMO),
    (
        "Rovers have completed the signing of Brazilian winger João Araújo from Fluminense for a"
        " club-record fee of €18m, the club confirmed on Friday.",
        CONTENT,
    ),
    (
        "The club shared a video of the signing on Instagram, where it passed a million views"
        " within an hour.",
        CONTENT,
    ),
    ("Follow us on Instagram", K.SOCIAL),
    ("@RoversFC", K.SOCIAL),
    (
        "“He is exactly the player we wanted,” said the manager, who had tracked the 22-year-old"
        " for two seasons.",
        CONTENT,
    ),
    ("Getty Images", K.IMAGE_CREDIT),
    (
        "Araújo will wear the number 11 shirt and could make his debut against Everton on"
        " Saturday.",
        CONTENT,
    ),
    ("Subscribe to our newsletter", K.SUBSCRIPTION),
    ("Sign up", K.SUBSCRIPTION),
    ("12 comments", K.COMMENTS),
    ("Back to top", K.NAVIGATION),
]


def test_football_transfer_article() -> None:
    check_rows(TRANSFER)


def test_flags_are_stable_under_crlf_and_indentation() -> None:
    text = "\n".join(raw for raw, _ in COUNCIL)
    plain = {line.text: line.boilerplate for line in structure(text)[0]}
    crlf_text = "\r\n".join(f"  {raw}\t" for raw, _ in COUNCIL)
    crlf = {line.text: line.boilerplate for line in structure(crlf_text)[0]}
    assert plain == crlf
