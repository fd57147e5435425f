"""Who the actor is (``nlp/assertions/actor.py``): subject climb, possessor, "for", context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.assertions import AssertionFinder
from putin_claims.nlp.components import assertions_of


@pytest.mark.parametrize(
    ("sentence", "cue", "actor", "source"),
    [
        # the subject of the cue, or of a clause the cue is part of
        ("The party, which wants to leave the coalition, held a vote.", "want", "The party",
         "subject"),
        ("Officials who want to keep the base open met on Monday.", "want", "Officials",
         "subject"),
        ("A plan that aims to cut emissions was published.", "aim", "A plan", "subject"),
        ("Kenya's president would love to host the summit.", "would love",
         "Kenya's president", "subject"),
        # a passive's agent
        ("The government was urged by the EU to cut spending.", "urge", "the EU", "subject"),
        # the subject of a passive report verb is its infinitive's ("is believed to favour")
        ("Several ministers are believed to favour limited changes.", "favour",
         "Several ministers", "subject"),
        ("Acme is expected to seek a buyer.", "seek", "Acme", "subject"),
        # "it" as the subject of a clause under a named speaker
        ("Ankara says it will seek new partners.", "seek", "Ankara", "subject"),
        # possessor, "of" phrase, "for" phrase, viewpoint
        ("Sweden's goal is to cut emissions by half.", "goal", "Sweden", "possessor"),
        ("The readiness of the coalition to continue the strikes surprised observers.",
         "readiness", "the coalition", "possessor"),
        ("For Argentina, debt relief is the main objective.", "objective", "Argentina",
         "for_phrase"),
        ("From Seoul's perspective, the priority is a stable peninsula.", "priority", "Seoul",
         "for_phrase"),
        # no actor in the grammar: the paragraph's, resolved later ("its" is kept as written)
        ("The coalition has shown its willingness to negotiate with the rebels.",
         "willingness", "its", "context"),
        ("The union renewed its demand for the reinstatement of the workers.", "demand", "its",
         "context"),
        ("What matters most is job creation and lower inflation.", "what matters", "",
         "context"),
    ],
)  # fmt: skip
def test_actor(nlp: Language, sentence: str, cue: str, actor: str, source: str) -> None:
    found = [a for a in assertions_of(nlp(sentence)) if a.cue == cue]
    assert found
    assert {(a.actor_text, a.actor_source) for a in found} == {(actor, source)}
    for a in found:
        if source == "context":
            assert a.actor_start is None
        else:
            assert a.actor_start is not None and a.actor_end is not None


def test_subjects_name_the_paragraphs_actors(nlp: Language) -> None:
    doc = nlp("The Danish minister met farmers. He said that it would rain.")
    _, subjects = AssertionFinder().find(doc)
    assert [doc.text[s.start : s.end] for s in subjects] == ["minister", "He"]
    assert {s.sentence for s in subjects} == {-1}
