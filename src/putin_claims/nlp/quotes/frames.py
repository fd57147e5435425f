"""Speech frames: the speech verbs of a parsed paragraph with their grammatical subject.

"said", "remarked", "noted", "according to", "described ... as": each frame records the cue,
its subject (the words naming the speaker) and the stretch of text the verb governs, in
offsets local to the Doc; the assembler moves them into the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from putin_claims.lexicons import cue_lexicon


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
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                objs = [o for c in tok.children if c.lower_ == "to" for o in c.children]
                if objs:  # "according to Mr. Witkoff's interview": the speaker is Witkoff
                    owner = [c for c in objs[0].children if c.dep_ == "poss"]
                    source = owner[0] if owner and objs[0].pos_ == "NOUN" else objs[0]
                    out.append(_frame(tok, "according to", source))
            elif tok.pos_ == "VERB" and (lex.speech(lemma) or lemma in lex.words.naming_verbs):
                subject = _subject(tok)
                if subject is not None or tok.dep_ in ("ROOT", "ccomp", "conj"):
                    out.append(_frame(tok, lemma, subject))
    return out


def _subject(verb: Token) -> Token | None:
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
    start = cue.idx
    if subject is None:
        return SpeechFrame(
            -1, name, start, start + len(cue), None, None, "", False,
            cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge),
        )  # fmt: skip
    aside = {
        t.i
        for c in subject.children
        if c.dep_ in ("relcl", "acl", "appos", "punct")
        for t in c.subtree
    }
    words = [t for t in subject.subtree if t.i not in aside]
    first = min(t.i for t in words)
    last = max(t.i for t in words)
    text = subject.doc[first : last + 1].text
    head = subject.idx
    return SpeechFrame(
        -1,
        name,
        start,
        start + len(cue),
        head,
        head + len(subject),
        text,
        subject.lower_ in cue_lexicon().words.speaker_pronouns,
        cue.left_edge.idx,
        cue.right_edge.idx + len(cue.right_edge),
        subject.doc[first].idx,
        subject.doc[last].idx + len(subject.doc[last]),
    )
