"""`factcheck extract` on bad input: one `skipped:` line per bad file on stderr, the rest processed, exit status 1."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

GOOD = "The water board said on Friday it would spend $40 million on new pipes over five years.\n"


def _extractor_ready() -> bool:
    try:
        from factcheck.extract import extract_text

        extract_text("Acme said it raised $5 billion.")
    except ImportError:
        return False
    return True


def _run(*args, input=None):
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", *map(str, args)], input=input)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _skips(result):
    """The skip lines; until the extractor modules land, their ImportError skips are left out."""
    ready = _extractor_ready()
    return [
        line for line in result.stderr.splitlines()
        if line.startswith("skipped: ") and (ready or "extraction failed (ImportError" not in line)
    ]


def _good_file(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(GOOD, encoding="utf-8")
    return f


def _assert_good_processed(result, source_id="good"):
    """The good file was not skipped; once the extractor exists, its claims are on stdout."""
    assert not any(f"{source_id}.txt:" in line for line in _skips(result)), result.stderr
    if _extractor_ready():
        ids = {json.loads(line)["source_id"] for line in result.stdout.splitlines() if line.strip()}
        assert source_id in ids


def _bad_missing(tmp_path):
    return tmp_path / "no-such-article.txt", "no such file or directory; check the path"


def _bad_empty(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    return f, "empty file; add the article text or remove the file"


def _bad_whitespace(tmp_path):
    f = tmp_path / "blank.md"
    f.write_bytes(b"\n   \n\t\n")
    return f, "only whitespace; add the article text or remove the file"


def _bad_binary(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 20)
    return f, "binary file, not text; export the article as .txt, .md or .html first"


def _bad_encoding(tmp_path):
    f = tmp_path / "mangled.txt"
    f.write_bytes(b"Budget \x81\x8d up \x90\x9d 3%.\n")
    return f, "neither UTF-8 nor Windows-1252 (cp1252) text; re-save it as UTF-8"


def _bad_html(tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><head><script>track('x');</script></head><body><div class='ad'>", encoding="utf-8")
    return f, "no article text found in this HTML; check the page, or save its text as .txt"


def _bad_extension(tmp_path):
    f = tmp_path / "statement.pdf"
    f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    return f, "not a .txt, .md or .html file; convert it to text first"


def _bad_front_matter(tmp_path):
    f = tmp_path / "dated.md"
    f.write_text("---\ntitle: Pipes\npublished: last Friday\n---\n" + GOOD, encoding="utf-8")
    return f, "front matter: 'published' must be an ISO date like 2025-11-18, not 'last Friday'"


def _bad_directory(tmp_path):
    d = tmp_path / "attachments"
    d.mkdir()
    (d / "chart.png").write_bytes(b"\x89PNG\r\n")
    (d / ".draft.txt").write_text("hidden draft\n", encoding="utf-8")
    return d, "no .txt, .md or .html files in this directory; point at the folder with the articles"


@pytest.mark.parametrize(
    "make_bad",
    [_bad_missing, _bad_empty, _bad_whitespace, _bad_binary, _bad_encoding, _bad_html, _bad_extension,
     _bad_front_matter, _bad_directory],
    ids=lambda f: f.__name__[5:],
)
@pytest.mark.parametrize("bad_first", [True, False], ids=["bad-first", "bad-last"])
def test_bad_input_is_one_line_and_the_good_file_still_runs(tmp_path, make_bad, bad_first):
    good = _good_file(tmp_path)
    bad, reason = make_bad(tmp_path)
    result = _run(*([bad, good] if bad_first else [good, bad]))
    assert result.exit_code == 1
    assert _skips(result) == [f"skipped: {bad}: {reason}"]
    _assert_good_processed(result)


def test_cp1252_file_is_read_with_a_warning_and_not_skipped(tmp_path):
    good = _good_file(tmp_path)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The mayor said the caf\u00e9 tax raised \u00a32 million \u2013 \u201cmore than hoped\u201d.\n"
                       .encode("cp1252"))
    result = _run(legacy, good)
    assert _skips(result) == []
    warnings = [line for line in result.stderr.splitlines() if not line.startswith("skipped: ")]
    assert warnings == [
        f"warning: {legacy}: not UTF-8, read as Windows-1252 (cp1252); check the text and re-save it as UTF-8"
    ]
    _assert_good_processed(result)
    if _extractor_ready():
        assert result.exit_code == 0
        assert "legacy" in {json.loads(line)["source_id"] for line in result.stdout.splitlines()}


def test_fifty_megabyte_file_is_skipped_without_being_read(tmp_path):
    good = _good_file(tmp_path)
    big = tmp_path / "archive.txt"
    chunk = (b"The port handled 2.4 million containers last year, the authority said. " * 15000)[: 1024 * 1024]
    with open(big, "wb") as f:
        for _ in range(50):
            f.write(chunk)
    assert big.stat().st_size == 50 * 1024 * 1024
    started = time.perf_counter()
    result = _run(big, good)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert _skips(result) == [f"skipped: {big}: too large (50 MB, limit 20 MB); split it into smaller files"]
    _assert_good_processed(result)
    assert elapsed < 10


def test_many_bad_files_in_one_run_each_get_their_own_line(tmp_path):
    good = _good_file(tmp_path)
    makers = [_bad_missing, _bad_empty, _bad_binary, _bad_html, _bad_directory]
    bads = [make(tmp_path)[0] for make in makers]
    result = _run(*bads[:3], good, *bads[3:])
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in _skips(result)] == [str(b) for b in bads]
    _assert_good_processed(result)


def test_unsupported_files_inside_a_directory_are_ignored_quietly(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "good.meta.yaml").write_text("outlet: Water Weekly\n", encoding="utf-8")
    result = _run(folder)
    assert _skips(result) == []
    _assert_good_processed(result)
    if _extractor_ready():
        assert result.exit_code == 0 and result.stderr == ""


def test_stdin_is_read_as_source_stdin():
    result = _run("-", input=GOOD)
    assert _skips(result) == []
    if _extractor_ready():
        assert result.exit_code == 0
        assert {json.loads(line)["source_id"] for line in result.stdout.splitlines()} == {"stdin"}


def test_empty_stdin_is_skipped():
    result = _run("-", input="")
    assert result.exit_code == 1
    assert _skips(result) == ["skipped: -: empty input on stdin; pipe the article text in"]


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    from factcheck import ingest

    good = _good_file(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded(path, *a, **k):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(ingest, "open", guarded, raising=False)
    result = _run(locked, good)
    assert result.exit_code == 1
    assert _skips(result) == [f"skipped: {locked}: permission denied; check the file's permissions"]
    _assert_good_processed(result)


def test_extraction_failure_names_the_file_and_asks_for_a_report(tmp_path, monkeypatch):
    import factcheck.extract

    good = _good_file(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")
    real = factcheck.extract.extract_document

    def flaky(doc):
        if doc.source_id == "other":
            raise ValueError("unexpected\nstate")
        return real(doc)

    monkeypatch.setattr(factcheck.extract, "extract_document", flaky)
    result = _run(other, good)
    assert result.exit_code == 1
    assert _skips(result)[0] == f"skipped: {other}: extraction failed (ValueError: unexpected state); please report this"
    _assert_good_processed(result)
