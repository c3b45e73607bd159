// The class server's page: controls that send actions over one websocket and show the answers.
// Every HTML fragment shown here was built and escaped by the server (araz.widgets._html);
// everything the visitor types is sent as JSON data, never as markup or code. The page keeps
// its own state (filters, lexicon edits, notes, open document) so that, when the server
// restarts, it reconnects and replays that state: the visitor carries on.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let ws = null, nextId = 1, retry = 0, stopped = false;
  const pending = new Map();
  const state = { filters: null, page: 1, reading: null, edits: [], notes: "", tab: "results" };

  function setConn(text, bad) { const c = $("connection"); c.textContent = text; c.style.color = bad ? "#a00" : ""; }
  function notice(text, kind) { const n = $("notice"); n.textContent = text; n.className = "notice " + (kind || ""); n.hidden = !text; }

  function send(action, args) {
    return new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== 1) { reject(new Error("not connected to the server; reconnecting…")); return; }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify(Object.assign({ id, action }, args || {})));
    });
  }

  function connect() {
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + location.pathname.replace(/[^/]*$/, "") + "ws";
    ws = new WebSocket(url);
    ws.onopen = () => { retry = 0; setConn("connected"); start(); };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.event === "full") { stopped = true; notice(msg.message); $("app").hidden = true; setConn("class full", true); return; }
      if (msg.event === "idle") { stopped = true; notice(msg.message); setConn("disconnected (idle)", true); return; }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg); else p.reject(new Error(msg.error));
    };
    ws.onclose = () => {
      for (const p of pending.values()) p.reject(new Error("the connection to the server was lost; reconnecting…"));
      pending.clear();
      if (stopped) return;
      retry += 1;
      setConn("reconnecting…", true);
      setTimeout(connect, Math.min(5000, 300 * retry));
    };
  }

  function fill(select, items) {
    select.replaceChildren(...items.map(([value, label]) => { const o = document.createElement("option"); o.value = value; o.textContent = label; return o; }));
  }
  function chosen(select) { return Array.from(select.selectedOptions).map((o) => o.value); }

  let options = null;
  async function start() {
    try {
      const hello = await send("hello");
      if (!options) {
        options = hello.options;
        const o = options;
        $("corpus").textContent = `${o.documents.toLocaleString()} documents, ${o.sentences.toLocaleString()} sentences` + (o.shipped ? " (the shipped corpus)" : "");
        fill($("outlets"), o.outlets.map(([v, n]) => [v, `${v} (${n})`]));
        fill($("perspectives"), o.perspectives.map(([v, n]) => [v, `${v} (${n})`]));
        fill($("actors"), o.actors.map(([id, label, n]) => [id, `${label} (${n})`]));
        fill($("corridors"), o.corridors.map(([id, label, n]) => [id, `${label} (${n})`]));
        fill($("tone"), o.tone_labels.map((t) => [t, t]));
        fill($("voice"), o.voices.map((v) => [v, v]));
        fill($("year-from"), o.years.map((y) => [String(y), String(y)]));
        fill($("year-to"), o.years.map((y) => [String(y), String(y)]));
        if (o.years.length) $("year-to").value = String(o.years[o.years.length - 1]);
        fill($("lab-class"), o.classes.map((c) => [c, c]));
        document.querySelectorAll(".tone-only").forEach((el) => { el.hidden = !o.tone; });
        if (o.warnings.length) notice(o.warnings.join(" "));
      }
      $("app").hidden = false;
      // a reconnection after a server restart: replay this visitor's state
      for (const edit of state.edits) await send("lab_edit", edit).catch(() => null);
      if (state.notes) await send("notes", { text: state.notes }).catch(() => null);
      await refresh(state.page);
      if (state.reading) await openDoc(state.reading, false);
    } catch (err) { showStatus(err.message, "error"); }
  }

  function filters() {
    const o = options, from = $("year-from").value, to = $("year-to").value;
    const full = !o.years.length || (from === String(o.years[0]) && to === String(o.years[o.years.length - 1]));
    return {
      outlets: chosen($("outlets")), perspectives: chosen($("perspectives")), actors: chosen($("actors")),
      corridors: chosen($("corridors")), tone: chosen($("tone")), voice: chosen($("voice")),
      start: full ? null : `${from}-01-01`, end: full ? null : `${to}-12-31`,
      three_plus_three: $("three-plus-three").checked, unit: $("unit").value, query: $("query").value,
    };
  }

  function showStatus(text, kind) { const s = $("status"); s.textContent = text; s.className = "status " + (kind || ""); }

  async function refresh(page) {
    state.filters = filters();
    try {
      const r = await send("select", { filters: state.filters, page: page || 1 });
      state.page = r.page;
      const box = $("results");
      box.replaceChildren(...r.rows.map((row) => {
        const div = document.createElement("div"); div.className = "araz-result";
        const b = document.createElement("button"); b.className = "araz-open"; b.textContent = `${row.rank}. ${row.citation}`;
        b.addEventListener("click", () => openDoc(row.citation, true));
        const h = document.createElement("div"); h.innerHTML = row.html;  // escaped by the server
        div.append(b, h); return div;
      }));
      $("page").textContent = `page ${r.page} of ${r.pages}`;
      $("prev").disabled = r.page <= 1; $("next").disabled = r.page >= r.pages;
      showStatus(r.status, r.total ? "" : "empty");
      if (state.tab === "chart") drawChart();
    } catch (err) { showStatus(err.message, "error"); }
  }

  async function openDoc(citation, show) {
    try {
      const r = await send("read", { citation });
      state.reading = citation;
      $("reader").innerHTML = r.html;  // escaped by the server
      $("picked").textContent = "Documents you opened: " + r.selected.join(", ");
      if (show) tab("reader");
    } catch (err) { $("reader").textContent = err.message; }
  }

  // Tone over time as SVG: each point the mean tone score of one outlet at one publication date
  // (a bar for an inferred date range), its size growing with n; the server sends only the points.
  const NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  }
  function chartSvg(r) {
    const W = 900, H = 380, L = 60, R = 170, T = 30, B = 40;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": r.title, class: "araz-chart" });
    root.append(svg("text", { x: L, y: 18, "font-size": 13 }, r.title));
    const pts = r.points.filter((p) => p.score !== null);
    if (!pts.length) { root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#666" }, r.points.length ? "no tone scores for this selection" : "no matches")); return root; }
    const day = (s) => Date.parse(s + "T00:00:00Z") / 864e5;
    let x0 = Math.min(...pts.map((p) => day(p.start))), x1 = Math.max(...pts.map((p) => day(p.end)));
    if (x1 - x0 < 30) { x0 -= 15; x1 += 15; }
    const X = (d) => L + (d - x0) / (x1 - x0) * (W - L - R), Y = (v) => T + (1 - (v + 1) / 2) * (H - T - B);
    root.append(svg("line", { x1: L, x2: W - R, y1: Y(0), y2: Y(0), stroke: "#999" }));
    for (const v of [-1, -0.5, 0, 0.5, 1]) root.append(svg("text", { x: L - 6, y: Y(v) + 4, "text-anchor": "end", "font-size": 10 }, v.toFixed(1)));
    const y0 = new Date(x0 * 864e5).getUTCFullYear(), y1 = new Date(x1 * 864e5).getUTCFullYear();
    for (let y = y0; y <= y1 + 1; y++) {
      const d = day(`${y}-01-01`); if (d < x0 || d > x1) continue;
      root.append(svg("line", { x1: X(d), x2: X(d), y1: H - B, y2: H - B + 4, stroke: "#555" }));
      root.append(svg("text", { x: X(d), y: H - B + 16, "text-anchor": "middle", "font-size": 10 }, String(y)));
    }
    root.append(svg("text", { x: 12, y: Y(0), transform: `rotate(-90 12 ${Y(0)})`, "text-anchor": "middle", "font-size": 10 }, "mean tone (+ cooperation, − confrontation)"));
    const outlets = [...new Set(pts.map((p) => p.outlet))].sort();
    const colour = (o) => `hsl(${(outlets.indexOf(o) * 137) % 360} 60% 42%)`;
    const label = pts.length <= 40;
    for (const p of pts) {
      const a = X(day(p.start)), b = X(day(p.end)), m = (a + b) / 2, y = Y(p.score), c = colour(p.outlet);
      if (b - a > 1) root.append(svg("line", { x1: a, x2: b, y1: y, y2: y, stroke: c, "stroke-width": 2, opacity: 0.6 }));
      const dot = svg("circle", { cx: m, cy: y, r: Math.min(9, 3 + Math.sqrt(p.n)), fill: c, opacity: 0.85 });
      dot.append(svg("title", {}, `${p.outlet}, ${p.start}${p.end !== p.start ? " – " + p.end : ""}: tone ${p.score.toFixed(2)}, n=${p.n}`));
      root.append(dot);
      if (label) root.append(svg("text", { x: m + 6, y: y - 6, "font-size": 9 }, `n=${p.n}`));
    }
    outlets.slice(0, 14).forEach((o, i) => {
      root.append(svg("circle", { cx: W - R + 16, cy: T + 8 + i * 15, r: 4, fill: colour(o) }));
      root.append(svg("text", { x: W - R + 24, y: T + 12 + i * 15, "font-size": 10 }, o.length > 24 ? o.slice(0, 23) + "…" : o));
    });
    if (r.warning) root.append(svg("text", { x: L, y: H - 4, "font-size": 10, fill: "#a94400" }, "⚠ " + r.warning));
    return root;
  }

  async function drawChart() {
    try {
      const r = await send("chart");
      $("chart").replaceChildren(chartSvg(r));
    } catch (err) { $("chart").textContent = err.message; }
  }

  function tab(name) {
    state.tab = name;
    document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("on", b.dataset.tab === name));
    document.querySelectorAll(".tab").forEach((s) => { s.hidden = s.id !== "tab-" + name; });
    if (name === "chart") drawChart();
  }

  async function download(kind) {
    $("export-status").textContent = "preparing…";
    try {
      const r = await send("export", { kind });
      // fetched once over HTTP from the server's memory (relative to the page, like the websocket)
      const a = document.createElement("a"); a.href = r.url; a.download = r.filename; document.body.append(a); a.click(); a.remove();
      $("export-status").textContent = `Saved ${r.filename} (${r.bytes.toLocaleString()} bytes) through your browser.`;
    } catch (err) { $("export-status").textContent = err.message; }
  }

  async function labEdit(edit) {
    try {
      const r = await send("lab_edit", edit);
      if (edit.op === "reset") state.edits = []; else state.edits.push(edit);
      $("lab-status").textContent = r.status;
      $("lab-agreement").innerHTML = r.agreement;  // built by the server
      await refresh(state.page);
      if (state.reading) await openDoc(state.reading, false);
    } catch (err) { $("lab-status").textContent = err.message; }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const id of ["outlets", "perspectives", "actors", "corridors", "tone", "voice", "year-from", "year-to", "three-plus-three", "unit"]) {
      $(id).addEventListener("change", () => refresh(1));
    }
    $("query").addEventListener("keydown", (e) => { if (e.key === "Enter") refresh(1); });
    $("search").addEventListener("click", () => refresh(1));
    $("clear").addEventListener("click", () => {
      for (const id of ["outlets", "perspectives", "actors", "corridors", "tone", "voice"]) Array.from($(id).options).forEach((o) => { o.selected = false; });
      const y = options.years; if (y.length) { $("year-from").value = String(y[0]); $("year-to").value = String(y[y.length - 1]); }
      $("three-plus-three").checked = false; $("query").value = ""; refresh(1);
    });
    $("prev").addEventListener("click", () => refresh(state.page - 1));
    $("next").addEventListener("click", () => refresh(state.page + 1));
    document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => tab(b.dataset.tab)));
    $("export-csv").addEventListener("click", () => download("csv"));
    $("export-png").addEventListener("click", () => download("png"));
    $("export-brief").addEventListener("click", () => download("brief"));
    $("export-lexicon").addEventListener("click", () => download("lexicon"));
    $("notes").addEventListener("change", () => { state.notes = $("notes").value; send("notes", { text: state.notes }).catch(() => null); });
    $("lab-score").addEventListener("click", async () => {
      try { const r = await send("lab_score", { sentence: $("lab-sentence").value }); $("lab-result").innerHTML = r.html; }
      catch (err) { $("lab-result").textContent = err.message; }
    });
    $("lab-add").addEventListener("click", () => labEdit({ op: "add", term: $("lab-term").value, cls: $("lab-class").value, weight: Number($("lab-weight").value) }));
    $("lab-remove").addEventListener("click", () => labEdit({ op: "remove", term: $("lab-term").value }));
    $("lab-reset").addEventListener("click", () => labEdit({ op: "reset" }));
    connect();
  });
})();
