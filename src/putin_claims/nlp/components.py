"""The finders as spaCy components: each writes its records to a ``Doc`` extension.

:func:`putin_claims.nlp.loading.load_pipeline` adds them after the model's own components, so
``extract`` (through ``nlp.pipe``) and ``check`` (through ``nlp(text)``) run one code path.
Records carry character offsets local to the Doc and no sentence index; the assembler
(:mod:`putin_claims.nlp.process`) moves them into the document and numbers sentences once.
They are records on the Doc, not ``Span._`` values: span extensions are keyed by boundaries,
so two records over one span would collide.

A Doc made with ``nlp.make_doc`` may carry ``doc._.pc_role`` (the paragraph's line role)
before it is piped: headlines make the mention finder wary of the tagger's guesses, and only
content, titles and headings carry assertions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from putin_claims.models import LineRole
from putin_claims.names import alias_index
from putin_claims.nlp.assertions import AssertionFinder, RawAssertion, Subject
from putin_claims.nlp.mentions import MentionFinder, RawMention, RoleEvidence
from putin_claims.nlp.quotes import SpeechFrame, speech_frames
from putin_claims.nlp.terms import Term, token_terms

#: Components in the order they are added, after the model's parser and NER.
COMPONENTS = ("pc_mentions", "pc_assertions", "pc_speech", "pc_terms", "pc_dates")
#: Roles whose sentences carry assertions and speech.
CLAIM_ROLES = frozenset({LineRole.CONTENT, LineRole.TITLE, LineRole.HEADING})
HEADLINE_ROLES = frozenset({LineRole.TITLE, LineRole.HEADING})

EXTENSIONS: dict[str, object] = {
    "pc_role": None,
    "pc_mentions": None,
    "pc_role_links": None,
    "pc_assertions": None,
    "pc_subjects": None,
    "pc_frames": None,
    "pc_terms": None,
    "pc_dates": None,
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        Doc.set_extension(name, default=default, force=True)


register_extensions()


@dataclass(frozen=True)
class DateSpan:
    """A DATE entity: offsets local to the Doc and its words."""

    start: int
    end: int
    text: str


def _role(doc: Doc) -> LineRole:
    role = doc._.pc_role
    return LineRole(role) if role else LineRole.CONTENT


class MentionsComponent:
    """Names, titles, role descriptions and pronouns (``doc._.pc_mentions``, ``pc_role_links``)."""

    def __init__(self, nlp: Language, actors_file: str) -> None:
        self.finder = MentionFinder(nlp, alias_index(actors_file))

    def __call__(self, doc: Doc) -> Doc:
        mentions, links = self.finder.find(doc, headline=_role(doc) in HEADLINE_ROLES)
        doc._.pc_mentions = mentions
        doc._.pc_role_links = links
        return doc


class AssertionsComponent:
    """Who wants, says ... what (``doc._.pc_assertions``) and the subjects (``pc_subjects``)."""

    def __init__(self) -> None:
        self.finder = AssertionFinder()

    def __call__(self, doc: Doc) -> Doc:
        found: tuple[list[RawAssertion], list[Subject]] = ([], [])
        role = _role(doc)
        if role in CLAIM_ROLES:
            found = self.finder.find(doc, headline=role in HEADLINE_ROLES)
        doc._.pc_assertions, doc._.pc_subjects = found
        return doc


def speech_component(doc: Doc) -> Doc:
    """Speech verbs with their subjects (``doc._.pc_frames``)."""
    doc._.pc_frames = speech_frames(doc) if _role(doc) in CLAIM_ROLES else []
    return doc


def terms_component(doc: Doc) -> Doc:
    """Content-word lemmas with offsets (``doc._.pc_terms``)."""
    doc._.pc_terms = token_terms(doc, 0)
    return doc


def dates_component(doc: Doc) -> Doc:
    """DATE entities (``doc._.pc_dates``); values are normalised against the article's date."""
    doc._.pc_dates = [
        DateSpan(ent.start_char, ent.end_char, ent.text) for ent in doc.ents if ent.label_ == "DATE"
    ]
    return doc


@Language.factory("pc_mentions", default_config={"actors_file": ""})
def make_mentions(nlp: Language, name: str, actors_file: str) -> MentionsComponent:
    return MentionsComponent(nlp, actors_file)


@Language.factory("pc_assertions")
def make_assertions(nlp: Language, name: str) -> AssertionsComponent:
    return AssertionsComponent()


@Language.factory("pc_speech")
def make_speech(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return speech_component


@Language.factory("pc_terms")
def make_terms(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return terms_component


@Language.factory("pc_dates")
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return dates_component


# --------------------------------------------------------------------------- readers


def mentions_of(doc: Doc) -> tuple[list[RawMention], list[RoleEvidence]]:
    return list(doc._.pc_mentions or ()), list(doc._.pc_role_links or ())


def assertions_of(doc: Doc) -> list[RawAssertion]:
    return list(doc._.pc_assertions or ())


def subjects_of(doc: Doc) -> list[Subject]:
    return list(doc._.pc_subjects or ())


def frames_of(doc: Doc) -> list[SpeechFrame]:
    return list(doc._.pc_frames or ())


def terms_of(doc: Doc) -> list[Term]:
    return list(doc._.pc_terms or ())


def dates_of(doc: Doc) -> list[DateSpan]:
    return list(doc._.pc_dates or ())
