"""The factcheck command line: a thin click shell over the library."""

from __future__ import annotations

import json
import sys

import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="factcheck")
def cli():
    """Find checkable claims in news articles, keep their provenance, cross-check them across sources."""


@cli.command()
def schema():
    """Print the JSON schema of a claim record."""
    from .models import Claim

    click.echo(json.dumps(Claim.model_json_schema(), indent=2))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="table", show_default=True,
              help="jsonl: one claim a line; json: one array; table: a readable summary")
@click.option("--kind", type=click.Choice(["numeric", "quote"]), help="Only claims of this kind")
def extract(paths, fmt, kind):
    """Extract claims from FILE_OR_DIR... (.txt, .md, .html; '-' reads stdin).

    Exit status 0 when every input was read, 1 when any input was skipped (each skip is one line on stderr).
    """
    from .extract import extract_document
    from .ingest import InputError, iter_documents

    skipped = 0
    collected = []
    for item in iter_documents(paths, warn=lambda w: click.echo(f"warning: {w}", err=True)):
        if isinstance(item, InputError):
            skipped += 1
            click.echo(f"skipped: {item}", err=True)
            continue
        try:
            claims = extract_document(item)
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the others
            skipped += 1
            reason = " ".join(str(e).split())
            click.echo(f"skipped: {item.path}: extraction failed ({type(e).__name__}: {reason}); please report this",
                       err=True)
            continue
        if kind:
            claims = [c for c in claims if c.kind == kind]
        if fmt == "jsonl":
            for c in claims:
                click.echo(c.model_dump_json())
        elif fmt == "json":
            collected.extend(c.model_dump(mode="json") for c in claims)
        else:
            _print_table(claims)
    if fmt == "json":
        click.echo(json.dumps(collected, indent=2, ensure_ascii=False))
    sys.exit(1 if skipped else 0)


def _describe(c) -> str:
    if c.kind == "quote":
        who = c.speaker or "(no speaker)"
        return f"{who}: “{c.quote}”"
    from .render import describe_figure

    return describe_figure(c)


def _print_table(claims) -> None:
    for c in claims:
        click.echo(f"{c.source_id}:{c.start}-{c.end}  {c.kind:<7}  {_describe(c)}  [{c.rule}, {c.confidence:.2f}]")


def main():  # pragma: no cover - console entry
    cli()


from .db_cli import build, serve  # noqa: E402

cli.add_command(build)
cli.add_command(serve)
from .xref_cli import contradictions, review, verify  # noqa: E402
cli.add_command(contradictions); cli.add_command(verify); cli.add_command(review)  # noqa: E702
