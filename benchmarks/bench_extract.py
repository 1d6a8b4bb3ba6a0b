"""Extraction speed: our extractor against quantulum3 and duckling on one generated corpus, plus hostile inputs.

Run from the repository root:  .venv/bin/python benchmarks/bench_extract.py
Writes the key "extract" of benchmarks/results.json (other keys are left as they are).

Every timed job runs in its own subprocess, so a peak RSS belongs to one job, and a catastrophic case
is cut off by a timeout and reported instead of hanging the run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
import warnings
from datetime import date, datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "scratch"
RESULTS = HERE / "results.json"
MB = 1_000_000  # characters; the corpus is ASCII-heavy, so close to bytes
PUBLISHED = date(2025, 11, 18)
SEED = 20251118
MEMORY_CAP = 6 * 1024**3  # address-space cap for workers, so a blow-up fails fast instead of eating the machine
DUCKLING_DIMS = ["amount-of-money", "number", "quantity", "duration"]
DUCKLING_DIMS_TIME = DUCKLING_DIMS + ["time"]

sys.path.insert(0, str(HERE))
import corpus  # noqa: E402


# ---------------------------------------------------------------- hostile inputs

FILLER = ("The board met again on the third floor and the talks ran late, with revenue up 4% to $3 billion "
          "and no one willing to say when a deal might close. ")


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


PATHOLOGICAL = {
    # the cases issue 3 names
    "digits": lambda n: _fill("1234567890", n),
    "dollar_signs": lambda n: "$" * n,
    "straight_quotes": lambda n: '"' * n,
    "one_unclosed_quote": lambda n: "\u201c" + _fill(FILLER, n - 1),
    "one_unclosed_straight_quote": lambda n: '"' + _fill(FILLER, n - 1),
    "many_unclosed_quotes": lambda n: _fill("\u201cWe will keep going, and ", n),
    "qualifier_chain": lambda n: _fill("up to about more than ", n),
    # further shapes that tend to trip number and sentence regexes
    "qualifier_chain_then_money": lambda n: _fill("up to about more than ", n - 12) + " $5 billion.",
    "separator_chain": lambda n: _fill("1,", n),
    "hyphen_range_chain": lambda n: _fill("5-", n),
    "spelled_number_chain": lambda n: _fill("one hundred and twenty ", n),
    "no_sentence_end": lambda n: _fill("the deal went ahead and the staff kept working ", n),
    "dense_money_one_sentence": lambda n: _fill("$5 billion, ", n),
    "dense_money_lines": lambda n: _fill("Revenue was $5 billion.\n", n),
    "curly_quotes_alternating": lambda n: _fill("\u201c\u201d", n),
    "newlines": lambda n: "\n" * n,
}
PATHO_SIZES = [MB // 4, MB // 2, MB]
NOISE_FLOOR_S = 0.02  # below this at 1 MB a case is called linear whatever its exponent: timer noise dominates


# ---------------------------------------------------------------- workers (run in subprocesses)

def _cap_memory() -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    except (ValueError, OSError):
        pass


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # Linux reports KiB


def _clocks() -> tuple[float, float]:
    """Wall-clock and CPU time of this process: the machine may be shared, and CPU time is less disturbed by that."""
    return time.perf_counter(), time.process_time()


def worker_ours(corpus_dir: str, passes: int) -> dict:
    """Stream over the corpus files one at a time; nothing but counters is kept between files."""
    from factcheck.extract import extract_text

    paths = sorted(Path(corpus_dir).glob("article-*.txt"))
    extract_text(next(corpus.articles(SEED + 1)), "warmup", PUBLISHED)
    baseline = _rss_mb()
    walls, cpus = [], []
    chars = claims = 0
    for _ in range(passes):
        chars = claims = 0
        wall = cpu = 0.0
        for path in paths:
            text = path.read_text(encoding="utf-8")
            w0, c0 = _clocks()
            found = extract_text(text, path.stem, PUBLISHED)
            w1, c1 = _clocks()
            wall, cpu = wall + w1 - w0, cpu + c1 - c0
            chars += len(text)
            claims += len(found)
            del found, text
        walls.append(wall)
        cpus.append(cpu)
    return {"files": len(paths), "chars": chars, "claims": claims, "seconds": min(walls),
            "cpu_seconds": min(cpus), "passes": passes,
            "rss_after_warmup_mb": round(baseline, 1), "peak_rss_mb": round(_peak_rss_mb(), 1)}


def _peer_inputs(corpus_dir: str, limit: int, mode: str) -> list[str]:
    """The corpus, file by file up to ``limit`` characters, whole or cut at blank lines."""
    out: list[str] = []
    total = 0
    for path in sorted(Path(corpus_dir).glob("article-*.txt")):
        if total >= limit:
            break
        text = path.read_text(encoding="utf-8")
        total += len(text)
        if mode == "document":
            out.append(text)
        else:
            out.extend(p for p in text.split("\n\n") if p.strip())
    return out


def worker_peer(name: str, corpus_dir: str, limit: int, mode: str, passes: int) -> dict:
    pieces = _peer_inputs(corpus_dir, limit, mode)
    warm = "Acme said on Tuesday it would invest up to $5 billion, about 12% more, and hire 2,500 people."
    if name == "quantulum3":
        warnings.simplefilter("ignore")
        import quantulum3
        from quantulum3 import classifier, parser

        classifier.USE_CLF = False  # 0.10 has no parse() flag; this module switch is what parse() consults
        run = parser.parse
        meta = {"version": getattr(quantulum3, "__version__", "0.10.0"), "classifier": False,
                "call": "quantulum3.parser.parse(text) with quantulum3.classifier.USE_CLF = False"}
    else:
        import duckling
        from duckling import (Context, default_locale_lang, load_time_zones, parse, parse_dimensions,
                              parse_lang, parse_ref_time)

        dims_names = DUCKLING_DIMS_TIME if name == "duckling_with_time" else DUCKLING_DIMS
        tzdb = load_time_zones("/usr/share/zoneinfo")
        ref = parse_ref_time(tzdb, "UTC", int(datetime(2025, 11, 18, tzinfo=timezone.utc).timestamp()))
        ctx = Context(ref, default_locale_lang(parse_lang("EN")))
        dims = parse_dimensions(dims_names)

        def run(text: str):
            return parse(text, ctx, dims, False)

        meta = {"version": getattr(duckling, "__version__", "?"), "dimensions": dims_names, "with_latent": False,
                "call": "duckling.parse(text, Context(ref 2025-11-18 UTC, EN), dimensions, False)"}
    run(warm)
    walls, cpus = [], []
    found = 0
    for _ in range(passes):
        found = 0
        w0, c0 = _clocks()
        for p in pieces:
            found += len(run(p))
        w1, c1 = _clocks()
        walls.append(w1 - w0)
        cpus.append(c1 - c0)
    chars = sum(len(p) for p in pieces)
    return {**meta, "fed": mode, "calls": len(pieces), "chars": chars, "found": found, "seconds": min(walls),
            "cpu_seconds": min(cpus), "passes": passes}


def worker_patho(case: str, size: int) -> dict:
    from factcheck.extract import extract_text

    text = PATHOLOGICAL[case](size)
    extract_text("Acme said it raised $5 billion.", "warmup")
    walls, cpus = [], []
    claims = 0
    while len(walls) < 25 and sum(walls) < 1.0:  # repeat fast cases so the size ratios are not timer noise
        w0, c0 = _clocks()
        claims = len(extract_text(text, case, PUBLISHED))
        w1, c1 = _clocks()
        walls.append(w1 - w0)
        cpus.append(c1 - c0)
    return {"chars": len(text), "seconds": min(walls), "cpu_seconds": min(cpus), "claims": claims,
            "peak_rss_mb": round(_peak_rss_mb(), 1)}


def _run_worker(args: list[str], timeout: float) -> dict:
    """Run this script as a worker; a timeout, crash or ImportError comes back as {"error": ...}."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:g} s"}
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
        return {"error": lines[-1] if lines else f"exit status {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the benchmark

def _rates(r: dict) -> dict:
    """Add chars/s by wall clock and by CPU time to a worker's answer."""
    for clock, key in (("seconds", "chars_per_s"), ("cpu_seconds", "chars_per_cpu_s")):
        r[key] = round(r["chars"] / r[clock], 1) if "error" not in r and r.get(clock) else None
    return r


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_benchmark(size_mb: float, peer_mb: float, doc_mb: float, timeout: float, peer_timeout: float,
                  patho: bool) -> dict:
    target = int(size_mb * MB)
    dir1, dir4 = WORK / "corpus-1x", WORK / "corpus-4x"
    files1 = corpus.write_corpus(dir1, target, SEED)
    files4 = corpus.write_corpus(dir4, 4 * target, SEED)
    chars1 = sum(len(p.read_text(encoding="utf-8")) for p in files1)
    chars4 = sum(len(p.read_text(encoding="utf-8")) for p in files4)
    _say(f"corpus: {len(files1)} files, {chars1} chars (4x: {len(files4)} files, {chars4} chars)")

    result: dict = {
        "command": ".venv/bin/python benchmarks/bench_extract.py",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "corpus": {"generator": "benchmarks/corpus.py", "seed": SEED, "files": len(files1), "chars": chars1,
                   "bytes": sum(p.stat().st_size for p in files1), "files_4x": len(files4), "chars_4x": chars4},
    }

    # Ours and duckling are timed in alternating rounds (ours, duckling, ours, duckling): the speed of a shared
    # machine drifts over minutes, and the ratio should compare the two under the same conditions.
    rounds = {"ours": [], "duckling": []}
    for k in range(2):
        _say(f"round {k + 1}: ours, 1x corpus (best of 3 passes) ...")
        r = _run_worker(["ours", str(dir1), "3"], peer_timeout)
        _rates(r)
        rounds["ours"].append(r)
        _say(f"  {r}")
        _say(f"round {k + 1}: duckling, a paragraph at a time (best of 2 passes) ...")
        r = _run_worker(["peer", "duckling", str(dir1), str(int(peer_mb * MB)), "paragraph", "2"], peer_timeout)
        _rates(r)
        rounds["duckling"].append(r)
        _say(f"  {r}")
    ours = min(rounds["ours"], key=lambda r: r.get("cpu_seconds", float("inf")))
    ours = dict(ours, rounds_cpu_seconds=[r.get("cpu_seconds") for r in rounds["ours"]])
    ours["how"] = ("factcheck.extract.extract_text on each file in turn (whole article, published date given), "
                   "file reads outside the clock, after one warm-up article; best of 3 passes, best of 2 rounds "
                   "alternating with duckling's")
    _say("ours, 4x corpus (1 pass) ...")
    ours4 = _run_worker(["ours", str(dir4), "1"], 4 * peer_timeout)
    _rates(ours4)
    _say(f"  {ours4}")
    result["ours"] = ours
    memory = {"1x": {k: ours.get(k) for k in ("chars", "rss_after_warmup_mb", "peak_rss_mb")},
              "4x": {k: ours4.get(k) for k in ("chars", "rss_after_warmup_mb", "peak_rss_mb")},
              "chars_per_s_4x": ours4.get("chars_per_s"), "chars_per_cpu_s_4x": ours4.get("chars_per_cpu_s")}
    if ours.get("peak_rss_mb") and ours4.get("peak_rss_mb"):
        memory["peak_rss_ratio_4x_over_1x"] = round(ours4["peak_rss_mb"] / ours["peak_rss_mb"], 3)
        memory["flat"] = memory["peak_rss_ratio_4x_over_1x"] < 1.25
    memory["how"] = "peak RSS (ru_maxrss) of a fresh process that streams over the 1x or the 4x corpus"
    result["memory"] = memory

    # Both peers slow down on long inputs (duckling badly), so the headline feeds them a paragraph at a
    # time, their best case; feeding whole articles, as ours is fed, is timed on a subset for comparison.
    runs = [("duckling_with_time", "duckling_with_time", "paragraph", peer_mb),
            ("quantulum3", "quantulum3", "paragraph", peer_mb),
            ("duckling_per_article", "duckling", "document", doc_mb),
            ("quantulum3_per_article", "quantulum3", "document", doc_mb)]
    best_duckling = min(rounds["duckling"], key=lambda r: r.get("cpu_seconds", float("inf")))
    peers = {"duckling": dict(best_duckling, rounds_cpu_seconds=[r.get("cpu_seconds") for r in rounds["duckling"]],
                              input="the same corpus files, fed a paragraph (blank-line block) per call; chars "
                                    "counted are exactly those passed in; warm-up call outside the clock; best of "
                                    "2 passes, best of 2 rounds alternating with ours")}
    for key, name, mode, mb in runs:
        _say(f"{key} ...")
        r = _run_worker(["peer", name, str(dir1), str(int(mb * MB)), mode, "2"], peer_timeout)
        _rates(r)
        piece = "a paragraph (blank-line block)" if mode == "paragraph" else "a whole article"
        r["input"] = (f"the same corpus files, fed {piece} per call; chars counted are exactly those passed in; "
                      "warm-up call outside the clock; best of 2 passes")
        if "chars" in r and r["chars"] < chars1 * 0.95:
            r["subset"] = f"first {r['chars']} of the corpus's {chars1} chars (whole files)"
        _say(f"  {r}")
        peers[key] = r
    result.update(peers)

    ratios: dict = {"cpu": {}, "wall": {}}
    for clock, rate in (("cpu", "chars_per_cpu_s"), ("wall", "chars_per_s")):
        for key in peers:
            if ours.get(rate) and peers[key].get(rate):
                ratios[clock][f"ours_over_{key}"] = round(ours[rate] / peers[key][rate], 2)
    result["ratios"] = ratios
    result["targets"] = {
        "ours_over_duckling_at_least": 2,
        "ours_over_quantulum3_at_least": 100,
        "met_duckling": ratios["cpu"].get("ours_over_duckling", 0) >= 2,
        "met_quantulum3": ratios["cpu"].get("ours_over_quantulum3", 0) >= 100,
        "met_duckling_by_wall_clock": ratios["wall"].get("ours_over_duckling", 0) >= 2,
        "met_quantulum3_by_wall_clock": ratios["wall"].get("ours_over_quantulum3", 0) >= 100,
        "note": ("judged on CPU time (the machine may be shared; wall-clock ratios are given too) against the "
                 "peers' fastest setting: fed a paragraph at a time, and duckling without its time dimension"),
    }

    if patho:
        result["pathological"] = run_pathological(timeout)
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result


def run_pathological(timeout: float) -> dict:
    out = {"timeout_s": timeout, "sizes_chars": PATHO_SIZES,
           "how": ("extract_text on one string per case and size, each in a fresh process capped at 6 GB; fastest "
                   "of up to 25 runs within about 1 s; times are CPU seconds (wall-clock beside them); linear "
                   "means the growth exponent from 0.25 MB to 1 MB, log(t1/t0.25)/log 4, is under 1.35 "
                   "(1 for linear, 2 for quadratic), or 1 MB takes under 20 ms"),
           "cases": {}}
    for case in PATHOLOGICAL:
        row: dict = {"cpu_seconds": {}, "wall_seconds": {}, "claims": {}}
        for size in PATHO_SIZES:
            r = _run_worker(["patho", case, str(size)], timeout)
            if "error" in r:
                row["error"] = f"at {size} chars: {r['error']}"
                break
            row["cpu_seconds"][str(size)] = round(r["cpu_seconds"], 6)
            row["wall_seconds"][str(size)] = round(r["seconds"], 6)
            row["claims"][str(size)] = r["claims"]
            row["peak_rss_mb"] = r["peak_rss_mb"]
        quarter, half, full = (row["cpu_seconds"].get(str(n)) for n in PATHO_SIZES)
        row["linear"] = False
        if quarter and half and full:
            row["ratio_1MB_over_0.5MB"] = round(full / half, 2)
            row["exponent"] = round(math.log(full / quarter) / math.log(4), 2)
            row["linear"] = row["exponent"] < 1.35 or full < NOISE_FLOOR_S
        _say(f"  {case}: {row}")
        out["cases"][case] = row
    out["all_linear"] = all(r["linear"] for r in out["cases"].values())
    failed = [c for c, r in out["cases"].items() if "error" in r]
    timed = [(r["cpu_seconds"][str(MB)], c) for c, r in out["cases"].items() if r["cpu_seconds"].get(str(MB))]
    out["failed"] = failed
    out["slowest_at_1MB"] = {"case": max(timed)[1], "cpu_seconds": max(timed)[0]} if timed else None
    return out


def save(result: dict) -> None:
    """Replace only our key in results.json; other benchmarks own the other keys."""
    data = {}
    if RESULTS.exists():
        try:
            data = json.loads(RESULTS.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            data = {}
    data["extract"] = result
    tmp = RESULTS.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(RESULTS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=1.0, help="corpus size in millions of characters (default 1)")
    ap.add_argument("--peer-mb", type=float, default=1.0,
                    help="how much of the corpus the peers get (default all of a 1 MB corpus)")
    ap.add_argument("--doc-mb", type=float, default=0.25,
                    help="how much of the corpus the peers get a whole article at a time (default 0.25 MB)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed per pathological case and size")
    ap.add_argument("--peer-timeout", type=float, default=900, help="seconds allowed per corpus run")
    ap.add_argument("--no-pathological", action="store_true", help="skip the hostile inputs")
    ap.add_argument("--no-save", action="store_true", help="print the result, leave results.json alone")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        kind, *rest = args.worker
        if kind != "peer":  # duckling's Haskell runtime reserves a huge address space up front
            _cap_memory()
        if kind == "ours":
            r = worker_ours(rest[0], int(rest[1]))
        elif kind == "peer":
            r = worker_peer(rest[0], rest[1], int(rest[2]), rest[3], int(rest[4]))
        else:
            r = worker_patho(rest[0], int(rest[1]))
        print(json.dumps(r))
        return 0

    result = run_benchmark(args.size_mb, args.peer_mb, args.doc_mb, args.timeout, args.peer_timeout,
                           not args.no_pathological)
    if not args.no_save:
        save(result)
        _say(f"wrote key 'extract' of {RESULTS.relative_to(ROOT)}")
    summary = {k: result.get(k) for k in ("ratios", "targets", "memory")}
    summary["chars_per_cpu_s"] = {k: v.get("chars_per_cpu_s") or v.get("error") for k, v in result.items()
                                  if isinstance(v, dict) and "chars_per_cpu_s" in v}
    summary["chars_per_s"] = {k: v.get("chars_per_s") or v.get("error") for k, v in result.items()
                              if isinstance(v, dict) and "chars_per_s" in v}
    if "pathological" in result:
        summary["pathological"] = {
            case: row.get("error") or f"{row['cpu_seconds'][str(MB)]:.3f} s CPU at 1 MB, "
                                      f"{row['ratio_1MB_over_0.5MB']}x the 0.5 MB time, exponent {row['exponent']}"
            for case, row in result["pathological"]["cases"].items()}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
