"""Score the extractor against hand-annotated gold files with the shared scorer (../shared/eval/score_claims.py).

Used by `tools/score_dev.py` (prints pooled F1 over the development set) and by the accuracy tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .extract import extract_text
from .ingest import load_document


def score_file(scorer: Path, gold: Path, article: Path) -> dict:
    """The shared scorer's JSON report for our claims on one article, read as `factcheck extract` reads it.

    Offsets point into the stored body; when the file has front matter, the scorer is given that body (in a
    temporary file) rather than the file, so both count offsets from the same text.
    """
    doc = load_document(article)
    claims = extract_text(doc.body, source_id=article.stem, published=doc.published)
    with tempfile.TemporaryDirectory() as tmp:
        claims_path = Path(tmp) / "claims.jsonl"
        claims_path.write_text("".join(c.model_dump_json() + "\n" for c in claims), encoding="utf-8")
        text_path = article
        if doc.body != article.read_text(encoding="utf-8"):
            text_path = Path(tmp) / article.name
            text_path.write_text(doc.body, encoding="utf-8")
        out = subprocess.run([sys.executable, str(scorer), str(gold), str(text_path), str(claims_path), "--json"],
                             capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def article_for(gold: Path) -> Path:
    """The annotated article beside ``NAME.gold.json``: ``NAME.txt``, else ``NAME.md``."""
    stem = gold.name.replace(".gold.json", "")
    found = [gold.with_name(stem + ext) for ext in (".txt", ".md") if gold.with_name(stem + ext).exists()]
    return found[0] if found else gold.with_name(stem + ".txt")


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def file_scores(report: dict) -> dict:
    """Numeric and quote+speaker precision, recall and F1 of one report (the same pooling as the dev hook)."""
    n, q = report["numeric"], report["quotes"]
    n_right, n_out = n["all_fields_right"], n["found"] + n["extras"] + len(
        [t for t in report["trap_hits"] if t.startswith("numeric")])
    q_right, q_out = q["speaker_right"], q["found"] + q["extras_with_speaker"]
    return {"numeric_right": n_right, "numeric_required": n["required"], "numeric_output": n_out,
            "quote_right": q_right, "quote_required": q["required"], "quote_output": q_out}


def pooled(rows: list[dict]) -> dict:
    t = {k: sum(r[k] for r in rows) for k in rows[0]}
    nr = t["numeric_right"] / t["numeric_required"] if t["numeric_required"] else 1.0
    np_ = t["numeric_right"] / t["numeric_output"] if t["numeric_output"] else 1.0
    qr = t["quote_right"] / t["quote_required"] if t["quote_required"] else 1.0
    qp = t["quote_right"] / t["quote_output"] if t["quote_output"] else 1.0
    return {"numeric_precision": round(np_, 3), "numeric_recall": round(nr, 3), "numeric_f1": round(f1(np_, nr), 3),
            "quote_precision": round(qp, 3), "quote_recall": round(qr, 3), "quote_f1": round(f1(qp, qr), 3)}
