#!/usr/bin/env python3
"""Print our extractor's pass rate on each external gold suite (../shared/external-gold).

usage: python tools/score_external.py [GOLD_DIR] [--failures] [--update]

  --failures  also print every in-scope case we fail, with what gold says and what we give
  --update    rewrite tests/external/known_failures.json from the current results: the failing case ids, each with
              what gold says against what we give, and floors raised to today's group rates (never lowered; lower a
              floor by hand if a regression is accepted)
"""

import json
import sys
from pathlib import Path

from factcheck.external_gold import GROUPS, group_rates, load_all, run, summarise

ROOT = Path(__file__).resolve().parents[1]
KNOWN = ROOT / "tests" / "external" / "known_failures.json"


def report(scores, rates, show_failures: bool) -> None:
    print(f"{'suite':<12} {'in scope':>8} {'pass':>5} {'rate':>7} {'neg clean':>10} {'disagree':>9} "
          f"{'out of scope':>13}")
    for s in scores.values():
        neg = f"{s.negatives_clean}/{s.negatives}" if s.negatives else "-"
        dis = f"{s.disagreements}" + (f" ({s.disagreements_as_suite} as suite)" if s.disagreements else "")
        oos = f"{s.out_of_scope}" + (f" ({s.out_of_scope_found} found)" if s.out_of_scope else "")
        rate = f"{s.rate:7.1%}" if s.in_scope else f"{'-':>7}"
        print(f"{s.suite:<12} {s.in_scope:>8} {s.passed:>5} {rate} {neg:>10} {dis:>9} {oos:>13}")
    for s in scores.values():
        if s.bare:
            rest, rest_passed = s.in_scope - s.bare, s.passed - s.bare_passed
            print(f"{s.suite}: {s.bare_passed}/{s.bare} pass of the cases that bound a bare number (no unit or counted "
                  f"noun); {rest_passed}/{rest} of the rest (with a unit or noun, and negatives)")
    for group, suites in GROUPS.items():
        print(f"{group} ({' + '.join(suites)}): {rates[group]:.1%} (target 95.0%)")
    if show_failures:
        for s in scores.values():
            for o in s.failures:
                print(f"FAIL {o.case.id}: {o.case.text[:120]!r}\n     {o.detail}")


def update(scores, rates) -> None:
    old = json.loads(KNOWN.read_text(encoding="utf-8")) if KNOWN.exists() else {}
    old_floors = old.get("floors", {})
    failures = {o.case.id: o.detail for s in scores.values() for o in s.failures}
    floors = {}
    for group, rate in rates.items():
        rate = int(rate * 1000) / 1000  # rounded down, so today's run meets it
        floors[group] = max(rate, old_floors.get(group, 0.0))
        if rate < old_floors.get(group, 0.0):
            print(f"warning: {group} at {rate:.3f} is below its floor {old_floors[group]:.3f} (floor kept)",
                  file=sys.stderr)
    data = {
        "about": "In-scope external gold cases the extractor fails today (run as strict xfail) and the pass-rate "
                 "floors per group. Regenerate with: .venv/bin/python tools/score_external.py --update",
        "floors": floors,
        "failures": dict(sorted(failures.items())),
    }
    KNOWN.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {KNOWN.relative_to(ROOT)}: {len(failures)} known failures, floors {floors}")


def main(argv) -> int:
    args = [a for a in argv if not a.startswith("--")]
    unknown = [a for a in argv if a.startswith("--") and a not in ("--failures", "--update")]
    if unknown:
        print(f"error: unknown option {unknown[0]}; see --failures and --update", file=sys.stderr)
        return 2
    gold = Path(args[0]) if args else ROOT.parent / "shared" / "external-gold"
    if not gold.is_dir():
        print(f"error: {gold} is not a directory; pass the external-gold directory as the first argument",
              file=sys.stderr)
        return 2
    outcomes = run(load_all(gold))
    scores = summarise(outcomes)
    rates = group_rates(scores)
    report(scores, rates, "--failures" in argv)
    if "--update" in argv:
        update(scores, rates)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
