"""Tests for putin_claims.ingest.lines: exact line offsets and the shape tests on a line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from putin_claims.ingest.lines import TextLine, split_lines, topic_words

SPEECH = (
    "Chancellor Urges Europe to Stand Together on Defence\n"
    "\n"
    "  By Katrin Vogel  \n"
    "\n"
    "The German chancellor told the Bundestag on Wednesday that Europe must spend more on its"
    " own security.\n"
    "\t“We cannot wait for others to protect us,” he said.\n"
)


def only(text: str) -> TextLine:
    lines = split_lines(text)
    assert len(lines) == 1, lines
    return lines[0]


def check_offsets(text: str, lines: list[TextLine]) -> None:
    for line in lines:
        assert text[line.start : line.end] == line.text
        assert line.body == text[line.body_start : line.end]


# --- split_lines --------------------------------------------------------------------------


def test_blank_lines_are_skipped_and_numbers_count_physical_lines() -> None:
    lines = split_lines(SPEECH)
    assert [line.number for line in lines] == [1, 3, 5, 6]
    assert lines[0].text == "Chancellor Urges Europe to Stand Together on Defence"
    assert lines[1].text == "By Katrin Vogel"
    assert lines[3].text == "“We cannot wait for others to protect us,” he said."
    check_offsets(SPEECH, lines)


def test_surrounding_whitespace_is_excluded_from_offsets() -> None:
    text = "   \t Budget approved \t  \n"
    line = only(text)
    assert line.text == "Budget approved"
    assert line.start == text.index("B")
    assert line.end == text.index("d ") + 1


def test_crlf_line_endings() -> None:
    text = "Council Budget\r\n\r\nThe council met on Monday.\r\nIt approved the plan.\r\n"
    lines = split_lines(text)
    assert [line.text for line in lines] == [
        "Council Budget",
        "The council met on Monday.",
        "It approved the plan.",
    ]
    assert [line.number for line in lines] == [1, 3, 4]
    assert all("\r" not in line.text for line in lines)
    check_offsets(text, lines)


def test_old_mac_line_endings() -> None:
    text = "Transfer news\rRovers sign winger.\r\rFee undisclosed.\r"
    lines = split_lines(text)
    assert [line.text for line in lines] == [
        "Transfer news",
        "Rovers sign winger.",
        "Fee undisclosed.",
    ]
    assert [line.number for line in lines] == [1, 2, 4]
    check_offsets(text, lines)


def test_unicode_whitespace_is_stripped() -> None:
    text = "\u00a0\u2003Mayor resigns\u3000\u00a0\n\u2009\n"
    line = only(text)
    assert line.text == "Mayor resigns"
    check_offsets(text, [line])


def test_text_without_final_newline() -> None:
    text = "First line\nSecond line"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["First line", "Second line"]
    assert lines[-1].end == len(text)


def test_empty_and_blank_text_have_no_lines() -> None:
    assert split_lines("") == []
    assert split_lines(" \n\t\r\n\u00a0\n") == []


def test_inner_whitespace_is_kept() -> None:
    line = only("  Rovers   2 \t 1   United  ")
    assert line.text == "Rovers   2 \t 1   United"


# --- markers and body ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        ("# Budget at a glance", "Budget at a glance"),
        ("### Where the money goes", "Where the money goes"),
        ("- Parking fees frozen", "Parking fees frozen"),
        ("* Libraries stay open", "Libraries stay open"),
        ("• New bus lanes on Harbour Road", "New bus lanes on Harbour Road"),
        ("> “We have balanced the books,” she said.", "“We have balanced the books,” she said."),
        ("1. The council approved the plan.", "The council approved the plan."),
        ("2) Schools get more money", "Schools get more money"),
        ("- byKatrin Vogel", "byKatrin Vogel"),
    ],
)
def test_markers_are_skipped_in_body_but_kept_in_text(raw: str, body: str) -> None:
    text = f"\n  {raw}  \n"
    line = only(text)
    assert line.text == raw
    assert line.body == body
    assert line.body_start > line.start
    check_offsets(text, [line])


@pytest.mark.parametrize(
    "raw",
    [
        "1.5 million people live in the city.",
        "2025 was a record year for the club.",
        "12 councillors voted against the plan.",
        "Budget approved",
        "#hashtag campaigns spread quickly",
    ],
)
def test_lines_without_a_marker_have_body_equal_to_text(raw: str) -> None:
    line = only(raw)
    assert line.body == line.text == raw
    assert line.body_start == line.start


# --- shape tests --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "terminal"),
    [
        ("The council approved the budget.", True),
        ("Is the budget balanced?", True),
        ("What a goal!", True),
        ("And then…", True),
        ("“We will not raise taxes.”", True),
        ("He said it was (finally) agreed.)", True),
        ("Budget approved", False),
        ("Budget: the key numbers", False),
        ("Fees rose 5%", False),
        ("“We will not raise taxes,”", False),
    ],
)
def test_terminal(raw: str, terminal: bool) -> None:
    assert only(raw).terminal is terminal


def test_prose_needs_eight_words_and_an_ending() -> None:
    prose = only("The council approved the budget after a long debate on Monday.")
    assert prose.is_prose
    assert not prose.is_short
    assert not only("The council approved the budget.").is_prose  # five words
    assert not only("The council approved the budget after a long debate on Monday").is_prose


def test_short_label_lines() -> None:
    assert only("Share this article").is_short
    assert only("- Top stories").is_short
    assert not only("Share this.").is_short  # sentence punctuation
    assert not only("Councillors voted late into the night on Monday").is_short


def test_words_skip_numbers_and_markers() -> None:
    line = only("- Fees rose 5% to £1,200 in 2025, the U.S.-based firm's report said")
    assert line.words == [
        "Fees",
        "rose",
        "to",
        "in",
        "the",
        "U.S.-based",
        "firm's",
        "report",
        "said",
    ]
    assert line.n_words == 9


@pytest.mark.parametrize(
    ("raw", "title_case"),
    [
        ("Chancellor Urges Europe to Stand Together on Defence", True),
        ("Rovers Sign Brazilian Winger for Club-Record Fee", True),
        ("Ten Best Beaches to Visit This Summer", True),
        ("Chancellor urges Europe to stand together on defence", False),
        ("the council approved the budget on Monday", False),
        ("Budget Approved", False),  # too few content words to tell
    ],
)
def test_title_case(raw: str, title_case: bool) -> None:
    assert only(raw).is_title_case is title_case


def test_topic_words_drop_stop_words_plurals_and_possessives() -> None:
    words = topic_words("The Council's budgets were approved by councillors on Monday")
    assert "council" in words
    assert "budget" in words
    assert "councillor" in words
    assert "monday" in words
    assert "the" not in words
    assert "were" not in words
    assert "by" not in words


def test_topic_words_of_a_line_use_its_body() -> None:
    line = only("## Where the Budget Money Goes")
    assert line.topic_words == topic_words("Where the Budget Money Goes")
    assert "budget" in line.topic_words


# --- property -----------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "a",
        "Budget",
        "é",
        "Ж",
        "北",
        "\U0001f389",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        "\r\n\r\n",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\u2028",
        "\u2029",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x85",
        "#",
        "## ",
        "- ",
        "-",
        "* ",
        "• ",
        "> ",
        "— ",
        "1. ",
        "2) ",
        ".",
        "?",
        "”",
    ]
)
ARTICLE_TEXT = st.lists(PIECES | st.text(max_size=8), max_size=60).map("".join) | st.text()


@settings(max_examples=500, deadline=None)
@given(ARTICLE_TEXT)
def test_offsets_are_exact_for_any_text(text: str) -> None:
    lines = split_lines(text)
    previous_end = 0
    previous_number = 0
    for line in lines:
        assert text[line.start : line.end] == line.text
        assert line.body == text[line.body_start : line.end]
        assert line.text
        assert line.text == line.text.strip()
        assert line.start <= line.body_start <= line.end
        assert line.start >= previous_end
        assert line.number > previous_number
        # the 1-based physical line number matches the line breaks before the line
        assert line.number == len((text[: line.start] + "x").splitlines())
        previous_end, previous_number = line.end, line.number
    # nothing but whitespace is left outside the lines
    covered = set()
    for line in lines:
        covered.update(range(line.start, line.end))
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)
