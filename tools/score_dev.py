#!/usr/bin/env python3
"""Score the extractor on every annotated file of the development set and print pooled F1.

usage: python tools/score_dev.py [DEV_DIR] [--verbose]     (DEV_DIR defaults to ../shared/dev)

DEV_DIR holds NAME.gold.json beside NAME.txt or NAME.md; `tests/fresh` is our own annotated set.
"""

import sys
from pathlib import Path

from factcheck.scoring import article_for, file_scores, pooled, score_file

ROOT = Path(__file__).resolve().parents[1]


def main(argv):
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    dev = Path(args[0]) if args else ROOT.parent / "shared" / "dev"
    scorer = ROOT.parent / "shared" / "eval" / "score_claims.py"
    rows = []
    for gold in sorted(dev.glob("*.gold.json")):
        article = article_for(gold)
        report = score_file(scorer, gold, article)
        row = file_scores(report)
        rows.append(row)
        print(f"{article.name}: numeric {row['numeric_right']}/{row['numeric_required']} right of "
              f"{row['numeric_output']} output; quotes {row['quote_right']}/{row['quote_required']} right of "
              f"{row['quote_output']} output")
        if verbose:
            for key in ("misses", "wrong", "trap_hits", "extras"):
                for line in report[key]:
                    print(f"    {key}: {line}")
    p = pooled(rows)
    print(f"pooled numeric F1 {p['numeric_f1']:.3f} (P {p['numeric_precision']:.3f} R {p['numeric_recall']:.3f}); "
          f"quote+speaker F1 {p['quote_f1']:.3f} (P {p['quote_precision']:.3f} R {p['quote_recall']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
