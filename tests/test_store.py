"""The SQLite store on real files: migrations, saving, search, transactions, errors, queries."""

from __future__ import annotations

import gc
import random
import sqlite3
import string
from pathlib import Path

import pytest
import sqlite_utils

from conftest import (
    ARTICLE_DATE,
    PIPELINE,
    make_claims_doc,
    make_doc,
    meta,
    resolution_v1,
    sentence_id,
)
from putin_claims.corpus.resolution import Resolution, ResolvedActor
from putin_claims.errors import DocumentNotFoundError, StoreError
from putin_claims.models import (
    Actor,
    ActorType,
    ContentSentence,
    DateKindMeta,
    DocumentMeta,
    KeyStats,
    Mention,
    MentionKind,
    RoleLinkRow,
    SourceInfo,
    StoredDocument,
)
from putin_claims.store import STATE_KEY, Store
from putin_claims.store import connection as connection_module
from putin_claims.store.migrations import MIGRATIONS, Migration

# --------------------------------------------------------------------------- fixtures


def count(store: Store, table: str) -> int:
    return int(store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def fts(store: Store, word: str) -> list[int]:
    rows = store.db.execute(
        "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid", (word,)
    )
    return [r[0] for r in rows]


# --------------------------------------------------------------------------- migrations


def test_new_store_records_every_migration_in_order(db_path: Path) -> None:
    with Store.open(db_path) as store:
        names = [r[0] for r in store.db.execute("SELECT name FROM migrations ORDER BY rowid")]
    assert names == [name for name, _ in MIGRATIONS]
    assert len(names) == len(set(names)) >= 1


def test_new_store_is_in_wal_mode(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    # WAL is a property of the file: a fresh connection sees it too.
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        other.close()


def test_reopening_runs_no_migration_again(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def spy(name: str, fn: Migration) -> Migration:
        def wrapped(db: sqlite3.Connection) -> None:
            calls.append(name)
            fn(db)

        return wrapped

    monkeypatch.setattr(connection_module, "MIGRATIONS", [(n, spy(n, f)) for n, f in MIGRATIONS])
    with Store.open(db_path) as store:
        first = store.db.execute(
            "SELECT name, applied_at FROM migrations ORDER BY rowid"
        ).fetchall()
    assert calls == [name for name, _ in MIGRATIONS]

    calls.clear()
    with Store.open(db_path) as store:
        again = store.db.execute(
            "SELECT name, applied_at FROM migrations ORDER BY rowid"
        ).fetchall()
    with Store.existing(db_path) as store:
        third = store.db.execute(
            "SELECT name, applied_at FROM migrations ORDER BY rowid"
        ).fetchall()
    assert calls == []
    assert again == first
    assert third == first


# --------------------------------------------------------------------------- save


def test_save_stores_document_row(store: Store) -> None:
    processed = make_doc()
    store.save(processed, PIPELINE)
    doc = processed.document
    row = store.db.execute(
        "SELECT doc_id, path, sha256, pipeline, encoding, text, title, author, outlet, date,"
        " date_kind FROM documents"
    ).fetchall()
    assert row == [
        (
            doc.doc_id,
            doc.path,
            doc.sha256,
            PIPELINE,
            "utf-8",
            doc.text,
            "Marmalade Summit Ends",
            "Jane Quill",
            "The Freedonia Gazette",
            "2031-05-14",
            "published",
        )
    ]
    assert store.document_for_path(doc.path) == StoredDocument(
        doc_id=doc.doc_id, sha256=doc.sha256, pipeline=PIPELINE
    )
    assert store.document_for_path("/articles/elsewhere.txt") is None
    assert store.document_text(doc.doc_id) == doc.text
    assert store.doc_ids() == [doc.doc_id]


def test_save_stores_sentences_with_offsets_and_roles(store: Store) -> None:
    processed = make_doc()
    store.save(processed, PIPELINE)
    rows = store.db.execute(
        "SELECT idx, paragraph, line, char_start, char_end, text, role, boilerplate, reason"
        " FROM sentences WHERE doc_id = ? ORDER BY idx",
        (processed.document.doc_id,),
    ).fetchall()
    expected = [
        (
            s.index,
            s.paragraph,
            s.line,
            s.start,
            s.end,
            s.text,
            s.role.value,
            s.boilerplate.value if s.boilerplate else None,
            s.reason,
        )
        for s in processed.sentences
    ]
    assert rows == expected
    text = processed.document.text
    for _, _, _, start, end, sentence_text, *_ in rows:
        assert text[start:end] == sentence_text
    assert rows[3][6:] == ("boilerplate", "share", "share cue")


def test_save_stores_mentions_role_links_and_dates(store: Store) -> None:
    processed = make_doc()
    doc_id = processed.document.doc_id
    store.save(processed, PIPELINE)
    ids = {i: sentence_id(store, doc_id, i) for i in range(4)}

    mentions = store.db.execute(
        "SELECT doc_id, sentence_id, char_start, char_end, surface, kind, label, m.key, actor_id"
        " FROM mentions m LEFT JOIN key_actors k USING (key) ORDER BY char_start"
    ).fetchall()
    assert mentions == [
        (doc_id, ids[m.sentence], m.start, m.end, m.surface, m.kind.value, m.label, m.key, None)
        for m in sorted(processed.mentions, key=lambda m: m.start)
    ]
    text = processed.document.text
    for _, _, start, end, surface, *_ in mentions:
        assert text[start:end] == surface

    links = store.db.execute("SELECT doc_id, sentence_id, role_key, name_key FROM role_links")
    assert links.fetchall() == [(doc_id, ids[1], "president|freedonia", "rufus firefly")]
    assert store.role_links() == [
        RoleLinkRow(role_key="president|freedonia", name_key="rufus firefly")
    ]

    dates = store.db.execute(
        "SELECT doc_id, sentence_id, char_start, char_end, text, kind, value, granularity,"
        " relative, anchor FROM dates"
    ).fetchall()
    (d,) = processed.dates
    assert dates == [
        (doc_id, ids[1], d.start, d.end, "Monday", "date", "2031-05-12", "day", 1, "2031-05-14")
    ]
    assert text[d.start : d.end] == "Monday"


def test_fts_finds_sentence_by_word(store: Store) -> None:
    processed = make_doc(word="Marmalade")
    store.save(processed, PIPELINE)
    doc_id = processed.document.doc_id
    assert fts(store, "marmalade") == [sentence_id(store, doc_id, 0)]
    assert fts(store, "Trentino") == [sentence_id(store, doc_id, 1)]
    assert fts(store, "zeppelin") == []


def test_fts_forgets_old_text_after_resave(store: Store) -> None:
    store.save(make_doc(word="Marmalade"), PIPELINE)
    assert len(fts(store, "marmalade")) == 1

    store.save(make_doc(word="Zeppelin"), PIPELINE)
    assert fts(store, "marmalade") == []
    assert fts(store, "zeppelin") == [sentence_id(store, "freedonia-summit", 0)]
    # Words present in both versions are found once, in the new rows only.
    assert fts(store, "Trentino") == [sentence_id(store, "freedonia-summit", 1)]


def test_sqlite_utils_finds_the_sentence_search_of_an_extracted_store(
    seed_db: Path, seed_store: Store
) -> None:
    """datasette and sqlite-utils detect ``sentences_fts`` as the search of ``sentences`` (the
    same detection) and search through it."""
    db = sqlite_utils.Database(seed_db)
    try:
        table = db.table("sentences")
        assert table.detect_fts() == "sentences_fts"
        found = list(table.search("ceasefire", columns=["sentence_id", "text", "role"]))
    finally:
        db.close()
    assert found
    assert all("ceasefire" in row["text"].lower() for row in found)
    # The content sentences among them (titles and headings too) are those search() finds.
    content = {
        row["sentence_id"] for row in found if row["role"] in {"content", "title", "heading"}
    }
    assert set(seed_store.search(["ceasefire"], limit=len(found) + 1)) == content


def test_save_same_doc_id_replaces(store: Store) -> None:
    first = make_doc(word="Marmalade")
    store.save(first, PIPELINE)
    before = {t: count(store, t) for t in ("documents", "sentences", "mentions", "dates")}
    before["role_links"] = count(store, "role_links")
    assert before == {"documents": 1, "sentences": 4, "mentions": 3, "dates": 1, "role_links": 1}

    store.save(make_doc(word="Zeppelin"), "test-pipeline-2")
    store.save(make_doc(word="Zeppelin"), "test-pipeline-2")
    after = {t: count(store, t) for t in before}
    assert after == before
    row = store.db.execute("SELECT title, pipeline FROM documents").fetchone()
    assert row == ("Zeppelin Summit Ends", "test-pipeline-2")


def test_save_keeps_other_documents(store: Store) -> None:
    store.save(make_doc("alpha"), PIPELINE)
    store.save(make_doc("beta"), PIPELINE)
    store.save(make_doc("alpha", word="Zeppelin"), PIPELINE)
    assert store.doc_ids() == ["alpha", "beta"]
    assert count(store, "sentences") == 8
    assert count(store, "mentions") == 6
    assert fts(store, "marmalade") == [sentence_id(store, "beta", 0)]
    assert fts(store, "zeppelin") == [sentence_id(store, "alpha", 0)]


def test_failed_save_keeps_previous_version(store: Store) -> None:
    store.save(make_doc(word="Marmalade"), PIPELINE)
    with pytest.raises(IndexError):
        store.save(make_doc(word="Zeppelin", bad_mention=True), PIPELINE)
    assert store.db.execute("SELECT title FROM documents").fetchall() == [
        ("Marmalade Summit Ends",)
    ]
    assert count(store, "sentences") == 4
    assert count(store, "mentions") == 3
    assert len(fts(store, "marmalade")) == 1
    assert fts(store, "zeppelin") == []


# --------------------------------------------------------------------------- transactions


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_transaction_rolls_back_on_failure(store: Store, error: BaseException) -> None:
    store.save(make_doc(), PIPELINE)
    with pytest.raises(type(error)), store.transaction() as db:
        db.execute("INSERT INTO settings VALUES ('colour', 'blue')")
        db.execute("DELETE FROM mentions")
        db.execute("UPDATE documents SET title = 'changed'")
        raise error
    assert store.setting("colour") is None
    assert count(store, "mentions") == 3
    assert store.db.execute("SELECT title FROM documents").fetchone() == ("Marmalade Summit Ends",)
    # The connection is usable again afterwards.
    with store.transaction() as db:
        db.execute("INSERT INTO settings VALUES ('colour', 'green')")
    assert store.setting("colour") == "green"


def test_transaction_rollback_is_seen_by_other_connections(store: Store, db_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), store.transaction() as db:
        db.execute("INSERT INTO settings VALUES ('colour', 'blue')")
        raise KeyboardInterrupt
    other = sqlite3.connect(db_path)
    try:
        query = "SELECT COUNT(*) FROM settings WHERE key = 'colour'"
        assert other.execute(query).fetchone()[0] == 0
    finally:
        other.close()


def test_transaction_inside_another_joins_it(store: Store, db_path: Path) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction() as db:
            db.execute("INSERT INTO settings VALUES ('colour', 'blue')")
        # The inner one committed nothing: other connections see nothing yet.
        other = sqlite3.connect(db_path)
        try:
            query = "SELECT COUNT(*) FROM settings WHERE key = 'colour'"
            assert other.execute(query).fetchone()[0] == 0
        finally:
            other.close()
        assert store.setting("colour") == "blue"
        raise RuntimeError("boom")
    assert store.setting("colour") is None
    with store.transaction(), store.transaction():
        store.set_setting("colour", "green")
    assert store.setting("colour") == "green"


def test_save_marks_the_corpus_stale_in_its_own_transaction(store: Store) -> None:
    assert store.setting(STATE_KEY) == "stale"  # a new store has no corpus built yet
    store.set_setting(STATE_KEY, "built")
    with pytest.raises(IndexError):
        store.save(make_doc(bad_mention=True), PIPELINE)
    assert store.setting(STATE_KEY) == "built"
    store.save(make_doc(), PIPELINE)
    assert store.setting(STATE_KEY) == "stale"


# --------------------------------------------------------------------------- errors


def test_existing_on_missing_path_says_to_extract(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.db"
    with pytest.raises(StoreError) as info:
        Store.existing(path)
    message = str(info.value)
    assert str(path) in message
    assert "putin-claims extract" in message
    assert not path.exists()


def test_open_non_sqlite_file_raises_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    rnd = random.Random(20310514)
    text = "".join(rnd.choice(string.ascii_letters + string.digits + " .,\n") for _ in range(4096))
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    gc.collect()
    assert path.read_bytes() == before


def test_open_other_applications_sqlite_raises_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "recipes.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT PRIMARY KEY, minutes INTEGER)")
    other.executemany(
        "INSERT INTO recipes VALUES (?, ?)", [("pancakes", 20), ("stew", 90), ("toast", 3)]
    )
    other.commit()
    other.close()
    before = path.read_bytes()

    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    gc.collect()
    assert path.read_bytes() == before

    check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = check.execute("SELECT COUNT(*) FROM recipes").fetchone()[0]
    finally:
        check.close()
    assert tables == {"recipes"}
    assert rows == 3


# --------------------------------------------------------------------------- actors


def _actor_rows(store: Store) -> list[tuple[str, str, str, str | None, str | None]]:
    return store.db.execute(
        "SELECT actor_id, name, type, government, leader FROM actors ORDER BY actor_id"
    ).fetchall()


def _mention_actors(store: Store) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for key, actor_id in store.db.execute(
        "SELECT m.key, actor_id FROM mentions m LEFT JOIN key_actors k USING (key)"
    ):
        out.setdefault(key, set()).add(actor_id)
    return out


def test_apply_resolution_sets_actors_and_mention_ids(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    store.apply_resolution(resolution_v1())
    assert _actor_rows(store) == [
        ("freedonia", "Freedonia", "government", None, "rufus-firefly"),
        ("rufus-firefly", "Rufus Firefly", "person", "freedonia", None),
        ("trentino", "Trentino", "person", None, None),
    ]
    assert _mention_actors(store) == {"rufus firefly": {"rufus-firefly"}, "trentino": {"trentino"}}


def test_apply_resolution_replaces_previous_one(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    store.apply_resolution(resolution_v1())
    second = Resolution(
        actors=[ResolvedActor("firefly", "Firefly", ActorType.PERSON)],
        key_to_actor={"rufus firefly": "firefly"},
    )
    store.apply_resolution(second)
    assert _actor_rows(store) == [("firefly", "Firefly", "person", None, None)]
    # A key the new resolution does not map loses its old actor.
    assert _mention_actors(store) == {"rufus firefly": {"firefly"}, "trentino": {None}}


def test_apply_resolution_is_all_or_nothing(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    store.apply_resolution(resolution_v1())
    broken = Resolution(
        actors=[
            ResolvedActor("dup", "One", ActorType.PERSON),
            ResolvedActor("dup", "Two", ActorType.PERSON),
        ],
        key_to_actor={"rufus firefly": "dup", "trentino": "dup"},
    )
    with pytest.raises(sqlite3.Error):
        store.apply_resolution(broken)
    assert [r[0] for r in _actor_rows(store)] == ["freedonia", "rufus-firefly", "trentino"]
    assert _mention_actors(store) == {"rufus firefly": {"rufus-firefly"}, "trentino": {"trentino"}}


def test_key_stats_aggregate_non_pronoun_mentions(store: Store) -> None:
    store.save(make_doc("alpha"), PIPELINE)
    store.save(make_doc("beta"), PIPELINE)
    stats = {s.key: s for s in store.key_stats()}
    assert set(stats) == {"rufus firefly", "trentino"}
    assert stats["rufus firefly"].mentions == 2
    assert stats["rufus firefly"].labels == {"PERSON": 2}
    assert stats["rufus firefly"].surfaces == {"President Rufus Firefly": 2}
    assert stats["trentino"].surfaces == {"Ambassador Trentino": 2}


def _key_actor_rows(store: Store) -> list[tuple[str, str]]:
    return store.db.execute("SELECT key, actor_id FROM key_actors ORDER BY key").fetchall()


def test_apply_resolution_stores_each_key_once(store: Store) -> None:
    store.save(make_doc("alpha"), PIPELINE)
    store.save(make_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    assert _key_actor_rows(store) == [("rufus firefly", "rufus-firefly"), ("trentino", "trentino")]
    assert store.key_actors() == {"rufus firefly": "rufus-firefly", "trentino": "trentino"}


def test_apply_resolution_replaces_key_actors_atomically(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    store.apply_resolution(resolution_v1())
    # The actors are replaced before the keys; a key that cannot be stored undoes both.
    broken = Resolution(
        actors=[ResolvedActor("firefly", "Firefly", ActorType.PERSON)],
        key_to_actor={"rufus firefly": "firefly", "trentino": None},  # type: ignore[dict-item]
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.apply_resolution(broken)
    assert [r[0] for r in _actor_rows(store)] == ["freedonia", "rufus-firefly", "trentino"]
    assert _key_actor_rows(store) == [("rufus firefly", "rufus-firefly"), ("trentino", "trentino")]


def test_key_actors_name_only_keys_that_mentions_carry(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    assert store.key_actors() == {}
    resolution = resolution_v1()
    store.apply_resolution(
        Resolution(resolution.actors, {**resolution.key_to_actor, "groucho": "rufus-firefly"})
    )
    assert store.key_actors() == {"rufus firefly": "rufus-firefly", "trentino": "trentino"}


def test_key_stats_are_typed_and_leave_boilerplate_out(store: Store) -> None:
    processed = make_doc()
    share = processed.sentences[3]
    extra = Mention(
        sentence=3, start=share.start, end=share.start + 5, surface="Share", kind=MentionKind.NAME,
        label="ORG", key="trentino",
    )  # fmt: skip
    store.save(processed.model_copy(update={"mentions": (*processed.mentions, extra)}), PIPELINE)
    assert sorted(store.key_stats(), key=lambda s: s.key) == [
        KeyStats(
            key="rufus firefly", mentions=1, labels={"PERSON": 1},
            surfaces={"President Rufus Firefly": 1},
            surface_labels={"President Rufus Firefly": ("PERSON",)},
        ),
        KeyStats(
            key="trentino", mentions=1, labels={"PERSON": 1},
            surfaces={"Ambassador Trentino": 1},
            surface_labels={"Ambassador Trentino": ("PERSON",)},
        ),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("labels", "surfaces", "surface_labels", "label", "surface"),
    [
        ({"PERSON": 3, "ORG": 1}, {"Mr. Jones": 1, "Jones": 3}, {}, "PERSON", "Jones"),
        ({"ORG": 1, "GPE": 1}, {"Zeta": 1, "Alpha": 1}, {}, "GPE", "Alpha"),
        (
            {"GPE": 1, "ORG": 1},
            {"ISTANBUL": 1, "Istanbul": 1},
            {"ISTANBUL": ("ORG",), "Istanbul": ("GPE",)},
            "GPE",
            "Istanbul",  # a tie goes to the form seen with the top label
        ),
        ({}, {}, {}, "", "the key"),
    ],
)
def test_key_stats_most_common_breaks_ties_by_key(
    labels: dict[str, int],
    surfaces: dict[str, int],
    surface_labels: dict[str, tuple[str, ...]],
    label: str,
    surface: str,
) -> None:
    stats = KeyStats(
        key="the key", mentions=4, labels=labels, surfaces=surfaces, surface_labels=surface_labels
    )
    assert stats.top_label() == label
    assert stats.top_surface() == surface


# --------------------------------------------------------------------------- queries


def test_counts(store: Store) -> None:
    empty = store.counts()
    assert empty == {
        "documents": 0,
        "sentences": 0,
        "boilerplate": 0,
        "actors": 0,
        "mentions": 0,
        "dates": 0,
        "assertions": 0,
        "claims": 0,
        "quotes": 0,
    }
    store.save(make_doc("alpha"), PIPELINE)
    store.save(make_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    assert store.counts() == {
        "documents": 2,
        "sentences": 6,  # title and two content sentences each
        "boilerplate": 2,
        "actors": 2,  # Freedonia has no mention
        "mentions": 6,
        "dates": 2,
        "assertions": 0,  # the test documents carry none
        "claims": 0,
        "quotes": 0,
    }


def test_sources(store: Store) -> None:
    store.save(make_doc("beta", word="Zeppelin"), PIPELINE)
    store.save(make_doc("alpha"), PIPELINE)
    sources = store.sources()
    assert [s.doc_id for s in sources] == ["alpha", "beta"]
    assert sources[0] == SourceInfo(
        doc_id="alpha",
        path="/articles/alpha.txt",
        paths=("/articles/alpha.txt",),
        title="Marmalade Summit Ends",
        author="Jane Quill",
        outlet="The Freedonia Gazette",
        date=ARTICLE_DATE,
        date_kind=DateKindMeta.PUBLISHED,
        notes=meta("x").notes,
        encoding="utf-8",
        sentences=3,
        boilerplate=1,
        mentions=3,
        dates=1,
    )
    assert sources[1].title == "Zeppelin Summit Ends"


def test_sources_with_unknown_metadata(store: Store) -> None:
    processed = make_doc()
    bare = processed.document.model_copy(update={"meta": DocumentMeta()})
    store.save(processed.model_copy(update={"document": bare}), PIPELINE)
    (source,) = store.sources()
    assert (source.title, source.author, source.outlet, source.date, source.date_kind) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert source.notes == ()


def test_actors(store: Store) -> None:
    store.save(make_doc("alpha"), PIPELINE)
    store.save(make_doc("beta"), PIPELINE)
    store.apply_resolution(resolution_v1())
    assert store.actors() == [
        Actor(
            actor_id="rufus-firefly",
            name="Rufus Firefly",
            type=ActorType.PERSON,
            aliases=("President Rufus Firefly",),  # the pronoun is no alias
            mentions=4,  # name and pronoun in each document
            documents={"alpha": 2, "beta": 2},
            government="freedonia",
            leader=None,
        ),
        Actor(
            actor_id="trentino",
            name="Trentino",
            type=ActorType.PERSON,
            aliases=("Ambassador Trentino",),
            mentions=2,
            documents={"alpha": 1, "beta": 1},
        ),
    ]


def test_sentences(store: Store) -> None:
    processed = make_doc()
    store.save(processed, PIPELINE)
    stored = store.sentences(processed.document.doc_id)
    assert [
        (s.index, s.paragraph, s.line, s.start, s.end, s.text, s.role, s.boilerplate, s.reason)
        for s in stored
    ] == [
        (s.index, s.paragraph, s.line, s.start, s.end, s.text, s.role, s.boilerplate, s.reason)
        for s in processed.sentences
    ]
    assert {s.doc_id for s in stored} == {processed.document.doc_id}
    assert len({s.sentence_id for s in stored}) == len(stored)
    text = store.document_text(processed.document.doc_id)
    assert all(text[s.start : s.end] == s.text for s in stored)


def test_sentences_of_unknown_document(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    with pytest.raises(DocumentNotFoundError) as info:
        store.sentences("no-such-doc")
    assert "no-such-doc" in str(info.value)
    with pytest.raises(DocumentNotFoundError):
        store.document_text("no-such-doc")


def test_content_sentences(store: Store) -> None:
    processed = make_claims_doc()
    store.save(processed, PIPELINE)
    doc_id = processed.document.doc_id
    ids = [sentence_id(store, doc_id, i) for i in range(4)]
    found = store.content_sentences()  # in document order
    assert found == [
        ContentSentence(
            sentence_id=ids[s.index], doc_id=doc_id, line=s.line, start=s.start, end=s.end,
            text=s.text, terms=processed.terms[s.index],
        )
        for s in processed.sentences[:3]  # the share line is boilerplate
    ]  # fmt: skip
    assert store.content_sentences([ids[2], ids[3]]) == [found[2]]
    assert store.content_sentences([]) == []


def test_search_finds_content_sentences_best_first(store: Store) -> None:
    store.save(make_doc(), PIPELINE)
    ids = [sentence_id(store, "freedonia-summit", i) for i in range(4)]
    assert store.search(["talks"], limit=5) == [ids[2]]  # porter stemming: "talks" ~ "talk"
    assert set(store.search(["Trentino", "continuing"], limit=5)) == {ids[1], ids[2]}
    assert store.search(["share"], limit=5) == []  # only in the share line
    assert store.search(["Marmalade Summit"], limit=5) == [ids[0]]  # a phrase stays a phrase
    assert store.search(["?!", ""], limit=5) == []
