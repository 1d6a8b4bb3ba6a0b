"""``factcheck build`` and ``factcheck serve``: thin click commands over factcheck.build and factcheck.publish."""

from __future__ import annotations

import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

DEFAULT_DB = "factcheck.db"
DEFAULT_SOURCES = "sources"


def _build(paths, db, quiet, workers=None):
    """Run a build, printing notices to stderr; library errors become one line."""
    from . import store
    from .build import build as run_build, count_sources
    from .crosscheck import steps as cross_check_steps

    paths = list(paths) or [DEFAULT_SOURCES]
    bar = None
    if not quiet and sys.stderr.isatty():
        bar = click.progressbar(length=count_sources(paths), label="Building", file=sys.stderr)
        bar.__enter__()
    try:
        report = run_build(paths, db, workers=workers, say=lambda line: click.echo(line, err=True),
                           progress=bar.update if bar else None,
                           after=cross_check_steps(say=lambda line: click.echo(line, err=True), workers=workers))
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
    except BrokenProcessPool:
        raise click.ClickException("an extraction worker died (out of memory?); the previous database is unchanged")
    finally:
        if bar:
            bar.__exit__(None, None, None)
    if not quiet:
        click.echo(report.summary(), err=True)
    return report


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The SQLite database to create or update")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; only skipped inputs on stderr")
@click.option("--workers", type=click.IntRange(min=1),
              help="Processes for extraction and cross-checking  [default: one per core]")
def build(paths, db, quiet, workers):
    """Build the claim database from PATH... (files or folders; default: sources/).

    Unchanged sources keep their claims, removed ones go; the database is replaced in one step when the build
    succeeds. Exit status 0 when every input was read, 1 when any input was skipped.
    """
    report = _build(paths, db, quiet, workers)
    sys.exit(1 if report.skipped else 0)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help=f"The database to serve; built from {DEFAULT_SOURCES}/ first when missing")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on")
def serve(db, port, host):
    """Browse the claim database in Datasette (read-only), building it first if it is missing."""
    from . import publish, store

    try:
        publish.check_port(host, port)
        if not Path(db).exists():
            if not Path(DEFAULT_SOURCES).is_dir():
                raise store.StoreError(f"{db} does not exist and there is no {DEFAULT_SOURCES}/ folder to build it "
                                       f"from; run: factcheck build PATH... --db {db}")
            click.echo(f"{db} is missing; building it from {DEFAULT_SOURCES}/", err=True)
            _build([DEFAULT_SOURCES], db, quiet=False)
        publish.check_database(db)
        click.echo(f"Serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        publish.serve(db, host=host, port=port)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
