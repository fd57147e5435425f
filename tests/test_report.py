"""Editor reports over the seeds: exact passages, source independence, JSON schema, CSV
round trip, and the HTML page rendered and filtered in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, copy_store
from putin_claims.cli import main
from putin_claims.corpus.derivation import independent_groups
from putin_claims.report import (
    CSV_COLUMNS,
    QuoteWording,
    Report,
    build_report,
    to_csv,
    to_html,
    to_markdown,
)
from putin_claims.report.markdown import md_link
from putin_claims.report.model import input_root
from putin_claims.report.quotes import normalised
from putin_claims.store import Store


@pytest.fixture(scope="module")
def report(seed_db: Path) -> Report:
    with Store.existing(seed_db) as store:
        return build_report(store)


def _doc(report: Report, prefix: str) -> str:
    (doc_id,) = [s.doc_id for s in report.sources if s.doc_id.startswith(prefix)]
    return doc_id


def test_seed_002_derives_from_001_with_evidence(report: Report) -> None:
    source = {s.doc_id: s for s in report.sources}[_doc(report, "002")]
    (derivation,) = source.derived_from
    assert derivation.source == _doc(report, "001")
    assert derivation.coverage >= 0.4 and derivation.examples
    assert derivation.cue == "original_source: www.nytimes.com"
    assert derivation.shared_quotes >= 1  # the "detox" quote
    originals = {s.doc_id: s for s in report.sources}[_doc(report, "001")]
    assert originals.copies == (source.doc_id,)
    others = [s for s in report.sources if s.doc_id[:3] in ("000", "003", "004")]
    assert all(not s.derived_from and not s.copies for s in others)


def test_claims_only_in_001_and_002_count_one_independent_source(report: Report) -> None:
    pair = {_doc(report, "001"), _doc(report, "002")}
    both = [c for a in report.actors for c in a.claims if {p.doc_id for p in c.passages} == pair]
    assert both
    assert all((c.n_sources, c.n_independent_sources) == (2, 1) for c in both)
    assert all(c.corroboration == "2 sources, 1 independent" for c in both)


def test_independent_groups_collapse_chains() -> None:
    from putin_claims.models import Derivation

    def d(a: str, b: str) -> Derivation:
        return Derivation(derived=a, source=b, score=1, coverage=1, reverse_coverage=0,
                          shared_quotes=0, cue=None, examples=())  # fmt: skip

    assert independent_groups(["a", "b", "c", "x"], [d("b", "a"), d("c", "b")]) == 2
    assert independent_groups(["a", "b"], []) == 2


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown.replace("**", ""))


def test_markdown_quotes_every_passage_exactly_and_traceably(report: Report, seed_db: Path) -> None:
    text = to_markdown(report)
    quoted = [_unescape(line[2:]) for line in text.splitlines() if line.startswith("> ") and
              not line.startswith("> — ")]  # fmt: skip
    passages = [p for a in report.actors for c in a.claims for p in (*c.passages, *c.contradicting)]
    assert quoted == [p.text for p in passages]
    with Store.existing(seed_db) as store:
        docs = {d: store.document_text(d) for d in store.doc_ids()}
    refs = re.findall(r"^> — .*`([^`]+)` line (\d+), chars (\d+)–(\d+)$", text, re.M)
    assert len(refs) == len(passages)
    for (doc_id, _line, start, end), p in zip(refs, passages, strict=True):
        assert docs[doc_id][int(start) : int(end)] == p.text
    assert "## Sources" in text and "derives from" in text
    assert "## Appendix: set aside as boilerplate" in text and "SUBSCRIBE TODAY" in text


def test_vague_claims_only_when_asked_for(report: Report, seed_db: Path) -> None:
    assert not [c for a in report.actors for c in a.claims if c.vague]
    with Store.existing(seed_db) as store:
        every = build_report(store, include_vague=True)
    vague = [c for a in every.actors for c in a.claims if c.vague]
    assert [c.statement for c in vague] == ["Vladimir Putin demands: substantial concessions"]
    assert "claim `" + vague[0].id + "` · vague*" in to_markdown(every)
    assert " · vague*" not in to_markdown(report)


def test_json_validates_against_the_committed_schema(report: Report) -> None:
    schema = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text())
    data = json.loads(report.model_dump_json())
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "3"
    broken = dict(data, documents="five")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_csv_has_one_row_per_claim_passage_pair_and_quotes_correctly(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    passages = [
        (c, p, section)
        for a in report.actors
        for c in a.claims
        for section, ps in (("supports", c.passages), ("contradicts", c.contradicting))
        for p in ps
    ]
    wordings = [(q, w) for s in report.speakers for q in s.quotes for w in q.wordings]
    assert len(rows) - 1 == len(passages) + len(wordings)
    column = {name: i for i, name in enumerate(CSV_COLUMNS)}
    for row, (claim, p, section) in zip(rows[1:], passages, strict=False):
        assert row[column["claim_id"]] == claim.id
        assert row[column["passage"]] == p.text
        assert int(row[column["start"]]) == p.start
        assert row[column["section"]] == section
        assert row[column["genre"]] == p.genre.value
        assert int(row[column["n_opinion_sources"]]) == claim.n_opinion_sources
    quote_rows = rows[1 + len(passages) :]
    for row, (quote, w) in zip(quote_rows, wordings, strict=True):
        assert (row[column["section"]], row[column["quote_id"]]) == ("quote", quote.id)
        assert row[column["passage"]] == w.text
        assert row[column["wording_differs"]] == str(quote.wording_differs)
    tricky = [r for r in rows[1:] if "," in r[column["passage"]] and "“" in r[column["passage"]]]
    assert tricky  # commas and quotation marks survive the round trip


def test_html_is_self_contained(report: Report) -> None:
    page = to_html(report)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no URLs known here
    assert "<script src" not in page and "<link" not in page
    assert page.count('<tr class="claim"') == sum(len(a.claims) for a in report.actors)
    assert "<mark>" in page


CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them "
    "with apt-get when it runs as root)",
)
def test_html_renders_and_filters_in_headless_chromium(report: Report, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page = tmp_path / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(page.as_uri())
        assert driver.title == "Claims report"
        total = sum(len(a.claims) for a in report.actors)

        def visible() -> int:
            rows = driver.find_elements(By.CSS_SELECTOR, "tr.claim")
            return sum(1 for r in rows if r.is_displayed())

        assert visible() == total
        minimum = driver.find_element(By.ID, "f-min")
        minimum.clear()
        minimum.send_keys("1")
        # no seed claim has 2 independent news sources: 003 is opinion, 002 copies 001
        expected = sum(1 for a in report.actors for c in a.claims if c.n_independent_sources >= 1)
        assert 0 < expected < total
        assert visible() == expected
        assert driver.find_element(By.ID, "shown").text == str(expected)
        minimum.clear()
        minimum.send_keys("0")
        Select(driver.find_element(By.ID, "f-actor")).select_by_value("donald-trump")
        trump = sum(len(a.claims) for a in report.actors if a.actor == "donald-trump")
        assert visible() == trump
        _check_quotes_section(driver, report)
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    finally:
        driver.quit()


def _check_quotes_section(driver: Any, report: Report) -> None:
    """Every speaker's section renders with its quotes; the differing "detox" quote shows its
    flag and both wordings."""
    from selenium.webdriver.common.by import By

    sections = driver.find_elements(By.CSS_SELECTOR, "section.speaker")
    assert [s.find_element(By.TAG_NAME, "h3").text for s in sections] == [
        s.name for s in report.speakers
    ]
    for section, speaker in zip(sections, report.speakers, strict=True):
        shown = section.find_elements(By.CSS_SELECTOR, "div.quote")
        assert len(shown) == len(speaker.quotes)
    likhacheva = driver.find_element(By.ID, "speaker-anastasia-likhacheva")
    driver.execute_script("arguments[0].scrollIntoView();", likhacheva)
    assert likhacheva.is_displayed()
    (detox,) = [q for s in report.speakers for q in s.quotes if q.wording_differs
                and all("detox" in w.text for w in q.wordings)]  # fmt: skip
    entry = driver.find_element(By.ID, detox.id)
    assert entry.find_element(By.CSS_SELECTOR, "p.differs").is_displayed()
    assert entry.find_element(By.CSS_SELECTOR, "p.differs").text == (
        "wording differs between sources"
    )
    wordings = [q.text for q in entry.find_elements(By.CSS_SELECTOR, ".wording q")]
    assert wordings == [w.text for w in detox.wordings]
    flags = driver.find_elements(By.CSS_SELECTOR, "div.quote p.differs")
    assert len(flags) == sum(q.wording_differs for s in report.speakers for q in s.quotes)


def test_cli_report_formats_and_extract_out(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert main(["report", "--format", "csv", "--out", str(out), "--db", str(seed_db)]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(CSV_COLUMNS))
    assert "wrote" in capsys.readouterr().err
    assert main(["report", "--format", "json", "--db", str(seed_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "3"
    target = tmp_path / "reports"
    assert main(["extract", str(ROOT / "data" / "seeds"), "--db", str(tmp_path / "x.db"),
                 "--out", str(target)]) == 0  # fmt: skip
    capsys.readouterr()
    assert "\n# Claims report\n" in (target / "report.md").read_text(encoding="utf-8")[:100]
    assert json.loads((target / "report.json").read_text(encoding="utf-8"))["documents"] == 5


def test_sources_json_shows_derivation(seed_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--json", "--db", str(seed_db)]) == 0
    sources = {s["doc_id"][:3]: s for s in json.loads(capsys.readouterr().out)}
    assert [d["source"][:3] for d in sources["002"]["derived_from"]] == ["001"]
    assert sources["001"]["derived_from"] == []


# --------------------------------------------------------------------------- corroboration


def test_opinion_is_counted_apart_from_independent_news(report: Report, seed_db: Path) -> None:
    """n_sources: every document; independent: groups among news documents (002 copies 001);
    opinion: opinion and analysis pieces (003 is an opinion article)."""
    opinion = _doc(report, "003")
    genres = {s.doc_id: s.genre.value for s in report.sources}
    assert genres[opinion] == "opinion" and list(genres.values()).count("opinion") == 1
    with Store.existing(seed_db) as store:
        derivations = store.derivations()
    with_opinion = 0
    for claim in (c for a in report.actors for c in a.claims):
        docs = {p.doc_id for p in claim.passages}
        news = [d for d in docs if genres[d] == "news"]
        assert claim.n_sources == len(docs)
        assert claim.n_independent_sources == independent_groups(news, derivations)
        assert claim.n_opinion_sources == (opinion in docs)
        with_opinion += claim.n_opinion_sources
        assert claim.corroboration.endswith(", 1 opinion") == (opinion in docs)
    assert with_opinion
    assert (report.documents, report.independent_documents, report.opinion_documents) == (5, 3, 1)
    nato = [c for a in report.actors for c in a.claims if "integrate into NATO" in c.statement]
    assert [c.corroboration for c in nato] == ["3 sources, 1 independent, 1 opinion"]


def test_opinion_pieces_are_marked_in_the_source_lists(report: Report) -> None:
    text = to_markdown(report)
    opinion = _doc(report, "003")
    lines = [line for line in text.splitlines() if line.startswith("> — ")]
    assert lines and all(("**opinion**" in line) == (f"`{opinion}`" in line) for line in lines)
    (row,) = [line for line in text.splitlines() if line.startswith(f"| `{opinion}` |")]
    assert "| opinion |" in row
    page = to_html(report)
    assert page.count('<span class="genre">opinion</span>') >= 1 + sum(
        1 for a in report.actors for c in a.claims for p in c.passages if p.doc_id == opinion
    )


def test_contradicting_passages_stand_beside_the_supporting_ones(
    report: Report, seed_db: Path
) -> None:
    with Store.existing(seed_db) as store:
        docs = {d: store.document_text(d) for d in store.doc_ids()}
    against = [c for a in report.actors for c in a.claims if c.contradicting]
    assert against
    for claim in against:
        supporting = {(p.doc_id, p.sentence_id) for p in claim.passages}
        assert not supporting & {(p.doc_id, p.sentence_id) for p in claim.contradicting}
        assert claim.contradicted_by and claim.contradicted_by.startswith(
            f"{len({p.doc_id for p in claim.contradicting})} source"
        )
        for p in claim.contradicting:
            assert docs[p.doc_id][p.start : p.end] == p.text
    refusal = [c for c in against if c.statement.endswith("to make any substantial concessions")]
    assert (
        [p.text for c in refusal for p in c.contradicting]
        == [p.text for c in refusal for p in c.contradicting if "will seek substantial" in p.text]
        != []
    )
    assert "**Contradicted by** " in to_markdown(report)
    assert to_html(report).count('<details class="contradicting">') == len(against)
    data = json.loads(report.model_dump_json())
    assert sum(bool(c["contradicting"]) for a in data["actors"] for c in a["claims"]) == len(
        against
    )


# --------------------------------------------------------------------------- quotes


def _wordings(report: Report) -> list[tuple[str, QuoteWording]]:
    return [(s.actor, w) for s in report.speakers for q in s.quotes for w in q.wordings]


def test_quotes_section_quotes_every_speaker_exactly(report: Report, seed_db: Path) -> None:
    with Store.existing(seed_db) as store:
        docs = {d: store.document_text(d) for d in store.doc_ids()}
        stored = [q for q in store.quotes() if q.speaker]
    assert report.speakers
    found = _wordings(report)
    assert {w.quote_id for _, w in found} >= {q.quote_id for q in stored}
    titles = {s.doc_id: s.title for s in report.sources}
    for _, w in found:
        assert w.text == " … ".join(docs[w.doc_id][a:b] for a, b in w.pieces)
        assert w.start <= w.pieces[0][0] and w.pieces[-1][1] <= w.end
        assert w.title == titles[w.doc_id]
    likhacheva = {s.actor: s for s in report.speakers}["anastasia-likhacheva"]
    assert likhacheva.name == "Anastasia Likhacheva" and likhacheva.quotes
    text = to_markdown(report)
    assert "## Quotes" in text and "### Anastasia Likhacheva" in text


def test_a_quote_worded_differently_by_two_sources_is_flagged(report: Report) -> None:
    """The "detox" quote: 001 and 002 (the rewrite) word it differently; both wordings shown."""
    differs = [q for s in report.speakers for q in s.quotes if q.wording_differs]
    detox = [q for q in differs if all("detox" in w.text for w in q.wordings)]
    assert len(detox) == 1
    (quote,) = detox
    assert {w.doc_id for w in quote.wordings} == {_doc(report, "001"), _doc(report, "002")}
    texts = [w.text for w in quote.wordings]
    assert len(set(texts)) == 2 and any("menu of possibilities" in t for t in texts)
    same = [q for s in report.speakers for q in s.quotes if len(q.wordings) > 1]
    assert all(q.wording_differs == (len({normalised(w.text) for w in q.wordings}) > 1)
               for q in same)  # fmt: skip
    text = to_markdown(report)
    assert text.count("**wording differs between sources**") == len(differs)
    page = to_html(report)
    assert page.count('data-differs="true"') == len(differs)


def test_wordings_compare_without_whitespace_quote_marks_and_split_punctuation() -> None:
    assert normalised("“Such a detox,” … could  help.") == normalised('"such a detox could help')
    assert normalised("Such a detox could help") != normalised("Such a detox could be useful")


# --------------------------------------------------------------------------- paths and urls


@pytest.fixture(scope="module")
def url_report(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The seeds with a URL for 001 (set in the store: the text readers give none)."""
    path = copy_store(seed_db, tmp_path_factory.mktemp("urls") / "urls.db")
    with Store.existing(path) as store:
        store.db.execute(
            "UPDATE documents SET url = ? WHERE doc_id LIKE '001_%'",
            ("https://news.example/a?b=1&c=(2)",),
        )
        return build_report(store)


def test_paths_are_relative_to_the_input_root(report: Report) -> None:
    assert report.root == str(ROOT / "data" / "seeds")
    for s in report.sources:
        assert s.path == f"{s.doc_id}.txt" and s.paths == (s.path,)
    assert all(p.path == f"{p.doc_id}.txt" for a in report.actors for c in a.claims
               for p in c.passages)  # fmt: skip
    assert input_root(["/a/b/x.txt", "/a/c/y.txt"]) == "/a"
    assert input_root(["/a/b/x.txt"]) == "/a/b"
    assert input_root([]) is None


def test_passages_link_to_the_article_url_when_known(url_report: Report) -> None:
    url = "https://news.example/a?b=1&c=(2)"
    linked = [p for a in url_report.actors for c in a.claims for p in c.passages if p.url]
    assert linked and all(p.doc_id.startswith("001_") and p.url == url for p in linked)
    text = to_markdown(url_report)
    refs = [line for line in text.splitlines() if line.startswith("> — ")]
    assert sum(f"](<{url}>)" in line for line in refs) == len(linked)
    page = to_html(url_report)
    assert page.count('<a class="article" href="https://news.example/a?b=1&amp;c=(2)">') >= len(
        linked
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(url_report))))
    assert {r["url"] for r in rows if r["doc_id"].startswith("001_")} == {url}
    assert {r["url"] for r in rows if not r["doc_id"].startswith("001_")} == {""}
    data = json.loads(url_report.model_dump_json())
    assert [s["url"] for s in data["sources"] if s["doc_id"].startswith("001_")] == [url]


def test_html_is_self_contained_but_links_articles(url_report: Report) -> None:
    page = to_html(url_report)
    assert not re.search(r"""src=["']?(https?:)?//""", page)
    external = re.findall(r"""href=["']?((?:https?:)?//[^"' >]+)""", page)
    assert external and set(external) == {"https://news.example/a?b=1&amp;c=(2)"}


# --------------------------------------------------------------------------- CLI


@pytest.mark.parametrize(
    "case",
    [
        ((), "r.HTML", "<!DOCTYPE html>"),
        (
            (),
            "r.markdown",
            "<!-- generated by putin-claims: a report, not an article -->\n# Claims",
        ),
        ((), "r.htm", "<!DOCTYPE html>"),
        ((), "r.json", "{"),
        (("--format", "HTML"), "r.md", "<!DOCTYPE html>"),
        (("--format", "csv"), "r.json", "claim_id,"),
    ],
)
def test_report_format_from_the_extension_unless_given(
    seed_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[tuple[str, ...], str, str],
) -> None:
    args, name, start = case
    out = tmp_path / name
    assert main(["report", *args, "--out", str(out), "--db", str(seed_db)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)
    assert capsys.readouterr().err == f"putin-claims: wrote {out}\n"


def test_report_with_an_unknown_extension_and_no_format_is_an_error(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    out = tmp_path / "r.txt"
    assert main(["report", "--out", str(out), "--db", str(seed_db)]) == 1
    assert capsys.readouterr().err == (
        f"putin-claims: error: cannot tell the report format from {out} (known extensions: .md,"
        " .markdown, .json, .html, .htm, .csv); give --format md, json, html or csv\n"
    )
    assert not out.exists()


def test_report_min_independent_filters_and_an_empty_report_says_so(
    seed_db: Path, capsys: pytest.CaptureFixture[str], fixed_terminal: None
) -> None:
    assert main(["report", "--format", "json", "--min-independent", "1", "--db", str(seed_db)]) == 0
    captured = capsys.readouterr()
    claims = [c for a in json.loads(captured.out)["actors"] for c in a["claims"]]
    assert claims and all(c["n_independent_sources"] >= 1 for c in claims)
    assert captured.err == ""
    assert main(["report", "--format", "json", "--min-independent", "2", "--db", str(seed_db)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["actors"] == []
    assert captured.err == "putin-claims: no claims in the store match; the report lists none\n"


def test_an_actor_report_lists_only_that_actors_quotes(seed_db: Path, report: Report) -> None:
    with Store.existing(seed_db) as store:
        putin = build_report(store, actor="vladimir-putin")
    assert [a.actor for a in putin.actors] == ["vladimir-putin"]
    # his government's quotes count with his, as its claims do
    assert {s.actor for s in putin.speakers} == {"vladimir-putin", "russia"}
    every = {s.actor: s for s in report.speakers}
    assert all(s == every[s.actor] for s in putin.speakers)
    assert len(every) > len(putin.speakers)


def test_markdown_links_keep_the_url_whole() -> None:
    assert md_link("*T*", "https://x.example/a (b)?c=<d> e") == (
        "[*T*](<https://x.example/a%20(b)?c=%3Cd%3E%20e>)"
    )
