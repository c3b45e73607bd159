"""The explorer widget: controls wired to :mod:`araz.explore`; no analysis happens here."""
from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import os

import ipywidgets as W

from .. import explore
from ..errors import ArazError
from . import _html as H

PAGE_SIZE = 20
TAB_RESULTS, TAB_READER, TAB_COMPARE, TAB_CHART, TAB_EXPORT = range(5)


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def default_export_folder() -> str:
    """``$ARAZ_EXPORT_DIR`` (set by ``python -m araz.app``) or ``exports``."""
    return os.environ.get("ARAZ_EXPORT_DIR") or "exports"


class Explorer(W.VBox):
    """The explorer: filters, ranked results, reader, compare, chart and export.

    Drive it from Python by setting control values — ``app.controls["outlets"].value =
    ("Alwaght",)`` — and read what it shows: ``app.page`` (the DataFrame of the current
    page), ``app.total``, ``app.status.value``, ``app.reader.value``… Its state is
    computed by :mod:`araz.explore` (``explore.select(corpus, app.filters)`` gives the same
    page).

    ``corpus`` may be an :class:`araz.explore.Session` shared with a tone lab: an edit of
    the lexicon there relabels everything here (results, reader, compare, chart, exports).
    With ``downloads=True`` (the class server) exports are browser downloads — CSV, PNG and
    a briefing note in Markdown with the visitor's notes — and nothing is written on the
    server; otherwise they are files in the export folder.
    """

    def __init__(self, corpus, *, page_size: int = PAGE_SIZE, export_folder: str | None = None,
                 downloads: bool = False):
        self.session = explore.session(corpus)
        self.corpus = self.session  # every explore call reads this session's labels
        self.downloads = downloads
        self.page_size = page_size
        self._hold = 0
        self._chart_dirty = True
        self._fig = None
        self.page = None
        self.total = 0
        self.page_number = 1
        self.error: str | None = None
        self.last_export: str | None = None
        opts = explore.options(corpus)
        self.options = opts
        lay = W.Layout(width="auto")
        desc = {"description_width": "initial"}

        def multi(frame, label, rows, fmt):
            return W.SelectMultiple(options=[(fmt(r), r[0]) for r in frame.itertuples(index=False)],
                                    rows=rows, description=label, style=desc, layout=W.Layout(width="98%"))

        months = opts["months"] or [dt.date.today().replace(day=1)]
        self._months = months
        self.controls: dict[str, W.Widget] = {
            "outlets": multi(opts["outlets"], "Outlet", 5, lambda r: f"{r.value} ({r.documents})"),
            "perspectives": multi(opts["perspectives"], "Perspective", 4, lambda r: f"{r.value} ({r.documents})"),
            "dates": W.SelectionRangeSlider(options=[(m.strftime("%Y-%m"), m) for m in months], index=(0, len(months) - 1),
                                            description="Published", continuous_update=False, style=desc,
                                            layout=W.Layout(width="98%")),
            "actors": multi(opts["actors"], "Actors", 7, lambda r: f"{r.label} ({r.sentences})"),
            "corridors": multi(opts["corridors"], "Corridors", 5, lambda r: f"{r.label} ({r.sentences})"),
            "entity_match": W.ToggleButtons(options=[("any", "any"), ("all", "all")], value="any",
                                            description="Mentions", style={**desc, "button_width": "48px"},
                                            tooltips=["a sentence mentioning any of the chosen actors/corridors",
                                                      "a sentence mentioning all of them"]),
            "three_plus_three": W.Checkbox(value=False, description=f"mentions the 3+3 format ({int(opts['formats']['sentences'].sum()) if len(opts['formats']) else 0})",
                                           indent=False, layout=lay),
            "tone": W.SelectMultiple(options=list(explore.TONE_LABELS), rows=4, description="Tone", style=desc,
                                     layout=W.Layout(width="98%"), disabled=not opts["tone"]),
            "voice": W.SelectMultiple(options=list(explore.VOICES), rows=2, description="Voice", style=desc,
                                      layout=W.Layout(width="98%"), disabled=not opts["tone"]),
            "query": W.Text(value="", placeholder='words, "a phrase", prefix*, AND / OR / NOT — press Enter',
                            description="Search", continuous_update=False, style=desc, layout=W.Layout(width="98%")),
            "unit": W.ToggleButtons(options=["sentence", "paragraph"], value="sentence", description="Show",
                                    style={**desc, "button_width": "80px"}),
            "view": W.ToggleButtons(options=["results", "keyword in context"], value="results",
                                    style={"button_width": "130px"}),
            "tint": W.Checkbox(value=True, description="tint sentences by tone", indent=False, layout=lay),
        }
        c = self.controls
        self.search_button = W.Button(description="Search", icon="search", layout=W.Layout(width="90px"))
        self.reset_button = W.Button(description="Clear filters", icon="times", layout=W.Layout(width="120px"))
        self.status = W.HTML()
        self.prev_button = W.Button(description="‹ previous", layout=W.Layout(width="100px"))
        self.next_button = W.Button(description="next ›", layout=W.Layout(width="100px"))
        self.page_label = W.HTML()
        self.kwic = W.HTML()
        self._row_buttons, self._row_html, self._row_boxes, self._row_cits = [], [], [], []
        for i in range(explore.MAX_PAGE_SIZE if page_size > explore.MAX_PAGE_SIZE else page_size):
            b = W.Button(description="", tooltip="open in the reader", layout=W.Layout(width="auto", min_width="230px"))
            b.add_class("araz-open")
            b.on_click(lambda _b, i=i: self.open_row(i))
            h = W.HTML()
            box = W.HBox([b, h], layout=W.Layout(display="none", align_items="flex-start"))
            box.add_class("araz-result")
            self._row_buttons.append(b)
            self._row_html.append(h)
            self._row_boxes.append(box)
            self._row_cits.append(None)
        self.results = W.VBox(self._row_boxes)
        self.reader = W.HTML(H.wrap("<div class='araz-meta'>Open a result to read its document here.</div>"))
        self.reader.add_class("araz-reader")
        self.reader_citation: str | None = None

        # compare
        self.compare_by = W.ToggleButtons(options=[("outlets", "outlet"), ("documents", "doc")], value="outlet",
                                          description="Compare", style=desc)
        self.compare_sources = W.SelectMultiple(rows=5, description="Sources", style=desc, layout=W.Layout(width="98%"))
        self.compare_within = W.Checkbox(value=False, description="only within the current filters", indent=False)
        self.compare_button = W.Button(description="Compare", icon="columns")
        self.compare_out = W.HTML()
        self.compare_chart = W.Image(format="png", layout=W.Layout(max_width="760px"))
        self._set_compare_options()

        # chart
        self.chart = W.Image(format="png", layout=W.Layout(max_width="900px"))
        self.chart_note = W.HTML()

        # export
        self.export_folder = W.Text(value=export_folder or default_export_folder(), description="Folder", style=desc)
        self.export_csv_button = W.Button(description="Export selection to CSV", icon="download", layout=W.Layout(width="220px"))
        self.export_png_button = W.Button(description="Export chart to PNG", icon="image", layout=W.Layout(width="220px"))
        self.export_status = W.HTML()
        self.download_link = W.HTML()
        self.brief_button = W.Button(description="Briefing note (Markdown)", icon="file-text", layout=W.Layout(width="220px"))
        self.notes = W.Textarea(value="", rows=4, layout=W.Layout(width="98%"),
                                placeholder="Your notes for the briefing note (Markdown; cite with [[doc_id ¶p.s]])")
        if downloads:
            self.export_csv_button.description = "Download selection (CSV)"
            self.export_png_button.description = "Download chart (PNG)"

        filters = W.VBox([
            W.HTML(H.wrap(f"<strong>Araz explorer</strong> <span class='araz-meta'>{H.e(self._describe_corpus())}</span>"
                          + "".join(f"<div class='araz-status empty'>{H.e(w)}</div>" for w in opts["warnings"]))),
            W.HBox([c["query"], self.search_button], layout=W.Layout(width="100%")),
            W.GridBox([
                W.VBox([c["outlets"], c["perspectives"]]),
                W.VBox([c["actors"], c["entity_match"]]),
                W.VBox([c["corridors"], c["three_plus_three"], c["tone"], c["voice"]]),
            ], layout=W.Layout(grid_template_columns="repeat(3, minmax(0, 1fr))", width="100%")),
            c["dates"],
            W.HBox([c["unit"], self.reset_button]),
        ])
        results_tab = W.VBox([W.HBox([c["view"], self.prev_button, self.page_label, self.next_button]),
                              self.results, self.kwic])
        reader_tab = W.VBox([c["tint"], self.reader])
        compare_tab = W.VBox([self.compare_by, self.compare_sources, W.HBox([self.compare_within, self.compare_button]),
                              self.compare_out, self.compare_chart])
        chart_tab = W.VBox([self.chart_note, self.chart])
        if downloads:  # nothing on the server: no folder to choose, files go to the visitor's browser
            export_tab = W.VBox([W.HBox([self.export_csv_button, self.export_png_button, self.brief_button]),
                                 self.notes, self.export_status, self.download_link])
        else:
            export_tab = W.VBox([self.export_folder, W.HBox([self.export_csv_button, self.export_png_button]), self.export_status])
        self.tabs = W.Tab(children=[results_tab, reader_tab, compare_tab, chart_tab, export_tab],
                          titles=["Results", "Reader", "Compare", "Tone over time", "Export"])
        super().__init__([filters, self.status, self.tabs], layout=W.Layout(width="100%"))
        self.add_class("araz-explorer")

        # wiring
        for name in ("outlets", "perspectives", "dates", "actors", "corridors", "entity_match", "three_plus_three",
                     "tone", "voice", "query", "unit"):
            c[name].observe(lambda _ch: self.refresh(), names="value")
        c["view"].observe(lambda _ch: self._show_page(), names="value")
        c["tint"].observe(lambda _ch: self._render_reader(), names="value")
        self.search_button.on_click(lambda _b: self.refresh())
        self.reset_button.on_click(lambda _b: self.reset())
        self.prev_button.on_click(lambda _b: self.turn(-1))
        self.next_button.on_click(lambda _b: self.turn(+1))
        self.compare_by.observe(lambda _ch: self._set_compare_options(), names="value")
        self.compare_button.on_click(lambda _b: self.run_compare())
        self.export_csv_button.on_click(lambda _b: self.export_csv())
        self.export_png_button.on_click(lambda _b: self.export_png())
        self.brief_button.on_click(lambda _b: self.export_brief())
        self.notes.observe(lambda ch: setattr(self.session, "notes", ch["new"]), names="value")
        self.tabs.observe(self._on_tab, names="selected_index")
        self.session.on_change(lambda _s: self._relabelled())
        self.refresh()

    def _relabelled(self) -> None:
        """The session's lexicon changed (the tone lab): show every view with the new labels."""
        self.refresh(self.page_number)
        self._render_reader()
        if self.compare_out.value:
            self.run_compare()

    # ---- state ----------------------------------------------------------------
    def _describe_corpus(self) -> str:
        docs = len(self.corpus)
        return (f"{docs:,} document{'s' if docs != 1 else ''}, {len(self.corpus.sentences):,} sentences"
                + (" (the shipped corpus)" if self.corpus.is_shipped else ""))

    @property
    def filters(self) -> explore.Filters:
        """The :class:`araz.explore.Filters` the controls currently describe."""
        c = self.controls
        lo, hi = c["dates"].value
        full = (c["dates"].index == (0, len(self._months) - 1))
        return explore.Filters.of({
            "outlets": c["outlets"].value, "perspectives": c["perspectives"].value,
            "start": None if full else lo, "end": None if full else _month_end(hi),
            "actors": c["actors"].value, "corridors": c["corridors"].value,
            "entity_match": c["entity_match"].value, "three_plus_three": c["three_plus_three"].value,
            "tone": c["tone"].value, "voice": c["voice"].value, "query": c["query"].value,
            "unit": c["unit"].value,
        })

    @contextlib.contextmanager
    def hold(self):
        """Change several controls and refresh once at the end."""
        self._hold += 1
        try:
            yield self
        finally:
            self._hold -= 1
            if not self._hold:
                self.refresh()

    def reset(self) -> None:
        """Clear every filter and the query."""
        c = self.controls
        with self.hold():
            for name in ("outlets", "perspectives", "actors", "corridors", "tone", "voice"):
                c[name].value = ()
            c["dates"].index = (0, len(self._months) - 1)
            c["entity_match"].value = "any"
            c["three_plus_three"].value = False
            c["query"].value = ""

    def refresh(self, page: int = 1) -> None:
        """Recompute the selection for the current controls and show page ``page``."""
        if self._hold:
            return
        self.page_number = page
        self._chart_dirty = True
        self._show_page()
        if self.tabs.selected_index == TAB_CHART:
            self._draw_chart()

    def turn(self, step: int) -> None:
        """Show the next (``+1``) or previous (``-1``) page."""
        self.page_number = max(1, self.page_number + step)
        self._show_page()

    def _show_page(self) -> None:
        try:
            f = self.filters
            df = explore.select(self.corpus, f, page=self.page_number, page_size=self.page_size)
            sel = explore.selection(self.corpus, f)
            self.error = None
        except ArazError as err:
            self.error = str(err)
            self.page, self.total = None, 0
            self._fill_rows(None)
            self.page_label.value = ""
            self.kwic.value = ""
            self.prev_button.disabled = self.next_button.disabled = True
            self.status.value = H.status_html(str(err), "error")
            return
        self.page, self.total = df, df.attrs["total"]
        self.page_number = df.attrs["page"]
        pages = df.attrs["pages"]
        # rows first, the status line last: when the count shows, the rows are already there
        if self.controls["view"].value == "keyword in context":
            self._fill_rows(None)
            self.kwic.value = H.kwic_html(explore.kwic(self.corpus, f, page=self.page_number, page_size=self.page_size))
        else:
            self.kwic.value = ""
            self._fill_rows(df)
        self.page_label.value = H.wrap(f"<span class='araz-meta'>page {df.attrs['page']} of {pages}</span>")
        self.prev_button.disabled = df.attrs["page"] <= 1
        self.next_button.disabled = df.attrs["page"] >= pages
        unit = f.unit + ("s" if self.total != 1 else "")
        if self.total == 0:
            self.status.value = H.status_html(
                f"no matches: no {f.unit} passes all of these filters. Remove a filter or change the query.", "empty")
        else:
            docs = f"{sel.documents:,} document{'s' if sel.documents != 1 else ''}"
            how = f" for the query {f.query!r}, ranked by relevance" if f.query else ", in reading order (by publication date)"
            self.status.value = H.status_html(f"{self.total:,} matching {unit} in {docs}{how}")

    def _fill_rows(self, df) -> None:
        n = 0 if df is None else len(df)
        for i, box in enumerate(self._row_boxes):
            if i < n:
                row = df.iloc[i]
                self._row_cits[i] = row["citation"]
                self._row_buttons[i].description = f"{int(row['rank'])}. {row['citation']}"
                self._row_html[i].value = H.row_html(row)
                box.layout.display = "flex"
            else:
                self._row_cits[i] = None
                if box.layout.display != "none":
                    box.layout.display = "none"
                    self._row_buttons[i].description = " "  # ipywidgets keeps the old text for ""
                    self._row_html[i].value = ""

    # ---- reader -----------------------------------------------------------------
    def open_row(self, i: int) -> None:
        """Open result ``i`` of the current page in the reader."""
        if self._row_cits[i]:
            self.read(self._row_cits[i])

    def read(self, citation: str) -> None:
        """Open ``citation`` (or a doc_id) in the reader tab."""
        self.reader_citation = citation
        if citation not in self.session.selected:
            self.session.selected.append(citation)
        self._render_reader()
        self.tabs.selected_index = TAB_READER

    def _render_reader(self) -> None:
        if not self.reader_citation:
            return
        try:
            q = self.controls["query"].value
            try:
                explore.parse_query(q)
            except ArazError:
                q = ""
            data = explore.reader(self.corpus, self.reader_citation, query=q or None)
            self.reader.value = H.reader_html(data, tint=self.controls["tint"].value)
        except ArazError as err:
            self.reader.value = H.status_html(str(err), "error")

    # ---- compare ------------------------------------------------------------------
    def _set_compare_options(self) -> None:
        if self.compare_by.value == "outlet":
            self.compare_sources.options = [(f"{r.value} ({r.documents})", r.value)
                                            for r in self.options["outlets"].itertuples(index=False)]
        else:
            docs = self.corpus.documents
            self.compare_sources.options = [(f"{d} — {o}", d) for d, o in zip(docs["doc_id"][:2000], docs["outlet"][:2000])]

    def run_compare(self, sources=None) -> dict | None:
        """Compare the chosen sources (or ``sources``); show tables and a chart; return the result."""
        if sources is not None:
            self.compare_sources.value = tuple(sources)
        try:
            filters = None
            if self.compare_within.value:
                filters = self.filters.replace(outlets=(), doc_ids=(), unit="sentence")
            result = explore.compare(self.corpus, self.compare_sources.value, by=self.compare_by.value, filters=filters)
        except ArazError as err:
            self.compare_out.value = H.status_html(str(err), "error")
            self.compare_chart.value = b""
            return None
        self.compare_out.value = H.compare_html(result)
        from matplotlib.figure import Figure

        n = len(result["summary"].columns)
        fig = Figure(figsize=(7.5, 1.2 + 0.55 * 2 * n))
        explore.compare_chart(fig.subplots(), result)
        self.compare_chart.value = _png(fig)
        return result

    # ---- chart ----------------------------------------------------------------------
    def _on_tab(self, change) -> None:
        if change["new"] == TAB_CHART and self._chart_dirty:
            self._draw_chart()

    def figure(self):
        """A new matplotlib Figure of tone over time for the current selection."""
        from matplotlib.figure import Figure

        fig = Figure(figsize=(9, 4.2))
        explore.chart(fig.subplots(), self.corpus, self.filters)
        fig.tight_layout()
        return fig

    def _draw_chart(self) -> None:
        try:
            fig = self.figure()
        except ArazError as err:
            self.chart_note.value = H.status_html(str(err), "error")
            self.chart.value = b""
            return
        self._fig = fig
        self.chart.value = _png(fig)
        self.chart_note.value = H.wrap("<div class='araz-meta'>Each point: the mean tone score of the selected "
                                       "sentences of one outlet at one publication date; bars show inferred date ranges; "
                                       "n = sentences. Redrawn on every change of the filters.</div>")
        self._chart_dirty = False

    # ---- export -----------------------------------------------------------------------
    def export_csv(self) -> str | None:
        """Write the current selection (all pages) to CSV; show and return the path.

        With ``downloads`` the CSV becomes a download link instead and its file name is returned."""
        if self.downloads:
            return self._download(lambda: explore.csv_bytes(self.corpus, self.filters), "araz-selection.csv",
                                  "text/csv", f"the selection ({self.total:,} rows)")
        try:
            path = explore.export_csv(self.corpus, self.filters, folder=self.export_folder.value)
        except ArazError as err:
            self.export_status.value = H.status_html(str(err), "error")
            return None
        self.last_export = str(path.resolve())
        self.export_status.value = H.status_html(f"Wrote {self.total:,} rows to {self.last_export}")
        return self.last_export

    def export_png(self) -> str | None:
        """Write the tone-over-time chart of the current selection to PNG; show and return the path."""
        if self.downloads:
            return self._download(lambda: explore.png_bytes(self.figure()), "araz-chart.png", "image/png",
                                  "the tone chart")
        try:
            path = explore.export_png(self.figure(), folder=self.export_folder.value)
        except ArazError as err:
            self.export_status.value = H.status_html(str(err), "error")
            return None
        self.last_export = str(path.resolve())
        self.export_status.value = H.status_html(f"Wrote the chart to {self.last_export}")
        return self.last_export

    def export_brief(self) -> str | None:
        """A cited briefing note on the current filters with the notes, as a Markdown download."""
        return self._download(lambda: explore.brief_markdown(self.corpus, self.filters, notes=self.notes.value).encode("utf-8"),
                              "araz-briefing.md", "text/markdown", "the briefing note")

    def _download(self, make, filename: str, mime: str, what: str) -> str | None:
        self.download_link.value = ""
        try:
            data = make()
        except ArazError as err:
            self.export_status.value = H.status_html(str(err), "error")
            return None
        self.last_download = data
        self.download_link.value = H.download_html(data, filename, mime, f"save {what}")
        self.export_status.value = H.status_html(f"Ready: click the link below to save {what} in your browser.")
        return filename


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()
