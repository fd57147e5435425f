"""Quotation marks paired per paragraph (putin_claims.nlp.quotes.spans): pure text, no spaCy."""

from __future__ import annotations

import pytest

from putin_claims.models import LineRole, Paragraph
from putin_claims.nlp.quotes import QuoteSpan, quote_spans


def _paragraphs(text: str) -> list[Paragraph]:
    """One content paragraph per block separated by a blank line."""
    out, start = [], 0
    for n, block in enumerate(text.split("\n\n")):
        end = start + len(block)
        out.append(Paragraph(index=n, start=start, end=end, role=LineRole.CONTENT, line=n + 1))
        start += len(block) + 2
    return out


def _found(text: str) -> list[QuoteSpan]:
    return quote_spans(text, _paragraphs(text))


def _spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in _found(text)]


def test_curly_and_straight_marks_pair_up() -> None:
    text = 'He said “we will win,” and she said "never." It is Ukraine’s turn.'
    assert _spans(text) == ["we will win,", "never."]


def test_an_unbalanced_mark_closes_at_the_end_of_its_paragraph_only() -> None:
    text = "He said “this never ends.\n\nA new paragraph with “a real quote” here."
    assert _spans(text) == ["this never ends.", "a real quote"]
    assert [q.balanced for q in quote_spans(text, _paragraphs(text))] == [False, True]


def test_a_quote_running_over_paragraphs_is_one_quote() -> None:
    text = "“The first part goes on.\n\n“And the second part ends,” she said."
    (span,) = quote_spans(text, _paragraphs(text))
    assert [text[a:b] for a, b in span.pieces] == [
        "The first part goes on.",
        "And the second part ends,",
    ]
    assert span.balanced


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # straight marks open and close in turn
        ('The mayor said "no" twice.', ["no"]),
        ('Analysts called it "bold" and "late".', ["bold", "late"]),
        # curly double marks and guillemets
        ("The airline called the strike “regrettable” on Tuesday.", ["regrettable"]),
        ("Le Monde’s editor wrote «never again» in a column.", ["never again"]),
        # curly single marks
        ("The coach called it ‘a good day’.", ["a good day"]),
        ("Ministers promised ‘no new taxes’ in 2019.", ["no new taxes"]),
        ("The slogan was ‘Kenya’s turn’ all summer.", ["Kenya’s turn"]),
        # a quote inside a quote stays part of the outer one
        ("“They told us ‘wait’ again,” the farmer said.", ["They told us ‘wait’ again,"]),
        # apostrophes are not marks
        ("Nigeria’s central bank raised rates.", []),
        ("Prices last rose this fast in the ’90s.", []),
        ("The lawyers’ fees were capped.", []),
        ("The CEO said “Kenya’s market is growing” on a call.", ["Kenya’s market is growing"]),
        # a straight mark closes a quote a curly one opened
        ('The memo said “cut costs" and nothing else.', ["cut costs"]),
        # a closing mark with no quote open is ignored
        ("The tally” was off, she wrote “again”.", ["again"]),
        # empty and blank quotes are dropped
        ('The reply was "" and then "  " again.', []),
        # several quotes in one paragraph, each its own span
        ("“Yes,” said one; “No,” said another; “Maybe,” said a third.", ["Yes,", "No,", "Maybe,"]),
    ],
)
def test_marks_pair_within_a_paragraph(text: str, quoted: list[str]) -> None:
    assert _spans(text) == quoted
    assert all(q.balanced for q in _found(text))


@pytest.mark.parametrize(
    ("text", "pieces", "balanced"),
    [
        # a run-on quote in straight marks is one quote in two pieces
        (
            '"Exports doubled last year.\n\n"Imports fell," the trade minister said.',
            [["Exports doubled last year.", "Imports fell,"]],
            [True],
        ),
        # three paragraphs, the last one closes it
        (
            "“One.\n\n“Two.\n\n“Three,” she said.",
            [["One.", "Two.", "Three,"]],
            [True],
        ),
        # a run-on quote that never closes ends with the text, unbalanced
        (
            "“The first part.\n\n“The second part never closes.",
            [["The first part.", "The second part never closes."]],
            [False],
        ),
        # the next paragraph does not open with a mark: the open quote ends at its paragraph
        (
            "“The harvest failed.\n\nThe farmer then said “we will replant.”",
            [["The harvest failed."], ["we will replant."]],
            [False, True],
        ),
        # an open mark in the last paragraph closes at the end of the text
        ("The pilot radioed “mayday, mayday", [["mayday, mayday"]], [False]),
        # the next paragraph opens with a mark but the first quote had closed already
        (
            "“Done,” he said.\n\n“Next question,” she said.",
            [["Done,"], ["Next question,"]],
            [True, True],
        ),
    ],
)
def test_quotes_across_paragraphs(text: str, pieces: list[list[str]], balanced: list[bool]) -> None:
    found = _found(text)
    assert [[text[a:b] for a, b in q.pieces] for q in found] == pieces
    assert [q.balanced for q in found] == balanced
    for q in found:
        assert (q.start, q.end) == (q.pieces[0][0], q.pieces[-1][1])


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("“First.\n\nPlain text.\n\n“Second.”", [0, 2]),
        ("“Runs on.\n\n“and ends,” he said.", [1]),
        ("No quotes.\n\nStill none.\n\nHe said “one.”", [2]),
    ],
)
def test_a_span_records_its_last_paragraph(text: str, paragraphs: list[int]) -> None:
    assert [q.paragraph for q in _found(text)] == paragraphs


@pytest.mark.parametrize(
    ("text", "quoted", "balanced"),
    [
        # a reopened straight mark: the quote before it was never closed (lost paragraph break)
        ('He said: "We played well. "But we need a win," he added.',
         ["We played well.", "But we need a win,"], [False, True]),
        ('"It was hard," she said. "We kept going. "Now we rest."',
         ["It was hard,", "We kept going.", "Now we rest."], [True, False, True]),
        # a stray closing mark opens nothing: the narrative after it is no quote
        ('The coach was pleased." The side travel to Lisbon next week.', [], []),
        ('"A fine day," said Ms Lind." The vote is on Friday.', ["A fine day,"], [True]),
        # marks that face their words pair as before
        ('"Yes," he said, "we will."', ["Yes,", "we will."], [True, True]),
    ],
)  # fmt: skip
def test_straight_marks_face_the_words_they_quote(
    text: str, quoted: list[str], balanced: list[bool]
) -> None:
    found = _found(text)
    assert [text[q.start : q.end] for q in found] == quoted
    assert [q.balanced for q in found] == balanced
