"""Acceptance checks of the foundation on the five seed articles (through the real pipeline)."""

from __future__ import annotations

import datetime as dt
import hashlib

from conftest import SEEDS, seed_id
from putin_claims.models import LineRole
from putin_claims.store import Store


def test_sources_metadata_matches_what_the_text_says(seed_store: Store) -> None:
    sources = {s.doc_id.split("_")[0]: s for s in seed_store.sources()}
    assert set(sources) == {"000", "001", "002", "003", "004"}
    assert sources["000"].title is not None and sources["000"].title.startswith(
        "What is Putin's true objective?"
    )
    assert sources["001"].title == "Putin’s Objectives in Discussions with Trump Regarding Ukraine"
    assert sources["002"].title == "Examining Putin’s Strategic Aims in Cease-Fire Talks with Trump"
    assert sources["004"].title == "What Putin Really Wants From Trump's Ukraine 'Negotiations'"
    assert sources["003"].title is None  # the file starts with prose: no headline to report
    assert sources["000"].author == "Vic"
    assert sources["003"].author == "John Lough"
    assert sources["004"].author == "Denis Mikhailov"
    assert sources["004"].date == dt.date(2025, 12, 15)
    for key in ("000", "001", "002", "003"):
        assert sources[key].date is None, key
    for key in ("001", "002"):
        assert sources[key].author is None, key
    assert sources["003"].outlet == "Kyiv Post"
    assert [(n.kind.value, n.value) for n in sources["002"].notes] == [
        ("original_source", "www.nytimes.com")
    ]
    assert [(n.kind.value, n.value) for n in sources["003"].notes] == [
        ("reprinted_from", "TVP World")
    ]


def _flagged(store: Store, prefix: str) -> dict[str, str]:
    doc = seed_id(store, prefix)
    return {
        s.text: s.boilerplate.value
        for s in store.sentences(doc)
        if s.role is LineRole.BOILERPLATE and s.boilerplate
    }


def _content(store: Store, prefix: str) -> list[str]:
    doc = seed_id(store, prefix)
    return [s.text for s in store.sentences(doc) if s.role is not LineRole.BOILERPLATE]


def test_page_furniture_is_never_content(seed_store: Store) -> None:
    furniture = {
        "002": ["Leave a Reply", "Your email address will not be published.", "ca0249bd-6d70"],
        "003": ["JOIN US ON TELEGRAM", "Follow our coverage", "Running Out of Tanks",
                "highlight the text and press Ctrl", "views expressed in this opinion"],
        "004": ["SUBSCRIBE TODAY", "support our mission", "Read our Digital", "Sleep Timer",
                "End of Episode", "0.5x", "00:00", "EXCLUSIVE", "Trump Envoy Has Financial Ties",
                "real-estate empire is bankrolled", "Philip Haworth", "Share", "loading",
                "DiscoverByline"],
        "000": ["Image source: Associated Press", "讀後心得"],
    }  # fmt: skip
    for prefix, needles in furniture.items():
        content = _content(seed_store, prefix)
        flagged = _flagged(seed_store, prefix)
        for needle in needles:
            assert not [c for c in content if needle in c], (prefix, needle)
            assert [t for t in flagged if needle in t], (prefix, needle)


def test_article_prose_is_never_boilerplate(seed_store: Store) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        prefix = path.name[:3]
        flagged = _flagged(seed_store, prefix)
        for text, kind in flagged.items():
            # Every flagged line must be short furniture or carry a furniture cue, never a
            # paragraph of the article: the articles' paragraphs are all 15+ words.
            words = len(text.split())
            assert words < 40, (prefix, kind, text)
    prose = {
        "001": "namely ensuring that Ukraine never joins NATO",
        "003": "Putin has strong cards and is so far playing them",
        "004": "Putin's primary objective is the recognition of a new status quo",
        "002": "Such a detox could be useful",
        "000": "including demands for foreign powers to cease military assistance",
    }
    for prefix, needle in prose.items():
        assert [c for c in _content(seed_store, prefix) if needle in c], (prefix, needle)
        assert not [t for t in _flagged(seed_store, prefix) if needle in t], (prefix, needle)


def test_every_sentence_slices_back_out_of_the_original_file(seed_store: Store) -> None:
    checked = 0
    for doc_id in seed_store.doc_ids():
        original = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert seed_store.document_text(doc_id) == original
        for s in seed_store.sentences(doc_id):
            assert original[s.start : s.end] == s.text, (doc_id, s.index)
            checked += 1
    assert checked > 200


def test_one_actor_per_person_across_all_documents(seed_store: Store) -> None:
    actors = {a.actor_id: a for a in seed_store.actors()}
    putin = actors["vladimir-putin"]
    assert len(putin.documents) == 5
    for form in ("Mr. Putin", "Putin", "Russian President Vladimir V. Putin", "President Putin"):
        assert form in putin.aliases, form
    trump = actors["donald-trump"]
    assert len(trump.documents) == 5
    for form in ("Trump", "Mr. Trump", "President Trump"):
        assert form in trump.aliases, form
    names = [a for a in actors.values() if "putin" in a.name.lower()]
    assert [a.actor_id for a in names] == ["vladimir-putin"]
    russia = actors["russia"]
    assert {"Moscow", "the Kremlin"} <= {a.replace("The ", "the ") for a in russia.aliases}
    assert russia.leader == "vladimir-putin" and putin.government == "russia"


def test_role_descriptions_resolve_to_the_holder_the_corpus_names(seed_store: Store) -> None:
    rows = seed_store.db.execute(
        "SELECT surface, actor_id FROM mentions LEFT JOIN key_actors USING (key)"
        " WHERE kind = 'role'"
    ).fetchall()
    by_surface = {surface.lower(): actor for surface, actor in rows}
    assert by_surface["russian president"] == "vladimir-putin"
    assert by_surface["president of russia"] == "vladimir-putin"
    assert by_surface["president of the united states"] == "donald-trump"
    (johnson,) = seed_store.db.execute(
        "SELECT DISTINCT actor_id FROM mentions LEFT JOIN key_actors USING (key)"
        " WHERE surface LIKE '%Minister Johnson'"
    ).fetchall()
    assert johnson[0] is not None
    assert by_surface["former british prime minister"] == johnson[0]


def test_dates_are_normalised_against_the_article_date(seed_store: Store) -> None:
    rows = seed_store.db.execute(
        "SELECT d.text, d.value, d.relative, d.anchor, d.doc_id FROM dates d"
    ).fetchall()
    assert rows
    for text, value, relative, anchor, doc_id in rows:
        if anchor is None and relative:
            assert value is None or value.startswith("XXXX"), (doc_id, text, value)
    march = [r for r in rows if r[0] == "March 18"]
    assert march and all(r[1] == "XXXX-03-18" for r in march)  # 000 gives no year to anchor


#: SHA-256 of the five seed articles as the project received them (``../shared/seeds``).
CHECKSUMS = SEEDS.parent.parent / "tests" / "data" / "seeds.sha256"


def _checksums() -> dict[str, str]:
    lines = CHECKSUMS.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def test_seed_copies_are_byte_identical_to_the_shared_seeds() -> None:
    """data/seeds holds exactly the received seeds, and so does every copy beside the clone."""
    expected = _checksums()
    assert len(expected) == 5
    shared = SEEDS.parent.parent.parent / "shared" / "seeds"
    copies = [SEEDS] + ([shared] if shared.is_dir() else [])
    for folder in copies:
        found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.txt")}
        assert found == expected, folder
