"""Quotes: who said what, direct (in quotation marks), indirect ("X said that ...") or mixed.

Per document, in three steps:

1. :func:`quote_spans` pairs quotation marks in the text of content paragraphs, straight and
   curly. A mark left open at the end of a paragraph closes the quote there, unless the next
   paragraph opens with a mark (the newspaper convention for a quote that runs on). An
   unbalanced mark only affects its own paragraph.
2. :func:`speech_frames` (per parsed paragraph) finds the speech verbs ("said", "remarked",
   "noted", "according to", "described ... as") with their grammatical subject.
3. :func:`attribute` gives each quote its frame: the speech verb of the sentence outside the
   quote, after it (", he added") or before it ("X remarked, ..."); joins a quote split by its
   frame ("Such a detox," she remarked, "could be ...") into one; lets a quote with no frame of
   its own continue the speaker of the quote just before it; gives short quoted phrases
   inside someone's reported speech to that speaker, and leaves scare quotes unattributed.
   Reported speech (statements and assessments from :mod:`putin_claims.assertions`) becomes
   indirect quotes, mixed when they carry quoted words.

Speakers are mention keys, resolved to actors with everything else; a description ("a
prominent academic from Moscow") is kept as written and, across the corpus, takes the name of
the speaker of the same quote in another source (:func:`resolve_descriptions`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Token

from putin_claims.assertions import cue_lexicon
from putin_claims.assertions import key_at as _key_at
from putin_claims.errors import ActorNotFoundError
from putin_claims.models import (
    Assertion,
    AssertionKind,
    Hedge,
    Mention,
    Paragraph,
    Quote,
    QuoteKind,
    StoredQuote,
)
from putin_claims.resolution import find_actor
from putin_claims.store import Store

OPENING = frozenset("“«‘")
CLOSING = frozenset("”»’")
STRAIGHT = '"'
#: Quotes of at most this many words that are not a clause of their own are partial.
PARTIAL_WORDS = 5
#: Verbs that attribute words without a that-clause: "described the talks as 'productive'".
NAMING_VERBS = frozenset({"describe", "call", "term", "dub", "label", "brand", "characterize"})
PRONOUNS = frozenset({"he", "she", "they"})
#: Demands that are speech acts: with a that-clause they report what someone said.
SPOKEN_DEMANDS = frozenset(
    {
        "insist",
        "demand",
        "urge",
        "ask",
        "request",
        "warn",
        "pledge",
        "promise",
        "vow",
        "propose",
        "stipulate",
    }
)
#: Two quotes in different sources are the same quote at this rapidfuzz token-set ratio.
SAME_QUOTE = 70


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of the words between one pair of marks (document offsets)."""

    start: int
    end: int
    paragraph: int
    balanced: bool
    pieces: tuple[tuple[int, int], ...] = ()


def quote_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteSpan]:
    """Quoted stretches of content paragraphs; unbalanced marks close at the paragraph end.

    A quote left open at the end of a paragraph whose next paragraph opens with a mark runs
    on into it (one quote in several pieces).
    """
    out: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # pieces of a quote running on from earlier paragraphs
    for n, para in enumerate(paragraphs):
        open_at: int | None = None
        chunk = text[para.start : para.end]
        for i, ch in enumerate(chunk):
            pos = para.start + i
            is_open = ch in OPENING and not _apostrophe(chunk, i)
            is_close = ch in CLOSING and not _apostrophe(chunk, i)
            if ch == STRAIGHT:
                is_open, is_close = open_at is None, open_at is not None
            if is_open and open_at is None:
                open_at = pos + 1
                if carried and i != 0:  # the run-on quote ended unclosed after all
                    out.append(_span(carried, n - 1, balanced=False))
                    carried = []
            elif is_close and open_at is not None:
                out.append(_span([*carried, (open_at, pos)], n, balanced=True))
                carried, open_at = [], None
        if carried and open_at is None:
            out.append(_span(carried, n - 1, balanced=False))
            carried = []
        if open_at is not None:
            pieces = [*carried, (open_at, para.end)]
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt.start : nxt.start + 1] in OPENING | {STRAIGHT}:
                carried = pieces
            else:
                out.append(_span(pieces, n, balanced=False))
                carried = []
    if carried:
        out.append(_span(carried, len(paragraphs) - 1, balanced=False))
    return [q for q in out if q.end > q.start and text[q.start : q.end].strip()]


def _span(pieces: Sequence[tuple[int, int]], paragraph: int, *, balanced: bool) -> QuoteSpan:
    return QuoteSpan(pieces[0][0], pieces[-1][1], paragraph, balanced, tuple(pieces))


def _apostrophe(chunk: str, i: int) -> bool:
    """’ and ‘ between letters (Ukraine’s, ’90s) are apostrophes, not marks."""
    if chunk[i] not in "’‘":
        return False
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    return before.isalnum() or (chunk[i] == "‘" and after.isdigit())


# --------------------------------------------------------------------------- frames


@dataclass(frozen=True)
class SpeechFrame:
    """A speech verb and its subject, in document offsets."""

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


def speech_frames(doc: Doc, offset: int, sentence_of: Sequence[int]) -> list[SpeechFrame]:
    """Speech verbs of a parsed paragraph (``sentence_of``: position in ``doc.sents`` -> index)."""
    lex = cue_lexicon()
    out: list[SpeechFrame] = []
    for position, sent in enumerate(doc.sents):
        if position >= len(sentence_of) or sentence_of[position] < 0:
            continue
        index = sentence_of[position]
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                objs = [o for c in tok.children if c.lower_ == "to" for o in c.children]
                if objs:  # "according to Mr. Witkoff's interview": the speaker is Witkoff
                    owner = [c for c in objs[0].children if c.dep_ == "poss"]
                    source = owner[0] if owner and objs[0].pos_ == "NOUN" else objs[0]
                    out.append(_frame(index, tok, "according to", source, offset))
            elif tok.pos_ == "VERB" and (lex.speech(lemma) or lemma in NAMING_VERBS):
                subject = _subject(tok)
                if subject is not None or tok.dep_ in ("ROOT", "ccomp", "conj"):
                    out.append(_frame(index, tok, lemma, subject, offset))
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


def _frame(index: int, cue: Token, name: str, subject: Token | None, offset: int) -> SpeechFrame:
    start = offset + cue.idx
    if subject is None:
        return SpeechFrame(
            index, name, start, start + len(cue), None, None, "", False,
            offset + cue.left_edge.idx, offset + cue.right_edge.idx + len(cue.right_edge),
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
    head = offset + subject.idx
    return SpeechFrame(
        index,
        name,
        start,
        start + len(cue),
        head,
        head + len(subject),
        text,
        subject.lower_ in PRONOUNS,
        offset + cue.left_edge.idx,
        offset + cue.right_edge.idx + len(cue.right_edge),
        offset + subject.doc[first].idx,
        offset + subject.doc[last].idx + len(subject.doc[last]),
    )


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class _Voice:
    """Someone the document has just given words to (a quote or reported speech)."""

    sentence: int
    start: int
    speaker_key: str | None
    speaker_text: str | None
    cue: str | None


@dataclass
class _Located:
    span: QuoteSpan
    sentence: int
    frame: SpeechFrame | None = None
    pieces: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class DocumentSpeech:
    """What attribution reads of one document (mentions sorted by offset)."""

    text: str
    frames: Sequence[SpeechFrame]
    sentence_starts: Sequence[int]
    sentence_ends: Sequence[int]
    paragraph_of: Sequence[int | None]
    mentions: Sequence[Mention]
    assertions: Sequence[Assertion]


def attribute(doc: DocumentSpeech, spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Quote records of one document, direct and partial first, then indirect."""
    located = _join_split(
        doc.text,
        [_locate(s, doc.frames, doc.sentence_starts, doc.sentence_ends) for s in spans],
    )
    reported = [a for a in doc.assertions if _reported(a)]
    out: list[Quote] = []
    voices = [
        _Voice(a.sentence, a.start, a.actor_key, a.actor_text, a.cue)
        for a in reported
        if a.actor_key
    ]
    for item in located:
        heard = [v for v in voices if v.start < item.span.start]
        quote = _direct(doc, item, reported, heard[-1] if heard else None)
        out.append(quote)
        if quote.kind is QuoteKind.DIRECT and quote.speaker_text:
            voices.append(
                _Voice(
                    quote.sentence, quote.start, quote.speaker_key, quote.speaker_text, quote.cue
                )
            )
            voices.sort(key=lambda v: v.start)
    out.extend(_indirect(doc, reported, out))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _locate(
    span: QuoteSpan,
    frames: Sequence[SpeechFrame],
    starts: Sequence[int],
    ends: Sequence[int],
) -> _Located:
    first = max(bisect.bisect_right(starts, span.start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(span.end - 1, span.start)) - 1, 0)
    outside = [
        f
        for f in frames
        if first <= f.sentence <= last and not (span.start <= f.cue_start < span.end)
    ]
    after = [f for f in outside if f.cue_start >= span.end and f.sentence == last]
    before = [f for f in outside if f.cue_start < span.start and f.sentence == first]
    frame = None
    if after:
        frame = min(after, key=lambda f: f.cue_start)
    elif before:
        frame = max(before, key=lambda f: f.cue_start)
    return _Located(span, first, frame, span.pieces or ((span.start, span.end),))


def _join_split(text: str, located: list[_Located]) -> list[_Located]:
    """'"Q1," she remarked, "Q2."' is one quote: the second part takes the first's frame."""
    out: list[_Located] = []
    for item in located:
        if out:
            prev = out[-1]
            gap = text[prev.span.end : item.span.start]
            frame = prev.frame
            if (
                frame is not None
                and prev.span.end <= frame.cue_start < item.span.start
                and len(gap) < 80
                and gap.rstrip().rstrip('“"').rstrip().endswith((",", ":"))
                and prev.span.paragraph == item.span.paragraph
            ):
                merged = QuoteSpan(prev.span.start, item.span.end, prev.span.paragraph, True)
                out[-1] = _Located(merged, prev.sentence, frame, (*prev.pieces, *item.pieces))
                continue
        out.append(item)
    return out


def _reported(a: Assertion) -> bool:
    """Statements, and opinions a source holds; not what the writer guesses someone thinks
    ("Moscow appears to believe", "Putin may believe")."""
    if a.kind is AssertionKind.STATEMENT:
        return True
    if a.cue in SPOKEN_DEMANDS and a.content.lower().startswith("that "):
        return True  # "Moscow is demanding that X", "Erdogan insisted that X"
    return a.kind is AssertionKind.ASSESSMENT and a.hedge in (Hedge.ASSERTED, Hedge.REPORTED)


def _partial(content: str, text: str, span: QuoteSpan) -> bool:
    """A few quoted words inside the writer's own sentence, not a quoted clause."""
    words = content.split()
    before = text[max(0, span.start - 3) : span.start - 1].strip()
    opens_sentence = before == "" or before.endswith((".", ":", "!", "?", ","))
    if opens_sentence and content[:1].isupper():
        return False
    return len(words) <= PARTIAL_WORDS or content[:1].islower()


def _direct(
    doc: DocumentSpeech, item: _Located, reported: Sequence[Assertion], previous: _Voice | None
) -> Quote:
    span = item.span
    content = doc.text[span.start : span.end]
    partial = _partial(content, doc.text, span)
    frame = item.frame
    kind = QuoteKind.PARTIAL if partial else QuoteKind.DIRECT
    if partial:
        inside = [a for a in reported if a.start <= span.start and span.end <= a.end]
        if inside:  # words quoted inside someone's reported speech are that speaker's
            a = inside[0]
            return _quote(
                item, content, kind=kind, cue=a.cue, key=a.actor_key, speaker=a.actor_text,
                speaker_span=(None, None), confidence=0.8,
            )  # fmt: skip
        governed = frame is not None and frame.scope_start <= span.start < frame.scope_end
        if frame is None or not (governed or frame.cue == "according to"):
            return _quote(item, content, kind=kind, confidence=0.6)
    if frame is not None and (frame.subject_text or frame.cue == "according to"):
        key, surface = _key_at(doc.mentions, frame.subject_start, frame.subject_end)
        confidence = 0.9
        if frame.pronoun and previous is not None and _near(previous, item, doc.paragraph_of):
            if key is None or key != previous.speaker_key:
                confidence = 0.7
            key = key or previous.speaker_key
        return _quote(
            item, content, kind=kind, cue=frame.cue, key=key,
            speaker=surface or frame.subject_text,
            speaker_span=(frame.words_start, frame.words_end), confidence=confidence,
        )  # fmt: skip
    if previous is not None and _near(previous, item, doc.paragraph_of) and not partial:
        # a quote with no frame of its own continues the speaker of the quote before it
        return _quote(
            item, content, kind=kind, cue=previous.cue, key=previous.speaker_key,
            speaker=previous.speaker_text, speaker_span=(None, None), confidence=0.7,
        )  # fmt: skip
    return _quote(item, content, kind=kind, confidence=0.5)


def _near(previous: _Voice, item: _Located, paragraph_of: Sequence[int | None]) -> bool:
    here = paragraph_of[item.sentence] if item.sentence < len(paragraph_of) else None
    there = paragraph_of[previous.sentence] if previous.sentence < len(paragraph_of) else None
    return here is not None and there is not None and 0 <= here - there <= 1


def _quote(
    item: _Located,
    content: str,
    *,
    kind: QuoteKind,
    confidence: float,
    cue: str | None = None,
    key: str | None = None,
    speaker: str | None = None,
    speaker_span: tuple[int | None, int | None] = (None, None),
) -> Quote:
    if len(item.pieces) > 1:
        content = " … ".join(
            content[a - item.span.start : b - item.span.start] for a, b in item.pieces
        )
    return Quote(
        sentence=item.sentence,
        kind=kind,
        cue=cue,
        content=content,
        start=item.span.start,
        end=item.span.end,
        pieces=item.pieces,
        balanced=item.span.balanced,
        speaker_key=key,
        speaker_text=speaker,
        speaker_start=speaker_span[0],
        speaker_end=speaker_span[1],
        confidence=confidence,
    )


def _indirect(
    doc: DocumentSpeech, reported: Sequence[Assertion], direct: Sequence[Quote]
) -> list[Quote]:
    text, mentions = doc.text, doc.mentions
    starts, ends = doc.sentence_starts, doc.sentence_ends
    full = [q for q in direct if q.kind is QuoteKind.DIRECT]
    partial = [q for q in direct if q.kind is QuoteKind.PARTIAL]
    out: list[Quote] = []
    for a in reported:
        if any(q.start < a.end and a.start < q.end for q in full):
            continue  # the reported words are a direct quote already
        if a.actor_key is None and not _description(a.actor_text):
            continue  # "easing tensions ... signals that": no one speaks
        quoted = any(a.start <= q.start and q.end <= a.end for q in partial)
        skip = len("that ") if a.content.lower().startswith("that ") else 0
        start = a.start + skip
        out.append(
            Quote(
                sentence=a.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
                cue=a.cue, content=a.content[skip:], start=start, end=a.end,
                pieces=((start, a.end),), balanced=True, speaker_key=a.actor_key,
                speaker_text=a.actor_text, speaker_start=None, speaker_end=None,
                confidence=0.8 if a.actor_key else 0.6,
            )
        )  # fmt: skip
    for f in doc.frames:
        if f.cue != "according to" or f.subject_start is None:
            continue
        s_start, s_end = starts[f.sentence], ends[f.sentence]
        sentence = text[s_start:s_end]
        cut = f.cue_start - s_start
        if text[s_start : f.cue_start].strip() == "":  # "According to X, ..."
            comma = sentence.find(",", cut)
            start, end = s_start + comma + 1, s_end
        else:  # "..., according to X."
            start, end = s_start, s_start + sentence.rfind(",", 0, cut)
        while start < end and text[start].isspace():
            start += 1
        end = end if text[end - 1 : end] not in ".;" else end - 1
        if end <= start or any(q.start < end and start < q.end for q in full):
            continue
        key, surface = _key_at(mentions, f.subject_start, f.subject_end)
        words = text[start:end]
        quoted = any(start <= q.start and q.end <= end for q in partial)
        out.append(
            Quote(
                sentence=f.sentence, kind=QuoteKind.MIXED if quoted else QuoteKind.INDIRECT,
                cue="according to", content=words, start=start, end=end,
                pieces=((start, end),), balanced=True, speaker_key=key,
                speaker_text=surface or f.subject_text, speaker_start=f.words_start,
                speaker_end=f.words_end, confidence=0.8,
            )
        )  # fmt: skip
    return out


_NOT_SPEAKERS = frozenset(
    {
        "which",
        "who",
        "that",
        "it",
        "this",
        "these",
        "those",
        "they",
        "we",
        "i",
        "you",
        "there",
        "what",
    }
)


def _description(words: str) -> bool:
    """Words that can describe a speaker: 'Experts', 'many observers', not 'which' or 'easing'."""
    parts = words.split()
    if not parts or words.lower() in _NOT_SPEAKERS:
        return False
    return len(parts) >= 2 or words[:1].isupper()


# --------------------------------------------------------------------------- corpus


def same_quote(a: str, b: str) -> float:
    """How alike two quotes are (0-100), ignoring case and punctuation."""
    return float(fuzz.token_set_ratio(a.lower(), b.lower()))


def resolve_descriptions(quotes: Sequence[StoredQuote]) -> list[tuple[int, str, int, float]]:
    """Speakers given only as a description, named by another source carrying the same quote.

    "Such a detox could be useful ...," commented a prominent academic from Moscow' takes the
    name of the speaker of '"Such a detox," she remarked, "could be advantageous ..."' in
    another document: (quote id, actor id, source quote id, confidence) per resolved quote.
    """
    named = [
        q
        for q in quotes
        if q.speaker and q.kind is QuoteKind.DIRECT and len(q.content.split()) >= 3
    ]
    choices = [q.content.lower() for q in named]
    out = []
    for q in quotes:
        if q.speaker or not q.speaker_text or q.kind is not QuoteKind.DIRECT or not choices:
            continue
        hits = process.extract(
            q.content.lower(), choices, scorer=fuzz.token_set_ratio, score_cutoff=SAME_QUOTE,
            limit=5,
        )  # fmt: skip
        for _, score, n in hits:
            other = named[n]
            if other.doc_id != q.doc_id and other.speaker:
                out.append((q.quote_id, other.speaker, other.quote_id, round(0.6 * score / 100, 2)))
                break
    return out


def select(
    store: Store,
    *,
    speaker: str | None = None,
    doc_id: str | None = None,
    kinds: Iterable[QuoteKind] = (),
) -> list[StoredQuote]:
    """Stored quotes, optionally of one speaker (actor, fuzzy; else description words)."""
    found = store.quotes(doc_id)
    wanted = set(kinds)
    if wanted:
        found = [q for q in found if q.kind in wanted]
    if speaker is None:
        return found
    actors = store.actors()
    try:
        actor = find_actor(speaker, actors)
    except ActorNotFoundError:
        words = speaker.lower()
        hits = [q for q in found if q.speaker_text and words in q.speaker_text.lower()]
        if not hits:
            raise
        return hits
    return [q for q in found if q.speaker == actor.actor_id]
