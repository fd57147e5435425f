"""Time per input size for the inputs that used to grow with the square of their size: the
ratio for each doubling should stay near 2 (at most ~2.5). Prints one table per input kind.

    python benchmarks/bench_linear.py            # sizes 1x, 2x, 4x of each kind
    python benchmarks/bench_linear.py --rounds 4

Kinds: a run of lowercase letters on one line (the glued-words rule), one over-long paragraph
(cut at sentence-like boundaries), nested "he said" quotes in one sentence (capped cue reads
per sentence), and a document of many one-word lines (line classification, then the store's
cross-source repeats step).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def lowercase_run(n: int) -> str:
    return "Title line\n\n" + "a" * (20_000 * n) + "\n"


def long_paragraph(n: int) -> str:
    return "Title line\n\n" + "The council met again and argued about the bridge. " * (4_000 * n)


def nested_quotes(n: int) -> str:
    depth = 100 * n
    return "Title here\n\n" + '"He said ' * depth + "x" + '," he said.' * depth + "\n"


def many_lines(n: int) -> str:
    return "Title line\n\n" + "".join(f"word{i}\n" for i in range(5_000 * n))


def ingest_only(text: str) -> None:
    from putin_claims.ingest.readers import structure

    structure(text)


def whole_extract(text: str) -> None:
    from putin_claims.pipeline import extract
    from putin_claims.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, encoding="utf-8")
        with Store.open(Path(tmp) / "s.db") as store:
            extract([path], store)


KINDS: dict[str, tuple[Callable[[int], str], Callable[[str], None]]] = {
    "lowercase run (ingest)": (lowercase_run, ingest_only),
    "long paragraph (ingest)": (long_paragraph, ingest_only),
    "many lines (extract)": (many_lines, whole_extract),
    "nested quotes (extract)": (nested_quotes, whole_extract),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="sizes 1, 2, 4, ... (default 3)")
    args = parser.parse_args()
    whole_extract("Warm up\n\nThe mayor said the bridge would open.\n")  # load the model once
    for name, (make, run) in KINDS.items():
        print(f"\n{name}")
        print(f"{'size':>6} {'chars':>10} {'seconds':>9} {'ratio':>6}")
        previous = None
        for k in range(args.rounds):
            n = 2**k
            text = make(n)
            start = time.perf_counter()
            run(text)
            took = time.perf_counter() - start
            ratio = f"{took / previous:.2f}" if previous else ""
            print(f"{n:>6} {len(text):>10} {took:>9.2f} {ratio:>6}")
            previous = took


if __name__ == "__main__":
    main()
