"""Set apart what is not the article's own text: page furniture, promos, credits, notes.

Detection is general: line shape (length, punctuation, capitalisation, script), cue phrases
from ``data/boilerplate.toml``, and block context (a label-like line between two boilerplate
lines is furniture too; the lines after a promo kicker are the promo). Nothing is deleted:
each flagged line keeps a kind and a human-readable reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from putin_claims.ingest.lines import TextLine
from putin_claims.lexicons import CueSet, boilerplate_cues
from putin_claims.models import BoilerplateKind, LineRole

IDENTIFIER = re.compile(
    r"^(?:\d{1,12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[0-9a-f]{16,}|(?:article |story )?(?:id|ref)\s*[:#]\s*\S+)$",
    re.IGNORECASE,
)
#: Words glued without a space ("DiscoverByline", "ArticlesWhat"): a menu scraped flat.
GLUED_WORDS = re.compile(r"(?<![a-z])[a-z]{2,}[A-Z][a-z]")  # from a run's start: linear
MIN_GLUED = 2
MIN_LATIN_SHARE = 0.5
#: Lines of at most this many words, without sentence punctuation, that several documents
#: carry word for word are furniture (set aside corpus-wide by the store after each run).
REPEAT_MAX_WORDS = 12
#: Promo kickers after which a headline, a standfirst and a name follow.
KICKER_FOLLOWERS = 4
#: A full sentence that quotes or attributes ("…, police said.") is reporting, not furniture.
REPORTING = re.compile(
    r"[\"“”]|\b(said|says|told|tells|according to|reported|announced|warned|added)\b",
    re.IGNORECASE,
)
BLANK_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Flag:
    """Why a line is boilerplate."""

    kind: BoilerplateKind
    reason: str


def cue_sets() -> tuple[int, tuple[CueSet, ...]]:
    """The cue lexicon of ``data/boilerplate.toml``: (strong_max_words, cue sets)."""
    return boilerplate_cues()


def local_flags(lines: Sequence[TextLine]) -> dict[int, Flag]:
    """Flags decided by each line alone, keyed by position in ``lines``."""
    flags = {}
    for i, line in enumerate(lines):
        flag = _line_flag(line)
        if flag is not None:
            flags[i] = flag
    return flags


def _line_flag(line: TextLine) -> Flag | None:
    body = line.body
    if IDENTIFIER.match(body):
        return Flag(BoilerplateKind.IDENTIFIER, "identifier or number on a line of its own")
    if _foreign_script(body):
        return Flag(BoilerplateKind.FOREIGN_LANGUAGE, "mostly non-Latin script")
    if len(GLUED_WORDS.findall(body)) >= MIN_GLUED and not line.terminal:
        return Flag(BoilerplateKind.NAVIGATION, "menu items glued together without spaces")
    return _cue_flag(line)


def _foreign_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    return latin / len(letters) < MIN_LATIN_SHARE


def _cue_flag(line: TextLine) -> Flag | None:
    strong_max, sets = cue_sets()
    body = line.body.translate(BLANK_QUOTES)
    strong_ok = line.n_words <= strong_max and not (line.is_prose and REPORTING.search(line.body))
    for cue in sets:
        if strong_ok:
            for pattern in cue.strong:
                if pattern.search(body):
                    return Flag(cue.kind, f"{cue.kind.value} cue /{pattern.pattern}/")
        if line.is_short:
            for pattern in cue.weak:
                if pattern.search(body):
                    return Flag(
                        cue.kind, f"short line with {cue.kind.value} cue /{pattern.pattern}/"
                    )
    return None


def block_flags(
    lines: Sequence[TextLine],
    flags: Mapping[int, Flag],
    roles: Mapping[int, LineRole],
    title: str | None,
    author: str | None,
) -> dict[int, Flag]:
    """Add the flags that need context: repeats of the title, promo blocks, author notes."""
    out = dict(flags)
    _flag_repeated_title(lines, out, roles, title)
    _flag_kicker_runs(lines, out, roles)
    _flag_stray_headlines(lines, out, roles)
    _flag_author_note(lines, out, roles, author)
    _flag_sandwiched(lines, out, roles)
    return out


def normalise(text: str) -> str:
    return " ".join(text.translate(BLANK_QUOTES).casefold().split())


def _flag_repeated_title(
    lines: Sequence[TextLine],
    out: dict[int, Flag],
    roles: Mapping[int, LineRole],
    title: str | None,
) -> None:
    if not title:
        return
    wanted = normalise(title)
    for i, line in enumerate(lines):
        if i not in roles and i not in out and normalise(line.body) == wanted:
            out[i] = Flag(BoilerplateKind.REPEATED_TITLE, "repeats the article's title")


def _flag_kicker_runs(
    lines: Sequence[TextLine], out: dict[int, Flag], roles: Mapping[int, LineRole]
) -> None:
    kickers = [i for i, f in out.items() if f.kind is BoilerplateKind.PROMO]
    for i in kickers:
        for j in range(i + 1, min(i + 1 + KICKER_FOLLOWERS, len(lines))):
            if j in roles or lines[j].is_prose:
                break
            out.setdefault(
                j,
                Flag(BoilerplateKind.PROMO, f"follows the promo kicker on line {lines[i].number}"),
            )


def _prose_neighbour(
    lines: Sequence[TextLine], out: Mapping[int, Flag], i: int, step: int
) -> TextLine | None:
    j = i + step
    while 0 <= j < len(lines):
        if j not in out and lines[j].is_prose:
            return lines[j]
        j += step
    return None


def _flag_stray_headlines(
    lines: Sequence[TextLine], out: dict[int, Flag], roles: Mapping[int, LineRole]
) -> None:
    """A Title Case headline inside the body that shares no topic with either neighbour."""
    for i, line in enumerate(lines):
        if i in out or i in roles or not line.is_title_case or line.body.endswith("."):
            continue
        before = _prose_neighbour(lines, out, i, -1)
        after = _prose_neighbour(lines, out, i, 1)
        if before is None or after is None:
            continue
        if not line.topic_words & (before.topic_words | after.topic_words):
            out[i] = Flag(
                BoilerplateKind.PROMO, "headline that shares no topic with the paragraphs around it"
            )


def _flag_author_note(
    lines: Sequence[TextLine],
    out: dict[int, Flag],
    roles: Mapping[int, LineRole],
    author: str | None,
) -> None:
    if not author:
        return
    bio = re.compile(rf"^{re.escape(author)}(?:,| is| was)\b", re.IGNORECASE)
    for i in range(len(lines) // 2, len(lines)):
        if i not in out and i not in roles and bio.match(lines[i].body):
            out[i] = Flag(BoilerplateKind.EDITORIAL_NOTE, "note about the author")


def _flag_sandwiched(
    lines: Sequence[TextLine], out: dict[int, Flag], roles: Mapping[int, LineRole]
) -> None:
    """Runs of label-like lines between boilerplate lines (or trailing after one) are furniture
    too: the unlabelled items of a menu, a player or a share bar."""
    i = 0
    while i < len(lines):
        if i in out or i in roles or not lines[i].is_short:
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and end + 1 not in out and end + 1 not in roles:
            if not lines[end + 1].is_short:
                break
            end += 1
        before = i - 1 in out
        after = end + 1 in out or end + 1 == len(lines)
        if before and after:
            for j in range(i, end + 1):
                out[j] = Flag(BoilerplateKind.BLOCK, "short line inside a block of boilerplate")
        i = end + 1
