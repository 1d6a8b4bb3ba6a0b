"""A real browser against a running `factcheck serve`: Debian's headless Chromium loads the pages a user opens.

Skipped when Chromium is not installed (CI installs it). Screenshots go to a temporary folder, or to the folder named
by FACTCHECK_SCREENSHOTS; the README's come from:

    FACTCHECK_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest -q tests/test_browser.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sqlite_utils

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")


def chromium(*args: str, profile: Path) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--hide-scrollbars", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Elements(HTMLParser):
    """The elements of a DOM dump, as [tag, attributes, the text directly inside it]."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[list] = []
        self.open: list[list] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.found.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.open:
            self.open[-1][2] += data

    def all(self, tag: str, **attrs) -> list[list]:
        return [e for e in self.found if e[0] == tag and all(e[1].get(k, "") and v in e[1][k].split()
                                                             for k, v in attrs.items())]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("FACTCHECK_SCREENSHOTS")
    target = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture(scope="module")
def fixture_server(ledger_db, tmp_path_factory, factcheck_serve):
    return factcheck_serve(ledger_db, tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory, factcheck_serve):
    """The README's main job: `factcheck serve` in a folder with the bundled sources/ and no database yet."""
    work = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "sources", work / "sources")
    return factcheck_serve(work / "factcheck.db", work)


def test_hostile_article_runs_no_script(fixture_server, tmp_path, shots):
    url = f"{fixture_server.base}/-/source/factcheck/hostile-times"
    dom = chromium("--virtual-time-budget=3000", "--dump-dom", url, profile=tmp_path / "profile")
    page = Elements(dom)
    titles = [text for tag, _, text in page.found if tag == "title"]
    # The page title is the article's title shown as text; a script that ran would have set it to 'HACKED'.
    assert titles == ["<script>document.title='HACKED'</script>Nightjar raises money"]
    assert not [e for e in page.found if e[0] == "script" and "HACKED" in e[2]]
    assert not [e for e in page.found if e[0] == "img" and "onerror" in e[1]]
    spans = page.all("a", **{"class": "fc-span"})
    assert any("<script>document.title='HACKED'</script>" in text for _, _, text in spans)  # shown as text
    chromium("--window-size=1200,700", f"--screenshot={shots / 'hostile-source.png'}", url,
             profile=tmp_path / "profile")
    assert (shots / "hostile-source.png").stat().st_size > 0


def test_fixture_claims_page_highlights_each_span(fixture_server, tmp_path, ledger_db):
    dom = chromium("--dump-dom", f"{fixture_server.base}/factcheck/claims?_size=max", profile=tmp_path / "p")
    marks = [text for _, _, text in Elements(dom).all("mark", **{"class": "fc-span"})]
    expected = [r["text"] for r in sqlite_utils.Database(ledger_db)["claims"].rows]
    assert sorted(marks) == sorted(expected)


def test_bundled_sources_served_with_highlights(bundled_server, tmp_path, shots):
    db = sqlite_utils.Database(bundled_server.db)
    assert db["claims"].count > 0
    claims_url = f"{bundled_server.base}/factcheck/claims?kind=numeric"
    page = Elements(chromium("--dump-dom", claims_url, profile=tmp_path / "p"))
    assert page.all("mark", **{"class": "fc-span"}) and page.all("span", **{"class": "fc-figure"})
    assert page.all("span", **{"class": "fc-fill"})

    source_id = db.execute("select source_id from claims group by source_id order by count(*) desc").fetchone()[0]
    source_url = f"{bundled_server.base}/-/source/factcheck/{source_id}"
    source = Elements(chromium("--dump-dom", source_url, profile=tmp_path / "p"))
    linked = {e[1]["data-claim"] for e in source.all("a", **{"class": "fc-span"})}
    assert linked == {r[0] for r in db.execute("select id from claims where source_id = ?", [source_id])}

    chromium("--window-size=1400,1800", f"--screenshot={shots / 'claims.png'}", claims_url, profile=tmp_path / "p")
    chromium("--window-size=1200,1500", f"--screenshot={shots / 'source.png'}", source_url, profile=tmp_path / "p")
    assert (shots / "claims.png").stat().st_size > 0 and (shots / "source.png").stat().st_size > 0


def test_bundled_flags_show_both_sides(bundled_server, tmp_path, shots):
    db = sqlite_utils.Database(bundled_server.db)
    if not db["flags"].count:
        pytest.skip("the bundled sources gave no flags")
    url = f"{bundled_server.base}/factcheck/flags?severity=high&_sort=kind"
    page = Elements(chromium("--dump-dom", url, profile=tmp_path / "p"))
    sides = page.all("div", **{"class": "fc-side"})
    assert len(sides) >= 2 * db["flags"].count_where("severity = 'high' and evidence != '[]'") > 0
    chromium("--window-size=1400,1400", f"--screenshot={shots / 'flags.png'}", url, profile=tmp_path / "p")
