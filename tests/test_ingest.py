"""Reading sources: bodies, metadata, source ids and bad input, through the library API."""

from __future__ import annotations

import io
import sys
from datetime import date

import pytest

from factcheck import ingest
from factcheck.ingest import InputError, InputWarning, iter_documents, load_document, slugify
from factcheck.models import Document

ARTICLE = (
    "Harbour towns along the east coast will share $12 million for sea defences, the regional council said.\n"
    "\n"
    "\u201cWe have waited ten years for this,\u201d said Mara Tull, the mayor of Pellow.\n"
)

FRONT = (
    "---\n"
    "title: Coast towns share sea defence fund\n"
    "outlet: Coast Gazette\n"
    "url: https://example.org/news/sea-fund\n"
    "published: 2024-03-05\n"
    "author: Jo Reed\n"
    "kind: report\n"
    "---\n"
)

PAGE = """<!doctype html>
<html><head>
<title>Sea fund agreed | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="og:title" content="Coast towns share sea defence fund">
<meta name="author" content="Jo Reed">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://example.org/news/sea-fund">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Coast towns share sea defence fund</h1>
<p>Harbour towns along the east coast will share $12 million for sea defences, the regional council said on Monday.</p>
<p>\u201cWe have waited ten years for this,\u201d said Mara Tull, the mayor of Pellow, after the vote.</p>
<p>Work on the first wall is expected to start next spring and to take about 18 months.</p>
</article>
<footer>Copyright 2024 Coast Gazette. Sign up for our newsletter.</footer>
</body></html>
"""


def _extractor_ready() -> bool:
    try:
        from factcheck.extract import extract_text

        extract_text("Acme said it raised $5 billion.")
    except ImportError:
        return False
    return True


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


# --- bodies and metadata --------------------------------------------------------------------------------------------


def test_plain_text_body_is_the_file_text_unchanged(tmp_path):
    raw = "First line.  \r\nSecond line\twith a tab.\r\n\r\n  Indented third.\n"
    f = tmp_path / "plain.txt"
    f.write_bytes(raw.encode("utf-8"))
    doc = load_document(f)
    assert doc.body == raw
    assert doc.source_id == "plain"
    assert doc.path == str(f)
    assert doc.title is None and doc.published is None


def test_front_matter_fills_metadata_and_body_is_the_text_after_it(tmp_path):
    f = tmp_path / "sea-fund.md"
    f.write_text(FRONT + ARTICLE, encoding="utf-8")
    doc = load_document(f)
    assert doc.body == ARTICLE
    assert doc.title == "Coast towns share sea defence fund"
    assert doc.outlet == "Coast Gazette"
    assert doc.url == "https://example.org/news/sea-fund"
    assert doc.published == date(2024, 3, 5)
    assert doc.author == "Jo Reed"
    assert doc.kind == "report"


def test_front_matter_offsets_point_into_the_stored_body(tmp_path):
    f = tmp_path / "sea-fund.md"
    f.write_text(FRONT + ARTICLE, encoding="utf-8")
    doc = load_document(f)
    start = doc.body.index("$12 million")
    assert doc.body[start:start + len("$12 million")] == "$12 million"
    assert start == ARTICLE.index("$12 million")
    if not _extractor_ready():
        pytest.skip("extractor modules not there yet")
    from factcheck.extract import extract_document

    claims = extract_document(doc)
    assert claims
    for c in claims:
        assert doc.body[c.start:c.end] == c.text


def test_front_matter_with_crlf_line_endings(tmp_path):
    f = tmp_path / "windows.txt"
    f.write_bytes((FRONT + ARTICLE).replace("\n", "\r\n").encode("utf-8"))
    doc = load_document(f)
    assert doc.published == date(2024, 3, 5)
    assert doc.body == ARTICLE.replace("\n", "\r\n")


def test_published_accepts_a_timestamp_and_quoted_date(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\npublished: '2023-12-31T22:15:00Z'\n---\nText.\n", encoding="utf-8")
    assert load_document(f).published == date(2023, 12, 31)


def test_unknown_front_matter_keys_are_ignored(tmp_path):
    f = tmp_path / "blog.md"
    f.write_text("---\nlayout: post\ntags: [a, b]\ntitle: Hi\n---\nText.\n", encoding="utf-8")
    doc = load_document(f)
    assert doc.title == "Hi" and doc.body == "Text.\n"


def test_a_dashed_line_later_in_the_file_is_not_front_matter(tmp_path):
    text = "Intro paragraph.\n---\nkind: not metadata\n---\nMore.\n"
    f = tmp_path / "rules.txt"
    f.write_text(text, encoding="utf-8")
    assert load_document(f).body == text


@pytest.mark.parametrize(
    "front, field",
    [
        ("title: one: two\n", "not valid YAML at line 3"),
        ("title: [unclosed\n", "not valid YAML"),
        ("published: next week\n", "'published'"),
        ("published: 2024-02-30\n", "'published'"),
        ("kind: blog\n", "'kind'"),
        ("title:\n  - a\n  - b\n", "'title'"),
        ("- just\n- a list\n", "key: value"),
    ],
)
def test_bad_front_matter_names_the_field(tmp_path, front, field):
    f = tmp_path / "bad.md"
    f.write_text("---\n# about\n" + front + "---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_document(f)
    msg = str(e.value)
    assert msg.startswith(f"{f}: ")
    assert field in msg
    assert "\n" not in msg


def test_unclosed_front_matter_is_an_error(tmp_path):
    f = tmp_path / "open.md"
    f.write_text("---\ntitle: Hi\nText without an end.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no closing '---'"):
        load_document(f)


def test_front_matter_with_nothing_after_it_is_an_error(tmp_path):
    f = tmp_path / "meta-only.md"
    f.write_text(FRONT + "\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="no text after the front matter"):
        load_document(f)


def test_sidecar_supplies_metadata_and_leaves_the_text_alone(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "report.meta.yaml").write_text(
        "# kept beside the text\ntitle: Sea fund\noutlet: Coast Gazette\npublished: 2024-03-06\nkind: primary\n",
        encoding="utf-8",
    )
    doc = load_document(f)
    assert doc.body == ARTICLE
    assert (doc.title, doc.outlet, doc.published, doc.kind) == ("Sea fund", "Coast Gazette", date(2024, 3, 6), "primary")


def test_front_matter_wins_over_sidecar_field_by_field(tmp_path):
    f = tmp_path / "both.md"
    f.write_text("---\ntitle: From the file\n---\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "both.meta.yaml").write_text("title: From the sidecar\noutlet: Sidecar Times\n", encoding="utf-8")
    doc = load_document(f)
    assert doc.title == "From the file"
    assert doc.outlet == "Sidecar Times"


def test_bad_sidecar_names_the_sidecar_and_field(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("kind: newspaper\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"story\.meta\.yaml: 'kind' must be primary, report or aggregator"):
        load_document(f)


def test_seed_source_reads_byte_identical_with_its_sidecar():
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    seed = repo / "sources" / "seed-anthropic-microsoft-nvidia.txt"
    if not seed.exists():
        pytest.skip("seed source not bundled")
    doc = load_document(seed)
    assert doc.body == seed.read_bytes().decode("utf-8")
    assert doc.published is not None and doc.kind is not None and doc.title


# --- HTML -----------------------------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "sea-fund.html"
    f.write_text(PAGE, encoding="utf-8")
    doc = load_document(f)
    assert "Harbour towns along the east coast will share $12 million" in doc.body
    assert "said Mara Tull, the mayor of Pellow" in doc.body
    assert "Sport" not in doc.body and "newsletter" not in doc.body
    assert doc.title == "Coast towns share sea defence fund"
    assert doc.outlet == "Coast Gazette"
    assert doc.url == "https://example.org/news/sea-fund"
    assert doc.author == "Jo Reed"
    assert doc.published == date(2024, 3, 5)
    assert doc.source_id == "sea-fund"


def test_html_sidecar_overrides_what_the_page_says(tmp_path):
    f = tmp_path / "page.htm"
    f.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text("kind: report\npublished: 2024-03-04\n", encoding="utf-8")
    doc = load_document(f)
    assert doc.kind == "report" and doc.published == date(2024, 3, 4)
    assert doc.outlet == "Coast Gazette"


def test_html_fragment_without_html_tag_is_read(tmp_path):
    f = tmp_path / "fragment.html"
    f.write_text("<p>The ferry company said it carried 1.2 million passengers last year.</p>", encoding="utf-8")
    assert "1.2 million passengers" in load_document(f).body


def test_truncated_html_with_text_is_still_read(tmp_path):
    f = tmp_path / "cut.html"
    f.write_text(PAGE[: PAGE.index("Work on the first wall")], encoding="utf-8")
    assert "$12 million" in load_document(f).body


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><script>var x = 1;</script><style>p { color: red }</style></head><body><div>",
        "<html><body><<<<>>>> </div></p></span> 12 34",
    ],
)
def test_html_without_text_is_an_error(tmp_path, markup):
    f = tmp_path / "broken.html"
    f.write_text(markup, encoding="utf-8")
    with pytest.raises(InputError, match="no article text found in this HTML"):
        load_document(f)


def test_html_body_offsets_round_trip(tmp_path):
    if not _extractor_ready():
        pytest.skip("extractor modules not there yet")
    from factcheck.extract import extract_document

    f = tmp_path / "sea-fund.html"
    f.write_text(PAGE, encoding="utf-8")
    doc = load_document(f)
    claims = extract_document(doc)
    assert claims
    assert all(doc.body[c.start:c.end] == c.text for c in claims)


# --- encodings and bad bytes ----------------------------------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert load_document(f).body == ARTICLE


def test_cp1252_is_read_with_a_warning(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("The caf\u00e9 owner said \u201cprices rose 4%\u201d \u2013 twice.\n".encode("cp1252"))
    seen = []
    doc = load_document(f, warn=seen.append)
    assert doc.body == "The caf\u00e9 owner said \u201cprices rose 4%\u201d \u2013 twice.\n"
    assert len(seen) == 1 and isinstance(seen[0], InputWarning)
    assert str(seen[0]).startswith(f"{f}: ") and "cp1252" in str(seen[0]) and "UTF-8" in str(seen[0])


def test_cp1252_warning_goes_to_python_warnings_by_default(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Na\u00efve estimate: \u00a35 million.\n".encode("cp1252"))
    with pytest.warns(InputWarning, match="cp1252"):
        doc = load_document(f)
    assert "\u00a35 million" in doc.body


def test_utf16_with_bom_is_read_with_a_warning(tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes(ARTICLE.encode("utf-16"))
    seen = []
    assert load_document(f, warn=seen.append).body == ARTICLE
    assert "UTF-16" in str(seen[0])


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
        (bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F]) * 50, "binary file"),
        (b"caf\x81 \x8d\x8f\x90 \x9d", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_unreadable_text_is_an_error(tmp_path, data, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as e:
        load_document(f)
    assert str(e.value).startswith(f"{f}: ") and reason in str(e.value)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1024 * 1024)
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Words about a $3 million budget. " * 70000)
    real_open = open

    def no_open(path, *a, **k):
        if str(path) == str(f):
            raise AssertionError("the file was opened")
        return real_open(path, *a, **k)

    monkeypatch.setattr(ingest, "open", no_open, raising=False)
    with pytest.raises(InputError, match=r"too large \(2 MB, limit 1 MB\); split it"):
        load_document(f)


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    f = tmp_path / "locked.txt"
    f.write_text(ARTICLE, encoding="utf-8")

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied", str(f))

    monkeypatch.setattr(ingest, "open", denied, raising=False)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied; check the file's permissions$"):
        load_document(f)


def test_missing_and_unsupported_paths(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        load_document(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="no such file or directory"):
        load_document(tmp_path / "gone.pdf")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(InputError, match=r"report\.pdf: not a \.txt, \.md or \.html file; convert it to text first"):
        load_document(pdf)


# --- walking, ids, streaming ----------------------------------------------------------------------------------------


def _tree(tmp_path):
    root = tmp_path / "stories"
    (root / "b-sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "c.md").write_text("Third.\n", encoding="utf-8")
    (root / "A story.txt").write_text("First.\n", encoding="utf-8")
    (root / "b-sub" / "inner.html").write_text("<html><body><p>Second, from a page.</p></body></html>", encoding="utf-8")
    (root / "c.meta.yaml").write_text("title: Three\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden.\n", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Hidden too.\n", encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF")
    (root / "photo.png").write_bytes(b"\x89PNG")
    return root


def test_directory_walk_is_recursive_sorted_and_quiet_about_other_files(tmp_path):
    items = list(iter_documents([_tree(tmp_path)]))
    assert _errors(items) == []
    assert [d.source_id for d in items] == ["a-story", "inner", "c"]
    assert items[2].title == "Three"


def test_source_ids_are_stable_and_duplicates_get_a_deterministic_suffix(tmp_path):
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "Report.txt").write_text(f"Report from {sub}.\n", encoding="utf-8")
    (tmp_path / "report.md").write_text("A third report.\n", encoding="utf-8")
    paths = [tmp_path / "one", tmp_path / "two", tmp_path / "report.md"]
    first = [d.source_id for d in iter_documents(paths)]
    second = [d.source_id for d in iter_documents(paths)]
    assert first == second
    assert first[0] == "report"
    assert len(set(first)) == 3 and all(i.startswith("report-") for i in first[1:])


def test_the_same_file_twice_is_read_once(tmp_path):
    f = tmp_path / "once.txt"
    f.write_text("Once.\n", encoding="utf-8")
    assert [d.source_id for d in iter_documents([f, tmp_path, str(f)])] == ["once"]


def test_slugify():
    assert slugify("Seed Anthropic_Microsoft (Nvidia)") == "seed-anthropic-microsoft-nvidia"
    assert slugify("Café – 2024") == "cafe-2024"
    assert slugify("日本") == slugify("日本") and slugify("日本").startswith("source-")


def test_bad_files_are_errors_and_the_rest_still_come(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "slides.pptx").write_bytes(b"PK")
    items = list(iter_documents([tmp_path / "missing.txt", empty_dir, good]))
    errors = _errors(items)
    assert [e.path for e in errors] == [str(tmp_path / "missing.txt"), str(empty_dir)]
    assert "no .txt, .md or .html files in this directory" in str(errors[1])
    assert [d.source_id for d in _docs(items)] == ["good"]


def test_unexpected_failure_is_reported_not_raised(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text(ARTICLE, encoding="utf-8")
    real = ingest._decode

    def flaky(data, name, warn):
        if name.endswith("odd.txt"):
            raise RuntimeError("boom\nsecond line")
        return real(data, name, warn)

    monkeypatch.setattr(ingest, "_decode", flaky)
    items = list(iter_documents([good, odd]))
    assert [d.source_id for d in _docs(items)] == ["good"]
    assert str(_errors(items)[0]) == f"{odd}: could not be read (RuntimeError: boom second line); please report this"


def test_iteration_is_lazy(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("A.\n", encoding="utf-8")
    b.write_text("B.\n", encoding="utf-8")
    it = iter_documents([tmp_path])
    assert next(it).source_id == "a"
    b.write_text("B changed after the first file was handed out.\n", encoding="utf-8")
    assert next(it).body.startswith("B changed")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FRONT + ARTICLE).encode("utf-8"))))
    (doc,) = list(iter_documents(["-"]))
    assert doc.source_id == "stdin" and doc.path == "-"
    assert doc.body == ARTICLE and doc.outlet == "Coast Gazette"


def test_stdin_html_and_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    assert "$12 million" in load_document("-").body
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n")))
    with pytest.raises(InputError, match=r"^-: empty input on stdin"):
        load_document("-")


def test_unlistable_subdirectory_is_one_error_and_the_walk_goes_on(tmp_path, monkeypatch):
    root = _tree(tmp_path)
    real = ingest.os.scandir

    def guarded(path):
        if str(path).endswith("b-sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(ingest.os, "scandir", guarded)
    items = list(iter_documents([root]))
    assert [str(e) for e in _errors(items)] == [
        f"{root / 'b-sub'}: permission denied while listing the directory; check its permissions"
    ]
    assert [d.source_id for d in _docs(items)] == ["a-story", "c"]
