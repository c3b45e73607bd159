"""Provenance cards and register: reading each document as a source.

* :func:`card` — one document's provenance as a dict: outlet, author, date or estimated range
  with the verbatim sentences that date it (and their citations) and the reasoning, perspective,
  language, licence, counts, and the actors and corridors it mentions (when those analyses are
  installed);
* :func:`cards` — the same for every document, one row each (flat, ``.to_csv``-able);
* :func:`card_html` — a small escaped HTML table for notebooks;
* :func:`register` — simple, explainable markers of register (news report vs opinion).

>>> import araz
>>> from araz import sources
>>> c = sources.card(araz.load_corpus(), "ftribune-2025-araghchi-baku")
>>> c["outlet"], c["date_evidence_quotes"][0]["citation"]
('Financial Tribune', 'ftribune-2025-araghchi-baku ¶1.1')
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import pandas as pd

from .corpus import Corpus
from .claims import sentence_index
from .validate import evidence_quotes

CARD_FIELDS = [
    "doc_id", "title", "outlet", "author", "published", "date_label", "date_estimate", "date_evidence_quotes",
    "date_reasoning", "perspective", "language", "licence", "url", "notes", "n_paragraphs", "n_sentences",
    "n_words", "actors", "corridors", "sha256",
]
CARDS_COLUMNS = [
    "doc_id", "title", "outlet", "author", "published", "date_label", "date_estimate", "date_evidence",
    "date_evidence_citations", "date_reasoning", "perspective", "language", "licence", "url", "notes",
    "n_paragraphs", "n_sentences", "n_words", "actors", "corridors", "sha256",
]
REGISTER_COLUMNS = [
    "doc_id", "outlet", "perspective", "n_words", "n_sentences", "words_per_sentence", "headings",
    "quoted_sentences", "reporting_verbs_per_1k", "evaluative_per_1k", "evaluative_words",
]
# Markers of register. Deliberately short and visible: a teaching heuristic, not a classifier.
REPORTING_VERBS = ("said", "says", "stressed", "noted", "added", "highlighted", "welcomed", "told", "stated",
                   "according to", "remarked", "reported", "announced", "emphasized", "emphasised")
EVALUATIVE = ("very", "great", "perfect", "far-sighted", "visionary", "wise", "crucial", "excellent", "fair",
              "brighter", "tragic", "constructive", "principled", "maturity", "optimistic", "intriguing",
              "significantly", "supreme", "vital", "conspiracies", "false", "enemies", "foes", "firm", "strongly",
              "firmly", "game-changer", "fraternal", "forward-looking", "solid", "resilient", "essential")
_QMAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def quote_pattern(quote: str) -> re.Pattern:
    """A regex that finds ``quote`` in a document's text whatever its quote marks and whitespace.

    Straight and curly quotes match each other and any run of whitespace matches any other,
    so the evidence quoted in a front matter is found in the text as published.

    >>> bool(quote_pattern('said "yes"').search("he said  “yes”"))
    True
    """
    parts = []
    for ch in quote.translate(_QMAP):
        if ch.isspace():
            parts.append(r"\s+")
        elif ch == '"':
            parts.append("[\"“”]")
        elif ch == "'":
            parts.append("['‘’]")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts).replace(r"\s+\s+", r"\s+"))


def date_reasoning(date_evidence: str) -> str:
    """The reasoning part of a ``date_evidence`` field (after the word ``Reasoning``), or ``""``.

    >>> date_reasoning('"Monday" Reasoning (estimate): the visit was on Monday.')
    'the visit was on Monday.'
    """
    parts = re.split(r"\bReasoning\b", date_evidence or "", maxsplit=1)
    if len(parts) < 2:
        return ""
    return re.sub(r"^\s*(\((?:estimate|exact)\))?\s*:\s*", "", parts[1]).strip()


_pattern, _reasoning = quote_pattern, date_reasoning  # the older private names


def evidence(corpus: Corpus, doc_id: str) -> list[dict]:
    """The dating sentences quoted in ``date_evidence``, each with the citations where it stands.

    Returns a list of ``{"quote", "citation", "found"}``; ``citation`` names the sentence (or
    sentences, joined with ``" | "``) the quote covers, ``found`` is False (and ``citation``
    empty) when the quote is not in the text.
    """
    doc = corpus[doc_id]
    out = []
    for q in evidence_quotes(doc.date_evidence if doc.date_evidence != "unknown" else ""):
        m = _pattern(q).search(doc.text)
        if m is None:
            out.append({"quote": q, "citation": "", "found": False})
            continue
        starts, ends, cits = sentence_index(corpus).get(doc_id, ([], [], []))
        hit = [c for a, b, c in zip(starts, ends, cits) if a < m.end() and b > m.start()]
        out.append({"quote": q, "citation": " | ".join(hit), "found": True})
    return out


def _mentions(corpus: Corpus, module: str) -> pd.DataFrame | None:
    """``araz.<module>.mentions(corpus)`` when that analysis is installed and works, else ``None``."""
    def compute():
        try:
            import importlib

            mod = importlib.import_module(f"araz.{module}")
            df = mod.mentions(corpus)
        except Exception:  # the analysis is optional here: a card without it is still a card
            return None
        if not isinstance(df, pd.DataFrame) or "doc_id" not in df.columns:
            return None
        return df

    return corpus.cached(("araz.sources.mentions", module), compute)


def _summaries(corpus: Corpus, module: str) -> dict | None:
    """``{doc_id: [{"entity_id", "label", "n"}, ...]}`` from ``araz.<module>.mentions``, most mentioned first; cached."""
    def compute():
        df = _mentions(corpus, module)
        if df is None:
            return None
        idcol = "entity_id" if "entity_id" in df.columns else df.columns[0]
        labcol = "label" if "label" in df.columns else idcol
        if df.empty:
            return {}
        g = df.groupby(["doc_id", idcol], sort=False).agg(label=(labcol, "first"), n=(idcol, "size")).reset_index()
        g = g.sort_values(["doc_id", "n", idcol], ascending=[True, False, True], kind="stable")
        out: dict = {}
        for doc_id, eid, label, n in zip(g["doc_id"], g[idcol], g["label"], g["n"]):
            out.setdefault(doc_id, []).append({"entity_id": eid, "label": label, "n": int(n)})
        return out

    return corpus.cached(("araz.sources.summaries", module), compute)


def _summary(corpus: Corpus, module: str, doc_id: str) -> list[dict] | None:
    s = _summaries(corpus, module)
    return None if s is None else list(s.get(doc_id, []))


def card(corpus: Corpus, doc_id: str) -> dict:
    """Return one document's provenance card as a dict.

    Keys: ``doc_id, title, outlet, author, published, date_label, date_estimate``;
    ``date_evidence_quotes`` — a list of ``{"quote", "citation", "found"}``, the verbatim
    dating sentences and where they stand; ``date_reasoning`` — the reasoning line (empty when
    there is none); ``perspective, language, licence, url, notes``; ``n_paragraphs,
    n_sentences, n_words``; ``actors`` and ``corridors`` — lists of ``{"entity_id", "label",
    "n"}`` most mentioned first, or ``None`` when that analysis is not available; ``sha256``.
    Fields the source does not state read ``"unknown"``.

    >>> import araz
    >>> c = card(araz.load_corpus(), "anon-2025-pezeshkian-visit")
    >>> c["date_estimate"], c["outlet"], c["author"]
    (True, 'caspian-alpine.org', 'unknown')
    """
    doc = corpus[doc_id]
    row = corpus.cached(("araz.sources.documents",), lambda: corpus.documents.set_index("doc_id")).loc[doc_id]
    return {
        "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "author": doc.author,
        "published": doc.published, "date_label": doc.date_label, "date_estimate": bool(doc.date_estimate),
        "date_evidence_quotes": evidence(corpus, doc_id), "date_reasoning": _reasoning(doc.date_evidence),
        "perspective": doc.perspective, "language": doc.language, "licence": doc.licence, "url": doc.url,
        "notes": doc.notes, "n_paragraphs": int(row["n_paragraphs"]), "n_sentences": int(row["n_sentences"]),
        "n_words": int(row["n_words"]), "actors": _summary(corpus, "actors", doc_id),
        "corridors": _summary(corpus, "corridors", doc_id), "sha256": doc.sha256,
    }


def _flat_entities(items: list[dict] | None) -> str:
    if items is None:
        return "not available"
    return "; ".join(f"{i['label']} ({i['n']})" for i in items)


def cards(corpus: Corpus) -> pd.DataFrame:
    """Return every document's provenance card: one row per document, in corpus order.

    Columns: ``doc_id, title, outlet, author, published, date_label, date_estimate``,
    ``date_evidence`` (the dating quotes, joined with ``" | "``), ``date_evidence_citations``
    (their citations, aligned), ``date_reasoning, perspective, language, licence, url, notes,
    n_paragraphs, n_sentences, n_words``, ``actors`` and ``corridors`` (``"label (n); ..."``,
    or ``"not available"``), ``sha256``. Every cell is text or a number, so ``.to_csv`` works.

    >>> import araz
    >>> cards(araz.load_corpus())["outlet"].tolist()
    ['Mehr News Agency', 'caspian-alpine.org', 'Alwaght', 'Financial Tribune']
    """
    rows = []
    for doc_id in corpus.doc_ids:
        c = card(corpus, doc_id)
        ev = c.pop("date_evidence_quotes")
        c["date_evidence"] = " | ".join(e["quote"] for e in ev)
        c["date_evidence_citations"] = " | ".join(e["citation"] or "not found" for e in ev)
        c["actors"] = _flat_entities(c["actors"])
        c["corridors"] = _flat_entities(c["corridors"])
        rows.append(c)
    return pd.DataFrame(rows, columns=CARDS_COLUMNS)


def card_html(corpus: Corpus, doc_id: str) -> str:
    """Return the provenance card as a small HTML table; every value is escaped.

    >>> import araz
    >>> card_html(araz.load_corpus(), "mehr-2021-korybko").startswith("<table")
    True
    """
    c = card(corpus, doc_id)
    e = html.escape

    def row(label, value_html):
        return f"<tr><th style='text-align:left;vertical-align:top;padding-right:1em'>{e(label)}</th><td style='text-align:left'>{value_html}</td></tr>"

    date = e(c["date_label"]) + (" <em>(estimate)</em>" if c["date_estimate"] and "estimate" not in c["date_label"] else "")
    quotes = "".join(
        f"<li>“{e(q['quote'])}” <code>{e(q['citation'] or 'not found in the text')}</code></li>" for q in c["date_evidence_quotes"]
    )
    evid = (f"<ul style='margin:0'>{quotes}</ul>" if quotes else "none given")
    if c["date_reasoning"]:
        evid += f"<div><em>Reasoning:</em> {e(c['date_reasoning'])}</div>"

    def ents(items):
        if items is None:
            return "<em>not available</em>"
        return e(_flat_entities(items)) or "none"

    parts = [
        row("document", f"<code>{e(c['doc_id'])}</code>"), row("title", e(c["title"])), row("outlet", e(c["outlet"])),
        row("author", e(c["author"])), row("published", date), row("date evidence", evid),
        row("perspective", e(c["perspective"])), row("language", e(c["language"])), row("licence", e(c["licence"])),
        row("url", e(c["url"])), row("size", e(f"{c['n_paragraphs']} paragraphs, {c['n_sentences']} sentences, {c['n_words']} words")),
        row("actors", ents(c["actors"])), row("corridors", ents(c["corridors"])), row("notes", e(c["notes"])),
    ]
    return "<table class='araz-card' style='border-collapse:collapse;font-size:90%'>" + "".join(parts) + "</table>"


@lru_cache(maxsize=16)
def _word_pattern(words: tuple) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])")


def _count(text: str, words) -> tuple[int, list[str]]:
    """How many of ``words`` occur in ``text`` (case-insensitive, whole words), and which, with counts."""
    from collections import Counter

    counts = Counter(_word_pattern(tuple(words)).findall(text.lower()))
    found = [f"{w} ({counts[w]})" for w in words if counts.get(w)]
    return sum(counts.values()), found


def register(corpus: Corpus) -> pd.DataFrame:
    """Return simple markers of register per document: one row per document.

    Columns: ``doc_id, outlet, perspective, n_words, n_sentences, words_per_sentence``,
    ``headings`` (section headings), ``quoted_sentences`` (share of sentences with quotation
    marks), ``reporting_verbs_per_1k`` (said, stressed, noted, … per 1,000 words: attribution,
    typical of news reports), ``evaluative_per_1k`` (a short list of evaluative words — very,
    visionary, wise, tragic, … — per 1,000 words: the writer's own judgement, typical of
    opinion), ``evaluative_words`` (which of them, with counts). The word lists are
    :data:`REPORTING_VERBS` and :data:`EVALUATIVE`: a heuristic to start a discussion, not a
    classifier; read the sentences.

    >>> import araz
    >>> r = register(araz.load_corpus()).set_index("doc_id")
    >>> bool(r.loc["ftribune-2025-araghchi-baku", "reporting_verbs_per_1k"] > r.loc["mehr-2021-korybko", "reporting_verbs_per_1k"])
    True
    """
    rows = []
    quoted_share = corpus.sentences["text"].str.contains("[“”\"]", regex=True).groupby(corpus.sentences["doc_id"]).mean()
    n_sent = corpus.sentences.groupby("doc_id").size()
    n_head = corpus.paragraphs.groupby("doc_id")["is_heading"].sum()
    for doc in corpus:
        n_words = len(doc.text.split())
        n_s = int(n_sent.get(doc.doc_id, 0))
        quoted = float(quoted_share.get(doc.doc_id, 0.0))
        n_rep, _ = _count(doc.text, REPORTING_VERBS)
        n_eval, ev_words = _count(doc.text, EVALUATIVE)
        rows.append({
            "doc_id": doc.doc_id, "outlet": doc.outlet, "perspective": doc.perspective, "n_words": n_words,
            "n_sentences": n_s, "words_per_sentence": round(n_words / max(n_s, 1), 1),
            "headings": int(n_head.get(doc.doc_id, 0)),
            "quoted_sentences": round(float(quoted), 2),
            "reporting_verbs_per_1k": round(1000 * n_rep / max(n_words, 1), 1),
            "evaluative_per_1k": round(1000 * n_eval / max(n_words, 1), 1),
            "evaluative_words": ", ".join(ev_words),
        })
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


__all__ = ["card", "cards", "card_html", "evidence", "quote_pattern", "date_reasoning", "register"]
