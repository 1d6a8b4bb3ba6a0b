"""The README is the manual: every command and option is documented, and its extract examples are real output."""

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name):
    assert f"factcheck {name}" in README
    for param in cli.commands[name].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in README, f"{name} {opt} is not in the README"


def _extract_examples():
    """README console blocks that run `factcheck extract`, with the output the README shows."""
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        lines = block.splitlines()
        if not lines or not lines[0].startswith("$ .venv/bin/factcheck extract") or " > " in lines[0]:
            continue
        command, _, pipe = lines[0][2:].partition(" | ")
        yield command, pipe, lines[1:]


EXAMPLES = list(_extract_examples())


def test_the_readme_shows_extract_examples():
    assert EXAMPLES


@pytest.mark.parametrize("command,pipe,shown", EXAMPLES, ids=[e[0][-40:] for e in EXAMPLES])
def test_extract_examples_are_current(command, pipe, shown, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)[1:]
    out = CliRunner().invoke(cli, args).output.splitlines()
    if pipe.startswith("head -"):
        out = out[: int(pipe.split("-")[1])]
    elif pipe.startswith("sed -n ") and pipe.endswith("p"):
        n = int(pipe.split()[-1][:-1])
        out = out[n - 1:n]
    assert out == shown
