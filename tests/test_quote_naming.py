"""Quotes by the conventions of English news (issue 10, point 4): nested single quotes are
part of the outer quote; titles of works, quoted terms and scare quotes are never a direct
quote of anyone. Sentences written for these tests; real spaCy pipeline for attribution."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from putin_claims.ingest.readers import ingest, read_bytes
from putin_claims.models import LineRole, Paragraph, ProcessedDocument, QuoteKind
from putin_claims.nlp.process import process
from putin_claims.nlp.quotes import quote_spans
from putin_claims.nlp.quotes.naming import names_a_work_or_term, short_unframed


def _spans(text: str) -> list[str]:
    para = Paragraph(index=0, start=0, end=len(text), role=LineRole.CONTENT, line=1)
    return [text[q.start : q.end] for q in quote_spans(text, [para])]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a ’ after punctuation ends the nested quote, not the outer one
        (
            "“We said ‘no deal.’ And we meant it,” the minister said.",
            ["We said ‘no deal.’ And we meant it,"],
        ),
        (
            "“They shouted ‘out!’ at us for an hour,” a fan said.",
            ["They shouted ‘out!’ at us for an hour,"],
        ),
        # nested at the very end of the outer quote
        ("“He told me ‘never again.’” She laughed.", ["He told me ‘never again.’"]),
        # straight single marks inside straight double marks are part of the quote
        (
            "\"We said 'no deal.' And we meant it,\" he said.",
            ["We said 'no deal.' And we meant it,"],
        ),
        # guillemets nest single marks too
        ("«Le ‘oui.’ Puis rien,» dit-il.", ["Le ‘oui.’ Puis rien,"]),
        # a stray ’ inside a double-quoted quote never closes it
        ("“The fans.’ Then silence,” she said.", ["The fans.’ Then silence,"]),
        # the British order: curly double marks nested inside curly single ones
        (
            "‘He told me “never again.” Then he left,’ she said.",
            ["He told me “never again.” Then he left,"],
        ),
        # a ’ inside the nested “…” never closes the outer ‘…’
        (
            "‘He said “the players’ fees.” Then he left,’ she said.",
            ["He said “the players’ fees.” Then he left,"],
        ),
        # an apostrophe inside the nested quote leaves it open
        (
            "“We said ‘the firm’s plan.’ And we meant it,” he said.",
            ["We said ‘the firm’s plan.’ And we meant it,"],
        ),
        # outside a double quote, curly single marks still quote
        ("‘We will win,’ the coach said.", ["We will win,"]),
        # straight single marks are never quotation marks (a BBC-style headline scare quote)
        ("Apple laptop is 'greatest gadget'", []),
    ],
)
def test_nested_single_quotes_are_part_of_the_outer_quote(text: str, quoted: list[str]) -> None:
    assert _spans(text) == quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She starred in the film “His Dark Materials”", True),
        ("The band released its single “Hold On”", True),
        ("a report entitled “Cities Of Tomorrow”", True),
        ("He praised the so-called “grand bargain”", True),
        ("a plan known as “the reset”", True),
        ("a policy dubbed “shock therapy”", True),
        # a title noun before lower-case words: not a title
        ("an awards show “similar to the Oscars”", False),
        # a sentence end before the mark: the quote opens a sentence of its own
        ("He saw the film. “It was great”", False),
        ("The minister said “we will win”", False),
    ],
)
def test_titles_and_terms_by_the_words_before(text: str, expected: bool) -> None:
    start = text.index("“") + 1
    assert names_a_work_or_term(text, start, text.index("”")) is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("greatest gadget", True),
        ("Hold On Tight", True),
        ("We will win.", False),
        ("Never!", False),
        ("Such talks,", False),
        ("this one is far too long to be a mere term at all", False),
    ],
)
def test_short_unframed(content: str, expected: bool) -> None:
    assert short_unframed(content) is expected


def _process(text: str, nlp: Language, tmp_path: Path) -> ProcessedDocument:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (processed,) = process([ingest(path, "article", read_bytes(path))], nlp)
    return processed


DIRECT_CASES = [
    # (paragraph, words inside the quote, the quote's full text, speaker key part)
    (
        "“We said ‘no deal.’ And we meant it,” John Smith said on Monday.",
        "no deal",
        "We said ‘no deal.’ And we meant it,",
        "smith",
    ),
    (
        "“The minister’s ‘grand plan’ is dead,” Mary Jones said on Monday.",
        "grand plan",
        "The minister’s ‘grand plan’ is dead,",
        "jones",
    ),
]


@pytest.mark.parametrize("case", DIRECT_CASES)
def test_a_nested_quote_stays_inside_its_speakers_direct_quote(
    nlp: Language, tmp_path: Path, case: tuple[str, str, str, str]
) -> None:
    paragraph, inner, whole, speaker = case
    processed = _process(f"Talks stall\n\n{paragraph}\n", nlp, tmp_path)
    text = processed.document.text
    at = text.index(inner)
    (quote,) = [
        q for q in processed.quotes if q.start <= at < q.end and q.kind is not QuoteKind.INDIRECT
    ]
    assert quote.content == whole
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker_key is not None and speaker in quote.speaker_key


NOT_SPEECH = [
    # (paragraph after an attributed quote, the quoted words)
    (
        "She starred in the film “His Dark Materials” last year, John Smith said.",
        "His Dark Materials",
    ),
    (
        "The novel “War And Peace Again Today For Us” was published, John Smith said.",
        "War And Peace",
    ),
    ("The band released the single “Hold On Tight” in May.", "Hold On Tight"),
    ("He praised the so-called “grand bargain” in a speech.", "grand bargain"),
    ("Laptop is ‘greatest gadget’ in a poll of readers.", "greatest gadget"),
    ("“Greatest Gadget” was the headline on Friday.", "Greatest Gadget"),
]


@pytest.mark.parametrize(("paragraph", "words"), NOT_SPEECH)
def test_titles_terms_and_scare_quotes_are_nobodys_direct_quote(
    nlp: Language, tmp_path: Path, paragraph: str, words: str
) -> None:
    # the quote just before would lend its speaker to an unframed quote that continued it
    article = f"Awards night\n\n“We are delighted,” Mary Jones said.\n\n{paragraph}\n"
    processed = _process(article, nlp, tmp_path)
    at = processed.document.text.index(words)
    inside = [
        q for q in processed.quotes if q.start <= at < q.end and q.kind is not QuoteKind.MIXED
    ]
    inside = [q for q in inside if q.kind is not QuoteKind.INDIRECT]
    assert len(inside) == 1
    (quote,) = inside
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.speaker_key is None
