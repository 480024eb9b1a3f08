"""A self-contained HTML report: summary charts, a table of documents, each document with its problems marked.

One file, no network: CSS and a little plain JavaScript are inlined, charts
are SVG drawn here.  The page's data is one JSON block that the script
renders from, always through ``textContent``, so text from a corpus can never
become markup.  Large runs stay small: full text is embedded only for the
documents with the most findings (within a character budget), the others
keep their findings' context lines, and the page says so.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from importlib import resources
from typing import Any, Iterable, TextIO

from linter.finding import Finding, Location
from linter.reporters.base import Report, Reporter, record_label

FULL_TEXT_DOCUMENTS = 200
"""At most this many documents carry their full text in the page."""
FULL_TEXT_CHARACTERS = 2_000_000
"""And at most this many characters of text in all."""
DETAILED_FINDINGS = 20_000
"""Findings are listed one by one for the worst documents up to this many; the rest are counted."""
CATEGORY_COLOURS = {
    "junk": "#8d6e63",
    "encoding": "#7b1fa2",
    "typo": "#1565c0",
    "anachronism": "#ef6c00",
    "numeric": "#c62828",
    "input": "#455a64",
}
OTHER_COLOUR = "#2e7d32"
HISTOGRAM_BINS = ((0, 0), (1, 1), (2, 2), (3, 4), (5, 9), (10, 19), (20, 49), (50, None))

DocumentKey = tuple[str, "int | None"]


def colour(category: str) -> str:
    return CATEGORY_COLOURS.get(category, OTHER_COLOUR)


class HtmlReporter(Reporter):
    """One self-contained HTML page: charts, a sortable document table, documents with problems marked."""

    name = "html"
    description = "a self-contained HTML page with charts and marked-up documents"

    def render(self, report: Report, out: TextIO) -> None:
        data = page_data(report)
        out.write(page(report, data))


def page_data(report: Report) -> dict[str, Any]:
    """Everything the page's script renders: documents (worst first), detailed findings, rules.

    A document that a detailed finding's related place points into, but that
    has no findings of its own, follows the others (it has no row in the
    table), so the link to it leads somewhere; every document lists the related
    places inside it (``anchors``), which the page marks.
    """
    findings = report.findings
    by_document: dict[DocumentKey, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_document[(finding.location.path, finding.location.record)].append(finding)
    order = sorted(by_document, key=lambda k: (-len(by_document[k]), k[0], -1 if k[1] is None else k[1]))
    detailed: list[DocumentKey] = []
    budget = DETAILED_FINDINGS
    for key in order:
        if len(by_document[key]) > budget:
            break
        detailed.append(key)
        budget -= len(by_document[key])
    anchors: dict[DocumentKey, dict[tuple[int, int], None]] = defaultdict(dict)
    names: dict[DocumentKey, str] = {}
    for key in detailed:
        for place in (place for finding in by_document[key] for place in finding.related):
            target = (place.path, place.record)
            anchors[target][(place.start, place.end)] = None
            names.setdefault(target, _place_name(place))
    related_only = [key for key in anchors if key not in by_document]
    order += related_only
    index = {key: i for i, key in enumerate(order)}
    texts = _full_texts(report, detailed + related_only)
    document_rows, finding_rows = [], []
    for key in order:
        own = by_document.get(key, [])
        row: dict[str, Any] = {
            "name": _place_name(own[0].location) if own else names[key],
            "total": len(own),
            "codes": dict(Counter(f.code for f in own)),
            "findings": [],
        }
        if key in detailed:
            for finding in own:
                row["findings"].append(len(finding_rows))
                finding_rows.append(_finding_row(finding, index[key], index, with_snippet=key not in texts))
        if key in texts:
            row["text"] = texts[key]
        if key in anchors:
            row["anchors"] = [list(span) for span in anchors[key]]
        document_rows.append(row)
    rules = {
        finding.code: {"name": finding.name, "category": finding.category, "summary": "", "severity": finding.severity.value}
        for finding in findings
    }
    for code, rule in report.rules.items():
        if code in rules:
            rules[code].update(name=rule.name, category=rule.category, summary=rule.summary())
    return {
        "documents": document_rows,
        "findings": finding_rows,
        "rules": rules,
        "colours": {**CATEGORY_COLOURS, "other": OTHER_COLOUR},
        "detailedDocuments": len(detailed),
        "fullTextDocuments": len(texts.keys() - set(related_only)),
    }


def _place_name(location: Location) -> str:
    record = record_label(location)
    return location.path if record is None else f"{location.path}[{record}]"


def _finding_row(finding: Finding, document: int, index: dict[DocumentKey, int], *, with_snippet: bool) -> dict[str, Any]:
    loc = finding.location
    snippet = finding.snippet
    row: dict[str, Any] = {
        "doc": document,
        "code": finding.code,
        "message": finding.message,
        "start": loc.start,
        "end": loc.end,
        "line": loc.line,
        "column": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    }
    if snippet is not None and with_snippet:
        row["snippet"] = snippet.text
        row["snippetOffset"] = snippet.offset
    if finding.fix is not None:
        row["fix"] = {"safe": finding.fix.safe, "description": finding.fix.description}
    if finding.related:
        row["related"] = [
            {
                "doc": index.get((r.path, r.record), -1),
                "name": _place_name(r),
                "start": r.start,
                "end": r.end,
                "line": r.line,
                "message": r.message,
            }
            for r in finding.related
        ]
    return row


def _full_texts(report: Report, candidates: list[DocumentKey]) -> dict[DocumentKey, str]:
    """The texts of the documents with the most findings, within the page's budget."""
    if report.load_texts is None or not candidates:
        return {}
    wanted = candidates[:FULL_TEXT_DOCUMENTS]
    loaded = report.load_texts(wanted)
    texts: dict[DocumentKey, str] = {}
    budget = FULL_TEXT_CHARACTERS
    for key in wanted:
        text = loaded.get(key)
        if text is None or len(text) > budget:
            continue
        texts[key] = text
        budget -= len(text)
    return texts


# -- the page -------------------------------------------------------------------


def page(report: Report, data: dict[str, Any]) -> str:
    findings = report.findings
    by_category = Counter(f.category for f in findings)
    by_rule = Counter(f.code for f in findings)
    by_severity = Counter(f.severity.value for f in findings)
    per_document = [d["total"] for d in data["documents"] if d["total"]]  # not the documents only pointed to
    clean_documents = max(report.documents - len(per_document), 0)
    settings = dict(report.settings)
    if report.elapsed:
        mb = report.bytes / 1e6
        settings["throughput"] = f"{mb / report.elapsed:.2f} MB/s, {report.documents / report.elapsed:.0f} docs/s ({report.elapsed:.1f} s)"
    cards = [
        ("documents", f"{report.documents:,}"),
        ("characters", f"{report.bytes:,}"),
        ("findings", f"{len(findings):,}"),
        ("documents with findings", f"{len(per_document):,}"),
        *((f"{severity}s", f"{by_severity.get(severity, 0):,}") for severity in ("error", "warning", "info")),
    ]
    category_bars = [(c, n, colour(c), c) for c, n in by_category.most_common()]
    rule_bars = [
        (code, n, colour(report.rules[code].category) if code in report.rules else OTHER_COLOUR, _rule_title(report, code))
        for code, n in by_rule.most_common(30)
    ]
    histogram = _histogram(per_document, clean_documents)
    notes = []
    if not findings:
        notes.append(f"All checks passed ({report.documents:,} document{'s' if report.documents != 1 else ''}).")
    if data["detailedDocuments"] < len(per_document):
        notes.append(
            f"Findings are listed one by one for the {data['detailedDocuments']:,} documents with the most findings "
            f"(up to {DETAILED_FINDINGS:,} findings); the other documents show their counts by rule."
        )
    if per_document:
        notes.append(
            f"Full text is embedded for the {data['fullTextDocuments']:,} documents with the most findings "
            f"(at most {FULL_TEXT_DOCUMENTS} documents, {FULL_TEXT_CHARACTERS:,} characters); "
            "the others show each finding's line."
        )
    return TEMPLATE.format(
        title=html.escape(f"corpus-linter report: {len(findings):,} findings in {report.documents:,} documents"),
        css=_asset("report.css"),
        script=_asset("report.js"),
        cards="".join(
            f'<div class="card"><div class="value">{html.escape(v)}</div><div class="label">{html.escape(k)}</div></div>'
            for k, v in cards
        ),
        settings="".join(
            f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(_setting(v))}</td></tr>" for k, v in settings.items()
        ),
        category_chart=bar_chart(category_bars, "Findings by category"),
        rule_chart=bar_chart(rule_bars, "Findings by rule (the 30 most frequent)"),
        histogram_chart=bar_chart(histogram, "Documents by number of findings"),
        notes="".join(f"<p class=\"note\">{html.escape(n)}</p>" for n in notes),
        data=embedded_json(data),
    )


def _rule_title(report: Report, code: str) -> str:
    rule = report.rules.get(code)
    return f"{code} {rule.name}: {rule.summary()}" if rule else code


def _setting(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or "(none)"
    return "(none)" if value is None else str(value)


def _histogram(per_document: Iterable[int], clean_documents: int) -> list[tuple[str, int, str, str]]:
    counts = Counter(per_document)
    counts[0] += clean_documents
    bars = []
    for low, high in HISTOGRAM_BINS:
        label = str(low) if high == low else (f"{low}+" if high is None else f"{low}–{high}")
        n = sum(c for k, c in counts.items() if k >= low and (high is None or k <= high))
        bars.append((label, n, "#546e7a", f"{n:,} documents with {label} findings"))
    return bars


def bar_chart(bars: list[tuple[str, int, str, str]], title: str) -> str:
    """A horizontal SVG bar chart: (label, value, colour, tooltip) per bar."""
    if not bars:
        return f'<figure class="chart"><figcaption>{html.escape(title)}</figcaption><p class="empty">nothing to show</p></figure>'
    row, label_width, bar_width = 22, 150, 280
    top = max(value for _, value, _, _ in bars) or 1
    height = row * len(bars) + 4
    parts = [
        f'<figure class="chart"><figcaption>{html.escape(title)}</figcaption>'
        f'<svg role="img" aria-label="{html.escape(title)}" width="{label_width + bar_width + 70}" height="{height}" '
        f'viewBox="0 0 {label_width + bar_width + 70} {height}">'
    ]
    for i, (label, value, fill, tooltip) in enumerate(bars):
        y = i * row + 2
        width = max(round(bar_width * value / top), 1 if value else 0)
        parts.append(
            f'<g class="bar"><title>{html.escape(tooltip)}: {value:,}</title>'
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{html.escape(_shorten(label, 26))}</text>'
            f'<rect x="{label_width}" y="{y}" width="{width}" height="{row - 6}" fill="{fill}"></rect>'
            f'<text x="{label_width + width + 5}" y="{y + 15}">{value:,}</text></g>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def embedded_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no "</script>", no "<!--", no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _asset(name: str) -> str:
    return resources.files("linter.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1></header>
<main>
<section id="summary">
<div class="cards">{cards}</div>
<div class="charts">{category_chart}{rule_chart}{histogram_chart}</div>
<details class="settings"><summary>Run settings</summary><table>{settings}</table></details>
{notes}
</section>
<section id="documents">
<h2>Documents</h2>
<div class="filters">
<label>Category <select id="filter-category"><option value="">all</option></select></label>
<label>Rule <select id="filter-rule"><option value="">all</option></select></label>
<label>Severity <select id="filter-severity"><option value="">all</option><option>error</option><option>warning</option><option>info</option></select></label>
<label>Search <input id="filter-text" type="search" placeholder="document name or message"></label>
<span id="filter-count"></span>
</div>
<table id="document-table"><thead><tr>
<th data-sort="name">Document</th><th data-sort="total" class="number">Findings</th><th>By category</th>
</tr></thead><tbody></tbody></table>
<div class="pager"><button id="page-previous" type="button">&larr; previous</button><span id="page-label"></span><button id="page-next" type="button">next &rarr;</button></div>
</section>
<section id="document-view" hidden>
<h2 id="document-title"></h2>
<p id="document-note" class="note"></p>
<div class="document-body"><pre id="document-text"></pre><aside id="finding-details"><p class="note">Click a marked passage or a finding to see its details.</p></aside></div>
<h3>Findings</h3>
<ol id="document-findings"></ol>
</section>
</main>
<script type="application/json" id="report-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
