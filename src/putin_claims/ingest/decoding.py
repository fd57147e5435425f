"""Turn a file's bytes into text, or say clearly why that is not possible.

Order of trust: a byte-order mark; UTF-16 without a mark (NUL pattern); strict UTF-8; a legacy
single-byte encoding chosen by ``charset-normalizer`` and accepted only when the result reads
as text. Binary formats and anything that only decodes into garbage are refused.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from putin_claims.errors import BinaryFileError, UndecodableFileError

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Signatures of common binary formats someone may drop into an article folder.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3",
)

#: Legacy single-byte encodings tried when the bytes are not UTF-8.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "cp1251",
    "koi8_r",
    "mac_roman",
)

#: A multi-byte UTF-8 sequence; several of them in a file that is not valid UTF-8 mean the file
#: mixes encodings, and any single decoding of it would be partly garbage.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
MIN_UTF8_SEQUENCES = 2
CHAOS_TOLERANCE = 0.02  # decodings this close to the best count as equally good
MAX_MESS = 0.15  # charset-normalizer "chaos" above which a decoding is garbage
MAX_CONTROL_RATIO = 0.01  # share of control characters above which text is binary
#: Control characters that never occur in text (tab, newlines and form feed are allowed).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class DecodeProblem(ValueError):
    """Raised with ``kind`` 'binary' or 'undecodable' and a short detail."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes; raise :class:`DecodeProblem` for binary or undecodable input."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding), encoding)
    if any(data.startswith(magic) for magic in BINARY_MAGIC):
        raise DecodeProblem("binary", "starts with the signature of a binary format")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(_strict(data, utf16), utf16)
    if b"\x00" in data:
        raise DecodeProblem("binary", "contains NUL bytes")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _checked(*_legacy(data, error))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeProblem("undecodable", f"invalid {encoding} at byte {exc.start}") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from the NUL pattern of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _legacy(data: bytes, error: UnicodeDecodeError) -> tuple[str, str]:
    """A single-byte decoding that reads as text; prefer the encodings listed first."""
    if len(UTF8_SEQUENCE.findall(data)) >= MIN_UTF8_SEQUENCES:
        raise DecodeProblem(
            "undecodable",
            f"mixed encodings: valid UTF-8 next to an invalid byte at offset {error.start}",
        )
    results = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not results:
        raise DecodeProblem("undecodable", "bytes are not UTF-8 and decode to garbage otherwise")
    least = min(r.chaos for r in results)
    if least > MAX_MESS:
        raise DecodeProblem("undecodable", "bytes are not UTF-8 and decode to garbage otherwise")
    best = min(
        (r for r in results if r.chaos <= least + CHAOS_TOLERANCE),
        key=lambda r: _preference(r.encoding),
    )
    text = str(best)
    chosen = _first_equivalent(data, text) or best.encoding
    return _most_plausible(data, text, chosen)


#: Typographic marks that legitimately touch letters in Latin-script text.
TYPOGRAPHY = frozenset("“”‘’„‚«»‹›–—…·•€£¥°§©®™¡¿")
WORD_RUN = re.compile(r"\S+")
MAX_IMPLAUSIBLE_SHARE = 0.3


def _most_plausible(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """Of the legacy decodings, the one whose non-ASCII characters read as letters and
    typography of a language, not mojibake ("ÒItÕs" is "“It’s" read in the wrong code page):
    an upper-case letter inside a lower-case word, a symbol between letters, a word mixing
    scripts. A decoding that reads badly in every legacy encoding is refused."""
    scored = {encoding: _implausible(text)}
    if scored[encoding][0]:
        for other in LEGACY_ENCODINGS:
            try:
                scored.setdefault(other, _implausible(data.decode(other)))
            except UnicodeDecodeError:
                continue
    best = min(scored, key=lambda e: (scored[e][0], e != encoding, _preference(e)))
    bad, non_ascii = scored[best]
    if bad >= 3 and bad > MAX_IMPLAUSIBLE_SHARE * non_ascii:
        raise DecodeProblem(
            "undecodable",
            f"no legacy encoding reads as text ({bad} of {non_ascii} non-ASCII characters"
            f" look like mojibake even in {best})",
        )
    return (text if best == encoding else data.decode(best)), best


def _implausible(text: str) -> tuple[int, int]:
    """(implausible, all) non-ASCII characters of ``text``."""
    bad = total = 0
    for match in WORD_RUN.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        scripts = {_script(c) for c in word if c.isalpha()}
        for i, c in enumerate(word):
            if c.isascii():
                continue
            total += 1
            before = word[i - 1] if i else ""
            after = word[i + 1] if i + 1 < len(word) else ""
            if c.isalpha():
                bad += (c.isupper() and before.isalpha() and before.islower()) or len(scripts) > 1
            elif c not in TYPOGRAPHY:
                bad += before.isalpha() and after.isalpha()
    return bad, total


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "?"


def _preference(encoding: str) -> int:
    names = [codecs.lookup(e).name for e in LEGACY_ENCODINGS]
    name = codecs.lookup(encoding).name
    return names.index(name) if name in names else len(names)


def _first_equivalent(data: bytes, text: str) -> str | None:
    """The most common encoding that gives the same text (cp1252 before cp1250 ...)."""
    for encoding in LEGACY_ENCODINGS:
        try:
            if data.decode(encoding) == text:
                return encoding
        except UnicodeDecodeError:
            continue
    return None


def _checked(text: str, encoding: str) -> Decoded:
    if text:
        controls = len(CONTROL_CHARS.findall(text))
        if controls / len(text) > MAX_CONTROL_RATIO:
            raise DecodeProblem("binary", f"{controls} control characters in the text")
    return Decoded(text=text, encoding=encoding)


def content_hash(data: bytes) -> str:
    """What identifies a document: the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def decode_file(path: Path, data: bytes) -> Decoded:
    """:func:`decode_bytes` for a file: a problem is the file's one-line input error."""
    try:
        return decode_bytes(data)
    except DecodeProblem as exc:
        error = BinaryFileError if exc.kind == "binary" else UndecodableFileError
        raise error(path, exc.detail) from exc
