"""Events and dates: the dated events the corpus refers to, and what they tell us about undated texts.

* :func:`events` — ``annotations/events.csv``, checked against the corpus, with parsed dates;
* :func:`publications` — the documents' publication dates (exact or estimated ranges);
* :func:`date_window` — dating a text from internal evidence: the latest event it reports
  (it cannot be older) and the first later event it does not mention (an argument from
  silence, to be weighed, not trusted).

Dates use the syntax of the ``published`` field: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
``START/END``. For events a range is a span (a war, a tour) or an uncertain date (the
``note`` says which); it is never collapsed to a point.

>>> import araz
>>> from araz import timeline
>>> ev = timeline.events(araz.load_corpus())
>>> ev.set_index("event_id").loc["embassy-attack-2023", "start"].date()
datetime.date(2023, 1, 27)
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .corpus import Corpus
from .dates import parse_published
from .errors import Issue, ScopeError, TableError

EVENT_COLUMNS = ["event_id", "date", "event", "citations", "date_source", "note"]
EVENTS_OUT = EVENT_COLUMNS + ["start", "end", "precision", "n_citations", "doc_ids", "outlets", "date_in_corpus"]
PUB_COLUMNS = ["doc_id", "outlet", "published", "start", "end", "precision", "date_estimate", "date_label"]
SEP = " | "
_CITE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*) ¶(\d+(?:\.\d+)?)")


def _split(cell: str) -> list[str]:
    return [c.strip() for c in str(cell or "").split("|") if c.strip()]


def _build(corpus: Corpus, path: Path, own: bool) -> pd.DataFrame:
    from .claims import _where, check_citation, home_corpus
    from .tables import read_table

    raw = read_table(path, "events")
    home = home_corpus(corpus)
    issues: list[Issue] = []
    rows = []
    for i, r in enumerate(raw.itertuples(index=False)):
        src, line = _where(raw, i)
        try:
            span = parse_published(r.date)
        except ValueError as exc:
            msg = str(exc) if r.date in str(exc) else f"'{r.date}' {exc}"
            issues.append(Issue(src, line, "date", msg))
            continue
        kept = []
        for cit in _split(r.citations):
            doc_id = cit.split("¶")[0].strip()
            if not own and doc_id not in home:
                continue  # shipped events shown beside a user corpus: keep the event, drop foreign citations
            try:
                check_citation(home, cit)
            except ValueError as exc:
                issues.append(Issue(src, line, "citations", str(exc)))
                continue
            if doc_id in corpus:
                kept.append(cit)
        if own and not _split(r.citations):
            issues.append(Issue(src, line, "citations", "name at least one sentence of the corpus that mentions the event ('doc_id ¶p.s', several separated by ' | ')"))
        cited = _CITE.findall(r.date_source)
        in_corpus = bool(cited)
        for doc_id, ref in cited:
            if own or doc_id in home:
                try:
                    check_citation(home, f"{doc_id} ¶{ref}")
                except ValueError as exc:
                    issues.append(Issue(src, line, "date_source", str(exc)))
        docs = [c.split("¶")[0].strip() for c in kept]
        rows.append({
            **r._asdict(), "citations": SEP.join(kept),
            "start": pd.Timestamp(span.start), "end": pd.Timestamp(span.end), "precision": span.precision,
            "n_citations": len(kept), "doc_ids": SEP.join(dict.fromkeys(docs)),
            "outlets": SEP.join(dict.fromkeys(corpus[d].outlet for d in docs)), "date_in_corpus": bool(in_corpus),
        })
    if issues:
        raise TableError(issues)
    out = pd.DataFrame(rows, columns=EVENTS_OUT)
    out = out.sort_values(["start", "end", "event_id"], kind="stable").reset_index(drop=True)
    return out


def events(corpus: Corpus, path=None) -> pd.DataFrame:
    """Return the dated events the corpus refers to, sorted by date: one row per event.

    Columns: ``event_id, date, event, citations`` (the corpus sentences that mention it,
    joined with ``" | "``), ``date_source, note`` (as in ``events.csv``), then ``start, end``
    (pandas timestamps; a day, a month and a range all become a span), ``precision`` (``day``,
    ``month``, ``year`` or ``range``), ``n_citations``, ``doc_ids``, ``outlets`` (documents
    and outlets that mention the event) and ``date_in_corpus`` (True when ``date_source``
    is a corpus citation).

    The table is ``annotations/events.csv`` of the corpus: the shipped one, or
    ``<folder>/annotations/events.csv`` of a user corpus. A user corpus without its own file
    gets the shipped events as context, with only the citations into its own documents
    (usually none). Bad rows (a date that is not a date, a citation that does not resolve)
    raise one :class:`araz.TableError` naming file, line and column.

    >>> import araz
    >>> ev = events(araz.load_corpus())
    >>> ev.set_index("event_id").loc["sahand-2025", "precision"]
    'range'
    """
    from .paths import shipped

    own_file = Path(path) if path is not None else corpus.annotation_file("events.csv")
    own = own_file is not None and Path(own_file).exists()
    p = own_file if own else shipped("annotations", "events.csv")
    own = own or corpus.is_shipped
    key = ("araz.timeline.events", str(p), own)
    return corpus.cached(key, lambda: _build(corpus, Path(p), own)).copy()


def publications(corpus: Corpus) -> pd.DataFrame:
    """Return the documents' publication dates as spans: one row per document, oldest first.

    Columns: ``doc_id, outlet, published`` (as written), ``start, end`` (timestamps),
    ``precision`` (``day``/``month``/``year``/``range``), ``date_estimate``, ``date_label``.

    >>> import araz
    >>> publications(araz.load_corpus())["precision"].tolist()
    ['range', 'range', 'range', 'range']
    """
    d = corpus.documents
    rows = []
    for r in d.itertuples():
        span = parse_published(r.published)
        rows.append({"doc_id": r.doc_id, "outlet": r.outlet, "published": r.published, "start": r.published_start,
                     "end": r.published_end, "precision": span.precision, "date_estimate": bool(r.date_estimate),
                     "date_label": r.date_label})
    return pd.DataFrame(rows, columns=PUB_COLUMNS).sort_values(["start", "doc_id"], kind="stable").reset_index(drop=True)


def date_window(corpus: Corpus, doc_id: str, path=None) -> dict:
    """Return what the events a document mentions say about when it was written.

    A dict with:

    * ``mentioned`` — DataFrame of the events the document refers to (``event_id, date,
      event, start, end, citations`` — only this document's citations), oldest first;
    * ``not_before`` — the date the latest mentioned event began (the text reports it, so it
      cannot be older), with ``not_before_event``;
    * ``silent_after`` — the first later event (in ``events.csv``) that the text does not
      mention, with ``silent_after_event``: if the text would surely have mentioned it, it was
      written before that date. ``None`` when there is none;
    * ``published`` and ``date_label`` — what the front matter says, to compare.

    >>> import araz
    >>> w = date_window(araz.load_corpus(), "anon-2025-pezeshkian-visit")
    >>> str(w["not_before"]), w["silent_after_event"]
    ('2025-04-28', 'israel-iran-war-2025')
    """
    if doc_id not in corpus:
        raise ScopeError(f"no document '{doc_id}' in this corpus")
    ev = events(corpus, path)
    mine = ev[ev["doc_ids"].str.split(SEP, regex=False).apply(lambda ds: doc_id in ds)].copy()
    mine["citations"] = mine["citations"].apply(lambda s: SEP.join(c for c in s.split(SEP) if c.startswith(doc_id + " ")))
    mentioned = mine[["event_id", "date", "event", "start", "end", "citations"]].reset_index(drop=True)
    out = {"doc_id": doc_id, "mentioned": mentioned, "not_before": None, "not_before_event": None,
           "silent_after": None, "silent_after_event": None,
           "published": corpus[doc_id].published, "date_label": corpus[doc_id].date_label}
    if mentioned.empty:
        return out
    latest = mentioned.sort_values(["start", "end"]).iloc[-1]
    out["not_before"], out["not_before_event"] = latest["start"].date(), latest["event_id"]
    later = ev[(ev["start"] > latest["end"]) & ~ev["event_id"].isin(mentioned["event_id"])]
    if not later.empty:
        first = later.iloc[0]
        out["silent_after"], out["silent_after_event"] = first["start"].date(), first["event_id"]
    return out


def span_days(start: dt.date, end: dt.date) -> int:
    """Number of days a span covers, counting both ends."""
    return (end - start).days + 1


__all__ = ["events", "publications", "date_window"]
