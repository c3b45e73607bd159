"""One visitor of the class server: their session, and the fixed set of actions the page may ask for.

The page and the server speak JSON over one websocket per visitor. Every message is
``{"id": n, "action": name, …arguments}`` and every answer ``{"id": n, "ok": true, …}``
or ``{"id": n, "ok": false, "error": "what went wrong and what to do"}``. The actions are
the table :data:`ACTIONS` below — each a method of :class:`Visitor` that calls
:mod:`araz.explore` and renders with the escaped views of :mod:`araz.widgets._html`.
Nothing else exists: a message naming any other action (a Jupyter ``execute_request``,
say) is refused, and no argument is ever evaluated, imported, opened as a file or
written anywhere. Exports are kept in the visitor's memory and fetched once by their browser
(``download/<token>``); nothing is written on the server.
"""
from __future__ import annotations

import datetime as dt
import secrets
import time

from .. import explore
from ..errors import ArazError
from ..widgets import _html as H

PAGE_SIZE = 20
MAX_TEXT = 2_000  # longest query, sentence, term or citation accepted (characters)
MAX_NOTES = 50_000  # longest notes
_LIST_FILTERS = ("outlets", "perspectives", "actors", "corridors", "tone", "voice")


class Refused(ArazError):
    """A message the server will not act on (unknown action, malformed arguments)."""


def _text(value, name: str, limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refused(f"{name} must be text")
    if len(value) > limit:
        raise Refused(f"{name} is longer than {limit:,} characters; shorten it")
    return value


def _filters(raw) -> explore.Filters:
    """Filters from the page's controls: only the known fields, only plain values."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise Refused("filters must be an object of control values")
    clean: dict = {}
    for name in _LIST_FILTERS:
        v = raw.get(name) or []
        if not isinstance(v, list) or not all(isinstance(x, str) and len(x) <= 200 for x in v) or len(v) > 500:
            raise Refused(f"filter {name} must be a list of names")
        clean[name] = tuple(v)
    for name in ("start", "end"):
        v = raw.get(name)
        if v:
            try:
                clean[name] = dt.date.fromisoformat(_text(v, name, 10))
            except ValueError:
                raise Refused(f"{name} must be a date YYYY-MM-DD, not {v!r}") from None
    clean["query"] = _text(raw.get("query"), "query")
    clean["entity_match"] = "all" if raw.get("entity_match") == "all" else "any"
    clean["three_plus_three"] = bool(raw.get("three_plus_three"))
    clean["unit"] = "paragraph" if raw.get("unit") == "paragraph" else "sentence"
    return explore.Filters.of(clean)


def options_payload(corpus) -> dict:
    """What the page's controls offer (outlets, perspectives, actors, corridors, years, tone), as plain lists."""
    opts = explore.options(corpus)
    months = opts["months"]
    years = sorted({m.year for m in months})
    return {
        "outlets": [[r.value, int(r.documents)] for r in opts["outlets"].itertuples(index=False)],
        "perspectives": [[r.value, int(r.documents)] for r in opts["perspectives"].itertuples(index=False)],
        "actors": [[r.entity_id, r.label, int(r.sentences)] for r in opts["actors"].itertuples(index=False)],
        "corridors": [[r.entity_id, r.label, int(r.sentences)] for r in opts["corridors"].itertuples(index=False)],
        "years": years,
        "tone": bool(opts["tone"]),
        "tone_labels": list(explore.TONE_LABELS),
        "voices": list(explore.VOICES),
        "classes": list(_tone_classes()),
        "warnings": list(opts["warnings"]),
        "documents": len(corpus),
        "sentences": int(len(corpus.sentences)),
        "shipped": bool(getattr(corpus, "is_shipped", False)),
    }


def _tone_classes():
    from .. import tone

    return tone.CLASSES


class Visitor:
    """One visitor's state (an :class:`araz.explore.Session`) and their actions.

    ``handle(message)`` answers one message (a dict) with a dict; it never raises. The
    server keeps one Visitor per open page and drops it when the page closes or idles out.
    """

    def __init__(self, corpus, visitor_id: str = ""):
        self.id = visitor_id
        self.session = explore.Session(corpus)
        self.filters = explore.Filters()
        self.reading: str | None = None
        self.lexicon = None  # the edited lexicon (None: the shipped one)
        self.last_seen = time.monotonic()
        self.actions = 0
        self.download: tuple[str, str, str, bytes] | None = None  # (token, filename, mime, bytes) until fetched

    # ---- dispatch ---------------------------------------------------------------------
    def handle(self, message) -> dict:
        self.last_seen = time.monotonic()
        mid = message.get("id") if isinstance(message, dict) else None
        try:
            if not isinstance(message, dict):
                raise Refused("a message must be a JSON object with an action")
            action = message.get("action")
            if action not in ACTIONS:
                # e.g. {"header": {"msg_type": "execute_request"}, "content": {"code": …}}: no such thing here
                kind = action or (message.get("header") or {}).get("msg_type") or "(none)"
                raise Refused(f"refused: unknown action {str(kind)[:60]!r}; this server runs no code and opens no "
                              f"files — it answers only {', '.join(sorted(ACTIONS))}")
            self.actions += 1
            out = ACTIONS[action](self, message)
            return {"id": mid, "ok": True, "action": action, **out}
        except ArazError as err:
            return {"id": mid, "ok": False, "error": str(err)}
        except Exception as err:  # noqa: BLE001 - one visitor's failure is reported to them, the server goes on
            return {"id": mid, "ok": False, "error": f"the server could not do this ({type(err).__name__}); "
                                                      "try again, or reload the page"}

    def close(self) -> None:
        """Release this visitor's state (their session's own tone labels, notes, picks)."""
        self.session.close()
        self.lexicon = None
        self.download = None

    # ---- actions --------------------------------------------------------------------------
    def hello(self, msg) -> dict:
        corpus = self.session.corpus
        # the same for every visitor: computed once per corpus, shared read-only
        return {"visitor": self.id, "options": corpus.cached("araz.serve.options", lambda: options_payload(corpus))}

    def select(self, msg) -> dict:
        f = _filters(msg.get("filters"))
        page = msg.get("page", 1)
        if not isinstance(page, int) or isinstance(page, bool):
            raise Refused("page must be a whole number")
        df = explore.select(self.session, f, page=page, page_size=PAGE_SIZE)
        self.filters = f
        rows = [{"citation": str(r["citation"]), "rank": int(r["rank"]), "html": H.row_html(r)} for _, r in df.iterrows()]
        total = int(df.attrs["total"])
        if total == 0:
            status = f"no matches: no {f.unit} passes all of these filters. Remove a filter or change the query."
        else:
            sel = explore.selection(self.session, f)
            how = f" for the query {f.query!r}, ranked by relevance" if f.query else ", in reading order"
            status = (f"{total:,} matching {f.unit}{'s' if total != 1 else ''} in {sel.documents:,} "
                      f"document{'s' if sel.documents != 1 else ''}{how}")
        return {"total": total, "page": int(df.attrs["page"]), "pages": int(df.attrs["pages"]), "rows": rows,
                "status": status}

    def read(self, msg) -> dict:
        citation = _text(msg.get("citation"), "citation", 300)
        q = self.filters.query
        try:
            explore.parse_query(q)
        except ArazError:
            q = ""
        data = explore.reader(self.session, citation, query=q or None)
        self.reading = citation
        if citation not in self.session.selected:
            self.session.selected.append(citation)
        return {"citation": citation, "html": H.reader_html(data, tint=True), "selected": list(self.session.selected)}

    def _figure(self):
        from matplotlib.figure import Figure

        fig = Figure(figsize=(9, 4.2))
        explore.chart(fig.subplots(), self.session, self.filters)
        fig.tight_layout()
        return fig

    def chart(self, msg) -> dict:
        """Tone over time for the visitor's selection, as the points the page draws (SVG, in the browser).

        The same series :func:`araz.explore.chart` draws with matplotlib; sending the points
        instead of a PNG keeps a chart a few milliseconds of server time (matplotlib's text
        layout alone costs ~0.3 s of CPU per chart, which thirty students would queue for).
        """
        from ..explore import series_warning

        series = explore.tone_series(self.session, self.filters)
        points = [{"outlet": str(r.outlet), "start": r.start.date().isoformat(), "end": r.end.date().isoformat(),
                   "estimate": bool(r.estimate), "documents": int(r.documents), "n": int(r.n),
                   "score": None if r.score != r.score else round(float(r.score), 4)}
                  for r in series.itertuples(index=False)]
        n_s, n_d = int(series["n"].sum()) if len(series) else 0, int(series["documents"].sum()) if len(series) else 0
        return {"points": points, "title": f"Tone over time: {n_s:,} sentences in {n_d:,} document{'s' if n_d != 1 else ''}",
                "warning": series_warning(series) if len(series) else ""}

    def export(self, msg) -> dict:
        """Make an export for this visitor's browser to fetch once from ``download/<token>``.

        The bytes stay in this visitor's memory (never on disk) until fetched, replaced by the
        next export, or the visitor leaves; the token is random and works once. Sending them over
        HTTP rather than inside the websocket's JSON spares the base64 inflation and keeps a
        20 MB CSV from holding up the visitor's next click.
        """
        kind = msg.get("kind")
        if kind == "csv":
            data, name, mime = explore.csv_bytes(self.session, self.filters), "araz-selection.csv", "text/csv"
        elif kind == "png":
            data, name, mime = explore.png_bytes(self._figure()), "araz-chart.png", "image/png"
        elif kind == "brief":
            text = explore.brief_markdown(self.session, self.filters, notes=self.session.notes)
            data, name, mime = text.encode("utf-8"), "araz-briefing.md", "text/markdown"
        elif kind == "lexicon":
            from .. import tone

            t = (self.lexicon or tone.load_lexicon()).table.copy()
            t["weight"] = t["weight"].map(lambda w: f"{w:g}")
            data, name, mime = t.to_csv(index=False, lineterminator="\n").encode("utf-8"), "tone_edited.csv", "text/csv"
        else:
            raise Refused("export kind must be csv, png, brief or lexicon")
        token = secrets.token_hex(16)
        self.download = (token, name, mime, data)
        return {"filename": name, "mime": mime, "url": f"download/{token}", "bytes": len(data)}

    def take_download(self, token: str):
        """``(filename, mime, bytes)`` for this visitor's pending export with ``token`` (once), else ``None``."""
        held = self.download
        if held is None or not secrets.compare_digest(held[0], token):
            return None
        self.download = None
        return held[1:]

    def notes(self, msg) -> dict:
        self.session.notes = _text(msg.get("text"), "notes", MAX_NOTES)
        return {"chars": len(self.session.notes)}

    def lab_score(self, msg) -> dict:
        from ..widgets._tone_lab import explanation_html

        sentence = _text(msg.get("sentence"), "sentence")
        ex = explore.lab_score(self.session, sentence)
        return {"html": explanation_html(ex), "label": ex.label}

    def lab_edit(self, msg) -> dict:
        """Add, reweight or remove a term, or go back to the shipped lexicon; relabel this session only."""
        from .. import tone

        op = msg.get("op")
        lex = (self.lexicon or tone.load_lexicon()).copy()
        if op == "add":
            term = _text(msg.get("term"), "term", 100).strip()
            cls = _text(msg.get("cls"), "class", 40)
            weight = msg.get("weight", 1.0)
            if not isinstance(weight, (int, float)) or isinstance(weight, bool):
                raise Refused("weight must be a number")
            lex.add(term, cls, float(weight), note="edited in the class server's tone lab")
            said = f"'{term}': {cls}, weight {float(weight):g}"
        elif op == "remove":
            term = _text(msg.get("term"), "term", 100).strip()
            lex.remove(term)
            said = f"removed '{term}'"
        elif op == "reset":
            lex = None
            said = "back to the shipped lexicon"
        else:
            raise Refused("op must be add, remove or reset")
        self.session.set_lexicon(lex)
        self.lexicon = lex
        from ..widgets._tone_lab import agreement_html

        try:
            agreement = agreement_html(explore.lab_agreement(self.session))
        except ArazError as err:  # e.g. a corpus without hand labels: the edit holds, there is nothing to agree with
            agreement = H.status_html(str(err), "empty")
        n = len(lex) if lex is not None else len(tone.load_lexicon())
        return {"status": f"{said}. Your lexicon has {n} terms; your explorer now uses it (nobody else's does).",
                "agreement": agreement, "terms": n}


ACTIONS = {
    "hello": Visitor.hello, "select": Visitor.select, "read": Visitor.read, "chart": Visitor.chart,
    "export": Visitor.export, "notes": Visitor.notes, "lab_score": Visitor.lab_score, "lab_edit": Visitor.lab_edit,
}
