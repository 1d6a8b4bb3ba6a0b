#!/usr/bin/env python3
"""Raise the per-file floors of an annotated folder to what the extractor reaches now (never lower them).

usage: python tools/raise_floors.py tests/fresh      (writes tests/fresh/floors.json)
       python tools/raise_floors.py ../shared/dev tests/dev_floors.json
"""

import json
import sys
from pathlib import Path

from factcheck.scoring import article_for, file_scores, pooled, score_file

ROOT = Path(__file__).resolve().parents[1]


def main(argv):
    folder = Path(argv[0])
    out = Path(argv[1]) if len(argv) > 1 else folder / "floors.json"
    scorer = ROOT.parent / "shared" / "eval" / "score_claims.py"
    floors = json.loads(out.read_text()) if out.exists() else {"files": {}}
    rows = []
    for gold in sorted(folder.glob("*.gold.json")):
        article = article_for(gold)
        row = file_scores(score_file(scorer, gold, article))
        rows.append(row)
        new = {"numeric_right": row["numeric_right"], "quote_right": row["quote_right"],
               "numeric_wrong_or_extra": row["numeric_output"] - row["numeric_right"],
               "quote_wrong_or_extra": row["quote_output"] - row["quote_right"]}
        old = floors["files"].get(article.name, new)
        floors["files"][article.name] = {
            k: (max(old[k], new[k]) if k.endswith("_right") else min(old[k], new[k])) for k in new}
    p = pooled(rows)
    floors.setdefault("pooled", {})
    for k in ("numeric_f1", "quote_f1"):
        floors["pooled"][k] = max(floors["pooled"].get(k, 0), p[k])
    out.write_text(json.dumps(floors, indent=2) + "\n")
    print(f"{out}: pooled numeric F1 {p['numeric_f1']:.3f}, quote+speaker F1 {p['quote_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
