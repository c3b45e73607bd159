"""The explorer opened on a store: filters, a page of results, a reader, tone over time and the
counts of actors and corridors — each a DuckDB query of :mod:`araz.store.view` over one
connection, so an archive of 10^6 articles is never loaded into memory.

This module only wires controls; the state is computed in :mod:`araz.store.view`. Every
piece of document text or metadata is escaped (:mod:`araz.widgets._html`).
"""
from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..errors import ArazError
from ..store import view
from . import _html as H
from ._explorer import _png

TOP = 15  # rows of the actors' and corridors' tables


def results_html(page: view.Page, query: str = "") -> str:
    """A page of results: citation, outlet · date, then the title or the sentence (query marked)."""
    if page.rows.empty:
        return H.status_html("Nothing matches these filters." if page.page == 1 else "No more results.", "empty")
    items = []
    for r in page.rows.itertuples(index=False):
        body = r.text or r.title
        spans = view.matches(r.text, query) if r.text else []
        items.append(f"<div class='araz-row'><div class='araz-meta'>{H.e(str(r.citation))} · {H.e(str(r.outlet))}"
                     f" · {H.e(str(r.date))}</div><div>{H.highlight(str(body), spans)}</div></div>")
    return H.wrap("".join(items))


def reader_html(doc: dict) -> str:
    """The reader pane: a card of the document's fields, then its paragraphs, sentences titled by
    their citation, query matches marked; every value escaped, links only for http(s) URLs."""
    f = doc["fields"]
    card = "".join(f"<tr><th>{H.e(k)}</th><td>{H.link(f.get(k)) if k == 'url' else H.e(str(f.get(k, '')))}</td></tr>"
                   for k in ("title", "outlet", "author", "date_label", "perspective", "url", "licence"))
    paras = "".join(
        f"<p><span class='araz-cite'>¶{int(n)}</span>"
        + " ".join(f"<span class='araz-s' title='{H.e(c)}'>{H.highlight(t, s)}</span>" for c, t, s in sents)
        + "</p>" for n, sents in doc["paragraphs"])
    return H.wrap(f"<table class='araz-t'>{card}</table><div class='araz-doc'>{paras}</div>")


def counts_html(sel: view.Selection) -> str:
    """The most mentioned actors and corridors of the selection (mentions and documents)."""
    parts = []
    for name in ("actors", "corridors"):
        df = getattr(sel, name)
        if name in sel.notes:
            parts.append(f"<div class='araz-meta'>{H.e(sel.notes[name])}</div>")
            continue
        cols = [c for c in ("label", "n", "n_docs") if c in df]
        parts.append(H.table_html(df[cols].head(TOP).set_index("label") if len(df) else df,
                                  caption=f"{name}: mentions (n) and documents (n_docs), outlet and date filters"))
    return H.wrap("".join(parts))


def figure(tone: pd.DataFrame, freq: str = "M"):
    """Tone over time: the mean sentence score per period with its 95 % interval and ``n``
    sentences written at each point; documents dated by a range that crosses periods (their own
    rows, :func:`araz.store.view.chart_points`) as small grey dots at the middle of their range."""
    from matplotlib.figure import Figure

    periods, ranges = view.chart_points(tone, freq)
    fig = Figure(figsize=(8, 3.2))
    ax = fig.subplots()
    if len(ranges):
        mid = ranges["start"] + (ranges["end"] - ranges["start"]) / 2
        ax.scatter(mid, ranges["score"], s=4, color="grey", alpha=0.4,
                   label=f"documents dated by a range across periods ({int(ranges['n'].sum())} sentences)")
    if len(periods):
        x = periods["start"] + (periods["end"] - periods["start"]) / 2
        ax.errorbar(x, periods["score"], yerr=[(periods["score"] - periods["score_low"]).fillna(0),
                                               (periods["score_high"] - periods["score"]).fillna(0)],
                    fmt="o", capsize=3, label=f"periods ({int(periods['n'].sum())} sentences)")
        for xi, yi, n in zip(x, periods["score"], periods["n"]):
            ax.annotate(f"n={int(n)}", (xi, yi), textcoords="offset points", xytext=(4, 4), fontsize=7)
    if len(tone):
        ax.legend(fontsize=7, loc="upper left")  # "best" tests every dot: slow
    ax.axhline(0, color="grey", lw=0.5)
    ax.set_ylabel("mean tone score")
    ax.set_title("Tone over time (95 % interval; n = sentences)")
    fig.autofmt_xdate()
    return fig


class StoreExplorer(W.VBox):
    """The explorer on a store (a folder or :func:`araz.open_store`'s object). Set the controls
    (``controls["outlets"|"start"|"end"|"query"|"freq"]``) or call :meth:`refresh`, :meth:`turn`,
    :meth:`open_row`; the current state is in ``page``, ``selection`` and ``doc``."""

    def __init__(self, store, *, page_size: int = view.PAGE_SIZE):
        self.paint = view.first_paint(store)  # raises StoreError naming a bad path
        self.con, self.page_size = self.paint.con, page_size
        self.page: view.Page | None = None
        self.selection: view.Selection | None = None
        self.doc: dict | None = None
        ov = self.paint.overview
        opts = [(f"{r.outlet} ({int(r.documents)})", r.outlet) for r in self.paint.outlets.itertuples()]
        self.controls = {
            "outlets": W.SelectMultiple(options=opts, rows=min(8, max(2, len(opts))), description="Outlets"),
            "start": W.DatePicker(description="From"),
            "end": W.DatePicker(description="To"),
            "query": W.Text(placeholder='words, "a phrase", prefix*', description="Search", continuous_update=False),
            "freq": W.ToggleButtons(options=[("month", "M"), ("quarter", "Q"), ("year", "Y")], value="M"),
        }
        self.header = W.HTML(H.wrap(
            f"<div class='araz-meta'>Store {H.e(str(self.paint.root))}: {ov['documents']:,} documents, "
            f"{ov['sentences']:,} sentences, {ov['outlets']} outlets, {H.e(str(ov['earliest']))} – "
            f"{H.e(str(ov['latest']))}; {H.e(view.search_note(self.paint.root))}</div>"))
        self.status = W.HTML()
        self.results = W.HTML()
        self.row_buttons = [W.Button(description="read", layout=W.Layout(width="60px")) for _ in range(page_size)]
        for i, b in enumerate(self.row_buttons):
            b.on_click(lambda _b, i=i: self.open_row(i))
        self.prev_button, self.next_button = W.Button(description="◀ previous"), W.Button(description="next ▶")
        self.prev_button.on_click(lambda _b: self.turn(-1))
        self.next_button.on_click(lambda _b: self.turn(1))
        self.page_label = W.HTML()
        self.reader = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(max_width="900px"))
        self.chart_note = W.HTML()
        self.counts = W.HTML()
        for name in ("outlets", "start", "end"):
            self.controls[name].observe(lambda _c: self.refresh(), names="value")
        self.controls["query"].observe(lambda _c: self._show(1), names="value")
        self.controls["freq"].observe(lambda _c: self._aggregate(), names="value")
        c = self.controls
        tabs = W.Tab([W.VBox([self.page_label, W.HBox([self.prev_button, self.next_button]), self.results,
                              W.HBox(self.row_buttons, layout=W.Layout(flex_flow="row wrap"))]),
                      self.reader, W.VBox([c["freq"], self.chart_note, self.chart]), self.counts])
        for i, t in enumerate(("Results", "Reader", "Tone over time", "Actors & corridors")):
            tabs.set_title(i, t)
        self.tabs = tabs
        super().__init__([self.header, W.HBox([c["outlets"], W.VBox([c["start"], c["end"], c["query"]])]),
                          self.status, tabs])
        self.refresh()

    @property
    def filters(self) -> view.Filters:
        c = self.controls
        return view.Filters(tuple(c["outlets"].value) or None, c["start"].value, c["end"].value,
                            c["query"].value, c["freq"].value)

    def refresh(self) -> None:
        """Recompute the results (page 1) and the aggregates for the current filters."""
        self._show(1)
        self._aggregate()

    def turn(self, step: int) -> None:
        """Next (``+1``) or previous (``-1``) page."""
        if self.page is not None:
            new = self.page.page + step
            if new >= 1 and (step < 0 or self.page.has_next):
                self._show(new)

    def _show(self, page: int) -> None:
        try:
            self.page = view.results(self.con, self.paint.root, self.filters, page, self.page_size)
        except ArazError as err:
            self.page = None
            self.status.value, self.results.value = H.status_html(str(err), "error"), ""
            for b in self.row_buttons:
                b.layout.display = "none"
            return
        self.status.value = ""
        self.results.value = results_html(self.page, self.filters.query)
        n = len(self.page.rows)
        for i, b in enumerate(self.row_buttons):
            b.layout.display = None if i < n else "none"
            b.tooltip = str(self.page.rows["citation"].iloc[i]) if i < n else ""
            b.description = f"read {i + 1}"
        self.prev_button.disabled = self.page.page == 1
        self.next_button.disabled = not self.page.has_next
        self.page_label.value = H.wrap(f"<div class='araz-meta'>Page {self.page.page} ({H.e(self.page.via)})</div>")

    def open_row(self, i: int) -> None:
        """Read the document of row ``i`` of the current page."""
        if self.page is not None and 0 <= i < len(self.page.rows):
            self.read(str(self.page.rows["doc_id"].iloc[i]))

    def read(self, doc_id: str) -> None:
        try:
            self.doc = view.document(self.con, doc_id, self.filters.query)
        except ArazError as err:
            self.reader.value = H.status_html(str(err), "error")
            return
        self.reader.value = reader_html(self.doc)
        self.tabs.selected_index = 1

    def _aggregate(self) -> None:
        try:
            self.selection = view.select(self.con, self.paint.root, self.filters)
        except ArazError as err:  # e.g. a date window that ends before it starts (said in the status too)
            self.selection = None
            self.counts.value = self.chart_note.value = H.status_html(str(err), "error")
            self.chart.value = b""
            return
        self.counts.value = counts_html(self.selection)
        if "tone" in self.selection.notes:
            self.chart_note.value, self.chart.value = H.status_html(self.selection.notes["tone"], "error"), b""
            return
        self.chart.value = _png(figure(self.selection.tone, self.controls["freq"].value))
        self.chart_note.value = H.wrap(
            "<div class='araz-meta'>Each point: the mean tone score of the sentences of the documents of one period "
            "(95 % interval; n sentences), for the outlet and date filters (the search query narrows the results "
            "list only).</div>")
