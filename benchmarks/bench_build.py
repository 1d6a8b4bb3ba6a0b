"""Build and browse the claim ledger at scale: 10,000 articles, then 1,000,000 claim rows in Datasette.

    .venv/bin/python benchmarks/bench_build.py

Writes the key "build" of benchmarks/results.json (other keys are kept). Work files go to benchmarks/scratch/build/
(git-ignored). Not part of the test suite. Steps:

1. Stories: invented deals, each reported by five outlets (primary, reports, an aggregator) with figures that
   sometimes differ and quotes given to named people: 10,000 Markdown articles with front matter (fixed seed).
2. Build as `factcheck build` does (extraction, then the reviewed ledger and the cross-check) with the process pool
   (2 workers) and with one process, each from scratch, in a fresh process that reports its own peak memory and its
   workers'; then an unchanged rebuild; then peak memory at 1,000, 2,500 and 5,000 articles. Each build is run
   `--build-runs` times (the machine is shared): the median run is recorded, with every run's wall time.
3. 1M claims: the 10k-article ledger plus synthetic claim rows inserted directly (copies of real claims under new
   ids, so spans, sentences and search text stay realistic), through the same store API a build uses.
4. Datasette: `factcheck serve` on the 1M-claim ledger; each page fetched once on its first visit after start-up
   (nothing about it remembered yet), then 10 times: median and p95.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "scratch" / "build"
RESULTS = ROOT / "benchmarks" / "results.json"

# Invented names from syllables, so a name picks out about as few claims as a real one does in a large archive.
PREFIXES = ["Ark", "Bell", "Cind", "Dove", "Ember", "Fen", "Gall", "Holl", "Iron", "Jun", "Kiln", "Lark", "Moss",
            "North", "Ox", "Pend", "Quarr", "Rook", "Salt", "Thist", "Umber", "Vant", "Wick", "Yarr", "Zeph"]
SUFFIXES = ["wright", "moor", "line", "gate", "ford", "wood", "ley", "stone", "haven", "field", "more", "vale",
            "brook", "crest", "hold", "mere", "ridge", "shaw", "ton", "wick"]
SECTORS = ["Power", "Chips", "Cloud", "Bio", "Motors", "Grid", "Freight", "Quantum", "Water", "Orbital", "Steel",
           "Foods", "Health", "AI", "Rail", "Storage", "Mining", "Media", "Labs", "Telecom"]
FIRST = ["Ada", "Bram", "Celia", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Isla", "Jomo", "Kira", "Luis", "Mina",
         "Nils", "Odile", "Pavel", "Rhea", "Soren", "Talia", "Umar", "Vera", "Wendell", "Xiomara", "Yusuf", "Zelda",
         "Anouk", "Bastian", "Chiara", "Dario", "Elif"]
LAST = ["Ferrante", "Oyelaran", "Marsh", "Vale", "Karlsson", "Nasser", "Holm", "Takeda", "Moreno", "Achebe",
        "Lindgren", "Okoro", "Park", "Brandt", "Fournier", "Sokol", "Kapoor", "Dahl", "Quill", "Ramos", "Ivanova",
        "Mbeki", "Novak", "Sato", "Eriksen", "Bauer", "Costa", "Hale", "Iqbal", "Jansen"]
ROLES = ["chief executive of {c}", "chief financial officer of {c}", "president of {c}", "an analyst at {f}",
         "head of strategy at {c}", "a partner at {f}"]
FIRMS = ["Cobble Research", "Westgate Securities", "Lantern Analytics", "Harrow Partners", "Mistral Equity",
         "Saffron Advisory"]
OUTLETS = [(f"{a} {b}", kind) for a in ("The Morning", "The Evening", "Capital", "Harbour", "Valley", "Coastal",
                                          "Metro", "National") for b, kind in (("Ledger", "report"),
                                          ("Wire", "report"), ("Courier", "report"), ("Digest", "aggregator"))]
NOUNS = ["customers", "employees", "stores", "subscribers", "engineers", "vehicles", "households", "patients"]
QUOTES = ["We have never been in a stronger position to build", "This is the deal our customers asked for",
          "The demand is real and it is not slowing down", "We will spend what it takes to lead this market",
          "Nobody here wanted to wait another year", "It is a plan with a budget, not a gamble",
          "The hard part starts now", "Our engineers have been ready for this for a long time",
          "Regulators will want to look closely, and they should", "This changes the economics of the whole sector"]
FILLER = ["The companies did not give a timetable for the rest of the work.",
          "Shares of both firms were little changed in early trading.",
          "Regulators in two countries are expected to review the agreement.",
          "The announcement follows months of talks between the two boards.",
          "Competitors have announced similar plans in recent weeks.",
          "Neither company would comment on the financing beyond the statement.",
          "The agreement still needs approval from shareholders.",
          "Critics say the plan leans heavily on subsidies that may not last."]
INVEST = ["{a} will invest {q}{m} in {b}, the companies said on {day}.",
          "{a} agreed to put {q}{m} into {b}, according to a statement released on {day}.",
          "{b} is set to receive {q}{m} from {a} under a deal announced on {day}."]
CAPACITY = ["The deal gives {b} access to {gw} GW of new capacity over the next {years} years.",
            "{b} plans to add {gw} GW of generating capacity within {years} years.",
            "The plants are designed to deliver {gw} GW once complete, a process expected to take {years} years."]
REACH = ["{b} now serves {count} {noun} and expects revenue to grow {pct}% next year.",
         "With {count} {noun}, {b} forecasts sales growth of {pct}% next year.",
         "{b}, which counts {count} {noun}, said revenue could rise {pct}% next year."]


def company(rng: random.Random) -> str:
    return f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)} {rng.choice(SECTORS)}"


def money(rng: random.Random, base: float) -> str:
    return f"${round(base * rng.choice([1, 1, 1, 0.8, 1.2, 1.5]), 1):g} billion"


def story_articles(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """Five articles (file name, text) about one invented deal; figures vary a little between outlets."""
    a, b = company(rng), company(rng)
    speaker, other = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
    role = rng.choice(ROLES).format(c=a, f=rng.choice(FIRMS))
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(600))
    base = rng.choice([0.5, 1, 2, 5, 10, 15, 30])
    slots = {"a": a, "b": b, "day": f"{day:%A}", "gw": rng.choice([1, 2, 5]), "years": rng.choice([3, 5, 10]),
             "count": f"{rng.choice([1200, 45000, 300000, 2500000]):,}", "noun": rng.choice(NOUNS),
             "pct": rng.choice([8, 12, 25, 40])}
    quote = rng.choice(QUOTES)
    articles = []
    for i, (outlet, kind) in enumerate([(f"{a} newsroom", "primary")] + rng.sample(OUTLETS, 4)):
        figure = money(rng, base) if i else f"${base:g} billion"
        said = speaker if i == 0 or rng.random() > 0.15 else other  # some outlets misattribute the quote
        lines = [
            rng.choice(INVEST).format(q=rng.choice(["up to ", "about ", "more than ", "", ""]), m=figure, **slots),
            rng.choice(CAPACITY).format(**slots),
            rng.choice(REACH).format(**slots),
            f"\u201c{quote},\u201d said {said}, {role}.",
            rng.choice(FILLER),
            f"Analysts at {rng.choice(FIRMS)} estimate the partnership could be worth ${base * 3:g} billion "
            f"to {a} by {day.year + 3}.",
            rng.choice(FILLER),
            f"\u201cWe expect the first sites to open within {rng.choice(['12', '18', '24'])} months,\u201d "
            f"{other} told {outlet}.",
        ]
        rng.shuffle(lines[4:])
        published = day + timedelta(days=i)
        meta = (f"---\ntitle: {a} bets {figure} on {b}\noutlet: {outlet}\n"
                f"url: https://example.com/{n}/{i}\npublished: {published.isoformat()}\nkind: {kind}\n---\n")
        articles.append((f"story-{n:05d}-{i}.md", meta + "\n".join(lines) + "\n"))
    return articles


def write_corpus(folder: Path, articles: int, seed: int = 7) -> Path:
    """``articles`` Markdown files in ``folder`` (reused when this script made them with the same templates)."""
    marker = folder / ".complete"
    stamp = f"{seed} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"
    if marker.exists() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    written = 0
    n = 0
    while written < articles:
        for name, text in story_articles(n, rng):
            if written == articles:
                break
            (folder / name).write_text(text, encoding="utf-8")
            written += 1
        n += 1
    marker.write_text(stamp)
    return folder


BUILD_IN_A_PROCESS = """
import json, os, resource, sys, time
from factcheck import build, crosscheck
workers = int(sys.argv[3])
steps_seconds = 0.0
extraction_peak = None
checked = {}
def peak_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:"))
def timed(step):
    def run(db):
        global steps_seconds, extraction_peak
        extraction_peak = extraction_peak or peak_mb()
        started = time.perf_counter()
        done = step(db)
        steps_seconds += time.perf_counter() - started
        if hasattr(done, "largest_story"):
            checked.update(stories=done.stories, largest_story_sources=done.largest_story, flags=done.flags)
    return run
load = os.getloadavg()[0]
# As `factcheck build` runs it: the reviewed ledger (claims/ under the working folder: none here) and the cross-check.
steps = [timed(step) for step in crosscheck.steps(workers=workers)]
report = build.build([sys.argv[1]], sys.argv[2], workers=workers, after=steps)
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": report.seconds, "cross_check_seconds": steps_seconds, "sources": report.sources,
                  "claims": report.claims, "extracted": report.extracted, "reused": report.reused,
                  "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "writer_rss_mb": me.ru_maxrss / 1024, "other_processes_rss_mb": kids.ru_maxrss / 1024,
                  "writer_rss_mb_before_cross_check": extraction_peak or me.ru_maxrss / 1024,
                  "load_average_before": load, "load_average_after": os.getloadavg()[0], **checked}))
"""


def snapshot_env() -> dict:
    """Run the package as it is now, whatever is edited meanwhile (the extractor fingerprint hashes its code)."""
    target = WORK / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "factcheck", target / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(target)}


def timed_build(corpus: Path, db: Path, workers: int, env: dict, fresh: bool = True, runs: int = 1) -> dict:
    """The median of ``runs`` builds (by wall time), with every run's wall time and load average."""
    results = []
    for _ in range(runs):
        if fresh:
            db.unlink(missing_ok=True)
        out = subprocess.run([sys.executable, "-c", BUILD_IN_A_PROCESS, str(corpus), str(db), str(workers)],
                             check=True, capture_output=True, text=True, env=env, cwd=WORK).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["articles_per_s"] = round(r["sources"] / r["seconds"], 1)
        for key in ("seconds", "cross_check_seconds", "cpu_seconds", "writer_rss_mb", "other_processes_rss_mb",
                    "writer_rss_mb_before_cross_check", "load_average_before", "load_average_after"):
            r[key] = round(r[key], 2)
        print(f"  build, {workers} worker(s), {'fresh' if fresh else 'unchanged'}: {r}", flush=True)
        results.append(r)
    median = sorted(results, key=lambda r: r["seconds"])[(len(results) - 1) // 2]
    if runs > 1:
        median = {**median, "runs_seconds": [r["seconds"] for r in results],
                  "runs_load_average_before": [r["load_average_before"] for r in results]}
    return median


def grow_to(db_path: Path, target: int) -> dict:
    """Add copies of the ledger's claims under new ids until it holds ``target`` claims."""
    from factcheck import store
    from factcheck.models import claim_id

    started = time.perf_counter()
    with store.rebuilding(db_path) as db:
        originals = list(db.query("select * from claims"))
        missing = target - len(originals)
        copy = 0

        def rows():
            nonlocal copy
            while copy < missing:
                row = dict(originals[copy % len(originals)])
                row["id"] = claim_id(row["source_id"], row["kind"], row["start"], row["end"], f"{row['text']}#{copy}")
                copy += 1
                yield row

        with db.atomic():
            db["claims"].insert_all(rows(), batch_size=5000)
        claims = db["claims"].count
    seconds = time.perf_counter() - started
    print(f"  grew to {claims:,} claims in {seconds:.1f}s", flush=True)
    return {"claims": claims, "insert_seconds": round(seconds, 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - started) * 1000


def page_facets(base: str, path: str) -> dict:
    """How each facet of a table or view page was counted: "column" (exact) or "first N matches"."""
    table, _, query = path.partition("?")
    if table.count("/") != 2 or table.startswith("/-/") or table.endswith(".json"):
        return {}
    with urllib.request.urlopen(f"{base}{table}.json?_size=0{'&' + query if query else ''}", timeout=120) as r:
        data = json.loads(r.read())
    return {name: facet["type"] for name, facet in (data.get("facet_results") or {}).items()}


def page_times(db_path: Path, repeats: int, env: dict, serve_runs: int = 3) -> dict:
    """Each page's first visit after start-up (the median over ``serve_runs`` starts of `factcheck serve`, each run
    listed) and ``repeats`` visits after it in every run (median and p95 over all of them)."""
    runs = [one_serve_run(db_path, repeats, env) for _ in range(serve_runs)]
    results = {"serve_runs": serve_runs,
               "startup_seconds": [r["startup_seconds"] for r in runs],
               "load_average_before": [r["load_average_before"] for r in runs],
               "load_average_after": [r["load_average_after"] for r in runs]}
    for key, first in runs[0].items():
        if not isinstance(first, dict):
            continue
        cold = [r[key]["cold_ms"] for r in runs]
        warm = sorted(ms for r in runs for ms in r[key]["warm_ms"])
        results[key] = {k: v for k, v in first.items() if k not in ("cold_ms", "warm_ms")}
        results[key].update({"cold_ms": round(statistics.median(cold), 1), "cold_runs_ms": cold,
                             "median_ms": round(statistics.median(warm), 1),
                             "p95_ms": round(warm[min(len(warm) - 1, int(0.95 * len(warm)))], 1)})
        print(f"  {key}: {results[key]}", flush=True)
    return results


def one_serve_run(db_path: Path, repeats: int, env: dict) -> dict:
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    name = db_path.stem

    def typical(column: str, where: str = "1") -> str:
        """A value of ``column`` held by the median number of claims: neither the rarest nor the commonest."""
        rows = db.execute(f"select {column}, count(*) from claims where {column} is not null and {where} "
                          f"group by {column} order by 2").fetchall()
        return rows[len(rows) // 2][0]

    metric = "investment" if db.execute("select 1 from claims where metric = 'investment'").fetchone() else \
        typical("metric")
    subject, speaker = typical("subject"), typical("speaker")
    metric_subject = typical("subject", f"metric = '{metric}'")
    surname = speaker.split()[-1]
    outlet = db.execute("select outlet from sources where outlet is not null limit 1").fetchone()[0]
    source = db.execute("select source_id from claims limit 1").fetchone()[0]
    claim = db.execute("select id from claims limit 1").fetchone()[0]
    q = urllib.parse.quote
    pages = {
        "index": "/",
        "database": f"/{name}",
        "claims_table": f"/{name}/claims",
        "faceted_metric": f"/{name}/claims?metric={q(metric)}",
        "faceted_speaker": f"/{name}/claims?speaker={q(speaker)}",
        "faceted_kind_quote": f"/{name}/claims?kind=quote",
        "search_name": f"/{name}/claims?_search={q(surname)}",
        "search_common_word": f"/{name}/claims?_search=capacity",
        "canned_figures_for_metric": f"/{name}/figures_for_metric?metric={q(metric)}&subject={q(metric_subject)}",
        "canned_figures_for_metric_all_subjects": f"/{name}/figures_for_metric?metric={q(metric)}&subject=",
        "canned_claims_about": f"/{name}/claims_about?subject={q(subject)}",
        "canned_quotes_by": f"/{name}/quotes_by?speaker={q(speaker)}",
        "canned_sources_by_outlet": f"/{name}/sources_by_outlet?outlet={q(outlet)}",
        "canned_sources_by_outlet_all": f"/{name}/sources_by_outlet?outlet=",
        "canned_claims_with_flags": f"/{name}/claims_with_flags",
        "view_claim_details": f"/{name}/claim_details",
        "view_claim_details_outlet": f"/{name}/claim_details?outlet={q(outlet)}",
        "view_quotes_by_speaker": f"/{name}/quotes_by_speaker",
        "view_metric_across_sources": f"/{name}/metric_across_sources",
        "json_filtered": f"/{name}/claims.json?_shape=array&unit=USD&qualifier=up_to",
        "claim_row": f"/{name}/claims/{q(claim)}",
        "source_page": f"/-/source/{name}/{q(source)}",
    }
    matches = {
        "search_name": db.execute("select count(*) from claims_fts where claims_fts match ?", [surname]).fetchone()[0],
        "search_common_word": db.execute("select count(*) from claims_fts where claims_fts match 'capacity'")
        .fetchone()[0],
        "faceted_metric": db["claims"].count_where("metric = ?", [metric]),
        "faceted_speaker": db["claims"].count_where("speaker = ?", [speaker]),
        "faceted_kind_quote": db["claims"].count_where("kind = 'quote'"),
    }
    port = free_port()
    log = open(WORK / "serve.log", "w")
    server = subprocess.Popen([str(Path(sys.executable).with_name("factcheck")), "serve", "--db", str(db_path),
                               "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env, cwd=WORK)
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    try:
        while True:
            try:
                fetch(f"{base}/-/versions.json")
                break
            except OSError:
                assert server.poll() is None, (WORK / "serve.log").read_text()
                time.sleep(0.2)
        results = {"startup_seconds": round(time.perf_counter() - started, 1),
                   "load_average_before": round(os.getloadavg()[0], 2)}
        for key, path in pages.items():
            cold = fetch(base + path)
            warm = [round(fetch(base + path), 1) for _ in range(repeats)]
            results[key] = {"path": path, "cold_ms": round(cold, 1), "warm_ms": warm}
            if key in matches:
                results[key]["matching_claims"] = matches[key]
            facet_types = page_facets(base, path)
            if facet_types:
                results[key]["facets"] = facet_types
        print(f"  serve run: started in {results['startup_seconds']} s, "
              f"load {results['load_average_before']}", flush=True)
        results["load_average_after"] = round(os.getloadavg()[0], 2)
    finally:
        server.terminate()
        server.wait()
        log.close()
    return results


def page_targets(pages: dict) -> dict:
    timed = {k: v for k, v in pages.items() if isinstance(v, dict)}
    return {"pages_under_300ms_p95": {k: v["p95_ms"] < 300 for k, v in timed.items()},
            "pages_under_300ms_first_visit": {k: v["cold_ms"] < 300 for k, v in timed.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the main corpus")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claim rows for the Datasette timings")
    parser.add_argument("--repeats", type=int, default=10, help="warm fetches per page")
    parser.add_argument("--build-runs", type=int, default=3, help="from-scratch builds with 2 workers (median kept)")
    parser.add_argument("--serve-runs", type=int, default=3, help="starts of factcheck serve for the page timings")
    parser.add_argument("--pages-only", action="store_true",
                        help="time the pages again on the 1M-claim ledger of an earlier run; keep the rest")
    parser.add_argument("--no-save", action="store_true", help="print only; leave results.json alone")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    env = snapshot_env()
    sys.path.insert(0, env["PYTHONPATH"])
    load = os.getloadavg()[0]
    if args.pages_only:
        big = WORK / "bench1m.db"
        existing = json.loads(RESULTS.read_text())
        result = existing["build"]
        pages = page_times(big, args.repeats, env, args.serve_runs)
        result["at_1m_claims"]["pages"] = pages
        result["pages_date"] = date.today().isoformat()
        result["targets"].update(page_targets(pages))
        print(json.dumps(result["at_1m_claims"]["pages"], indent=2))
        if not args.no_save:
            RESULTS.write_text(json.dumps(existing, indent=2) + "\n")
            print(f"wrote the 'build' key of {RESULTS.relative_to(ROOT)} (pages only)")
        return
    print(f"corpus: {args.articles:,} articles", flush=True)
    corpus = write_corpus(WORK / f"articles-{args.articles}", args.articles)
    corpus_mb = sum(p.stat().st_size for p in corpus.glob("*.md")) / 1e6
    db = WORK / "bench.db"
    pool = timed_build(corpus, db, 2, env, runs=args.build_runs)
    unchanged = timed_build(corpus, db, 2, env, fresh=False)
    one = timed_build(corpus, WORK / "one.db", 1, env)
    memory, memory_extracting = {}, {}
    for size in (args.articles // 10, args.articles // 4, args.articles // 2):
        smaller = write_corpus(WORK / f"articles-{size}", size)
        small = timed_build(smaller, WORK / "small.db", 2, env)
        memory[str(size)] = small["writer_rss_mb"]
        memory_extracting[str(size)] = small["writer_rss_mb_before_cross_check"]
    memory[str(args.articles)] = pool["writer_rss_mb"]
    memory_extracting[str(args.articles)] = pool["writer_rss_mb_before_cross_check"]
    db_mb = db.stat().st_size / 1e6

    print(f"grow to {args.claims:,} claims", flush=True)
    big = WORK / "bench1m.db"
    shutil.copyfile(db, big)
    grown = grow_to(big, args.claims)
    pages = page_times(big, args.repeats, env, args.serve_runs)

    result = {
        "date": date.today().isoformat(), "cores": os.cpu_count(), "python": platform.python_version(),
        "load_average_at_start": round(load, 2),
        "command": ".venv/bin/python benchmarks/bench_build.py",
        "corpus": {"articles": args.articles, "megabytes": round(corpus_mb, 1)},
        "build_2_workers": pool, "build_1_worker": one,
        "pool_speedup": round(one["seconds"] / pool["seconds"], 2),
        "note": "the machine is shared: load averages are recorded; cpu_seconds counts every process of a build",
        "rebuild_unchanged": unchanged,
        "writer_peak_rss_mb_by_articles": memory,
        "writer_peak_rss_mb_before_cross_check_by_articles": memory_extracting,
        "memory_note": "extraction and writing stream (bounded queues); the cross-check holds one story at a "
                       "time (factcheck.stories), its results written in bounded batches",
        "database_mb": round(db_mb, 1),
        "at_1m_claims": {**grown, "database_mb": round(big.stat().st_size / 1e6, 1), "pages": pages},
        "targets": {"10k_articles_under_60s": pool["seconds"] < 60, **page_targets(pages)},
    }
    print(json.dumps(result, indent=2))
    if not args.no_save:
        existing = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        existing["build"] = result
        RESULTS.write_text(json.dumps(existing, indent=2) + "\n")
        print(f"wrote the 'build' key of {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
