"""Tests for putin_claims.decoding.decode_bytes: accepted encodings and refused inputs."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from putin_claims.ingest.decoding import Decoded, DecodeProblem, decode_bytes

# A short news article written for these tests (a football transfer), with typographic quotes,
# a euro sign, accented names and a dash: characters that differ between encodings.
TRANSFER = (
    "Rovers complete €18m move for Brazilian winger\n"
    "By Daniel Okafor\n"
    "\n"
    "Rovers have signed the Brazilian winger João Araújo from Fluminense for a club-record fee"
    " of €18m, the club confirmed on Friday.\n"
    "“He is exactly the player we wanted,” said the manager, Søren Müller — who had tracked"
    " the 22-year-old for two seasons.\n"
    "Araújo will wear the number 11 shirt and could make his début against Everton on"
    " Saturday.\n"
)

# The same kind of article restricted to ASCII plus Latin-1 letters that cp1252, ISO 8859-15,
# Latin-1 and cp1250 all encode with the same bytes (é, ü, ö, ß, á).
COUNCIL_LATIN = (
    "Harbourford council approves budget after late-night session\n"
    "\n"
    "The café owners' association welcomed the decision, saying the new rates were fair.\n"
    "Councillor Jürgen Köhler, who chairs the finance committee, said the Straße project"
    " would go ahead next year.\n"
    "The deputy mayor, Ana Suárez, said savings would come from renegotiated contracts for"
    " street lighting and waste collection.\n"
)

# A Russian-language paragraph (Cyrillic), for the legacy Cyrillic code pages.
RUSSIAN = (
    "Городской совет утвердил бюджет на следующий год после долгого заседания.\n"
    "Мэр заявил журналистам, что расходы на общественный транспорт вырастут на десять"
    " процентов, а налоги останутся прежними.\n"
    "Депутаты оппозиции назвали документ нереалистичным и потребовали пересмотреть"
    " статьи о строительстве новых школ.\n"
)

# Polish text for cp1250 (ą, ę, ł, ś, ż, ź, ć, ń are not in cp1252).
POLISH = (
    "Rada miasta przyjęła budżet po długiej nocnej sesji.\n"
    "Burmistrz powiedział dziennikarzom, że wydatki na komunikację miejską wzrosną o dziesięć"
    " procent, a podatki pozostaną bez zmian.\n"
    "Radni opozycji uznali dokument za nierealistyczny i zażądali ponownego rozpatrzenia"
    " wydatków na budowę szkół oraz żłobków.\n"
)


def roundtrip(data: bytes, text: str) -> Decoded:
    """Decode ``data``, check it gives ``text`` and that the reported encoding reproduces it."""
    result = decode_bytes(data)
    assert isinstance(result, Decoded)
    assert result.text == text
    assert data.decode(result.encoding) == text
    return result


def codec_name(encoding: str) -> str:
    return codecs.lookup(encoding).name


# --- accepted encodings -------------------------------------------------------------------


def test_utf8_without_bom_roundtrips() -> None:
    result = roundtrip(TRANSFER.encode("utf-8"), TRANSFER)
    assert codec_name(result.encoding) == "utf-8"


def test_utf8_with_bom_drops_the_bom() -> None:
    data = codecs.BOM_UTF8 + TRANSFER.encode("utf-8")
    result = roundtrip(data, TRANSFER)
    assert not result.text.startswith("\ufeff")
    assert codec_name(result.encoding) in {"utf-8", "utf-8-sig"}


def test_ascii_only_is_utf8() -> None:
    text = "City council votes to freeze parking fees for another year.\n"
    result = roundtrip(text.encode("ascii"), text)
    assert codec_name(result.encoding) == "utf-8"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["le", "be"],
)
def test_utf16_with_bom_roundtrips(bom: bytes, codec: str) -> None:
    data = bom + TRANSFER.encode(codec)
    result = roundtrip(data, TRANSFER)
    assert not result.text.startswith("\ufeff")
    assert codec_name(result.encoding).startswith("utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_roundtrips(codec: str) -> None:
    data = TRANSFER.encode(codec)
    result = roundtrip(data, TRANSFER)
    assert codec_name(result.encoding) == codec


def test_utf16_without_bom_with_characters_outside_the_bmp() -> None:
    text = TRANSFER + "Fans reacted on social media with \U0001f389 and \U0001f1e7\U0001f1f7.\n"
    roundtrip(text.encode("utf-16-le"), text)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
    ids=["le", "be"],
)
def test_utf32_with_bom_is_not_mistaken_for_utf16(bom: bytes, codec: str) -> None:
    result = roundtrip(bom + TRANSFER.encode(codec), TRANSFER)
    assert codec_name(result.encoding).startswith("utf-32")


def test_cp1252_smart_quotes_and_euro() -> None:
    """Bytes 0x80-0x9f are typographic characters in cp1252, control codes in Latin-1."""
    data = TRANSFER.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = roundtrip(data, TRANSFER)
    assert codec_name(result.encoding) == "cp1252"


def test_latin_text_reports_cp1252_when_encodings_agree() -> None:
    data = COUNCIL_LATIN.encode("cp1252")
    # The same bytes read identically in these encodings; cp1252 is the name to report.
    for other in ("latin_1", "iso8859_15", "cp1250"):
        assert data.decode(other) == COUNCIL_LATIN
    result = roundtrip(data, COUNCIL_LATIN)
    assert codec_name(result.encoding) == "cp1252"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_cyrillic_legacy_encodings(codec: str) -> None:
    result = roundtrip(RUSSIAN.encode(codec), RUSSIAN)
    assert codec_name(result.encoding) == codec_name(codec)


def test_cp1250_central_european() -> None:
    result = roundtrip(POLISH.encode("cp1250"), POLISH)
    assert codec_name(result.encoding) == "cp1250"


def test_crlf_and_tabs_are_kept_exactly() -> None:
    text = "Budget vote\r\n\r\n\tThe council met on Monday.\r\nIt approved the plan.\r\n"
    roundtrip(text.encode("utf-8"), text)


def test_a_few_control_characters_are_tolerated() -> None:
    # One stray BEL in a long article is below the 1% threshold: still text.
    text = TRANSFER * 3 + "Transfer fee confirmed\x07.\n"
    assert len(text) > 100
    roundtrip(text.encode("utf-8"), text)


def test_form_feed_and_vertical_tab_are_not_control_noise() -> None:
    text = "Page one of the report.\x0c\nPage two of the report.\x0b\n" * 3
    roundtrip(text.encode("utf-8"), text)


def test_empty_input_is_empty_text() -> None:
    assert decode_bytes(b"").text == ""


# --- refused inputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        b"BZh91AY&SY\x8b\x1e\x9d\x1c\x00\x00\x01\x01\x80\x00",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00",
        b"SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00\x00",
    ],
    ids=["pdf", "png", "jpeg", "gif", "zip-docx", "gzip", "elf", "bzip2", "ole-doc", "sqlite"],
)
def test_binary_signatures_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "binary"
    assert info.value.detail


def test_pdf_signature_is_refused_even_when_the_rest_is_ascii() -> None:
    data = b"%PDF-1.4\n" + TRANSFER.encode("ascii", "ignore")
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "binary"


def test_nul_bytes_in_ascii_text_are_binary() -> None:
    data = TRANSFER.encode("utf-8")
    data = data[:40] + b"\x00\x00\x00" + data[40:]
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "binary"


def test_many_control_characters_are_binary() -> None:
    # Valid UTF-8, but one character in ten is a control code: not an article.
    noise = "".join(f"word{chr(1 + i % 8)}{chr(0x0E + i % 16)} " for i in range(200))
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(noise.encode("utf-8"))
    assert info.value.kind == "binary"


def test_c1_controls_from_a_wrong_latin1_detour_are_binary() -> None:
    # Text full of C1 control characters (U+0080..U+009F) encoded as UTF-8.
    text = "".join(f"line {chr(0x80 + i % 32)}{chr(0x80 + (i * 7) % 32)}\n" for i in range(100))
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(text.encode("utf-8"))
    assert info.value.kind == "binary"


def test_mixed_utf8_and_cp1252_is_undecodable() -> None:
    first = "Müller said the €18m fee was “fair” for a player of Araújo's quality.\n"
    second = "Söderström, the sporting director, added that talks had been “difficult”.\n"
    data = first.encode("utf-8") + second.encode("cp1252")
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "undecodable"
    assert info.value.detail


def test_invalid_utf8_after_utf8_bom_is_undecodable() -> None:
    data = codecs.BOM_UTF8 + b"Council approves budget " + b"\xff\xfe\xc3(" + b" end\n"
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "undecodable"


def test_truncated_utf16_with_bom_is_undecodable() -> None:
    data = codecs.BOM_UTF16_LE + "Council approves budget".encode("utf-16-le") + b"\x41"
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "undecodable"


def test_lone_surrogate_in_utf16_with_bom_is_undecodable() -> None:
    body = "Council approves budget".encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + body + b"\x00\xd8" + "after".encode("utf-16-le")
    with pytest.raises(DecodeProblem) as info:
        decode_bytes(data)
    assert info.value.kind == "undecodable"


def test_decode_problem_is_a_value_error_with_kind_and_detail() -> None:
    problem = DecodeProblem("binary", "contains NUL bytes")
    assert isinstance(problem, ValueError)
    assert problem.kind == "binary"
    assert problem.detail == "contains NUL bytes"
    assert str(problem) == "contains NUL bytes"


# --- properties ---------------------------------------------------------------------------

# Printable text: no control characters (categories Cc) and no surrogates (Cs), plus line
# breaks and tabs. U+FEFF is left out: at the start of a file its UTF-8 form is the BOM.
PRINTABLE = st.characters(
    blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"
) | st.sampled_from(["\n", "\r", "\t"])
TEXT = st.lists(st.text(alphabet=PRINTABLE, max_size=40) | st.just("\r\n"), max_size=10).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_printable_utf8_text_roundtrips(text: str) -> None:
    result = decode_bytes(text.encode("utf-8"))
    assert result.text == text
    assert codec_name(result.encoding) in {"utf-8", "utf-8-sig"}


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_printable_text_roundtrips_as_utf16_with_bom(text: str) -> None:
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert decode_bytes(data).text == text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_printable_text_roundtrips_with_utf8_bom(text: str) -> None:
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")).text == text


#: Short texts whose legacy decoding charset-normalizer alone got wrong ("ÒItÕs over,Ó",
#: "Rz¹d og³osi³"), next to ones it got right: every one must come back exactly.
PLAUSIBLE = [
    ("“It’s over,” she said — café closed.\nThe council met and agreed the budget.\n",
     "mac_roman"),
    ("Rząd ogłosił, że granica pozostanie zamknięta. Minister powiedział, że sytuacja się"
     " nie zmieniła. Żółć, źdźbło, łąka.\n", "cp1250"),
    ("Vláda oznámila, že hranice zůstane uzavřená. Příliš žluťoučký kůň úpěl ďábelské ódy.\n",
     "cp1250"),
    ("Die Bürger in München und Köln sagten, dass die Straßen geräumt würden.\n", "mac_roman"),
    ("The price rose to €5 and then £4, the trader said. “Nobody expected it,” he added.\n",
     "cp1252"),
    ("Кремль отверг план. Москва готова к переговорам.\n", "koi8_r"),
    ("Кремль отверг план. Москва готова к переговорам.\n", "cp1251"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "codec"), PLAUSIBLE)
def test_the_legacy_decoding_that_reads_as_language_wins(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)).text == text


def test_bytes_that_read_as_mojibake_in_every_legacy_encoding_are_refused() -> None:
    # each of these bytes, between lower-case letters, is an upper-case letter, a symbol or
    # a letter of another script in every legacy encoding tried
    junk = b" ".join(b"ab" + bytes([b]) + b"cd" for b in (0xC3, 0xC5, 0xCB, 0xCD, 0xD6, 0xD9))
    with pytest.raises(DecodeProblem, match="no legacy encoding reads as text"):
        decode_bytes(b"The council met on Monday and agreed the budget for the year. " * 4 + junk)
