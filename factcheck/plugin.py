"""Datasette plugin for the claim ledger: claims shown in context, and a reading page per source.

Cells: a claim's sentence with its span highlighted (and a link to the span in its source), the figure as a reader
says it ("up to $15 billion"), confidence as a bar with its reasons, URLs as links (http and https only), a flag's
claims and evidence side by side. Route ``/-/source/<database>/<source id>``: the source body with every claim span
highlighted and linked to its row. Article text is untrusted, so every piece of it goes through escaping.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response, asgi_static
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
SOURCE_TEMPLATE = HERE / "templates" / "factcheck_source.html"
CLAIM_TABLES = {"claims", "claim_details", None}  # None: a canned or custom query


def _get(row, key: str, default=None):
    """A column of a row as stored (Datasette hands expanded foreign keys over as {"value", "label"})."""
    try:
        value = row[key]
    except (IndexError, KeyError, TypeError):
        return default
    return value["value"] if isinstance(value, dict) and "value" in value else value


def source_url(datasette, database: str, source_id: str, claim_id: Optional[str] = None) -> str:
    path = datasette.urls.path(f"/-/source/{quote(database, safe='')}/{quote(source_id, safe='')}")
    return f"{path}#claim-{claim_id}" if claim_id else path


def claim_url(datasette, database: str, claim_id: str) -> str:
    return datasette.urls.row(database, "claims", quote(claim_id, safe=""))


def highlight(sentence: str, start: int, end: int) -> Markup:
    """``sentence`` escaped, with ``sentence[start:end]`` in a mark (the span must lie inside the sentence)."""
    if not 0 <= start <= end <= len(sentence):
        return escape(sentence)
    return Markup('{}<mark class="fc-span">{}</mark>{}').format(sentence[:start], sentence[start:end], sentence[end:])


def safe_link(url: Any, label: Any = None) -> Optional[Markup]:
    """A link for an http(s) URL; None for anything else (a javascript: URL stays text)."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        return None
    return Markup('<a href="{}" rel="nofollow noopener noreferrer">{}</a>').format(url, label or url)


def confidence_bar(confidence: Any, reasons: Any = None) -> Optional[Markup]:
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        return None
    if isinstance(reasons, str):
        try:
            reasons = json.loads(reasons)
        except ValueError:
            reasons = [reasons]
    reasons = [str(r) for r in reasons or []]
    pct = max(0, min(100, round(value * 100)))
    html = Markup('<span class="fc-confidence" title="{}"><span class="fc-bar"><span class="fc-fill" '
                  'style="width: {}%"></span></span> {}</span>').format("; ".join(reasons), pct, f"{value:.2f}")
    if reasons:
        html += Markup('<span class="fc-reasons">{}</span>').format("; ".join(reasons))
    return html


def figure(row) -> Optional[str]:
    """The figure of a numeric claim row as a reader would say it, via the extractor's own describer."""
    if _get(row, "value") is None and _get(row, "low") is None:
        return None
    try:
        from .render import describe_figure
    except ImportError:
        return None
    from .models import Claim

    # A plain namespace, not a Claim: building a pydantic model per cell costs more than the rest of the page.
    fields = {k: _get(row, k) for k in Claim.model_fields}
    fields["kind"] = fields["kind"] or "numeric"
    fields["text"] = fields["text"] or ""
    try:
        return describe_figure(SimpleNamespace(**fields))
    except Exception:  # noqa: BLE001 - a cell must never break the page
        return None


def evidence_table(evidence: Any) -> Optional[Markup]:
    """A flag's sides next to each other: outlet, date, and the claim's span inside its sentence."""
    try:
        sides = json.loads(evidence) if isinstance(evidence, str) else evidence
    except ValueError:
        return None
    if not isinstance(sides, list) or not sides:
        return None
    cells = Markup("")
    for side in sides:
        if not isinstance(side, dict):
            continue
        sentence, text = str(side.get("sentence") or ""), str(side.get("text") or "")
        at = sentence.find(text) if text else -1
        body = highlight(sentence, at, at + len(text)) if at >= 0 else escape(sentence or text)
        where = Markup(", ").join(escape(str(side[k])) for k in ("outlet", "published") if side.get(k))
        link = safe_link(side.get("url"), "source")
        cells += Markup('<div class="fc-side"><div class="fc-where">{}{}</div><div>{}</div></div>').format(
            where, Markup(" · ") + link if link else "", body)
    return Markup('<div class="fc-evidence">{}</div>').format(cells)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "sentence" and _get(row, "start") is not None and _get(row, "sentence_start") is not None:
        offset = _get(row, "sentence_start")
        html = highlight(str(value), _get(row, "start") - offset, _get(row, "end") - offset)
        if _get(row, "source_id") and _get(row, "id"):
            html += Markup(' <a class="fc-context" href="{}">in source</a>').format(
                source_url(datasette, database, _get(row, "source_id"), _get(row, "id")))
        return html
    if column == "value" and table in CLAIM_TABLES | {"metric_across_sources"}:
        said = figure(row)
        return Markup('<span class="fc-figure" title="{}">{}</span>').format(value, said) if said else None
    if column == "confidence":
        return confidence_bar(value, _get(row, "confidence_reasons"))
    if column == "confidence_reasons" and isinstance(value, str) and value.startswith("["):
        try:
            reasons = json.loads(value)
        except ValueError:
            return None
        return Markup('<ul class="fc-reason-list">{}</ul>').format(
            Markup("").join(Markup("<li>{}</li>").format(r) for r in reasons))
    if column == "url":
        return safe_link(value)
    if column == "body" and table == "sources" and isinstance(value, str):
        excerpt = value[:240] + ("…" if len(value) > 240 else "")
        return Markup('{} <a class="fc-read" href="{}">Read it with its claims highlighted</a>').format(
            excerpt, source_url(datasette, database, _get(row, "id")))
    if column == "claim_ids" and isinstance(value, str) and value.startswith("["):
        try:
            ids = json.loads(value)
        except ValueError:
            return None
        return Markup(", ").join(
            Markup('<a href="{}">{}</a>').format(claim_url(datasette, database, str(i)), i) for i in ids)
    if column == "evidence" and table in ("flags", None):
        return evidence_table(value)
    return None


# Served immutable, the ledger is read through a memory map: a page that looks at many rows (a facet count, a
# search for a common word) reads them from the operating system's file cache without copying each page. A build
# replaces the file by renaming a new one into place, so a mapped file is never changed under the server.
MMAP_BYTES = 1 << 31


@hookimpl
def prepare_connection(conn, database, datasette):
    db = datasette.databases.get(database)
    if db is not None and not db.is_mutable and not db.is_memory:
        conn.execute(f"pragma mmap_size = {MMAP_BYTES}")


@hookimpl
def register_facet_classes():
    from .facets import LedgerFacet

    return [LedgerFacet]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/-/factcheck/static/factcheck.css")]


def segments(body: str, claims: list[dict]) -> list[dict]:
    """``body`` cut at every claim boundary: each piece with the claims covering it, innermost first.

    Quotes often hold figures, so spans nest; a piece links to its innermost claim and the first piece of each claim
    carries that claim's anchor.
    """
    cuts = sorted({0, len(body)} | {c["start"] for c in claims} | {c["end"] for c in claims})
    starts: dict[int, list[dict]] = {}
    for c in claims:
        starts.setdefault(c["start"], []).append(c)
    active: list[dict] = []
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [c for c in active if c["end"] > a] + starts.get(a, [])
        covering = sorted(active, key=lambda c: (c["end"] - c["start"], c["id"]))
        pieces.append({"text": body[a:b], "claims": covering, "anchors": [c["id"] for c in starts.get(a, [])]})
    return pieces


def _source_template(datasette):
    """The source page template, compiled once per Datasette instance (it extends Datasette's base.html)."""
    template = getattr(datasette, "_factcheck_source_template", None)
    if template is None:
        template = datasette.jinja_env.from_string(SOURCE_TEMPLATE.read_text(encoding="utf-8"))
        datasette._factcheck_source_template = template
    return template


async def source_page(datasette, request):
    database = request.url_vars["database"]
    source_id = request.url_vars["source_id"]
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}")
    await datasette.ensure_permissions(request.actor, [("view-table", (database, "sources")),
                                                       ("view-database", database), "view-instance"])
    found = (await db.execute("select * from sources where id = ?", [source_id])).first()
    if found is None:
        raise NotFound(f"Source not found: {source_id}")
    source = dict(found)
    rows = (await db.execute(
        "select * from claims where source_id = ? order by start, \"end\" desc", [source_id])).rows
    body = source["body"] or ""
    claims = []
    for r in rows:
        c = dict(r)
        if not 0 <= c["start"] <= c["end"] <= len(body):
            continue
        c["url"] = claim_url(datasette, database, c["id"])
        c["label"] = (f"{c['speaker'] or 'unattributed'}: quote" if c["kind"] == "quote"
                      else figure(r) or c["text"])
        c["confidence_html"] = confidence_bar(c["confidence"], c["confidence_reasons"])
        claims.append(c)
    template = _source_template(datasette)
    html = await datasette.render_template(template, {
        "database": database,
        "source": source,
        "source_link": safe_link(source.get("url")),
        "pieces": segments(body, claims),
        "claims": claims,
        "source_row_url": datasette.urls.row(database, "sources", quote(source_id, safe="")),
        "claims_table_url": datasette.urls.table(database, "claims") + "?source_id=" + quote(source_id, safe=""),
    }, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [
        (r"^/-/source/(?P<database>[^/]+)/(?P<source_id>[^/]+)$", source_page),
        (r"^/-/factcheck/static/(?P<path>.*)$", asgi_static(STATIC)),
    ]
