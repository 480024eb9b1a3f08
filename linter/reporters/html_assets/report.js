// corpus-linter HTML report: renders the table and the document view from the embedded JSON.
// Text from the corpus only ever reaches the page through textContent, never as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const docs = data.documents;
  const findings = data.findings;
  const PAGE = 100;
  let shown = docs.map((_, i) => i);
  let sortKey = "total";
  let sortDescending = true;
  let pageNumber = 0;
  let currentDoc = -1;

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function colour(category) { return data.colours[category] || data.colours.other; }
  function badge(finding) {
    const b = el("span", { class: "badge" }, finding.code);
    b.style.background = colour(finding.category);
    return b;
  }

  // -- filters and the table ---------------------------------------------------------
  const categorySelect = document.getElementById("filter-category");
  const ruleSelect = document.getElementById("filter-rule");
  const severitySelect = document.getElementById("filter-severity");
  const textInput = document.getElementById("filter-text");
  function categoryOf(code) { return data.rules[code] ? data.rules[code].category : "other"; }
  for (const f of findings) { f.category = categoryOf(f.code); f.severity = data.rules[f.code].severity; }
  const documentsWithFindings = docs.filter((d) => d.total > 0).length;
  const categories = new Set();
  docs.forEach((d) => {
    d.counts = {};
    for (const [code, n] of Object.entries(d.codes)) d.counts[categoryOf(code)] = (d.counts[categoryOf(code)] || 0) + n;
    Object.keys(d.counts).forEach((c) => categories.add(c));
  });
  [...categories].sort().forEach((c) => categorySelect.appendChild(el("option", {}, c)));
  Object.keys(data.rules).sort().forEach((code) =>
    ruleSelect.appendChild(el("option", { value: code }, code + " " + data.rules[code].name)));

  function documentMatches(doc) {
    const category = categorySelect.value, rule = ruleSelect.value, severity = severitySelect.value;
    const needle = textInput.value.trim().toLowerCase();
    if (!Object.keys(doc.codes).some((code) => (!rule || code === rule) && (!category || categoryOf(code) === category)
        && (!severity || (data.rules[code] && data.rules[code].severity === severity)))) return false;
    if (needle && !doc.name.toLowerCase().includes(needle)
        && !doc.findings.some((i) => findings[i].message.toLowerCase().includes(needle))) return false;
    return true;
  }

  function applyFilters() {
    shown = docs.map((_, i) => i).filter((i) => documentMatches(docs[i]));
    const direction = sortDescending ? -1 : 1;
    shown.sort((a, b) => {
      const x = docs[a][sortKey], y = docs[b][sortKey];
      return (x < y ? -1 : x > y ? 1 : a - b) * direction;
    });
    pageNumber = 0;
    renderTable();
  }

  function renderTable() {
    const body = document.querySelector("#document-table tbody");
    body.replaceChildren();
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    pageNumber = Math.min(pageNumber, pages - 1);
    for (const i of shown.slice(pageNumber * PAGE, (pageNumber + 1) * PAGE)) {
      const doc = docs[i];
      const row = el("tr", { "data-doc": String(i) });
      if (i === currentDoc) row.classList.add("selected");
      row.appendChild(el("td", {}, doc.name));
      row.appendChild(el("td", { class: "number" }, doc.total.toLocaleString()));
      const cell = el("td");
      const bar = el("div", { class: "minibar", title: Object.entries(doc.counts).map(([c, n]) => c + ": " + n).join(", ") });
      for (const [category, n] of Object.entries(doc.counts)) {
        const part = el("span");
        part.style.width = (100 * n / doc.total) + "%";
        part.style.background = colour(category);
        bar.appendChild(part);
      }
      cell.appendChild(bar);
      row.appendChild(cell);
      row.addEventListener("click", () => { location.hash = "doc=" + i; });
      body.appendChild(row);
    }
    document.getElementById("filter-count").textContent =
      shown.length.toLocaleString() + " of " + documentsWithFindings.toLocaleString() + " documents with findings";
    document.getElementById("page-label").textContent = "page " + (pageNumber + 1) + " of " + pages;
    document.getElementById("page-previous").disabled = pageNumber === 0;
    document.getElementById("page-next").disabled = pageNumber >= pages - 1;
  }

  [categorySelect, ruleSelect, severitySelect].forEach((s) => s.addEventListener("change", applyFilters));
  textInput.addEventListener("input", applyFilters);
  document.querySelectorAll("#document-table th[data-sort]").forEach((th) => th.addEventListener("click", () => {
    const key = th.getAttribute("data-sort");
    sortDescending = key === sortKey ? !sortDescending : key === "total";
    sortKey = key;
    applyFilters();
  }));
  document.getElementById("page-previous").addEventListener("click", () => { pageNumber -= 1; renderTable(); });
  document.getElementById("page-next").addEventListener("click", () => { pageNumber += 1; renderTable(); });

  // -- one document ------------------------------------------------------------------
  function showDetails(index) {
    const f = findings[index];
    const box = document.getElementById("finding-details");
    box.replaceChildren();
    const head = el("p");
    head.append(badge(f), " ", el("span", {}, "[" + f.severity + "] line " + f.line + ", column " + f.column));
    box.appendChild(head);
    box.appendChild(el("p", {}, f.message));
    const rule = data.rules[f.code];
    if (rule) box.appendChild(el("p", { class: "note" }, rule.name + ": " + rule.summary));
    if (f.fix) box.appendChild(el("p", {}, "Fix (" + (f.fix.safe ? "safe" : "unsafe") + "): " + (f.fix.description || "available")));
    for (const r of f.related || []) {
      const p = el("p", { class: "note" });
      const link = el("a", { class: "related" }, r.name + ":" + r.line);
      link.addEventListener("click", () => { location.hash = "doc=" + r.doc + "&at=" + r.start; });
      if (r.doc >= 0) p.appendChild(link); else p.appendChild(el("span", {}, r.name + ":" + r.line));
      p.append(" " + (r.message || ""));
      box.appendChild(p);
    }
    document.querySelectorAll("mark.finding.active, #document-findings li.active").forEach((m) => m.classList.remove("active"));
    document.querySelectorAll('[data-findings~="' + index + '"]').forEach((m) => m.classList.add("active"));
  }

  // Offsets in the data count code points (as Python does); JavaScript strings count UTF-16 units,
  // which differ after any character outside the Basic Multilingual Plane (an emoji, say).
  function unitOffsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return { points: text.length, unit: (offset) => offset };
    const units = new Uint32Array(text.length + 1);
    let points = 0;
    for (let unit = 0; unit < text.length; unit++) {
      units[points++] = unit;
      const code = text.charCodeAt(unit), next = text.charCodeAt(unit + 1);
      if (code >= 0xD800 && code <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) unit++;
    }
    units[points] = text.length;
    return { points: points, unit: (offset) => units[Math.min(offset, points)] };
  }

  // The text cut where any marked span starts or ends; one sweep keeps the spans that cover each piece.
  function markedText(doc) {
    const text = doc.text;
    const offsets = unitOffsets(text);
    const spans = [];  // [start, end, finding index or -1 for a related place, start in code points]
    for (const i of doc.findings) {
      const f = findings[i];
      if (f.end <= offsets.points) spans.push([offsets.unit(f.start), offsets.unit(f.end), i, f.start]);
    }
    for (const [start, end] of doc.anchors || []) {
      if (start < end && end <= offsets.points) spans.push([offsets.unit(start), offsets.unit(end), -1, start]);
    }
    const bounds = new Set([0, text.length]);
    const starting = new Map(), ending = new Map(), points = new Map();
    const add = (map, at, span) => (map.get(at) || map.set(at, []).get(at)).push(span);
    for (const span of spans) {
      bounds.add(span[0]);
      bounds.add(span[1]);
      if (span[0] < span[1]) { add(starting, span[0], span); add(ending, span[1], span); } else add(points, span[0], span);
    }
    const cuts = [...bounds].sort((a, b) => a - b);
    const active = new Set();
    const fragment = document.createDocumentFragment();
    for (let k = 0; k < cuts.length; k++) {
      const at = cuts[k];
      for (const span of ending.get(at) || []) active.delete(span);
      for (const span of starting.get(at) || []) active.add(span);
      for (const span of points.get(at) || []) fragment.appendChild(mark("", [span[2]]));
      if (k === cuts.length - 1) break;
      const piece = text.slice(at, cuts[k + 1]);
      const covering = [...active].filter((span) => span[2] >= 0).map((span) => span[2]);
      if (covering.length) fragment.appendChild(mark(piece, covering));
      else if (active.size) fragment.appendChild(relatedPlace(piece, active.values().next().value[3]));
      else fragment.appendChild(document.createTextNode(piece));
    }
    return fragment;
  }

  function relatedPlace(piece, start) {
    return el("mark", { class: "related-place", id: "at-" + start, title: "a place a finding elsewhere refers to" }, piece);
  }

  function mark(piece, indexes) {
    const first = findings[indexes[0]];
    const node = el("mark", {
      class: "finding cat-" + first.category + " severity-" + first.severity + (piece ? "" : " point"),
      "data-findings": indexes.join(" "),
      title: indexes.map((i) => findings[i].code + ": " + findings[i].message).join("\n"),
      id: "at-" + first.start,
    }, piece);
    node.style.setProperty("--cat", colour(first.category));
    node.addEventListener("click", (event) => { event.stopPropagation(); showDetails(indexes[0]); });
    return node;
  }

  function snippets(doc) {
    const fragment = document.createDocumentFragment();
    for (const i of doc.findings) {
      const f = findings[i];
      if (f.snippet === undefined) continue;
      const block = el("div", { class: "snippet" });
      block.appendChild(el("span", { class: "note" }, f.line + ": "));
      const offsets = unitOffsets(f.snippet);
      const from = offsets.unit(Math.max(f.column - 1 - f.snippetOffset, 0));
      const to = f.endLine === f.line ? Math.max(offsets.unit(f.endColumn - 1 - f.snippetOffset), from) : f.snippet.length;
      block.append(f.snippet.slice(0, from), mark(f.snippet.slice(from, to), [i]), f.snippet.slice(to));
      fragment.appendChild(block);
    }
    return fragment;
  }

  function showDocument(index, at) {
    const doc = docs[index];
    if (!doc) return;
    currentDoc = index;
    document.getElementById("document-view").hidden = false;
    document.getElementById("document-title").textContent = doc.name + " — " + doc.total.toLocaleString() + " findings";
    const byRule = Object.entries(doc.codes).map(([code, n]) => code + " \u00d7 " + n).join(", ");
    const note = !doc.total
      ? "No findings of its own: findings elsewhere refer to the marked places" + (doc.text == null ? " (full text not embedded)." : ".")
      : !doc.findings.length
      ? "Findings of this document are counted, not listed (see the note in the summary): " + byRule
      : doc.text == null ? "Full text not embedded (see the note in the summary); each finding's line is shown." : "";
    document.getElementById("document-note").textContent = note;
    const pre = document.getElementById("document-text");
    pre.replaceChildren(doc.text == null ? snippets(doc) : markedText(doc));
    const list = document.getElementById("document-findings");
    list.replaceChildren();
    for (const i of doc.findings) {
      const f = findings[i];
      const item = el("li", { "data-findings": String(i) });
      item.append(badge(f), " " + f.line + ":" + f.column + " [" + f.severity + "] " + f.message);
      item.addEventListener("click", () => {
        showDetails(i);
        const target = pre.querySelector('[data-findings~="' + i + '"]');
        if (target) target.scrollIntoView({ block: "center" });
      });
      list.appendChild(item);
    }
    document.querySelectorAll("#document-table tbody tr").forEach((row) =>
      row.classList.toggle("selected", row.getAttribute("data-doc") === String(index)));
    if (doc.findings.length) showDetails(doc.findings[0]);
    if (at !== undefined) {
      const target = document.getElementById("at-" + at);
      if (target) { target.scrollIntoView({ block: "center" }); target.click(); }
    }
  }

  function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    const index = params.has("doc") ? Number(params.get("doc")) : 0;
    const at = params.has("at") ? Number(params.get("at")) : undefined;
    if (docs.length) showDocument(index, at);
  }

  window.addEventListener("hashchange", route);
  applyFilters();
  route();
})();
