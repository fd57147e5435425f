"""Parse each document's paragraphs once and turn the components' records into a document.

Paragraphs of many documents are streamed through one ``nlp.pipe`` call per chunk of
documents, inside ``nlp.memory_zone()`` so that memory stays flat however long the corpus is;
no Doc outlives its chunk. Boilerplate lines are not parsed: they become one record each.

The registered components (:mod:`putin_claims.nlp.components`) leave records with offsets
local to each paragraph; :func:`_assemble` moves them into the document, numbers every
sentence once (by offset, so no record carries a paragraph-local index), then runs the steps
that read the whole document: pronouns, assertion actors, quotes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from putin_claims.dates import normalise_date
from putin_claims.lexicons import cue_lexicon
from putin_claims.models import (
    Assertion,
    DateMention,
    IngestedDocument,
    Line,
    LineRole,
    Paragraph,
    ProcessedDocument,
    Quote,
    QuoteKind,
    RoleLink,
    Sentence,
)
from putin_claims.nlp import components as c
from putin_claims.nlp.assertions import RawAssertion, Subject, finalize, terms_string
from putin_claims.nlp.local_names import local_names
from putin_claims.nlp.mentions import RawMention, RoleEvidence
from putin_claims.nlp.pronouns import resolve_pronouns
from putin_claims.nlp.quotes import DocumentSpeech, SpeechFrame, attribute, quote_spans
from putin_claims.nlp.terms import Term

BATCH_SIZE = 64  # paragraphs per nlp.pipe batch (tuned: 64 beat 128 and 256)
DOCS_PER_ZONE = 64  # documents per memory zone
UNPARSED = frozenset({LineRole.BOILERPLATE, LineRole.BYLINE, LineRole.DATELINE})


@dataclass
class _Parsed:
    """The records of one parsed paragraph, offsets already in the document."""

    sentences: list[Sentence]
    mentions: list[RawMention]
    links: list[RoleEvidence]
    dates: list[c.DateSpan]
    assertions: list[RawAssertion]
    subjects: list[Subject]
    frames: list[SpeechFrame]
    terms: list[Term]


@dataclass
class _Pending:
    document: IngestedDocument
    results: dict[int, _Parsed] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)

    def line_number(self, offset: int) -> int:
        if not self.line_starts:
            self.line_starts = [line.start for line in self.document.lines]
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.document.lines[max(i, 0)].number


def process(
    documents: Iterable[IngestedDocument],
    nlp: Language,
    batch_size: int = BATCH_SIZE,
    docs_per_zone: int = DOCS_PER_ZONE,
) -> Iterator[ProcessedDocument]:
    """Parse documents in order and yield each one's records as soon as its chunk is done."""
    stream = iter(documents)
    while chunk := list(islice(stream, docs_per_zone)):
        pending = [_Pending(doc) for doc in chunk]
        with nlp.memory_zone():
            for doc, (n, paragraph) in nlp.pipe(
                _docs(nlp, pending), as_tuples=True, batch_size=batch_size
            ):
                pending[n].results[paragraph.index] = _parsed(doc, paragraph, pending[n])
        for item in pending:
            yield _assemble(item)


def _docs(nlp: Language, pending: list[_Pending]) -> Iterator[tuple[Doc, tuple[int, Paragraph]]]:
    for n, item in enumerate(pending):
        for p in item.document.paragraphs:
            doc = nlp.make_doc(item.document.text[p.start : p.end])
            doc._.pc_role = p.role.value
            yield doc, (n, p)


def _parsed(doc: Doc, paragraph: Paragraph, item: _Pending) -> _Parsed:
    """The components' records of one paragraph, moved to document offsets."""
    at = paragraph.start
    sentences = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = at + sent.start_char + (len(text) - len(text.lstrip()))
        sentences.append(
            Sentence(
                index=-1,
                paragraph=paragraph.index,
                line=item.line_number(start),
                start=start,
                end=start + len(stripped),
                text=stripped,
                role=paragraph.role,
            )
        )
    mentions, links = c.mentions_of(doc)
    return _Parsed(
        sentences=sentences,
        mentions=[replace(m, start=m.start + at, end=m.end + at) for m in mentions],
        links=[replace(r, start=r.start + at) for r in links],
        dates=[replace(d, start=d.start + at, end=d.end + at) for d in c.dates_of(doc)],
        assertions=[a.moved(at, -1) for a in c.assertions_of(doc)],
        subjects=[s.moved(at, -1) for s in c.subjects_of(doc)],
        frames=[f.moved(at, -1) for f in c.frames_of(doc)],
        terms=[(a + at, b + at, t) for a, b, t in c.terms_of(doc)],
    )


class _Numbering:
    """Sentence index of any document offset: the last sentence that starts at or before it."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.starts = [s.start for s in sentences]

    def __call__(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


@dataclass
class _Numbered:
    """A document's records from every paragraph, each with its document sentence index."""

    sentences: list[Sentence]
    mentions: list[RawMention]
    links: list[RoleLink]
    dates: list[DateMention]
    assertions: list[RawAssertion]
    subjects: list[Subject]
    frames: list[SpeechFrame]
    terms: list[list[Term]]


def _numbered(item: _Pending) -> _Numbered:
    """Interleave parsed paragraphs with unparsed lines in text order; number sentences once."""
    document = item.document
    parsed = [item.results[p.index] for p in document.paragraphs]
    lines = [_line_record(line) for line in document.lines if line.role in UNPARSED]
    ordered = sorted([s for p in parsed for s in p.sentences] + lines, key=lambda s: s.start)
    sentences = [s.model_copy(update={"index": i}) for i, s in enumerate(ordered)]
    at = _Numbering(sentences)
    terms: list[list[Term]] = [[] for _ in sentences]
    for t in (t for p in parsed for t in p.terms):
        terms[at(t[0])].append(t)
    return _Numbered(
        sentences=sentences,
        mentions=[replace(m, sentence=at(m.start)) for p in parsed for m in p.mentions],
        links=[
            RoleLink(sentence=at(r.start), role_key=r.role_key, name_key=r.name_key)
            for p in parsed
            for r in p.links
        ],
        dates=[_date(d, at(d.start), document) for p in parsed for d in p.dates],
        assertions=[replace(a, sentence=at(a.cue_start)) for p in parsed for a in p.assertions],
        subjects=[replace(s, sentence=at(s.start)) for p in parsed for s in p.subjects],
        frames=[replace(f, sentence=at(f.cue_start)) for p in parsed for f in p.frames],
        terms=terms,
    )


def _assemble(item: _Pending) -> ProcessedDocument:
    """The document-wide steps over numbered records: pronouns, assertion actors, quotes."""
    document = item.document
    n = _numbered(item)
    paragraph_of = [s.paragraph for s in n.sentences]
    content = [p for p in document.paragraphs if p.role is LineRole.CONTENT]
    spans = quote_spans(document.text, content)
    speakers = [
        (f.subject_start, f.subject_end)
        for f in n.frames
        if f.subject_start is not None and f.subject_end is not None
    ]
    mentions = local_names(n.mentions)
    resolved = resolve_pronouns(
        mentions, paragraph_of, quoted=[(q.start, q.end) for q in spans], speakers=speakers
    )
    person_keys = {m.key for m in mentions if m.person}
    by_offset = sorted(resolved, key=lambda m: m.start)
    assertions = finalize(n.assertions, n.subjects, by_offset, person_keys, paragraph_of)
    speech = DocumentSpeech(
        text=document.text,
        frames=n.frames,
        sentence_starts=[s.start for s in n.sentences],
        sentence_ends=[s.end for s in n.sentences],
        paragraph_of=paragraph_of,
        mentions=by_offset,
        assertions=assertions,
    )
    quotes = attribute(speech, spans)
    return ProcessedDocument(
        document=document,
        sentences=tuple(n.sentences),
        mentions=tuple(resolved),
        role_links=tuple(n.links),
        dates=tuple(n.dates),
        assertions=tuple(speakers_own(assertions, quotes)),
        terms=tuple(terms_string(t, by_offset) for t in n.terms),
        quotes=tuple(quotes),
    )


def speakers_own(assertions: Sequence[Assertion], quotes: Sequence[Quote]) -> list[Assertion]:
    """'"I want to play in Holland," he said': what "I" or "we" wants inside someone's direct
    quote, the speaker wants."""
    first = cue_lexicon().words.first_person
    spoken = [q for q in quotes if q.kind is QuoteKind.DIRECT and q.speaker_key]
    out = []
    for a in assertions:
        quote = next((q for q in spoken if q.start <= a.start < q.end), None)
        if quote is None or a.actor_key is not None or a.actor_text.lower() not in first:
            out.append(a)
            continue
        text = quote.speaker_text or a.actor_text
        out.append(a.model_copy(update={"actor_key": quote.speaker_key, "actor_text": text}))
    return out


def _date(span: c.DateSpan, sentence: int, document: IngestedDocument) -> DateMention:
    anchor = document.meta.date
    value = normalise_date(span.text, anchor)
    return DateMention(
        sentence=sentence,
        start=span.start,
        end=span.end,
        text=span.text,
        kind=value.kind,
        value=value.value,
        granularity=value.granularity,
        relative=value.relative,
        anchor=anchor,
    )


def _line_record(line: Line) -> Sentence:
    return Sentence(
        index=-1,
        paragraph=None,
        line=line.number,
        start=line.start,
        end=line.end,
        text=line.text,
        role=line.role,
        boilerplate=line.boilerplate,
        reason=line.reason,
    )
