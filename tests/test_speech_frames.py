"""Speech frames (putin_claims.nlp.quotes.frames) on sentences parsed by the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from putin_claims.nlp.components import frames_of
from putin_claims.nlp.quotes import SpeechFrame, speech_frames


def _frames(nlp: Language, text: str) -> list[SpeechFrame]:
    frames = frames_of(nlp(text))
    for f in frames:
        assert text[f.cue_start : f.cue_end]  # offsets slice the Doc's text
        assert f.sentence == -1  # the assembler numbers sentences
    return frames


def _head(text: str, frame: SpeechFrame) -> str | None:
    if frame.subject_start is None or frame.subject_end is None:
        return None
    return text[frame.subject_start : frame.subject_end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain subjects
        ("Lula said the forest must be protected.", ("say", "Lula", "Lula", False)),
        ("Officials noted a sharp rise in prices.", ("note", "Officials", "Officials", False)),
        ("The envoy told reporters the ceasefire held.", ("tell", "envoy", "The envoy", False)),
        ("The union's leader claimed victory.", ("claim", "leader", "The union's leader", False)),
        ("Analysts believe the rally will fade.", ("believe", "Analysts", "Analysts", False)),
        # replies and remarks frame quotes too
        ("Ann Lee responded: “We respect it.”", ("respond", "Lee", "Ann Lee", False)),
        ("“Not yet,” replied the minister.", ("reply", "minister", "the minister", False)),
        ("“It is over,” the coach observed.", ("observe", "coach", "the coach", False)),
        # pronoun subjects continue the paragraph's speaker; "we" is not one of them
        ("She added that talks would continue.", ("add", "She", "She", True)),
        ("“We are ready,” he added.", ("add", "he", "he", True)),
        ("They warned of delays.", ("warn", "They", "They", True)),
        ("We said no.", ("say", "We", "We", False)),
        # inverted subject after a quote
        ("“Prices will rise,” said Jerome Powell.", ("say", "Powell", "Jerome Powell", False)),
        # asides are not part of the speaker's words
        (
            "The minister, who spoke on condition of anonymity, said the plan was dead.",
            ("say", "minister", "The minister", False),
        ),
        (
            "Maria Ivanova, a historian, remarked that the talks were slow.",
            ("remark", "Ivanova", "Maria Ivanova", False),
        ),
        # a name in apposition to a common-noun subject is the speaker
        (
            "A historian, Maria Ivanova, remarked that the talks were slow.",
            ("remark", "Ivanova", "Maria Ivanova", False),
        ),
        # the agent of a passive speech verb
        (
            "The plan was announced by the Finnish government.",
            ("announce", "government", "the Finnish government", False),
        ),
        # a conjoined verb shares its subject
        ("Lagarde smiled and said rates would stay high.", ("say", "Lagarde", "Lagarde", False)),
        # naming verbs give words to someone without a that-clause
        (
            "The senator described the talks as productive.",
            ("describe", "senator", "The senator", False),
        ),
        # an opening participle clause does not hide the subject
        (
            "Asked about the deal, the chancellor said nothing.",
            ("say", "chancellor", "the chancellor", False),
        ),
        # "according to X"
        ("According to Reuters, the deal is close.", ("according to", "Reuters", "Reuters", False)),
        ("According to the report, exports fell.", ("according to", "report", "the report", False)),
    ],
)
def test_one_frame_with_its_subject(
    nlp: Language, text: str, expected: tuple[str, str, str, bool]
) -> None:
    """expected: (cue, head of the subject, the speaker's words, pronoun subject)."""
    (frame,) = _frames(nlp, text)
    assert (frame.cue, _head(text, frame), frame.subject_text, frame.pronoun) == expected
    assert frame.words_start is not None and frame.words_end is not None
    assert text[frame.words_start : frame.words_end] == expected[2]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The offer stands, according to Mr. Witkoff's interview with Fox.", "Witkoff"),
        ("Rates will hold, according to the governor's speech in Frankfurt.", "governor"),
        ("According to Ms. Okafor's report, exports fell.", "Okafor"),
    ],
)
def test_according_to_someones_interview_is_that_persons_word(
    nlp: Language, text: str, speaker: str
) -> None:
    (frame,) = _frames(nlp, text)
    assert (frame.cue, _head(text, frame)) == ("according to", speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The company sold its stake.",
        "Shares fell sharply on Monday.",
        "The statement was brief.",  # a noun is no speech verb
        "The dispute was settled, according to plan.",  # an idiom, no source
        "According to schedule, the plant reopens in May.",
    ],
)
def test_no_speech_verb_no_frame(nlp: Language, text: str) -> None:
    assert _frames(nlp, text) == []


def test_the_frame_scope_covers_what_the_verb_governs(nlp: Language) -> None:
    text = "“The vote was fair,” the observer said, before leaving."
    (frame,) = _frames(nlp, text)
    assert frame.scope_start <= text.index("The vote") < frame.scope_end


def test_speech_frames_reads_a_doc_directly(nlp: Language) -> None:
    doc = nlp("Scholz said the talks would resume. Merkel added nothing.")
    assert [(f.cue, f.subject_text) for f in speech_frames(doc)] == [
        ("say", "Scholz"),
        ("add", "Merkel"),
    ]
