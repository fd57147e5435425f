"""Speech frames: the speech verbs of a parsed paragraph with their grammatical subject.

"said", "remarked", "noted", "according to", "described ... as": each frame records the cue,
its subject (the words naming the speaker) and the stretch of text the verb governs, in
offsets local to the Doc; the assembler moves them into the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Doc, Token

from putin_claims.lexicons import CueLexicon, cue_lexicon

#: The cue of "according to X" frames.
ACCORDING_TO: Final = "according to"
_ACCORDING, _TO = ACCORDING_TO.split()
#: A speech verb with no subject still frames a quote when it heads one of these clauses.
FRAMING_DEPS: Final = frozenset({"ROOT", "ccomp", "conj"})
#: Dependents that make a noun after "according to" a source ("the report", "her speech");
#: a bare singular noun is an idiom ("according to plan", "according to schedule").
SOURCE_DEPS: Final = frozenset({"det", "poss"})
#: Parts of a subject left out of the speaker's words ("Ivanova, a historian, who ...").
ASIDE_DEPS: Final = frozenset({"relcl", "acl", "appos", "punct"})


@dataclass(frozen=True)
class SpeechFrame:
    """A speech verb and its subject (offsets local to the Doc until :meth:`moved`)."""

    sentence: int
    cue: str
    cue_start: int
    cue_end: int
    subject_start: int | None
    subject_end: int | None
    subject_text: str
    pronoun: bool
    scope_start: int = 0
    scope_end: int = 0
    words_start: int | None = None
    words_end: int | None = None

    def moved(self, offset: int, sentence: int) -> SpeechFrame:
        """The frame with document offsets and its document sentence index."""

        def shift(value: int | None) -> int | None:
            return None if value is None else value + offset

        return replace(
            self, sentence=sentence, cue_start=self.cue_start + offset,
            cue_end=self.cue_end + offset, subject_start=shift(self.subject_start),
            subject_end=shift(self.subject_end), scope_start=self.scope_start + offset,
            scope_end=self.scope_end + offset, words_start=shift(self.words_start),
            words_end=shift(self.words_end),
        )  # fmt: skip


def speech_frames(doc: Doc) -> list[SpeechFrame]:
    """Speech verbs of a parsed paragraph (offsets local to the Doc, ``sentence`` -1)."""
    lex = cue_lexicon()
    out: list[SpeechFrame] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for tok in sent:
            frame = _frame_at(tok, lex)
            if frame is not None:
                out.append(frame)
    return out


def _frame_at(tok: Token, lex: CueLexicon) -> SpeechFrame | None:
    if tok.lower_ == _ACCORDING and any(c.lower_ == _TO for c in tok.children):
        return _according_to(tok)
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and (lex.speech(lemma) or lemma in lex.words.naming_verbs):
        subject = _subject(tok)
        if subject is not None or tok.dep_ in FRAMING_DEPS:
            return _frame(tok, lemma, subject)
    return None


def _according_to(tok: Token) -> SpeechFrame | None:
    """ "according to X"; in "according to Mr. Witkoff's interview" the speaker is Witkoff.

    None for "according to plan": a bare singular noun names no source.
    """
    objs = [o for c in tok.children if c.lower_ == _TO for o in c.children]
    if not objs:
        return None
    obj = objs[0]
    if obj.tag_ == "NN" and not any(c.dep_ in SOURCE_DEPS for c in obj.children):
        return None
    owner = [c for c in obj.children if c.dep_ == "poss"]
    source = owner[0] if owner and obj.pos_ == "NOUN" else obj
    return _frame(tok, ACCORDING_TO, source)


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb: its nsubj (or a name in apposition to it), the agent of a
    passive, or the subject of the verb it is conjoined to."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            appos = [c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            return appos[0] if appos and child.pos_ != "PROPN" else child
        if child.dep_ == "agent":
            objs = [t for t in child.children if t.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    return None


def _frame(cue: Token, name: str, subject: Token | None) -> SpeechFrame:
    frame = SpeechFrame(
        sentence=-1,
        cue=name,
        cue_start=cue.idx,
        cue_end=cue.idx + len(cue),
        subject_start=None,
        subject_end=None,
        subject_text="",
        pronoun=False,
        scope_start=cue.left_edge.idx,
        scope_end=cue.right_edge.idx + len(cue.right_edge),
    )
    if subject is None:
        return frame
    doc = subject.doc
    first, last = _speaker_words(subject)
    return replace(
        frame,
        subject_start=subject.idx,
        subject_end=subject.idx + len(subject),
        subject_text=doc[first : last + 1].text,
        pronoun=subject.lower_ in cue_lexicon().words.speaker_pronouns,
        words_start=doc[first].idx,
        words_end=doc[last].idx + len(doc[last]),
    )


def _speaker_words(subject: Token) -> tuple[int, int]:
    """First and last token of the subject's words, asides (relative clauses, appositions)
    left out."""
    aside = {t.i for c in subject.children if c.dep_ in ASIDE_DEPS for t in c.subtree}
    words = [t.i for t in subject.subtree if t.i not in aside]
    return min(words), max(words)
