"""Vague contents (``nlp/assertions/vague.py``): which rule, if any, finds a content vague."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.lexicons import cue_lexicon
from putin_claims.models import GOAL_KINDS, AssertionKind, LineRole
from putin_claims.nlp.assertions.context import Sentence
from putin_claims.nlp.assertions.matching import Hits
from putin_claims.nlp.assertions.vague import vagueness
from putin_claims.nlp.components import assertions_of

Row = tuple[str, str | None]


def _read(nlp: Language, text: str, role: LineRole = LineRole.CONTENT) -> list[Row]:
    doc = nlp.make_doc(text)
    doc._.pc_role = role.value
    return [
        (a.content, a.vague.value if a.vague else None)
        for a in assertions_of(nlp(doc))
        if a.kind in GOAL_KINDS | {AssertionKind.REFUSAL}
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # specific: a predicate, a number, a complement, a modifier that says which
        ("The mayor wants to cut costs.", ("to cut costs", None)),
        ("The union is demanding a 5% pay rise.", ("a 5% pay rise", None)),
        ("Campaigners called for a ban on smoking in pubs.", ("a ban on smoking in pubs", None)),
        ("The opposition is pushing for early elections.", ("early elections", None)),
        ("The council wants to discuss the issue.", ("to discuss the issue", None)),
        ("The rebels want talks with the government.", ("talks with the government", None)),
        ("The rebels want peace talks.", ("peace talks", None)),
        ("The rebels want direct talks.", ("direct talks", None)),
        ("The company seeks tax concessions.", ("tax concessions", None)),
        ("The coalition wants the benefits of free trade.", ("the benefits of free trade", None)),
        ("The coach wants a 10-point lead.", ("a 10-point lead", None)),
        ("The firm wants an international awards show.", ("an international awards show", None)),
        (
            'The chairman wants what he called "a clean break".',
            ('what he called "a clean break"', None),
        ),
        # a bare topic noun: nothing says which
        ("The minister wants more details.", ("more details", "bare_topic")),
        ("The board is seeking further work.", ("further work", "bare_topic")),
        ("Lawyers asked for a figure.", ("a figure", "bare_topic")),
        ("The senator demanded the matter.", ("the matter", "bare_topic")),
        ("The ministers want concrete steps.", ("concrete steps", "bare_topic")),
        ("The union rejected an earlier date.", ("an earlier date", "bare_topic")),
        # a goal word that does not say what the goal is
        ("The regulator has demanded more demands.", ("more demands", "generic_goal")),
        ("The coalition wants the benefits.", ("the benefits", "generic_goal")),
        # a fragment: a word cut in two
        ("The bank will try to pre-empt rising inflation.", ("to pre", "fragment")),
    ],
)
def test_vague_contents(nlp: Language, sentence: str, expected: Row) -> None:
    assert _read(nlp, sentence) == [expected]


def _rule(nlp: Language, sentence: str, cue: str, words: str) -> str | None:
    """The rule :func:`vagueness` applies to the ``words`` of ``sentence`` after ``cue``."""
    doc = nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    (cue_tok,) = [t for t in doc if t.text == cue]
    found = vagueness(Sentence(doc[:], cue_lexicon(), Hits(doc)), cue_tok, span)
    return found.value if found else None


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        # a quote opened in the span goes on, words and all, after it
        ('The mayor wants to "rebuild every bridge, old or new".', 'to "rebuild every bridge',
         "fragment"),
        ('The mayor wants to "rebuild every bridge, old or new".',
         'to "rebuild every bridge, old or new', None),
        # the last word modifies a word after the span
        ("The firm wants an international awards show.", "an international awards", "fragment"),
        # a preposition without its object, "to" without its verb
        ("The bank wants rates above 3% by May.", "rates above", "fragment"),
        ("The bank wants to lower rates.", "to", "fragment"),
        ("The bank wants rates above 3% by May.", "rates above 3%", None),
    ],
)  # fmt: skip
def test_fragments(nlp: Language, sentence: str, words: str, expected: str | None) -> None:
    assert _rule(nlp, sentence, "wants", words) == expected


def test_one_word_that_names_no_event(nlp: Language) -> None:
    assert _rule(nlp, "The bank warned of more rate rises.", "warned", "rises") == "one_word"
    assert _rule(nlp, "The rebels demanded independence.", "demanded", "independence") is None
    assert _rule(nlp, "The republic demanded Crimea.", "demanded", "Crimea") is None


def test_a_quote_that_closes_after_the_span_is_complete(nlp: Language) -> None:
    assert _read(nlp, 'The mayor wants a "fair deal".') == [('a "fair deal', None)]


def test_a_number_keeps_its_percent_sign(nlp: Language) -> None:
    assert _read(nlp, "The treasurer wants deficits to stay below 3%.") == [
        ("deficits to stay below 3%", None)
    ]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Chile's nuclear ambitions", ("nuclear ambitions", "headline")),
        ("Beijing's regional ambitions in Asia", ("regional ambitions in Asia", "headline")),
        ("Brazil's demand for debt relief", ("debt relief", None)),
    ],
)
def test_a_headline_without_a_predicate(nlp: Language, headline: str, expected: Row) -> None:
    assert _read(nlp, headline, LineRole.TITLE) == [expected]


def test_the_same_words_in_a_sentence_are_not_a_headline(nlp: Language) -> None:
    assert _read(nlp, "Chile's nuclear ambitions worry its neighbours.") == [
        ("nuclear ambitions", None)
    ]
