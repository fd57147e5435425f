"""Fuzzing the readers and the ingest structure (hypothesis, bounded): whatever bytes a file
holds, under whatever suffix, reading it gives articles whose every line and paragraph slices
back exactly, or one-line input errors; nothing else is ever raised."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from putin_claims.errors import InputFileError
from putin_claims.ingest.readers import READERS, ingest, read_sources
from putin_claims.models import SourceText

SUFFIXES = sorted(READERS)
PIECES = st.sampled_from(
    [
        "The mayor said", " ", "\n", "\n\n", '"', "“", "”", "‘", "’", "'", "---\n", "title: x\n",
        "<html>", "<p>", "</p>", "<script>alert(1)</script>", "{", "}", "[", "]", '{"text": "',
        '"}\n', "\x00", "\x1b[2J", "é", "Кремль", "x" * 300, "a" * 5000, ".", "?", "# ", "- ",
        "URL: https://x.example/a\n", "Published: 3 March 2025\n", "By Jane Doe\n", "\r\n",
        "\ufeff", "\u2028", "he said: ", '"A. "B."', "(ACR)", "Mr ", "Thë ",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=60).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])


def _check(path: Path, data: bytes) -> None:
    for source in read_sources(path, data):
        if isinstance(source, InputFileError):
            assert "\n" not in str(source)
            continue
        assert isinstance(source, SourceText)
        try:
            doc = ingest(path, "fuzz", source)
        except InputFileError as error:
            assert "\n" not in str(error)
            continue
        for line in doc.lines:
            assert 0 <= line.start <= line.end <= len(doc.text)
            assert doc.text[line.start : line.end].endswith(line.text)
        for paragraph in doc.paragraphs:
            assert 0 <= paragraph.start < paragraph.end <= len(doc.text)
            piece = doc.text[paragraph.start : paragraph.end]
            assert piece == piece.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_break_a_reader(data: bytes, suffix: str) -> None:
    _check(Path(f"/fuzz/article{suffix}"), data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, suffix=st.sampled_from(SUFFIXES), encoding=ENCODINGS)
def test_tricky_text_never_breaks_a_reader(text: str, suffix: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _check(Path(f"/fuzz/article{suffix}"), data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, cut=st.integers(min_value=0, max_value=400))
def test_truncated_files_never_break_a_reader(text: str, cut: int) -> None:
    data = text.encode("utf-8")
    for suffix in (".txt", ".html", ".json", ".jsonl"):
        _check(Path(f"/fuzz/article{suffix}"), data[: max(0, len(data) - cut)])
