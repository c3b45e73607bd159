"""HTML for the explorer's views: pure functions from plain data to escaped HTML strings.

Document text, titles and front-matter values are untrusted: every one of them goes
through :func:`html.escape` here, and links are made only from ``http(s)://`` URLs. No
script is ever emitted; the reader scrolls the selected sentence into view with CSS
alone (a short scroll-snap animation).
"""
from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from ..languages import analyses_for, not_measured_note


e = html.escape  # every value that comes from a document goes through this

TONE_COLOURS = {"coop": "#dbeaf7", "conf": "#f9dcd6", "mixed": "#ece0f3", "neutral": "transparent"}
CATEGORY_COLOURS = {"actor": "#fff1b8", "corridor": "#d5f0d5", "format": "#ffd9b3"}

STYLE = """<style>
.araz-x { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 14px; line-height: 1.45; }
.araz-x .araz-meta { color: #555; font-size: 12px; }
.araz-x .araz-badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; margin-left: 4px; border: 1px solid #ccc; }
.araz-x .araz-badge.coop { background: #dbeaf7; } .araz-x .araz-badge.conf { background: #f9dcd6; }
.araz-x .araz-badge.mixed { background: #ece0f3; } .araz-x .araz-badge.neutral { background: #f3f3f3; }
.araz-x mark.araz-q { background: #ffe45c; font-weight: 600; padding: 0 1px; }
.araz-x .araz-m { border-bottom: 2px solid #888; padding: 0 1px; border-radius: 2px; }
.araz-x .araz-m.actor { background: #fff1b8; border-color: #c9a400; }
.araz-x .araz-m.corridor { background: #d5f0d5; border-color: #3a8d3a; }
.araz-x .araz-m.format { background: #ffd9b3; border-color: #d36b00; }
.araz-x .araz-status { padding: 6px 10px; border-radius: 4px; background: #f4f6f8; }
.araz-x .araz-status.empty { background: #fff7e0; border: 1px solid #f0c36d; }
.araz-x .araz-status.error { background: #fdecea; border: 1px solid #e0a09a; color: #611a15; }
.araz-x table.araz-t { border-collapse: collapse; font-size: 12px; margin: 4px 12px 8px 0; }
.araz-x table.araz-t th, .araz-x table.araz-t td { border-bottom: 1px solid #e3e3e3; padding: 2px 8px; text-align: left; vertical-align: top; }
.araz-x table.araz-t td.num { text-align: right; font-variant-numeric: tabular-nums; }
.araz-x .araz-card th { text-align: left; vertical-align: top; padding-right: 1em; white-space: nowrap; color: #444; }
.araz-x .araz-doc { max-height: 460px; overflow: auto; border: 1px solid #ddd; padding: 4px 12px; scroll-padding-top: 48px;
  animation: araz-snap 0.6s; }
@keyframes araz-snap { from { scroll-snap-type: y mandatory; padding-bottom: 1px; } to { scroll-snap-type: y mandatory; padding-bottom: 1px; } }
.araz-x .araz-doc .araz-sel { outline: 2px solid #1f6fb2; outline-offset: 1px; border-radius: 2px; }
.araz-x .araz-doc .araz-anchor { display: inline-block; width: 0; height: 1em; scroll-snap-align: start; }
.araz-x .araz-doc p { margin: 0 0 0.6em 0; }
.araz-x .araz-doc p.araz-h { font-weight: 700; margin-top: 0.9em; }
.araz-x .araz-cite { color: #888; font-size: 10px; margin-right: 4px; user-select: none; }
.araz-x .araz-kwic td.l { text-align: right; color: #333; } .araz-x .araz-kwic td.k { font-weight: 700; text-align: center; }
.araz-x .araz-legend span { margin-right: 10px; }
</style>"""


def wrap(inner: str) -> str:
    """Our stylesheet plus ``inner`` in a scoped container."""
    return f"{STYLE}<div class='araz-x'>{inner}</div>"


def status_html(message: str, kind: str = "info") -> str:
    """A status line (``info``, ``empty`` or ``error``); ``message`` is escaped."""
    return wrap(f"<div class='araz-status {e(kind)}' role='status'>{e(message)}</div>")


def highlight(text: str, spans=None) -> str:
    """``text`` escaped, with the ``(start, end)`` spans (query matches) wrapped in ``<mark class='araz-q'>``."""
    if not spans:
        return e(text)
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(e(text[pos:a]))
        out.append(f"<mark class='araz-q'>{e(text[a:b])}</mark>")
        pos = b
    out.append(e(text[pos:]))
    return "".join(out)


def _badge(label: str) -> str:
    return f"<span class='araz-badge {e(label)}' title='tone label'>{e(label)}</span>" if label else ""


def row_html(row: pd.Series) -> str:
    """One result: its text (query matches marked), then outlet · date · tone · voice · entities."""
    bits = [e(str(row["outlet"])), e(str(row["date"]))]
    if row.get("voice"):
        bits.append(f"voice: {e(str(row['voice']))}")
    ents = "; ".join(x for x in (row.get("actors", ""), row.get("corridors", ""), row.get("formats", "")) if x)
    if ents:
        bits.append(f"mentions: {e(ents)}")
    meta = " · ".join(bits) + _badge(str(row.get("label", "") or ""))
    return wrap(f"<div class='araz-row'><div>{highlight(str(row['text']), row.get('matches'))}</div>"
                f"<div class='araz-meta'>{meta}</div></div>")


def kwic_html(df: pd.DataFrame) -> str:
    """Keyword-in-context table (``citation, left, match, right``), every cell escaped."""
    if df.empty:
        return wrap("<div class='araz-meta'>Type a query to see each match in its context.</div>")
    rows = "".join(
        f"<tr><td class='araz-meta'>{e(r.citation)}</td><td class='l'>{e(r.left)}</td>"
        f"<td class='k'><mark class='araz-q'>{e(r.match)}</mark></td><td>{e(r.right)}</td></tr>"
        for r in df.itertuples()
    )
    return wrap(f"<table class='araz-t araz-kwic'><tr><th>citation</th><th style='text-align:right'>left</th>"
                f"<th>match</th><th>right</th></tr>{rows}</table>")


_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def link(url: str) -> str:
    """An ``http(s)`` URL as a link; anything else (``javascript:``, ``unknown``…) as plain text."""
    url = str(url or "").strip()
    if _SAFE_URL.match(url):
        return f"<a href='{e(url)}' target='_blank' rel='noopener noreferrer nofollow'>{e(url)}</a>"
    return e(url)


def card_html(card: dict) -> str:
    """The provenance card (from ``explore.reader``) as a small table; every value escaped."""
    def row(label, value_html):
        return f"<tr><th>{e(label)}</th><td>{value_html}</td></tr>"

    date = e(str(card.get("date_label", "")))
    if card.get("date_estimate") and "estimate" not in str(card.get("date_label", "")):
        date += " <em>(estimate)</em>"
    quotes = "".join(
        f"<li>“{e(str(q.get('quote', '')))}” <span class='araz-meta'>{e(str(q.get('citation') or 'not found in the text'))}</span></li>"
        for q in card.get("date_evidence_quotes") or [])
    evid = f"<ul style='margin:0;padding-left:1.2em'>{quotes}</ul>" if quotes else "none given"
    if card.get("date_reasoning"):
        evid += f"<details><summary class='araz-meta'>reasoning</summary>{e(str(card['date_reasoning']))}</details>"

    def ents(items):
        if items is None:
            return "<em>not available</em>"
        return e("; ".join(f"{i['label']} ({i['n']})" for i in items[:12]) + (" …" if len(items) > 12 else "")) or "none"

    rows = [
        row("title", f"<strong>{e(str(card.get('title', '')))}</strong>"),
        row("source", f"{e(str(card.get('outlet', '')))} · author: {e(str(card.get('author', '')))} · "
                      f"{e(str(card.get('perspective', '')))}"),
        row("published", date), row("date evidence", evid),
        row("url · licence", f"{link(card.get('url', ''))} · {e(str(card.get('licence', '')))}"),
    ]
    more = [row("document", f"<code>{e(str(card.get('doc_id', '')))}</code>"),
            row("actors", ents(card.get("actors"))), row("corridors · 3+3", ents(card.get("corridors")))]
    if card.get("notes") and card.get("notes") != "unknown":
        more.append(row("notes", e(str(card["notes"]))))
    rows.append(f"<tr><td colspan='2'><details><summary class='araz-meta'>more provenance: actors, corridors, notes"
                f"</summary><table class='araz-t'>{''.join(more)}</table></details></td></tr>")
    return f"<table class='araz-card araz-t'>{''.join(rows)}</table>"


def _segments_html(segments: list[dict]) -> str:
    """A sentence's pieces: each mention one ``<span class='araz-m …'>``, query matches ``<mark>`` inside."""
    out, i = [], 0
    while i < len(segments):
        seg = segments[i]
        if not seg.get("category"):
            text = e(seg["text"])
            out.append(f"<mark class='araz-q'>{text}</mark>" if seg.get("match") else text)
            i += 1
            continue
        j = i
        while j + 1 < len(segments) and segments[j + 1].get("category") and segments[j + 1].get("mention") == seg.get("mention"):
            j += 1
        inner = "".join(f"<mark class='araz-q'>{e(p['text'])}</mark>" if p.get("match") else e(p["text"])
                        for p in segments[i:j + 1])
        cat = seg["category"]
        title = f"{seg.get('label') or ''} — {cat}, {seg.get('kind') or ''}"
        out.append(f"<span class='araz-m {e(cat)}' data-entity='{e(str(seg.get('entity_id') or ''))}' "
                   f"title='{e(title)}'>{inner}</span>")
        i = j + 1
    return "".join(out)


def reader_html(data: dict, *, tint: bool = True) -> str:
    """The reader: provenance card, legend, then the document with mentions marked by category,
    sentences tinted by tone (``tint``) and the selected sentence outlined and scrolled into view."""
    paras = []
    any_anchor = False  # the first selected sentence is where the reader scrolls to
    for p in data["paragraphs"]:
        sents = []
        for s in p["sentences"]:
            style = ""
            if tint and s.get("label") in TONE_COLOURS and s["label"] != "neutral":
                style = f" style='background:{TONE_COLOURS[s['label']]}'"
            cls = "araz-s araz-sel" if s.get("selected") else "araz-s"
            tip = f"{s['citation']}" + (f" · tone {s['label']}" if s.get("label") else "") + (f" · {s['voice']} voice" if s.get("voice") else "")
            body = _segments_html(s["segments"])
            sid = re.sub(r"[^A-Za-z0-9_-]", "-", s["citation"])
            anchor = "<span class='araz-anchor'></span>" if s.get("selected") and not any_anchor else ""
            any_anchor = any_anchor or bool(anchor)
            sents.append(f"{anchor}<span class='{cls}' id='araz-{e(sid)}' title='{e(tip)}'{style}>{body}</span>")
        cls = " class='araz-h'" if p.get("is_heading") else ""
        paras.append(f"<p{cls}><span class='araz-cite'>¶{int(p['paragraph'])}</span>{' '.join(sents)}</p>")
    legend = data.get("legend", {})
    lang = (data.get("card") or {}).get("language")
    if tint and "tone" not in analyses_for(lang):  # e.g. Persian: no tone label, never a silent "neutral"
        tint_html = f" <span class='araz-badge'>{e(not_measured_note('tone', lang))}</span>"
    else:
        tint_html = (" <span>tint: <span class='araz-badge coop'>coop</span><span class='araz-badge conf'>conf</span>"
                     "<span class='araz-badge mixed'>mixed</span></span>" if tint else "")
    legend_html = ("<div class='araz-legend araz-meta'>"
                   + "".join(f"<span><span class='araz-m {e(c)}'>{e(c)}</span> {int(n)}</span>" for c, n in legend.items())
                   + (" <span><mark class='araz-q'>query</mark></span>" if data.get("query") else "")
                   + tint_html
                   + "</div>")
    sel = ", ".join(data.get("selected") or [])
    where = f"<div class='araz-meta'>Selected: <strong>{e(sel)}</strong></div>" if sel else ""
    return wrap(card_html(data["card"]) + legend_html + where + f"<div class='araz-doc'>{''.join(paras)}</div>")


def table_html(df: pd.DataFrame, *, caption: str = "") -> str:
    """A small DataFrame as an escaped HTML table (index included)."""
    if df is None or df.empty:
        return f"<div class='araz-meta'>{e(caption)}: nothing to show</div>"
    idx_names = [n if n is not None else "" for n in (df.index.names or [""])]
    head = "".join(f"<th>{e(str(n))}</th>" for n in idx_names) + "".join(f"<th>{e(str(c))}</th>" for c in df.columns)
    body = []
    for idx, row in df.iterrows():
        idx = idx if isinstance(idx, tuple) else (idx,)
        cells = "".join(f"<td>{e(str(i))}</td>" for i in idx)
        for v in row:
            num = isinstance(v, (int, float, np.integer, np.floating))
            txt = (f"{v:.3f}".rstrip("0").rstrip(".") if isinstance(v, (float, np.floating)) else str(v))
            cells += f"<td class='num'>{e(txt)}</td>" if num else f"<td>{e(txt)}</td>"
        body.append(f"<tr>{cells}</tr>")
    cap = f"<caption style='text-align:left;font-weight:600'>{e(caption)}</caption>" if caption else ""
    return f"<table class='araz-t'>{cap}<tr>{head}</tr>{''.join(body)}</table>"


def compare_html(result: dict) -> str:
    """The tables of ``explore.compare`` side by side."""
    parts = [table_html(result["summary"], caption="Sources"), table_html(result["actors"], caption="Actors (mentions)"),
             table_html(result["corridors"], caption="Corridors and the 3+3 format (mentions)"),
             table_html(result["tone"], caption="Tone by voice (sentences, and share within the voice)")]
    return wrap("<div style='display:flex;flex-wrap:wrap;align-items:flex-start'>" + "".join(parts) + "</div>")


def download_html(data: bytes, filename: str, mime: str, label: str) -> str:
    """A link that saves ``data`` as ``filename`` in the visitor's browser (a ``data:`` URI).

    The bytes travel inside the page: nothing is written on the server, and a visitor
    downloads only what their own session computed. The file name is escaped; the data are
    base64 (no markup can come out of them).
    """
    import base64

    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    size = f"{len(data) / 1024:,.0f} KB" if len(data) >= 1024 else f"{len(data)} bytes"
    return wrap(f"<a class='araz-download' download='{e(filename)}' href='{href}'>⬇ {e(label)}: "
                f"{e(filename)}</a> <span class='araz-meta'>({size})</span>")
