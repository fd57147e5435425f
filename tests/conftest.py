"""Shared fixtures: one real spaCy pipeline per session, and the seeds extracted once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from putin_claims.cli import main
from putin_claims.corpus.resolution import Resolution, ResolvedActor
from putin_claims.dates import DateKind, Granularity
from putin_claims.models import (
    ActorSource,
    ActorType,
    Assertion,
    AssertionKind,
    BoilerplateKind,
    DateKindMeta,
    DateMention,
    DocumentMeta,
    Hedge,
    IngestedDocument,
    Line,
    LineRole,
    Mention,
    MentionKind,
    NoteKind,
    Paragraph,
    ProcessedDocument,
    Quote,
    QuoteKind,
    RoleLink,
    Sentence,
    SourceNote,
)
from putin_claims.pipeline import extract
from putin_claims.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English pipeline the tool uses by default (loaded once)."""
    from putin_claims.nlp.loading import load_pipeline, resolve_model_name

    return load_pipeline(resolve_model_name())


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A store holding the five seed articles, extracted once for the session."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store.open(path) as store:
        summary = extract([SEEDS], store)
    assert summary.processed == 5 and not summary.skipped
    return path


@pytest.fixture
def seed_store(seed_db: Path) -> Iterator[Store]:
    with Store.existing(seed_db) as store:
        yield store


def seed_id(store: Store, prefix: str) -> str:
    """The doc id of the seed whose file name starts with ``prefix`` ("000")."""
    (doc_id,) = [d for d in store.doc_ids() if d.startswith(prefix + "_")]
    return doc_id


#: Columns that record when something happened, not what: they differ between any two runs.
TIMESTAMPS = frozenset({"extracted_at", "applied_at", "seen_at"})


def store_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a store (ids included, timestamps left out), sorted."""
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sentences_fts%' ORDER BY name"
            )
        ]
        out = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
            kept = ", ".join(c for c in cols if c not in TIMESTAMPS)
            rows = conn.execute(f"SELECT {kept} FROM {name}").fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store (WAL included), through SQLite's backup API."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


# --------------------------------------------------------------------------- store records
# Hand-made records for the store tests (tests/test_store*.py).

PIPELINE = "test-pipeline-1"
ARTICLE_DATE = dt.date(2031, 5, 14)


# --------------------------------------------------------------------------- records


def meta(title: str) -> DocumentMeta:
    return DocumentMeta(
        title=title,
        author="Jane Quill",
        outlet="The Freedonia Gazette",
        date=ARTICLE_DATE,
        date_kind=DateKindMeta.PUBLISHED,
        notes=(
            SourceNote(
                kind=NoteKind.ORIGINAL_SOURCE,
                value="www.gazette.example",
                line=6,
                text="Original Source: www.gazette.example",
            ),
        ),
    )


def make_doc(
    doc_id: str = "freedonia-summit",
    word: str = "Marmalade",
    path: str | None = None,
    bad_mention: bool = False,
) -> ProcessedDocument:
    """A small article: title, two content sentences, a share line and a source note.

    ``word`` is the first word of the title, so that two versions of a document differ in it.
    """
    title = f"{word} Summit Ends"
    s1 = "President Rufus Firefly met Ambassador Trentino on Monday."
    s2 = "He said the talks would continue."
    share = "Share this article"
    note = "Original Source: www.gazette.example"
    text = f"{title}\n\n{s1} {s2}\n\n{share}\n{note}\n"

    def span(part: str, within: int = 0) -> tuple[int, int]:
        start = text.index(part, within)
        return start, start + len(part)

    t_start, t_end = span(title)
    p_start, _ = span(s1)
    s1_start, s1_end = span(s1)
    s2_start, s2_end = span(s2)
    sh_start, sh_end = span(share)
    n_start, n_end = span(note)
    lines = (
        Line(number=1, start=t_start, end=t_end, text=title, role=LineRole.TITLE),
        Line(number=3, start=s1_start, end=s2_end, text=f"{s1} {s2}", role=LineRole.CONTENT),
        Line(
            number=5,
            start=sh_start,
            end=sh_end,
            text=share,
            role=LineRole.BOILERPLATE,
            boilerplate=BoilerplateKind.SHARE,
            reason="share cue",
        ),
        Line(number=6, start=n_start, end=n_end, text=note, role=LineRole.CONTENT),
    )
    paragraphs = (
        Paragraph(index=0, start=t_start, end=t_end, role=LineRole.TITLE, line=1),
        Paragraph(index=1, start=p_start, end=s2_end, role=LineRole.CONTENT, line=3),
    )
    sentences = (
        Sentence(
            index=0, paragraph=0, line=1, start=t_start, end=t_end, text=title, role=LineRole.TITLE
        ),
        Sentence(
            index=1, paragraph=1, line=3, start=s1_start, end=s1_end, text=s1, role=LineRole.CONTENT
        ),
        Sentence(
            index=2, paragraph=1, line=3, start=s2_start, end=s2_end, text=s2, role=LineRole.CONTENT
        ),
        Sentence(
            index=3,
            paragraph=None,
            line=5,
            start=sh_start,
            end=sh_end,
            text=share,
            role=LineRole.BOILERPLATE,
            boilerplate=BoilerplateKind.SHARE,
            reason="share cue",
        ),
    )
    f_start, f_end = span("President Rufus Firefly")
    tr_start, tr_end = span("Ambassador Trentino")
    he_start, he_end = span("He", s2_start)
    mentions = (
        Mention(
            sentence=1,
            start=f_start,
            end=f_end,
            surface="President Rufus Firefly",
            kind=MentionKind.NAME,
            label="PERSON",
            key="rufus firefly",
        ),
        Mention(
            sentence=1,
            start=tr_start,
            end=tr_end,
            surface="Ambassador Trentino",
            kind=MentionKind.NAME,
            label="PERSON",
            key="trentino",
        ),
        Mention(
            sentence=99 if bad_mention else 2,
            start=he_start,
            end=he_end,
            surface="He",
            kind=MentionKind.PRONOUN,
            label="PRON",
            key="rufus firefly",
        ),
    )
    m_start, m_end = span("Monday")
    dates = (
        DateMention(
            sentence=1,
            start=m_start,
            end=m_end,
            text="Monday",
            kind=DateKind.DATE,
            value="2031-05-12",
            granularity=Granularity.DAY,
            relative=True,
            anchor=ARTICLE_DATE,
        ),
    )
    links = (RoleLink(sentence=1, role_key="president|freedonia", name_key="rufus firefly"),)
    document = IngestedDocument(
        doc_id=doc_id,
        path=path or f"/articles/{doc_id}.txt",
        sha256=f"{doc_id}-{word}".encode().hex(),
        encoding="utf-8",
        text=text,
        lines=lines,
        paragraphs=paragraphs,
        meta=meta(title),
    )
    return ProcessedDocument(
        document=document, sentences=sentences, mentions=mentions, role_links=links, dates=dates
    )


def make_claims_doc(doc_id: str = "freedonia-summit") -> ProcessedDocument:
    """:func:`make_doc` with lemmas, three assertions and two quotes.

    One assertion stands in the share line (boilerplate); one quote names its speaker by key,
    the other only describes him.
    """
    processed = make_doc(doc_id)
    text = processed.document.text
    said = text.index("the talks would continue")
    met = text.index("Ambassador Trentino")
    he = text.index("He said")
    s1 = processed.sentences[1]
    assertions = (
        Assertion(
            sentence=2, kind=AssertionKind.STATEMENT, cue="said", actor_key="rufus firefly",
            actor_text="He", actor_source=ActorSource.SUBJECT,
            content="the talks would continue", start=said, end=said + 24, negated=False,
            hedge=Hedge.REPORTED, hedge_cue=None, attributed_key="trentino",
            attributed_text="Ambassador Trentino", terms="talk continue",
        ),
        Assertion(
            sentence=1, kind=AssertionKind.ACTION, cue="met", actor_key=None,
            actor_text="the summit", actor_source=ActorSource.CONTEXT,
            content="Ambassador Trentino", start=met, end=met + 19, negated=True,
            hedge=Hedge.ASSERTED, hedge_cue=None, attributed_key=None, attributed_text=None,
            terms="ambassador trentino",
        ),
        Assertion(
            sentence=3, kind=AssertionKind.STATEMENT, cue="share", actor_key="trentino",
            actor_text="Share", actor_source=ActorSource.SUBJECT, content="this article",
            start=0, end=1, negated=False, hedge=Hedge.ASSERTED, hedge_cue=None,
            attributed_key=None, attributed_text=None, terms="article",
        ),
    )  # fmt: skip
    quotes = (
        Quote(
            sentence=2, kind=QuoteKind.INDIRECT, cue="said", content="the talks would continue",
            start=said, end=said + 24, pieces=((said, said + 24),), balanced=True,
            speaker_key="rufus firefly", speaker_text="He", speaker_start=he,
            speaker_end=he + 2, confidence=0.8,
        ),
        Quote(
            sentence=1, kind=QuoteKind.DIRECT, cue=None, content=s1.text, start=s1.start,
            end=s1.end, pieces=((s1.start, s1.end),), balanced=False, speaker_key=None,
            speaker_text="an envoy", speaker_start=None, speaker_end=None, confidence=0.5,
        ),
    )  # fmt: skip
    terms = ("marmalade summit end", "president firefly meet trentino monday", "talk continue")
    return processed.model_copy(update={"assertions": assertions, "quotes": quotes, "terms": terms})


def sentence_id(store: Store, doc_id: str, idx: int) -> int:
    row = store.db.execute(
        "SELECT sentence_id FROM sentences WHERE doc_id = ? AND idx = ?", (doc_id, idx)
    ).fetchone()
    return int(row[0])


def resolution_v1() -> Resolution:
    return Resolution(
        actors=[
            ResolvedActor("freedonia", "Freedonia", ActorType.GOVERNMENT, leader="rufus-firefly"),
            ResolvedActor(
                "rufus-firefly", "Rufus Firefly", ActorType.PERSON, government="freedonia"
            ),
            ResolvedActor("trentino", "Trentino", ActorType.PERSON),
        ],
        key_to_actor={"rufus firefly": "rufus-firefly", "trentino": "trentino"},
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as s:
        yield s


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide terminal with no colour, so that CLI messages can be compared exactly."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
