"""The reader: one document ready to render, with its provenance card, mentions, tone and query matches."""
from __future__ import annotations

import numpy as np

from ..errors import CitationError
from .indexing import index
from .query import CATEGORIES, TONE_LABELS, VOICES, parse_query



def _card(corpus, doc_id: str) -> dict:
    """The provenance card of a document, with the keys of ``araz.sources.card``.

    Built here from the explorer's index (not by calling ``sources.card``, which scans
    whole-corpus tables) so that opening a document stays fast on 100,000 articles.
    """
    ix = index(corpus)
    doc = corpus[doc_id]
    d = ix.doc_row[doc_id]
    a, b = int(ix.doc_first[d]), int(ix.doc_last[d])
    quotes = []
    from ..sources import date_reasoning, quote_pattern
    from ..validate import evidence_quotes

    for q in evidence_quotes(doc.date_evidence if doc.date_evidence != "unknown" else ""):
        m = quote_pattern(q).search(doc.text)
        if m is None:
            quotes.append({"quote": q, "citation": "", "found": False})
            continue
        hit = [str(ix.s_citation[r]) for r in range(a, b) if ix.s_start[r] < m.end() and ix.s_end[r] > m.start()]
        quotes.append({"quote": q, "citation": " | ".join(hit), "found": True})
    ents: dict[str, dict[str, list]] = {"actor": {}, "corridor": {}, "format": {}}
    ma, mb = int(np.searchsorted(ix.m_row, a)), int(np.searchsorted(ix.m_row, b))
    for eid, cat in zip(ix.m_entity[ma:mb], ix.m_category[ma:mb]):
        ents[cat][eid] = ents[cat].get(eid, 0) + 1

    def summary(counts: dict) -> list[dict]:
        return [{"entity_id": e, "label": ix.entity_label.get(e, e), "n": n}
                for e, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    return {
        "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "author": doc.author,
        "published": doc.published, "date_label": doc.date_label, "date_estimate": bool(doc.date_estimate),
        "date_evidence_quotes": quotes, "date_reasoning": date_reasoning(doc.date_evidence),
        "perspective": doc.perspective, "language": doc.language, "licence": doc.licence, "url": doc.url,
        "notes": doc.notes, "n_paragraphs": int(len(np.unique(ix.s_para[a:b]))), "n_sentences": b - a,
        "n_words": int(len(doc.text.split())), "actors": summary(ents["actor"]),
        "corridors": summary({**ents["corridor"], **ents["format"]}), "sha256": doc.sha256,
    }




# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------
def reader(corpus, citation: str, *, query: str | None = None) -> dict:
    """A document ready to render around ``citation`` (``doc_id``, ``doc_id ¶p`` or ``doc_id ¶p.s``).

    Returns a dict: ``doc_id``, ``citation`` (the one asked for), ``selected`` (list of the
    sentence citations it covers), ``title``, ``card`` (provenance: outlet, author,
    date_label, date_evidence, perspective, url, licence…), ``legend`` (mentions per
    category) and ``paragraphs``: a list of ``{paragraph, citation, is_heading,
    sentences}``, each sentence ``{citation, sentence, label, voice, score, selected,
    segments}``, and ``segments`` the sentence's text cut into pieces
    ``{text, category, entity_id, label, kind, mention, match}`` — ``category`` is ``actor``,
    ``corridor``, ``format`` or ``None`` (plain text); ``mention`` numbers the mention within
    the sentence (pieces of one mention share it); ``match`` marks a query match. All
    values are plain text: the renderer escapes them.

    >>> import araz
    >>> r = reader(araz.load_corpus(), "ftribune-2025-araghchi-baku ¶5.2")
    >>> r["selected"], r["card"]["outlet"]
    (['ftribune-2025-araghchi-baku ¶5.2'], 'Financial Tribune')
    """
    ix = index(corpus)
    if not isinstance(citation, str) or not citation.strip():
        raise CitationError("give a citation such as 'mehr-2021-korybko ¶1.14' (or a doc_id) to open in the reader")
    citation = citation.strip()
    if "¶" in citation:
        span = corpus.locate(citation)  # raises CitationError for a citation that points nowhere
        doc_id, p, s = span.doc_id, span.paragraph, span.sentence
    else:
        doc_id, p, s = citation, None, None
        corpus[doc_id]
    d = ix.doc_row[doc_id]
    a, b = int(ix.doc_first[d]), int(ix.doc_last[d])
    parsed = parse_query(query) if query else None
    found = ix.spans("sentence", range(a, b), parsed)
    text = corpus[doc_id].text
    paragraphs: dict[int, dict] = {}
    p_rows = np.flatnonzero(ix.p_doc == d) if ix.n_paragraphs < 50_000 else None
    if p_rows is None:
        p_rows = np.unique(ix.s_para[a:b])
    for pr in p_rows:
        paragraphs[int(ix.p_par[pr])] = {"paragraph": int(ix.p_par[pr]), "citation": str(ix.p_citation[pr]),
                                         "is_heading": bool(ix.p_heading[pr]), "sentences": []}
    selected = []
    legend = {c: 0 for c in CATEGORIES}
    for r in range(a, b):
        sp, ss = int(ix.s_par[r]), int(ix.s_sent[r])
        is_sel = p is not None and sp == p and (s is None or ss == s)
        if is_sel:
            selected.append(str(ix.s_citation[r]))
        st, en = int(ix.s_start[r]), int(ix.s_end[r])
        marks = []
        sl = ix.mention_slice(r)
        for ms, me, eid, cat, kind in zip(ix.m_start[sl], ix.m_end[sl], ix.m_entity[sl], ix.m_category[sl], ix.m_kind[sl]):
            marks.append((int(ms), int(me), {"category": cat, "entity_id": eid,
                                             "label": ix.entity_label.get(eid, eid), "kind": kind, "match": False}))
            legend[cat] += 1
        if parsed is not None:
            for qa, qb in found.get(r, []):
                marks.append((st + qa, st + qb, {"category": None, "entity_id": None, "label": None,
                                                 "kind": None, "match": True}))
        tcode, vcode = int(ix.s_tone[r]), int(ix.s_voice[r])
        paragraphs.setdefault(sp, {"paragraph": sp, "citation": f"{doc_id} ¶{sp}", "is_heading": False, "sentences": []})
        paragraphs[sp]["sentences"].append({
            "citation": str(ix.s_citation[r]), "sentence": ss,
            "label": TONE_LABELS[tcode] if tcode >= 0 else "",
            "voice": VOICES[vcode] if vcode >= 0 else "",
            "score": None if np.isnan(ix.s_score[r]) else float(ix.s_score[r]),
            "selected": is_sel,
            "segments": _segments(text, st, en, marks),
        })
    return {
        "doc_id": doc_id, "citation": citation, "selected": selected, "title": corpus[doc_id].title,
        "card": _card(corpus, doc_id), "legend": legend,
        "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
        "query": parsed.text if parsed else "",
    }


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, dict]]) -> list[dict]:
    """Cut ``text[start:end]`` into pieces at every mention and query-match boundary.

    Each piece carries the mention covering it (``category`` etc., the first by position
    when mentions overlap) and ``match`` (a query match covers it), so a query match inside
    a mention shows both.
    """
    mentions = sorted([m for m in marks if not m[2]["match"]], key=lambda m: (m[0], -(m[1] - m[0])))
    kept, last = [], start
    for m in mentions:  # drop mentions that overlap an earlier one
        if m[0] >= last and m[1] > m[0]:
            kept.append(m)
            last = m[1]
    queries = [(max(a, start), min(b, end)) for a, b, info in marks if info["match"]]
    cuts = sorted({start, end, *(x for m in kept for x in m[:2]), *(x for q in queries for x in q)})
    cuts = [c for c in cuts if start <= c <= end]
    plain = {"category": None, "entity_id": None, "label": None, "kind": None}
    out, k = [], 0
    for a, b in zip(cuts, cuts[1:]):
        if b <= a:
            continue
        while k < len(kept) and kept[k][1] <= a:
            k += 1
        inside = k < len(kept) and kept[k][0] <= a < kept[k][1]
        info = kept[k][2] if inside else plain
        info = {key: info[key] for key in ("category", "entity_id", "label", "kind")}
        info["mention"] = k if inside else None
        hit = any(qa <= a and b <= qb for qa, qb in queries)
        if out and out[-1]["match"] == hit and all(out[-1][key] == info[key] for key in info) and info["category"] is None:
            out[-1]["text"] += text[a:b]
            continue
        out.append({"text": text[a:b], **info, "match": hit})
    return out


