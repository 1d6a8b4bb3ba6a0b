"""The ledger in Datasette, through its in-process client: JSON API, facets, search, canned queries, the plugin."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import socket
import urllib.request

import pytest
import sqlite_utils
from click.testing import CliRunner

from factcheck import facets, publish, store
from conftest import LEDGER_ARTICLES
from factcheck.cli import cli


@pytest.fixture(scope="module")
def ds(ledger_db):
    return publish.make_datasette(ledger_db)


def get(ds, path: str, status: int = 200):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == status, (path, response.text[:500])
    return response


def rows(ds, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    return get(ds, f"{path}{sep}_shape=array").json()


def test_claims_json_api(ds, ledger_db):
    claims = rows(ds, "/factcheck/claims.json?_size=max")
    assert len(claims) == sqlite_utils.Database(ledger_db)["claims"].count == 14
    by_text = {c["text"]: c for c in claims}
    investment = by_text["up to $2.5 billion"]
    assert (investment["value"], investment["unit"], investment["qualifier"]) == (2.5e9, "USD", "up_to")
    assert investment["source_id"] == "corvid-announcement"
    assert rows(ds, "/factcheck/claims.json?unit=USD&qualifier=about") == [by_text["about $2 billion"]]


def test_default_facets_from_the_metadata(ds):
    data = get(ds, "/factcheck/claims.json").json()
    facets = data["facet_results"]
    assert set(facets) == {"kind", "unit", "qualifier", "metric", "speaker"}
    kinds = {f["value"]: f["count"] for f in facets["kind"]["results"]}
    assert kinds == {"numeric": 10, "quote": 4}
    speakers = {f["value"]: f["count"] for f in facets["speaker"]["results"]}
    assert speakers == {"Mara Quint": 2, "Tomas Reyes": 1, "Eve Mallory": 1}
    outlets = get(ds, "/factcheck/claim_details.json").json()["facet_results"]["outlet"]["results"]
    assert {f["value"]: f["count"] for f in outlets}["Corvid Energy newsroom"] == 6
    flag_kinds = get(ds, "/factcheck/flags.json").json()["facet_results"]["kind"]["results"]
    assert [(f["value"], f["count"]) for f in flag_kinds] == [("value_mismatch", 1)]


def test_ledger_facets_count_like_column_facets_and_are_remembered(ledger_db):
    fresh = publish.make_datasette(ledger_db)
    asyncio.run(fresh.invoke_startup())
    asyncio.run(facets.warm(fresh))
    remembered = dict(fresh._factcheck_facet_cache)
    # claims, sources, flags, reviews one query per facet; each view one query for all its facets
    assert len(remembered) == 5 + 2 + 2 + 1 + 3
    both = get(fresh, "/factcheck/claims.json?_size=0&_facet=unit").json()["facet_results"]
    assert both["unit"]["type"] == both["unit_2"]["type"] == "column"
    assert both["unit"]["results"] == both["unit_2"]["results"]
    assert {f["value"]: f["count"] for f in both["unit"]["results"]}["USD"] == 5
    assert fresh._factcheck_facet_cache.keys() >= remembered.keys()
    assert len(fresh._factcheck_facet_cache) == len(remembered)  # the ledger facets were not counted again


def test_narrower_pages_count_every_facet_from_one_read_of_their_rows(ledger_db, monkeypatch):
    fresh = publish.make_datasette(ledger_db)
    whole = get(fresh, "/factcheck/claims.json?_size=0").json()["facet_results"]
    numeric = get(fresh, "/factcheck/claims.json?_size=0&kind=numeric").json()["facet_results"]
    assert numeric["unit"]["type"] == "column" and "sample_rows" not in numeric["unit"]
    counts = lambda facet: [(r["value"], r["count"]) for r in facet["results"]]  # noqa: E731
    assert counts(numeric["unit"]) == counts(whole["unit"])  # every claim with a unit is numeric
    assert numeric["unit"]["results"][0]["toggle_url"].endswith("kind=numeric&unit=USD")
    assert [r["value"] for r in numeric["kind"]["results"]] == ["numeric"] and numeric["kind"]["results"][0]["selected"]
    searched = get(fresh, "/factcheck/claims.json?_size=0&_search=billion").json()
    assert sum(r["count"] for r in searched["facet_results"]["kind"]["results"]) == searched["filtered_table_rows_count"]

    monkeypatch.setattr(facets, "SAMPLE_ROWS", 3)
    capped = get(fresh, "/factcheck/claims.json?_size=0&unit=USD").json()
    assert capped["filtered_table_rows_count"] == 5
    unit = capped["facet_results"]["unit"]
    assert unit["type"] == "first 3 matches" and unit["sample_rows"] == 3
    assert unit["results"] == [{**unit["results"][0], "value": "USD", "count": 3}]
    html = get(fresh, "/factcheck/claims?unit=USD").text
    assert "unit (first 3 matches)" in " ".join(re.sub(r"<[^>]+>", " ", html).split())
    described = publish.load_metadata("factcheck")["databases"]["factcheck"]["description"]
    monkeypatch.undo()
    assert f"first {facets.SAMPLE_ROWS:,} matches" in described
    few = get(fresh, "/factcheck/claims.json?_size=0&speaker=Mara+Quint").json()["facet_results"]
    assert few["speaker"]["type"] == "column" and few["speaker"]["results"][0]["count"] == 2


def test_a_search_is_counted_from_the_search_index_with_the_same_answer(ds, ledger_db):
    db = sqlite_utils.Database(ledger_db)
    for table, word in [("claims", "billion"), ("claims", "Quint"), ("claims", "nowhere"), ("sources", "Corvid")]:
        expected = db.execute(f"select count(*) from {table} where rowid in "
                              f"(select rowid from {table}_fts where {table}_fts match ?)", [word]).fetchone()[0]
        data = get(ds, f"/factcheck/{table}.json?_search={word}&_size=0").json()
        assert data["filtered_table_rows_count"] == expected, (table, word)
    narrowed = get(ds, "/factcheck/claims.json?_search=billion&kind=quote&_size=0").json()
    assert narrowed["filtered_table_rows_count"] == db.execute(
        "select count(*) from claims where kind = 'quote' and rowid in "
        "(select rowid from claims_fts where claims_fts match 'billion')").fetchone()[0]


def test_a_common_word_walks_the_key_index_and_pages_the_same(ledger_db, monkeypatch):
    walk, plan = publish.make_datasette(ledger_db), publish.make_datasette(ledger_db)
    database = walk.databases["factcheck"]
    sql = ("select id, text from claims where rowid in (select rowid from claims_fts where claims_fts match "
           "escape_fts(:search)) order by id limit 3")
    monkeypatch.setattr(facets, "INDEX_WALK_MARGIN", 0)  # every search counts as common
    assert " indexed by " in asyncio.run(database._search_rows(sql, {"search": "billion"}))
    assert " indexed by " not in asyncio.run(database._search_rows(sql.replace("where rowid", "where kind = 'quote' "
                                                                               "and rowid"), {"search": "billion"}))
    later = sql.replace(" order by", " and ((id > :p1)) order by")  # the next page
    assert " indexed by " in asyncio.run(database._search_rows(later, {"search": "billion", "p1": "c_0"}))
    for query in ("_search=billion", "_search=said", "_search=billion&_sort_desc=id", "_search=nowhere"):
        monkeypatch.setattr(facets, "INDEX_WALK_MARGIN", 0)
        walked, path = [], f"/factcheck/claims.json?{query}&_size=2"
        while path:
            page = get(walk, path).json()
            walked += page["rows"]
            path = page["next_url"] and page["next_url"].split("localhost", 1)[-1]
        monkeypatch.setattr(facets, "INDEX_WALK_MARGIN", 10**9)  # never: SQLite's own plan
        planned = get(plan, f"/factcheck/claims.json?{query}&_size=max").json()["rows"]
        assert walked == planned, query
    assert walked == [] and len(planned) == 0


def test_full_text_search_on_claims_and_sources(ds):
    found = rows(ds, "/factcheck/claims.json?_search=grid")
    assert [c["speaker"] for c in found] == ["Mara Quint"]
    stemmed = rows(ds, "/factcheck/claims.json?_search=invest")  # porter: "investing" too
    assert {c["text"] for c in stemmed} == {"up to $2.5 billion", "$3.5 billion"}
    assert [s["id"] for s in rows(ds, "/factcheck/sources.json?_search=reporters")] == ["valley-ledger-report"]


def test_canned_queries(ds):
    about = rows(ds, "/factcheck/claims_about.json?subject=corvid+energy")
    assert len(about) == 8 and all(r["subject"] == "Corvid Energy" for r in about)
    assert [r["published"] for r in about] == sorted(r["published"] for r in about)
    figures = rows(ds, "/factcheck/figures_for_metric.json?metric=Investment&subject=")
    assert [(r["value"], r["outlet"]) for r in figures] == [
        (2e9, "The Valley Ledger"), (2.5e9, "Corvid Energy newsroom"), (3.5e9, "Daily Digest")]
    assert rows(ds, "/factcheck/figures_for_metric.json?metric=investment&subject=corvid+energy") == figures
    assert rows(ds, "/factcheck/figures_for_metric.json?metric=investment&subject=Nightjar+Labs") == []
    quotes = rows(ds, "/factcheck/quotes_by.json?speaker=mara+quint")
    assert [q["outlet"] for q in quotes] == ["Corvid Energy newsroom", "The Valley Ledger"]
    flagged = rows(ds, "/factcheck/claims_with_flags.json")
    assert {r["text"] for r in flagged} == {"up to $2.5 billion", "$3.5 billion"}
    assert {r["flag_kind"] for r in flagged} == {"value_mismatch"}
    all_sources = rows(ds, "/factcheck/sources_by_outlet.json?outlet=")
    assert {r["id"]: r["claims"] for r in all_sources} == {
        "corvid-announcement": 6, "valley-ledger-report": 3, "daily-digest": 2, "hostile-times": 3}
    assert [r["id"] for r in rows(ds, "/factcheck/sources_by_outlet.json?outlet=daily+digest")] == ["daily-digest"]


def test_views(ds):
    details = {r["text"]: r for r in rows(ds, "/factcheck/claim_details.json?_size=max")}
    assert details["$3.5 billion"]["review_status"] == "false"
    assert details["$3.5 billion"]["outlet"] == "Daily Digest"
    assert details["$3.5 billion"]["source_kind"] == "aggregator"
    metrics = rows(ds, "/factcheck/metric_across_sources.json?metric=investment")
    assert len(metrics) == 3
    assert [r["speaker"] for r in rows(ds, "/factcheck/quotes_by_speaker.json")] == [
        "Eve Mallory", "Mara Quint", "Mara Quint", "Tomas Reyes"]
    assert {r["name"]: r["quotes"] for r in rows(ds, "/factcheck/speakers.json")}["Mara Quint"] == 2


def test_every_table_view_and_column_is_described(ledger_db):
    meta = publish.load_metadata("factcheck")
    db_meta = meta["databases"]["factcheck"]
    assert meta["title"] and meta["license"] and meta["source"]
    db = sqlite_utils.Database(ledger_db)
    names = [t for t in db.table_names() if not t.endswith(tuple(f"_fts{s}" for s in ("", "_data", "_idx",
             "_docsize", "_config"))) and t != "sqlite_stat1"] + db.view_names()
    for name in names:
        table = db_meta["tables"].get(name)
        assert table and table.get("description"), name
        described = table.get("columns", {})
        missing = [c.name for c in db[name].columns if not described.get(c.name)]
        assert not missing, (name, missing)


def test_flag_severity_and_kind_descriptions_name_every_value_cross_referencing_gives():
    from factcheck import crossref

    columns = publish.load_metadata("factcheck")["databases"]["factcheck"]["tables"]["flags"]["columns"]
    words = set(re.findall(r"[a-z_]+", columns["severity"]))
    assert set(crossref.SEVERITIES) <= words
    assert set(store.FLAG_SEVERITIES) == set(crossref.SEVERITIES)
    kinds = set(re.findall(r"[a-z_]+", columns["kind"]))
    source = open(crossref.__file__, encoding="utf-8").read()
    emitted = set(re.findall(r'flag_id\("([a-z_]+)"', source)) | set(re.findall(r'"(arithmetic[a-z_]*)"', source))
    assert emitted and emitted <= kinds


def test_metadata_follows_the_served_file_name(tmp_path, ledger_db):
    renamed = tmp_path / "story.db"
    renamed.write_bytes(ledger_db.read_bytes())
    other = publish.make_datasette(renamed)
    assert get(other, "/story/claims.json").json()["facet_results"].keys() >= {"kind", "unit"}
    assert get(other, "/story/claims_about.json?subject=Nightjar+Labs&_shape=array").json()


def test_cells_show_the_span_in_its_sentence_the_figure_and_the_confidence(ds):
    html = get(ds, "/factcheck/claims?kind=numeric&_size=max").text
    assert ('Corvid Energy said on Tuesday that it will invest <mark class="fc-span">up to $2.5 billion</mark>'
            " in a battery plant in Harlow.") in html
    for said in ("up to $2.5 billion", "1 GW", "300,000 customers", "about $2 billion", "12%"):
        assert f">{said}</span>" in html, said
    assert 'style="width: 90%"' in html and "primary source; rule: money" in html
    assert re.search(r'href="/-/source/factcheck/corvid-announcement#claim-c_[0-9a-f]+">in source</a>', html)


def test_source_urls_are_links_only_when_they_are_web_addresses(ds):
    html = get(ds, "/factcheck/sources").text
    assert '<a href="https://example.com/corvid/harlow-plant" rel="nofollow noopener noreferrer">' in html
    assert 'href="javascript:' not in html


def test_source_page_highlights_every_claim_and_links_to_its_row(ds, ledger_db):
    html = get(ds, "/-/source/factcheck/corvid-announcement").text
    db = sqlite_utils.Database(ledger_db)
    for claim in db["claims"].rows_where("source_id = ?", ["corvid-announcement"]):
        assert f'id="claim-{claim["id"]}"' in html
        assert f'href="/factcheck/claims/{claim["id"]}"' in html
    # The figure inside the quote is its own span, nested in the quote's highlight.
    assert re.search(r'<a class="fc-span fc-numeric fc-nested" href="/factcheck/claims/c_[0-9a-f]+"[^>]*>'
                     r'\$2\.5 billion</a>', html)
    assert ">Corvid Energy newsroom<" in html and "https://example.com/corvid/harlow-plant" in html
    get(ds, "/-/source/factcheck/no-such-source", status=404)
    get(ds, "/-/source/nodb/corvid-announcement", status=404)


def test_flags_show_both_sides_of_the_evidence(ds):
    html = get(ds, "/factcheck/flags").text
    assert html.count('<div class="fc-side">') == 2
    assert 'reportedly investing <mark class="fc-span">$3.5 billion</mark> in Harlow' in html
    assert re.search(r'<a href="/factcheck/claims/c_[0-9a-f]+">c_[0-9a-f]+</a>', html)


@pytest.mark.parametrize("path", [
    "/factcheck/claims?_size=max", "/factcheck/sources", "/-/source/factcheck/hostile-times",
    "/factcheck/claims_about?subject=Nightjar+Labs", "/factcheck/quotes_by?speaker=Eve+Mallory",
    "/factcheck/speakers", "/factcheck/claim_details?_size=max", "/factcheck/sources/hostile-times",
])
def test_article_text_is_escaped_everywhere(ds, path):
    html = get(ds, path).text
    assert "<script>document.title" not in html and "<img src=x" not in html and "<b>Times</b>" not in html
    assert "<b>bold</b>" not in html and 'href="javascript:' not in html


def test_hostile_quote_is_shown_as_text(ds):
    html = get(ds, "/-/source/factcheck/hostile-times").text
    assert "&lt;script&gt;document.title=&#39;HACKED&#39;&lt;/script&gt; We raised" in html
    assert "&lt;img src=x onerror=" in html


def test_plugin_is_registered_through_its_entry_point(ds):
    plugins = get(ds, "/-/plugins.json").json()
    ours = [p for p in plugins if p["name"] == "factcheck-ledger"]
    assert ours and {"render_cell", "register_routes", "extra_css_urls"} <= set(ours[0]["hooks"])
    assert ".fc-span" in get(ds, "/-/factcheck/static/factcheck.css").text


def invoke(*args):
    result = CliRunner().invoke(cli, list(map(str, args)))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_serve_builds_a_missing_database_from_sources_then_serves_it(tmp_path, factcheck_serve):
    shutil.copytree(LEDGER_ARTICLES, tmp_path / "sources", ignore=shutil.ignore_patterns("*.yaml"))
    server = factcheck_serve(tmp_path / "factcheck.db", tmp_path)
    assert (tmp_path / "factcheck.db").exists()
    with urllib.request.urlopen(f"{server.base}/factcheck/sources.json?_shape=array") as response:
        assert {r["id"] for r in json.load(response)} == {p.stem for p in (tmp_path / "sources").glob("*.md")}
    log = server.log.read_text()
    assert "factcheck.db is missing; building it from sources/" in log and "Traceback" not in log


def test_serve_explains_a_missing_database_without_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("serve", "--db", "nothing.db", "--port", free_port())
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: nothing.db does not exist and there is no sources/ folder to build it "
                                     "from; run: factcheck build PATH... --db nothing.db")


def test_serve_explains_a_port_in_use(ledger_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = invoke("serve", "--db", ledger_db, "--port", port)
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: port {port} on 127.0.0.1 is already in use; choose another with --port"


def test_serve_explains_a_file_it_cannot_serve(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50)
    result = invoke("serve", "--db", notes, "--port", free_port())
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "is not a SQLite database" in result.output
    result = invoke("serve", "--db", tmp_path, "--port", free_port())
    assert result.exit_code == 2 and "is a directory" in result.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
