"""Cross-referencing and verify at scale: 10k, 100k and 1M synthetic claims; verify latency on a 1M-claim database.

    .venv/bin/python benchmarks/bench_crossref.py            # all sizes, 300 verify queries
    .venv/bin/python benchmarks/bench_crossref.py --sizes 10000 100000 --no-verify   # quicker

Writes the key "crossref" of benchmarks/results.json (the other keys are re-read just before writing and kept).
Work files go to benchmarks/scratch/crossref/ (git-ignored). Not part of the test suite. Steps:

1. Stories of our own templates (fixed seed): invented companies, each story a funding round reported by six
   sources (a primary release, four reports, an aggregator) with the usual faults planted at fixed rates (swapped
   amounts, a wrong figure, a quote given to the wrong person, a wrong weekday, an older article with an earlier
   valuation). Claims are made directly (no extraction), with the fields an extractor fills, some left empty.
2. ``cross_reference`` over 10k, 100k and 1M claims in a fresh process each, timed end to end (origins, grouping,
   every check, date events over the source bodies), with its peak memory.
3. A 1M-claim database written through the store (schema, FTS, indexes as a build makes them), then 300 verify
   sentences (true, false, paraphrased, quotes, unknowns) after one warm-up call: p50, p95 and max latency.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "scratch" / "crossref"
RESULTS = ROOT / "benchmarks" / "results.json"
sys.path.insert(0, str(ROOT))

from factcheck.models import Claim, Document, claim_id  # noqa: E402

HEADS = ["Ash", "Brack", "Cor", "Dun", "Elder", "Fal", "Gar", "Hal", "Ivo", "Jas", "Kel", "Lor", "Mar", "Nor", "Orr",
         "Pell", "Quill", "Rav", "Sel", "Tam", "Ul", "Ver", "Wyn", "Yar", "Zel", "Bryn", "Cal", "Dray", "Fen", "Grim"]
TAILS = ["brook", "crest", "dale", "field", "gate", "holm", "ley", "mere", "moor", "ridge", "stead", "ton", "wick",
         "worth", "vale", "ford", "haven", "more", "port", "well"]
KINDS = ["Labs", "Power", "Capital", "Ventures", "Robotics", "Bio", "Cloud", "Freight", "Foods", "Grid"]
FIRST = ["Ada", "Bram", "Celia", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Isla", "Jomo", "Kira", "Luis", "Mina",
         "Nils", "Odile", "Pavel", "Rhea", "Soren", "Tove", "Uri"]
LAST = ["Ferrante", "Oyelaran", "Marsh", "Vale", "Karlsson", "Nasser", "Holm", "Takeda", "Moreno", "Achebe",
        "Lindgren", "Okoro", "Park", "Brandt", "Fournier", "Sokol", "Kapoor", "Dahl", "Ilves", "Quist"]
QUOTES = ["This round lets {t} build faster than we ever planned", "At {t} we are betting on the team and the market",
          "Customers of {t} asked for this and now they will get it", "It is the biggest step in the history of {t}",
          "{t} will hire in every one of its offices next year", "The money goes straight into research at {t}"]
# One wording per source, so that the six reports of a story are independent texts, not copies.
INVEST = ["{a} will invest up to {x} and {b} up to {y} in {t}.",
          "{a} is putting up to {x} into {t}, while {b} adds up to {y}.",
          "The round brings up to {x} from {a} and up to {y} from {b}, {t} said.",
          "Backers {a} and {b} committed up to {x} and up to {y} respectively to {t}.",
          "{t} gets up to {x} from {a}; {b} chips in up to {y}.",
          "{a} invests up to {x} and {b} up to {y} in {t}, reports say."]
TOTAL = ["", "Together the backers commit a combined {z} to {t}.", "In all, the two backers are investing a total of {z} in {t}.",
         "", "", ""]
VALUE = ["The round values {t} at about {v}.", "Investors put the value of {t} at about {v}.",
         "That makes {t} worth about {v}.", "{t} is now valued at about {v}.", "The deal values {t} at about {v}.",
         "The valuation of {t} is about {v}, people said."]
STAFF = ["{t} employs {n} across its sites.", "{t} has {n} on its payroll.", "The company, {t}, employs {n}.",
         "{t} now employs {n}.", "With {n}, {t} is still small.", ""]
SAID = ["“{q},” said {p}.", "“{q},” {p} told reporters.", "{p} said: “{q}.”", "“{q},” according to {p}.",
        "“{q},” {p} said in a statement.", "“{q},” {p} said."]
WHEN = ["The companies announced the deal on {d}.", "{t} announced the round on {d}.",
        "The deal was announced on {d}.", "They announced it on {d}.", "{t} announced the funding on {d}.",
        "It was announced on {d}."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SPELLED = {10: "ten", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty"}


def company(rng: random.Random) -> str:
    return f"{rng.choice(HEADS)}{rng.choice(TAILS)} {rng.choice(KINDS)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def money(m: int) -> str:
    return f"${m} million"


class Source:
    """One synthetic article: sentences with claims, assembled into a body with correct offsets."""

    def __init__(self, sid: str, kind: str, published: date, title: str):
        self.sid, self.kind, self.published, self.title = sid, kind, published, title
        self.body = ""
        self.claims: list[Claim] = []

    def sentence(self, text: str, figures=(), quote=None) -> None:
        if self.body:
            self.body += "\n\n"
        start = len(self.body)
        self.body += text
        at = 0
        for span, fields in figures:
            i = text.index(span, at)
            at = i + len(span)
            s = start + i
            self.claims.append(Claim(id=claim_id(self.sid, "numeric", s, s + len(span), span), source_id=self.sid,
                                     kind="numeric", text=span, start=s, end=s + len(span), sentence=text,
                                     sentence_start=start, rule="money" if fields.get("unit") == "USD" else "count",
                                     confidence=0.9, confidence_reasons=["rule money: 0.90"], **fields))
        if quote:
            words, speaker, role = quote
            i = text.index(words)
            s = start + i
            self.claims.append(Claim(id=claim_id(self.sid, "quote", s, s + len(words), words), source_id=self.sid,
                                     kind="quote", text=words, start=s, end=s + len(words), sentence=text,
                                     sentence_start=start, quote=words, speaker=speaker, speaker_role=role,
                                     cue="said", rule="quote:cue", confidence=0.9))

    def document(self) -> Document:
        return Document(source_id=self.sid, path=f"synthetic/{self.sid}.md", body=self.body, title=self.title,
                        outlet=f"Outlet {self.sid.split('-')[-1]}", url=f"https://example.org/{self.sid}",
                        published=self.published, kind=self.kind)


def story(n: int, rng: random.Random) -> tuple[list[Source], dict]:
    """One funding round told by six sources, with faults planted at fixed rates; also the facts, for queries."""
    target = company(rng)
    a = company(rng)
    while a == target:
        a = company(rng)
    b = company(rng)
    while b in (a, target):
        b = company(rng)
    ceo, other = person(rng), person(rng)
    x, y = rng.choice([10, 20, 30, 40]), rng.choice([50, 60, 70, 80])
    valuation, staff = rng.randrange(200, 900, 10), rng.randrange(80, 3000, 10)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 600))
    quote = rng.choice(QUOTES).replace("{t}", target)
    facts = {"target": target, "a": a, "b": b, "x": x, "y": y, "valuation": valuation, "staff": staff, "ceo": ceo,
             "other": other, "quote": quote}
    sources = []
    for k, kind in enumerate(["primary", "report", "report", "report", "report", "aggregator"]):
        src = Source(f"s{n}-{k}", kind, day + timedelta(days=min(k, 3)), f"{a} and {b} back {target}")
        swapped = kind == "aggregator" and n % 5 == 0
        xa, yb = (y, x) if swapped else (x, y)
        if k == 4 and n % 10 == 3:
            xa = x + 100  # a wrong figure
        lead = INVEST[k].format(a=a, b=b, t=target, x=money(xa), y=money(yb))
        src.sentence(lead, [
            (money(xa), dict(value=xa * 1e6, unit="USD", qualifier="up_to", subject=a, object=target,
                             metric="investment")),
            (money(yb), dict(value=yb * 1e6, unit="USD", qualifier="up_to", subject=b, object=target,
                             metric=None))])
        if k in (1, 2):
            total = x + y + (25 if n % 10 == 7 and k == 2 else 0)
            src.sentence(TOTAL[k].format(t=target, z=money(total)), [
                (money(total), dict(value=total * 1e6, unit="USD", qualifier="exact", subject=f"{a} and {b}",
                                    object=target, metric="investment"))])
        v = valuation + rng.choice([0, 0, 5, -5])
        src.sentence(VALUE[k].format(t=target, v=money(v)), [
            (money(v), dict(value=v * 1e6, unit="USD", qualifier="about", subject=target, metric="valuation"))])
        if k != 5:
            src.sentence(STAFF[k].format(t=target, n=f"{staff:,} people"), [
                (f"{staff:,} people", dict(value=staff, unit="people", qualifier="exact",
                                           subject=target if k % 2 else None, metric="employees"))])
        speaker = other if kind == "aggregator" and n % 10 == 1 else ceo
        src.sentence(SAID[k].format(q=quote, p=speaker), quote=(quote, speaker, f"chief executive of {target}"
                                                                 if speaker == ceo else None))
        weekday = WEEKDAYS[day.weekday()] if day.weekday() < 5 else "Friday"
        if kind == "aggregator" and n % 10 == 5:
            weekday = WEEKDAYS[(WEEKDAYS.index(weekday) + 1) % 5]
        src.sentence(WHEN[k].format(d=weekday, t=target))
        sources.append(src)
    old = Source(f"s{n}-old", "report", day - timedelta(days=400), f"{target} raises money")
    old.sentence(f"The earlier round valued {target} at {money(valuation // 3)}.", [
        (money(valuation // 3), dict(value=(valuation // 3) * 1e6, unit="USD", qualifier="exact", subject=target,
                                     metric="valuation"))])
    sources.append(old)
    return sources, facts


def corpus(n_claims: int, seed: int = 20251118):
    rng = random.Random(seed)
    docs, claims, facts = {}, [], []
    n = 0
    while len(claims) < n_claims:
        sources, f = story(n, rng)
        for s in sources:
            docs[s.sid] = s.document()
            claims.extend(s.claims)
        facts.append(f)
        n += 1
    return docs, claims[:n_claims], facts


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_crossref(size: int) -> dict:
    from factcheck.crossref import cross_reference

    docs, claims, _ = corpus(size)
    keep = {c.source_id for c in claims}
    docs = {k: v for k, v in docs.items() if k in keep}
    started = time.perf_counter()
    result = cross_reference(claims, docs)
    seconds = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for f in result.flags:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    return {"claims": len(claims), "sources": len(docs), "seconds": round(seconds, 2),
            "claims_per_second": round(len(claims) / seconds), "flags": kinds, "peak_rss_mb": round(peak_mb()),
            "load_average_after": round(os.getloadavg()[0], 1)}


def build_db(path: Path, size: int) -> dict:
    import sqlite_utils

    from factcheck import store

    docs, claims, facts = corpus(size)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    db = sqlite_utils.Database(path)
    db.execute("pragma journal_mode = memory")
    db.execute("pragma synchronous = off")
    started = time.perf_counter()
    store.migrate(db)
    with db.atomic():
        for doc in docs.values():
            db.execute("insert into sources (id, path, title, outlet, url, published, author, kind, sha256, body) "
                       "values (:id, :path, :title, :outlet, :url, :published, :author, :kind, :sha256, :body)",
                       store.source_row(doc))
        fields = store.CLAIM_FIELDS
        sql = f"insert into claims ({', '.join(chr(34) + f + chr(34) for f in fields)}) values ({', '.join('?' * len(fields))})"
        db.conn.executemany(sql, (tuple(store.claim_row(c)[f] for f in fields) for c in claims))
    store.finish(db)
    db.conn.commit()
    seconds = time.perf_counter() - started
    (path.parent / "facts.json").write_text(json.dumps(facts[:2000]), encoding="utf-8")
    return {"claims": len(claims), "sources": len(docs), "write_seconds": round(seconds, 1),
            "megabytes": round(path.stat().st_size / 1e6)}


def queries(facts: list[dict], n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        f = facts[rng.randrange(len(facts))]
        kind = i % 6
        if kind == 0:
            out.append(("true", f"{f['a']} will invest up to ${f['x']} million in {f['target']}."))
        elif kind == 1:
            out.append(("false", f"{f['b']} will invest ${f['y'] + 300} million in {f['target']}."))
        elif kind == 2:
            words = SPELLED.get(f["x"], str(f["x"]))
            out.append(("paraphrase", f"{f['a']} is putting as much as {words} million dollars into {f['target']}."))
        elif kind == 3:
            out.append(("quote", f"{f['other']} said {f['quote'].lower()}."))
        elif kind == 4:
            out.append(("staff", f"{f['target']} employs {f['staff']:,} people."))
        else:
            out.append(("unknown", f"{f['target']} plans to open an office in Lisbon."))
    return out


def time_verify(path: Path, n: int) -> dict:
    import sqlite_utils

    from factcheck.verify import verify

    facts = json.loads((path.parent / "facts.json").read_text(encoding="utf-8"))
    db = sqlite_utils.Database(path)
    verify("Warm-up: Acme will invest up to $5 million in Initech.", db)
    times, labels = [], {}
    for kind, sentence in queries(facts, n):
        started = time.perf_counter()
        verdict = verify(sentence, db)
        times.append((time.perf_counter() - started) * 1000)
        labels.setdefault(kind, {}).setdefault(verdict.label, 0)
        labels[kind][verdict.label] += 1
    times.sort()
    return {"queries": n, "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
            "labels_by_query_kind": labels}


def child(args: list[str]) -> dict:
    """Run one step in a fresh process so timings and peak memory do not mix."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--verify-size", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-verify", action="store_true")
    parser.add_argument("--keep-db", action="store_true", help="reuse the verify database of an earlier run")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "crossref":
        print(json.dumps(time_crossref(args.size)))
        return
    if args.step == "build-db":
        print(json.dumps(build_db(WORK / "verify.db", args.size)))
        return
    if args.step == "verify":
        print(json.dumps(time_verify(WORK / "verify.db", args.queries)))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    result = {"date": date.today().isoformat(), "cores": os.cpu_count(), "python": platform.python_version(),
              "load_average_at_start": round(os.getloadavg()[0], 1),
              "command": ".venv/bin/python benchmarks/bench_crossref.py", "cross_reference": []}
    for size in args.sizes:
        step = child(["--step", "crossref", "--size", str(size)])
        print(f"cross_reference {size:>9,} claims: {step['seconds']:>7.2f} s  ({step['claims_per_second']:,}/s, "
              f"peak {step['peak_rss_mb']} MB)", file=sys.stderr)
        result["cross_reference"].append(step)
    steps = result["cross_reference"]
    if len(steps) > 1:
        first, last = steps[0], steps[-1]
        growth = (last["seconds"] / first["seconds"]) / (last["claims"] / first["claims"])
        result["growth_vs_linear"] = round(growth, 2)  # 1.0 is exactly linear
    if not args.no_verify:
        db_info = WORK / "verify.json"
        if args.keep_db and db_info.exists() and json.loads(db_info.read_text())["claims"] == args.verify_size:
            result["verify_database"] = json.loads(db_info.read_text())
        else:
            result["verify_database"] = child(["--step", "build-db", "--size", str(args.verify_size)])
            WORK.mkdir(parents=True, exist_ok=True)
            db_info.write_text(json.dumps(result["verify_database"]))
        print(f"database: {result['verify_database']}", file=sys.stderr)
        result["verify"] = child(["--step", "verify", "--queries", str(args.queries)])
        result["verify"]["target_p95_ms"] = 50
        print(f"verify: {result['verify']}", file=sys.stderr)
    merged = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    merged["crossref"] = result
    RESULTS.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
