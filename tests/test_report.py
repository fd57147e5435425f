"""Editor reports over the seeds: exact passages, source independence, JSON schema, CSV
round trip, and the HTML page rendered and filtered in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from putin_claims.cli import main
from putin_claims.corpus.derivation import independent_groups
from putin_claims.report import CSV_COLUMNS, Report, build_report, to_csv, to_html, to_markdown
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
    passages = [p for a in report.actors for c in a.claims for p in c.passages]
    assert quoted == [p.text for p in passages]
    with Store.existing(seed_db) as store:
        docs = {d: store.document_text(d) for d in store.doc_ids()}
    refs = re.findall(r"`([^`]+)` line (\d+), chars (\d+)–(\d+)", text)
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
    assert data["schema_version"] == "2"
    broken = dict(data, documents="five")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_csv_has_one_row_per_claim_passage_pair_and_quotes_correctly(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    passages = [(c, p) for a in report.actors for c in a.claims for p in c.passages]
    assert len(rows) - 1 == len(passages)
    column = {name: i for i, name in enumerate(CSV_COLUMNS)}
    for row, (claim, p) in zip(rows[1:], passages, strict=True):
        assert row[column["claim_id"]] == claim.id
        assert row[column["passage"]] == p.text
        assert int(row[column["start"]]) == p.start
    tricky = [r for r in rows[1:] if "," in r[column["passage"]] and "“" in r[column["passage"]]]
    assert tricky  # commas and quotation marks survive the round trip


def test_html_is_self_contained(report: Report) -> None:
    page = to_html(report)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
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
        minimum.send_keys("2")
        expected = sum(1 for a in report.actors for c in a.claims if c.n_independent_sources >= 2)
        assert 0 < expected < total
        assert visible() == expected
        assert driver.find_element(By.ID, "shown").text == str(expected)
        minimum.clear()
        minimum.send_keys("1")
        Select(driver.find_element(By.ID, "f-actor")).select_by_value("donald-trump")
        trump = sum(len(a.claims) for a in report.actors if a.actor == "donald-trump")
        assert visible() == trump
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    finally:
        driver.quit()


def test_cli_report_formats_and_extract_out(
    seed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert main(["report", "--format", "csv", "--out", str(out), "--db", str(seed_db)]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(CSV_COLUMNS))
    assert "wrote" in capsys.readouterr().err
    assert main(["report", "--format", "json", "--db", str(seed_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "2"
    target = tmp_path / "reports"
    assert main(["extract", str(ROOT / "data" / "seeds"), "--db", str(tmp_path / "x.db"),
                 "--out", str(target)]) == 0  # fmt: skip
    capsys.readouterr()
    assert (target / "report.md").read_text(encoding="utf-8").startswith("# Claims report")
    assert json.loads((target / "report.json").read_text(encoding="utf-8"))["documents"] == 5


def test_sources_json_shows_derivation(seed_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--json", "--db", str(seed_db)]) == 0
    sources = {s["doc_id"][:3]: s for s in json.loads(capsys.readouterr().out)}
    assert [d["source"][:3] for d in sources["002"]["derived_from"]] == ["001"]
    assert sources["001"]["derived_from"] == []
