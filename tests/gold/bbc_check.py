"""Check article gold files against their articles: `python tests/gold/bbc_check.py FILE...`.

Validates each file (unknown or missing keys, kinds, types) and every span and hash against
the article it names; prints one line per problem and exits 1 if there was any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bbc import text_of

from putin_claims.errors import GoldFileError
from putin_claims.evaluate.articles import load_article_gold


def check(path: Path) -> str | None:
    try:
        gold = load_article_gold(path)
        load_article_gold(path, text_of(gold.doc))
    except GoldFileError as exc:
        return str(exc)
    except FileNotFoundError as exc:
        return f"{path}: no such article ({exc.filename})"
    return None


def main(paths: list[str]) -> int:
    problems = [p for p in (check(Path(name)) for name in paths) if p]
    for problem in problems:
        print(problem)
    print(f"{len(paths) - len(problems)} of {len(paths)} files are valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main(sys.argv[1:]))
