"""Assertion extraction on sentences written for these tests, with the real spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from putin_claims.corpus.similarity import concept
from putin_claims.ingest.readers import ingest, read_bytes
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import Assertion, AssertionKind, Hedge, ProcessedDocument
from putin_claims.nlp.assertions import AssertionFinder
from putin_claims.nlp.assertions.matching import Hits, matchers
from putin_claims.nlp.assertions.patterns import VERB_DOBJ, VERB_PREP, VERB_XCOMP
from putin_claims.nlp.components import assertions_of
from putin_claims.nlp.process import process


def _process(text: str, nlp: Language, tmp_path: Path) -> ProcessedDocument:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (processed,) = process([ingest(path, "article", read_bytes(path))], nlp)
    return processed


def _goals(processed: ProcessedDocument) -> list[Assertion]:
    return [
        a for a in processed.assertions if a.kind in (AssertionKind.OBJECTIVE, AssertionKind.DEMAND)
    ]


def test_list_after_namely_gives_one_assertion_per_item(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Farm talks stall in Brussels\n\n"
        "President Macron has shown no sign of dropping his aims — namely ending cheap beef "
        "imports, restoring subsidies for small farms, imposing quotas on poultry, and "
        "expanding protected regions.\n"
    )
    processed = _process(text, nlp, tmp_path)
    goals = _goals(processed)
    assert [a.content for a in goals] == [
        "ending cheap beef imports",
        "restoring subsidies for small farms",
        "imposing quotas on poultry",
        "expanding protected regions",
    ]
    assert {a.actor_key for a in goals} == {goals[0].actor_key}
    assert goals[0].actor_key is not None and "macron" in goals[0].actor_key
    for a in goals:
        assert processed.document.text[a.start : a.end] == a.content


def test_pronoun_subject_takes_the_paragraphs_actor(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Macron hardens line\n\n"
        "President Macron met farmers on Monday. He has set the expectation that "
        "Brussels must delay the trade agreement with Mercosur.\n"
    )
    goals = _goals(_process(text, nlp, tmp_path))
    (demand,) = [a for a in goals if "delay" in a.content]
    assert demand.kind is AssertionKind.DEMAND
    assert demand.actor_key is not None and "macron" in demand.actor_key
    assert demand.actor_text == "He"


def test_nominal_patterns(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Energy policy\n\n"
        "Macron's goal is to shield French farmers from cheap imports. "
        "For Macron, lower energy prices and a larger army are key priorities.\n"
    )
    goals = _goals(_process(text, nlp, tmp_path))
    contents = [a.content for a in goals]
    assert "to shield French farmers from cheap imports" in contents
    assert "lower energy prices" in contents
    assert "a larger army" in contents
    assert all(a.actor_key and "macron" in a.actor_key for a in goals)


def test_insist_on_conditions_including_a_list(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Trade\n\n"
        "France insisted on a series of conditions, including a cap on beef imports and the "
        "creation of a safeguard fund for farmers.\n"
    )
    goals = _goals(_process(text, nlp, tmp_path))
    assert [a.content for a in goals] == [
        "a cap on beef imports",
        "the creation of a safeguard fund for farmers",
    ]
    assert all(a.kind is AssertionKind.DEMAND and a.actor_key == "@france" for a in goals)


@pytest.mark.parametrize(
    ("sentence", "hedge", "cue"),
    [
        ("Macron may seek a delay of the vote.", Hedge.HEDGED, "may"),
        ("Macron reportedly wants a delay of the vote.", Hedge.HEDGED, "reportedly"),
        ("Macron appears to want a delay of the vote.", Hedge.HEDGED, "appear"),
        ("Macron wants a delay of the vote.", Hedge.ASSERTED, None),
    ],
)
def test_hedges(
    nlp: Language, tmp_path: Path, sentence: str, hedge: Hedge, cue: str | None
) -> None:
    goals = _goals(_process(f"Vote\n\n{sentence}\n", nlp, tmp_path))
    (goal,) = goals
    assert goal.content == "a delay of the vote"
    assert (goal.hedge, goal.hedge_cue) == (hedge, cue)


def test_reported_speech_is_attributed(nlp: Language, tmp_path: Path) -> None:
    text = "Vote\n\nEmmanuel Macron said that France would seek a delay of the vote.\n"
    (goal,) = _goals(_process(text, nlp, tmp_path))
    assert goal.actor_key == "@france"
    assert goal.hedge is Hedge.REPORTED
    assert goal.attributed_key is not None and "macron" in goal.attributed_key


def test_according_to(nlp: Language, tmp_path: Path) -> None:
    text = "Vote\n\nAccording to Mr. Lavrov, Macron wants a delay of the vote.\n"
    (goal,) = _goals(_process(text, nlp, tmp_path))
    assert goal.hedge is Hedge.REPORTED
    assert goal.attributed_text is not None and "Lavrov" in goal.attributed_text


def test_offer_with_condition_gives_a_conditional_demand(nlp: Language, tmp_path: Path) -> None:
    text = "Deal\n\nMacron would accept the agreement, provided it excludes beef.\n"
    processed = _process(text, nlp, tmp_path)
    kinds = {a.kind: a for a in processed.assertions}
    assert kinds[AssertionKind.OFFER].content == "the agreement"
    condition = kinds[AssertionKind.DEMAND]
    assert condition.content == "it excludes beef"
    assert condition.hedge is Hedge.CONDITIONAL


@pytest.mark.parametrize(
    "sentence",
    ["Macron does not intend to sign the agreement.", "Macron will not accept the agreement."],
)
def test_negated_goals_and_offers_are_refusals(
    nlp: Language, tmp_path: Path, sentence: str
) -> None:
    processed = _process(f"Deal\n\n{sentence}\n", nlp, tmp_path)
    assert [a.kind for a in processed.assertions] == [AssertionKind.REFUSAL]
    assert not _goals(processed)


def test_statement_content_and_speaker(nlp: Language, tmp_path: Path) -> None:
    text = "Deal\n\nMr. Lavrov noted that the talks had stalled over beef.\n"
    (statement,) = _process(text, nlp, tmp_path).assertions
    assert statement.kind is AssertionKind.STATEMENT
    assert statement.content == "the talks had stalled over beef"
    assert statement.actor_key is not None and "lavrov" in statement.actor_key


def test_sentence_terms_mark_actor_mentions(nlp: Language, tmp_path: Path) -> None:
    processed = _process("Deal\n\nMacron wants a delay of the vote.\n", nlp, tmp_path)
    content = [t for t in processed.terms if t]
    assert any("@" in t and "delay" in t for t in content)


def test_concepts_join_general_synonyms() -> None:
    assert concept("cessation") == concept("stop") == concept("halt")
    assert concept("assistance") == concept("aid") == concept("support")
    assert concept("integrate") == concept("join")
    assert concept("restrictions") == concept("limitation")
    assert concept("banana") == "banana"


def test_lexicon_words_sit_in_one_concept_only() -> None:
    lex = cue_lexicon()
    heads = [w.split()[0] for words in lex.concept_words.values() for w in words]
    assert len(heads) == len(set(heads))


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("France would like the tariff to be dropped.", "the tariff to be dropped"),
        ("France is pushing to join the defence pact.", "to join the defence pact"),
        ("France expects to be admitted as a full member.", "to be admitted as a full member"),
    ],
)
def test_more_verbal_objectives(nlp: Language, tmp_path: Path, sentence: str, content: str) -> None:
    (goal,) = _goals(_process(f"Pact\n\n{sentence}\n", nlp, tmp_path))
    assert goal.actor_key == "@france"
    assert goal.content == content
    assert goal.hedge is Hedge.ASSERTED


def test_an_obligation_in_reported_speech_is_the_speakers_demand(
    nlp: Language, tmp_path: Path
) -> None:
    text = "Pact\n\n“Brussels must stop stalling the talks,” Macron told reporters.\n"
    (demand,) = _goals(_process(text, nlp, tmp_path))
    assert demand.kind is AssertionKind.DEMAND
    assert demand.actor_key is not None and "macron" in demand.actor_key
    assert "must stop stalling the talks" in demand.content


def test_list_after_a_prepositional_phrase(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Priorities\n\nMacron listed France's priorities for 2027, namely a cap on beef "
        "imports, a new nuclear plant and an end to visa delays.\n"
    )
    contents = [a.content for a in _goals(_process(text, nlp, tmp_path))]
    assert contents == ["a cap on beef imports", "a new nuclear plant", "an end to visa delays"]


def test_actions_of_named_actors(nlp: Language, tmp_path: Path) -> None:
    text = (
        "Decree\n\nPresident Macron signed the pension decree on Monday. "
        "Analysts expected a strike. Macron appears to want calm.\n"
    )
    actions = [
        a for a in _process(text, nlp, tmp_path).assertions if a.kind is AssertionKind.ACTION
    ]
    assert [(a.cue, a.content) for a in actions] == [
        ("sign", "signed the pension decree on Monday")
    ]
    assert actions[0].actor_key is not None and "macron" in actions[0].actor_key


@pytest.mark.parametrize(
    "sentence",
    [
        "Italy wants this.",
        "Greece rejected such an agreement.",
        "The minister would not accept it.",
        "Spain demanded these.",
        "Chile rejected that idea.",
    ],
)
def test_anaphoric_contents_are_dropped(nlp: Language, sentence: str) -> None:
    assert assertions_of(nlp(sentence)) == []


def test_a_clause_after_an_anaphor_is_content(nlp: Language) -> None:
    (found,) = assertions_of(nlp("Italy wants this deal to succeed."))
    assert (found.kind, found.content) == ("objective", "this deal to succeed")


# --------------------------------------------------------------------------- patterns


def _parsed(nlp: Language, rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc with a given parse: (word, head, dep, pos, lemma) per token."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_patterns_compare_lemmas_in_any_case(nlp: Language) -> None:
    doc = _parsed(
        nlp,
        [
            ("Canada", 1, "nsubj", "PROPN", "Canada"),
            ("PUSHED", 1, "ROOT", "VERB", "PUSH"),
            ("for", 1, "prep", "ADP", "for"),
            ("early", 4, "amod", "ADJ", "early"),
            ("elections", 2, "pobj", "NOUN", "election"),
            (".", 1, "punct", "PUNCT", "."),
        ],
    )
    (found,), _ = AssertionFinder().find(doc)
    assert (found.kind, found.cue, found.actor_text, found.content) == (
        "demand",
        "push for",
        "Canada",
        "early elections",
    )


def test_verb_complement_patterns(nlp: Language) -> None:
    doc = nlp("Canada insisted on a review of the tariffs. Brazil wants to expand its exports.")
    hits = Hits(doc)
    insisted, wants = doc[1], doc[10]
    assert [(p.text, o.text) for _, p, o in hits.trees(VERB_PREP, insisted)] == [("on", "review")]
    assert hits.first(VERB_DOBJ, insisted) is None and hits.trees(VERB_XCOMP, insisted) == []
    assert [clause.text for _, clause in hits.trees(VERB_XCOMP, wants)] == ["expand"]


def test_matchers_are_built_once_per_vocab(nlp: Language) -> None:
    assert matchers(nlp.vocab) is matchers(nlp.vocab)


def test_matchers_first_built_in_a_memory_zone_work_after_it(nlp: Language) -> None:
    matchers.cache_clear()
    sentence = "Canada insisted on a review of the tariffs."
    with nlp.memory_zone():
        inside = [(a.cue, a.content) for a in assertions_of(nlp(sentence))]
    after = [(a.cue, a.content) for a in assertions_of(nlp(sentence))]
    assert inside == after == [("insist", "a review of the tariffs")]


@pytest.mark.parametrize(
    ("text", "cue", "actor"),
    [
        # a person description is the last person named before it
        (
            "Ann Lee spoke to reporters outside court.\n\nThe singer did not want to talk about "
            "the case.\n",
            "want",
            "ann lee",
        ),
        (
            "Tom Hart scored twice on Saturday.\n\nThe 20-year-old wants to play in Spain.\n",
            "want",
            "tom hart",
        ),
        # a body noun is the last organisation named
        (
            "Acme Holdings reported a loss.\n\nThe company plans to cut 500 jobs.\n",
            "plan to",
            "acme holdings",
        ),
        # a group, or a head that names neither, stays unresolved
        ("Ann Lee met Tom Hart in Paris.\n\nThe pair want to open a shop.\n", "want", None),
        (
            "Ann Lee met Tom Hart in Paris.\n\nThe French administration wants new talks.\n",
            "want",
            None,
        ),
    ],
)
def test_a_subject_given_as_a_description_is_who_it_describes(
    nlp: Language, tmp_path: Path, text: str, cue: str, actor: str | None
) -> None:
    processed = _process("Headline here\n\n" + text, nlp, tmp_path)
    (found,) = [a for a in processed.assertions if a.cue == cue]
    assert found.actor_key == actor
