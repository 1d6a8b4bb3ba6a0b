"""``factcheck contradictions``, ``factcheck verify`` and ``factcheck review``: thin click commands over
factcheck.crossref, factcheck.verify and factcheck.ledger."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

DEFAULT_DB = "factcheck.db"
DEFAULT_SOURCES = "sources"
DEFAULT_CLAIMS = "claims"
SEVERITIES = ("info", "low", "medium", "high")


def _open(db_path: str, build_missing: bool = True):
    """The database at ``db_path`` (built from sources/ when missing), or one clear line."""
    import sqlite_utils

    from . import store
    from .publish import check_database

    try:
        if not Path(db_path).exists() and build_missing and Path(DEFAULT_SOURCES).is_dir():
            from .db_cli import _build

            click.echo(f"{db_path} is missing; building it from {DEFAULT_SOURCES}/", err=True)
            _build([DEFAULT_SOURCES], db_path, quiet=False)
        check_database(db_path)
        return sqlite_utils.Database(db_path)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None


def _flags(db, min_severity: str) -> list[dict]:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    rows = []
    for r in db.execute("select id, kind, claim_ids, explanation, severity, evidence from flags"):
        flag = {"id": r[0], "kind": r[1], "claim_ids": json.loads(r[2] or "[]"), "explanation": r[3],
                "severity": r[4], "evidence": json.loads(r[5] or "[]")}
        if rank.get(flag["severity"], 0) >= rank[min_severity]:
            rows.append(flag)
    rows.sort(key=lambda f: (-rank.get(f["severity"], 0), f["kind"], f["id"]))
    return rows


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help=f"The claim database (built from {DEFAULT_SOURCES}/ when missing)")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="jsonl: one flag a line with its evidence; table: one readable block per flag")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="Leave out flags below this severity (info flags are passed checks, e.g. parts adding up)")
def contradictions(db, fmt, min_severity):
    """Every flag cross-referencing raised: values, swapped parties, arithmetic, quotes, dates, units.

    Each flag has an id, kind, claim_ids, a one-sentence explanation, a severity (info for a passed check,
    low, medium, high) and evidence: for each side the source, its path, url, outlet and date, and the claim's
    span (start, end, text) inside its sentence.
    """
    database = _open(db)
    flags = _flags(database, min_severity)
    for flag in flags:
        if fmt == "jsonl":
            click.echo(json.dumps(flag, ensure_ascii=False))
            continue
        click.echo(f"[{flag['severity']}] {flag['kind']} {flag['id']}")
        click.echo(f"  {flag['explanation']}")
        for side in flag["evidence"]:
            where = ", ".join(str(side[k]) for k in ("outlet", "published") if side.get(k))
            click.echo(f"    - {side.get('side', '')}: {where}: {side.get('text')!r} "
                       f"({side.get('source_id')}:{side.get('start')}-{side.get('end')})")
        click.echo("")
    if fmt == "table":
        click.echo(f"{len(flags)} flag{'s' if len(flags) != 1 else ''}", err=True)


@click.command(epilog="\b\nExit status:\n  0  SUPPORTED\n  3  REFUTED\n  4  CONFLICTING\n  5  NOT_ENOUGH_EVIDENCE\n"
                      "  2  usage error\n  1  any other error\nWith --file: 0 when every line was answered, 1 otherwise.")
@click.argument("sentence", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help=f"The claim database (built from {DEFAULT_SOURCES}/ when missing)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the label, explanation and evidence for people; json: one object")
@click.option("--file", "file_", type=click.File("r", encoding="utf-8"),
              help="Verify every line of FILE ('-' for stdin) and print one JSON object a line")
def verify(sentence, db, fmt, file_):
    """Check SENTENCE against the sources: SUPPORTED, REFUTED, CONFLICTING or NOT_ENOUGH_EVIDENCE.

    The sentence is read by the same extractor as the sources (figure, unit, qualifier, parties, metric, quote,
    speaker); matching claims come from full-text search plus name and metric matching, and each supports or
    refutes it. The answer gives a label, a confidence, a one-sentence explanation and the evidence (each side's
    source, url, outlet, date, span and sentence, with its relation: supports or refutes).
    """
    from .verify import verify as run

    if (sentence is None) == (file_ is None):
        raise click.UsageError("give one SENTENCE or --file FILE")
    database = _open(db)
    if file_ is not None:
        for line in file_:
            if line.strip():
                click.echo(json.dumps(run(line.strip(), database).as_dict(), ensure_ascii=False))
        sys.exit(0)
    verdict = run(sentence, database)
    try:
        if fmt == "json":
            click.echo(json.dumps(verdict.as_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(f"{verdict.label} (confidence {verdict.confidence:.2f})")
            click.echo(verdict.explanation)
            if verdict.evidence:
                click.echo("Evidence:")
            for e in verdict.evidence:
                where = ", ".join(str(e[k]) for k in ("outlet", "published") if e.get(k))
                note = " (superseded)" if e.get("superseded") else ""
                click.echo(f"  {e['relation']}{note}: {where}: {e['text']!r} in “{e['sentence']}”")
        sys.stdout.flush()
    except BrokenPipeError:
        # `factcheck verify ... | head -2`: the reader left early; the exit status still says the label
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(verdict.exit_code)


@click.command()
@click.argument("claim_id")
@click.option("--status", required=True, type=click.Choice(["confirmed", "disputed", "false", "needs-context"]),
              help="Your verdict on the claim")
@click.option("--note", required=True, help="Why: what you checked, against what")
@click.option("--reviewer", help="Who reviewed it")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The claim database the id comes from")
@click.option("--claims-dir", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(file_okay=False),
              help="The reviewed ledger: one YAML file per source")
def review(claim_id, status, note, reviewer, db, claims_dir):
    """Record a verdict on CLAIM_ID in the reviewed ledger (claims/<source>.yaml).

    The next `factcheck build` applies it by the claim's stable id (the reviews table, shown as a facet in
    Datasette); a review whose claim has gone is reported by every build and kept in its file.
    """
    from .ledger import LedgerError, review as record

    database = _open(db, build_missing=False)
    try:
        path = record(database, claim_id, status, note=note, reviewer=reviewer, claims_dir=claims_dir)
    except LedgerError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{claim_id}: {status}, recorded in {path}; run `factcheck build` to apply it")
