"""The claim record: offsets, stable ids, the JSON schema and the extract command's output formats."""

import json

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.extract import extract_text
from factcheck.models import Claim

ARTICLE = """Grainfield Foods will buy the Oakridge bakery chain for $1.4 billion, the company said on Tuesday.
“This gives us 600 more stores across the north,” said chief executive Nadia Karimi.
Oakridge has about 9,000 employees and expects sales to rise 8% next year.
"""


def test_offsets_point_into_the_text():
    for c in extract_text(ARTICLE):
        assert ARTICLE[c.start:c.end] == c.text
        assert c.text in c.sentence
        assert ARTICLE[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.rule and 0 <= c.confidence <= 1 and c.confidence_reasons


def test_ids_are_stable_and_unique():
    first = [c.id for c in extract_text(ARTICLE, source_id="oakridge")]
    again = [c.id for c in extract_text(ARTICLE, source_id="oakridge")]
    assert first == again
    assert len(set(first)) == len(first)
    assert set(first).isdisjoint(c.id for c in extract_text(ARTICLE, source_id="other"))


def test_every_kind_of_claim_is_found():
    cs = extract_text(ARTICLE)
    assert {c.text for c in cs if c.kind == "numeric"} >= {"$1.4 billion", "600 more stores", "9,000 employees",
                                                             "8%"}
    [q] = [c for c in cs if c.kind == "quote"]
    assert q.speaker == "Nadia Karimi"


def test_schema_command_prints_the_claim_schema():
    out = CliRunner().invoke(cli, ["schema"])
    assert out.exit_code == 0
    schema = json.loads(out.output)
    assert set(Claim.model_fields) <= set(schema["properties"])


def test_extract_jsonl_json_and_kind(tmp_path):
    f = tmp_path / "oakridge.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    jsonl = runner.invoke(cli, ["extract", str(f), "--format", "jsonl"])
    rows = [json.loads(line) for line in jsonl.output.splitlines()]
    assert rows and all(ARTICLE[r["start"]:r["end"]] == r["text"] for r in rows)
    as_json = json.loads(runner.invoke(cli, ["extract", str(f), "--format", "json"]).output)
    assert [r["id"] for r in as_json] == [r["id"] for r in rows]
    only_quotes = runner.invoke(cli, ["extract", str(f), "--format", "jsonl", "--kind", "quote"]).output
    assert {json.loads(line)["kind"] for line in only_quotes.splitlines()} == {"quote"}
    table = runner.invoke(cli, ["extract", str(f)]).output
    assert "$1.4 billion" in table and "Nadia Karimi" in table


def test_stdin_is_read_with_a_dash():
    out = CliRunner().invoke(cli, ["extract", "-", "--format", "jsonl"], input="The club signed 3 players.\n")
    assert out.exit_code == 0
    assert json.loads(out.output.splitlines()[0])["source_id"] == "stdin"


def test_front_matter_offsets_point_into_the_body(tmp_path):
    from factcheck.extract import extract_document
    from factcheck.ingest import load_document

    f = tmp_path / "story.md"
    f.write_text("---\ntitle: Bakery deal\npublished: 2025-11-18\nkind: report\n---\n" + ARTICLE, encoding="utf-8")
    doc = load_document(f)
    cs = extract_document(doc)
    assert doc.body == ARTICLE and all(doc.body[c.start:c.end] == c.text for c in cs)
    sales = [c for c in cs if c.text == "8%"][0]
    assert sales.time == "2026"
