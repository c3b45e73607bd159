"""Assemble a briefing note from the kit's analyses: :func:`build_brief` and :class:`Brief`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import ArazError, ScopeError
from . import _keypoints, _render, _scope
from ._notes import Notes, resolve_notes

CITATION_RE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*) ¶(\d+)(?:\.(\d+))?")
SEP = " | "
MAX_ACTORS = 8
MAX_SAYINGS = 8
MAX_NAMES = 10
MAX_EVENTS = 8  # every event in the date range, then the most recent background events
MAX_PER_STANCE = 2
MAX_DOC_ROWS = 12
MAX_ROUTE_ROWS = 12
MAX_TONE_OUTLETS = 6
MAX_FORMAT_DOCS = 12  # the 3+3 section reads at most this many documents (those that name the format most)  # above this many documents in scope, list outlets instead of documents
SMALL_CORPUS = 30  # below this many documents in scope, a trend over time is an anecdote


@dataclass
class Brief:
    """A briefing note, as data; render it with :meth:`to_markdown`, :meth:`to_html`, :meth:`to_pdf`.

    Fields hold plain DataFrames (one per section) so a note can be inspected, tested and
    exported; ``unavailable`` lists sections that could not be computed, with the reason.
    """

    title: str
    topic: str | None
    built: dt.date
    corpus_name: str
    scope: _scope.Scope
    documents: pd.DataFrame
    key_points: pd.DataFrame
    actors: pd.DataFrame
    corridors: pd.DataFrame
    corridor_claims: pd.DataFrame
    three_plus_three: pd.DataFrame
    tone_by_outlet: pd.DataFrame
    tone_over_time: pd.DataFrame
    tone_n: int
    tone_warning: str
    disagreements: list
    names: pd.DataFrame
    timeline: pd.DataFrame
    sources: pd.DataFrame
    notes: Notes | None = None
    chart_png: bytes | None = None
    unavailable: list = field(default_factory=list)

    # ---- output -------------------------------------------------------------------
    def to_markdown(self, template_dir=None) -> str:
        """The note as Markdown (``brief.md.j2``; ``template_dir`` is searched first)."""
        return _render.render(self, "md", template_dir)

    def to_html(self, template_dir=None) -> str:
        """The note as one self-contained HTML file: CSS inline, chart embedded, document text escaped."""
        return _render.render(self, "html", template_dir)

    def pdf_bytes(self, template_dir=None) -> bytes:
        """The note as PDF bytes (WeasyPrint; raises :class:`araz.ArazError` naming the Debian packages if Pango is missing)."""
        return _render.pdf_bytes(self.to_html(template_dir), self.built)

    def to_pdf(self, path, template_dir=None) -> Path:
        """Write the note as PDF to ``path`` (atomically: nothing half-written is left); return the path."""
        _render.check_writable(path)
        return _render.write_atomic(path, self.pdf_bytes(template_dir))

    def save(self, path, fmt: str | None = None, template_dir=None) -> Path:
        """Write the note to ``path`` as ``md``, ``html`` or ``pdf`` (default: from the file's suffix)."""
        fmt = fmt or {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}.get(Path(path).suffix.lower())
        if fmt not in ("md", "html", "pdf"):
            raise ScopeError(f"format {fmt!r} is not supported; use md, html or pdf")
        _render.check_writable(path)
        if fmt == "pdf":
            return self.to_pdf(path, template_dir)
        text = self.to_markdown(template_dir) if fmt == "md" else self.to_html(template_dir)
        return _render.write_atomic(path, text)

    def _repr_html_(self) -> str:
        return _render.iframe(self.to_html())

    def __repr__(self) -> str:
        return (f"<Brief {self.title!r}: {len(self.scope.doc_ids)} documents, {len(self.key_points)} key points, "
                f"{len(self.notes.footnotes) if self.notes else 0} notes citations, built {self.built.isoformat()}>")

    # ---- checking -----------------------------------------------------------------
    def quotes(self) -> pd.DataFrame:
        """Every verbatim quote the note shows, with its citation: columns ``section, citation, text``.

        Each ``text`` stands verbatim in ``corpus.cite(citation)``; the tests check every row.
        """
        rows = [("key points", r.citation, r.text) for r in self.key_points.itertuples()]
        rows += [("corridors and 3+3", r.citation, r.quote) for r in self.corridor_claims.itertuples()]
        rows += [("corridors and 3+3", r.citation, r.quote) for r in self.three_plus_three.itertuples()]
        for d in self.disagreements:
            for s in d["stances"]:
                rows += [("disagreements", c["citation"], c["quote"]) for c in s["claims"]]
        if self.notes:
            rows += [("notes", f.citation, f.text) for f in self.notes.footnotes]
            rows += [("notes", f.citation, q) for f in self.notes.footnotes for q in f.quotes]
        return pd.DataFrame(rows, columns=["section", "citation", "text"])

    def citations(self) -> list[str]:
        """Every citation the note makes, in order of first appearance."""
        found: list[str] = []
        for df in (self.key_points, self.corridor_claims, self.three_plus_three):
            found += [c for c in df["citation"] if c]
        cells = list(self.corridors.get("citations", [])) + list(self.names.get("citations", []))
        cells += list(self.timeline.get("citations", []))
        for d in self.disagreements:
            for s in d["stances"]:
                found += [c["citation"] for c in s["claims"]]
        for cell in cells:
            found += [c.strip() for c in str(cell).split("|") if c.strip()]
        if self.notes:
            found += [f.citation for f in self.notes.footnotes]
        return list(dict.fromkeys(found))

    # ---- template context ---------------------------------------------------------
    def context(self) -> dict:
        """Everything the templates need, as plain lists and dicts."""
        recs = lambda df: df.to_dict("records")  # noqa: E731
        fns = []
        if self.notes:
            outlets = dict(zip(self.sources["doc_id"], self.sources["outlet"])) if not self.sources.empty else {}
            for f in self.notes.footnotes:
                fns.append({"number": f.number, "citation": f.citation, "text": f.text, "pieces": f.pieces(),
                            "outlet": outlets.get(f.doc_id, ""), "quotes": f.quotes})
        outlets = (self.documents[["outlet", "perspective"]].drop_duplicates().sort_values("outlet", kind="stable")
                   .to_dict("records"))
        by_outlet = []
        for (o, p), g in self.documents.groupby(["outlet", "perspective"], sort=True):
            by_outlet.append({"outlet": o, "perspective": p, "documents": len(g), "doc_ids": ", ".join(g["doc_id"][:3])
                              + (f" … ({len(g)} in all)" if len(g) > 3 else "")})
        return {
            "title": self.title, "topic": self.topic, "built": self.built.isoformat(), "corpus_name": self.corpus_name,
            "date_range": self.scope.date_range(), "n_documents": len(self.documents),
            "outlets": outlets if len(outlets) <= MAX_DOC_ROWS else [], "n_outlets": len(outlets),
            "documents": recs(self.documents) if len(self.documents) <= MAX_DOC_ROWS else [],
            "documents_by_outlet": by_outlet,
            "actor_filter": [self.scope.labels.get(a, a) for a in self.scope.actors],
            "corridor_filter": [self.scope.labels.get(c, c) for c in self.scope.corridors],
            "outlet_filter": list(self.scope.outlets),
            "key_points": recs(self.key_points), "actors": recs(self.actors), "corridors": recs(self.corridors),
            "corridor_claims": recs(self.corridor_claims), "three_plus_three": recs(self.three_plus_three),
            "tone_by_outlet": recs(self.tone_by_outlet), "tone_over_time": recs(self.tone_over_time),
            "tone_n": self.tone_n, "tone_warning": self.tone_warning,
            "disagreements": self.disagreements, "names": recs(self.names), "timeline": recs(self.timeline),
            "sources": recs(self.sources), "footnotes": fns, "has_notes": self.notes is not None,
            "unavailable": self.unavailable, "method": METHOD,
        }


METHOD = [
    "Scope: a document is in scope when its publication date (or estimated date range) overlaps the dates asked for, "
    "its outlet is one of those asked for, and it mentions at least one of the actors or corridors asked for.",
    "Key points are quotes, never paraphrases. Candidates are the claims-ledger entries (8+ words) and the sentences (8–60 words, "
    "not headings) of the documents in scope; each scores 2 × (selected actors/corridors it mentions) + (topic words it "
    "contains) + 1 for a claims-ledger entry. Sources take turns (each document gives its best remaining candidate per "
    "round, best first) until 7 are chosen; candidates scoring 0 are used only to reach 3. Ties go to the ledger, then "
    "to the earlier sentence.",
    "Actors and corridors are counted by the kit's gazetteer matcher (names, metonyms, demonyms and labels); tone is "
    "the kit's lexicon score per sentence (positive = cooperation, negative = confrontation), with its n.",
    "Disagreements and contested names come from the hand-checked claims ledger and names table; every quote there is "
    "verified against its citation when the ledger loads. A disagreement is shown when a document in scope takes part "
    "in it; claims from documents outside the dates are marked so.",
    "To keep the note short, tables are capped: the 8 most-mentioned actors, 12 routes, 8 quotes on corridors and the "
    "3+3 format, 2 claims per stance, 10 contested-name variants (concepts named in several ways first), and 8 events "
    "(all in the date range, then the most recent background events cited by the documents). The full tables come from "
    "the kit's own functions (araz.gazetteer, araz.corridors, araz.claims, araz.timeline).",
    "The analyst's assessment is the analyst's own text; each of its citations was resolved and each quoted phrase "
    "found at its place before the note was built.",
]


# --------------------------------------------------------------------------- helpers
def _unavailable(brief_notes: list, section: str, exc: Exception) -> None:
    brief_notes.append(f"{section}: not available ({type(exc).__name__}: {exc})")


def _entity_tables(corpus):
    """``(actors, corridors)`` loaders: tables with ``entity_id, label, alias`` (one row per alias)."""
    def table(categories):
        from .. import gazetteer

        g = gazetteer.for_corpus(corpus)
        e = g.entities[g.entities["category"].isin(categories)][["entity_id", "label"]]
        a = g.aliases[g.aliases["category"].isin(categories)][["entity_id", "alias", "label"]]
        return pd.concat([a, e.assign(alias=e["label"])], ignore_index=True)

    return (lambda: table(("actor", "format"))), (lambda: table(("corridor",)))


def _corpus_name(corpus) -> str:
    if getattr(corpus, "is_shipped", False):
        return "the shipped Araz corpus"
    root = getattr(corpus, "root", None)
    return f"corpus {Path(root).name}" if root else "a corpus in memory"


def _ordered(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.sort_values(["published_start", "doc_id"], kind="stable").reset_index(drop=True)


def _few(items, noun: str, limit: int = 4) -> str:
    return ", ".join(items) if len(items) <= limit else f"{', '.join(items[:limit - 1])} and {len(items) - limit + 1} more {noun}"


def _split(cell) -> list[str]:
    return [c.strip() for c in str(cell or "").split("|") if c.strip()]


# --------------------------------------------------------------------------- the builder
def build_brief(corpus=None, *, topic: str | None = None, start=None, end=None, actors=None, corridors=None,
                outlets=None, notes=None, built=None, title: str | None = None) -> Brief:
    """Return a :class:`Brief`: a cited briefing note on the documents in scope.

    ``topic`` is the question the note answers (free text; its words also steer the choice
    of key points); ``start``/``end`` bound the publication dates (``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD`` or dates); ``actors``/``corridors`` are ids, labels or aliases from the
    gazetteers, ``outlets`` outlet names (each a name or a list); ``notes`` is the analyst's
    Markdown (text, or the path of a file) with ``[[doc_id ¶p.s]]`` or ``[[doc_id ¶p.s |
    "exact words"]]`` citations; ``built`` is the build date printed on the note (default:
    today — pass it for reproducible output).

    Raises :class:`araz.ScopeError` for an unknown outlet/actor/corridor, an end before the
    start or a scope with no documents, and :class:`araz.briefing.NotesError` (a
    :class:`araz.CitationError`) naming the line of the notes for a citation that does not
    resolve or a quote that is not at its place.

    >>> import araz, datetime
    >>> from araz.briefing import build_brief
    >>> b = build_brief(araz.load_corpus(), topic="Araghchi's December 2025 visit to Baku",
    ...                 start="2025-12", end="2025-12", built=datetime.date(2026, 1, 5))
    >>> len(b.documents), 3 <= len(b.key_points) <= 7
    (2, True)
    """
    from ..corpus import corpus_or_default

    corpus = corpus_or_default(corpus)
    if topic is not None and not isinstance(topic, str):
        raise ScopeError(f"topic must be text, not {type(topic).__name__}")
    topic = topic.strip() if topic and topic.strip() else None
    if built is None:
        built = dt.date.today()
    elif isinstance(built, str):
        try:
            built = dt.date.fromisoformat(built.strip())
        except ValueError:
            raise ScopeError(f"built: '{built}' is not a date; write YYYY-MM-DD") from None
    elif isinstance(built, dt.datetime):
        built = built.date()
    elif not isinstance(built, dt.date):
        raise ScopeError(f"built must be a date or 'YYYY-MM-DD', not {type(built).__name__}")

    # 1. scope: dates and outlets first (cheap), then actors/corridors on that subset only.
    s, e, mask = _scope.date_filter(corpus, start, end)
    out_names = _scope.resolve_outlets(corpus, outlets)
    docs = corpus.documents
    if out_names:
        mask &= docs["outlet"].isin(out_names)
    actors_t, corridors_t = _entity_tables(corpus)
    actor_ids = _scope.resolve_entities(actors, actors_t() if actors else None, "actor")
    corridor_ids = _scope.resolve_entities(corridors, corridors_t() if corridors else None, "corridor")
    labels = {**actor_ids, **corridor_ids}
    asked = []
    if s or e:
        asked.append(f"dates {_scope.Scope(None, s, e, (), (), (), ()).date_range()}")
    if out_names:
        asked.append(f"outlets {', '.join(out_names)}")
    if not mask.any():
        raise ScopeError(f"no document in scope ({'; '.join(asked) or 'no filter'}): {_scope.describe_corpus_dates(corpus)}"
                         + (f"; outlets: {_scope._listing(set(docs['outlet']))}" if out_names else "")
                         + ". Widen the dates or drop a filter.")
    sub = corpus.subset(docs.loc[mask, "doc_id"])
    unavailable: list[str] = []

    actor_m = _mentions(sub, "actors", unavailable)
    corridor_m = _mentions(sub, "corridors", unavailable)
    if labels:
        hit_docs = set()
        if actor_ids and actor_m is not None:
            hit_docs |= set(actor_m.loc[actor_m["entity_id"].isin(actor_ids), "doc_id"])
        if corridor_ids and corridor_m is not None:
            hit_docs |= set(corridor_m.loc[corridor_m["entity_id"].isin(corridor_ids), "doc_id"])
        if not hit_docs:
            asked.append("mentioning " + " or ".join(labels.values()))
            raise ScopeError(f"no document in scope ({'; '.join(asked)}): {len(sub)} document{'s match' if len(sub) != 1 else ' matches'} "
                             f"the other filters, but none mentions {' or '.join(repr(v) for v in labels.values())}. "
                             "Drop --actor/--corridor or widen the dates.")
        if hit_docs != set(sub.doc_ids):
            sub = sub.subset(hit_docs)
            if actor_m is not None:
                actor_m = actor_m[actor_m["doc_id"].isin(hit_docs)]
            if corridor_m is not None:
                corridor_m = corridor_m[corridor_m["doc_id"].isin(hit_docs)]
    documents = _ordered(sub.documents)
    doc_ids = tuple(documents["doc_id"])
    scope = _scope.Scope(topic, s, e, out_names, tuple(actor_ids), tuple(corridor_ids), doc_ids, labels)

    # 2. the analyst's notes: fail early, before any heavy work.
    resolved = resolve_notes(corpus, notes)

    # 3. sections.
    led = _ledger(corpus, doc_ids, unavailable)
    tone_s = _tone_scores(sub, unavailable)
    entity_hits: dict = {}
    for m in (actor_m, corridor_m):
        if m is not None and labels:
            sel = m[m["entity_id"].isin(labels)]
            for key, g in sel.groupby(["doc_id", "paragraph", "sentence"]):
                entity_hits.setdefault(tuple(int(k) if i else k for i, k in enumerate(key)), set()).update(g["entity_id"])
    sents = sub.sentences.merge(sub.paragraphs[["doc_id", "paragraph", "is_heading"]], on=["doc_id", "paragraph"], how="left")
    voices = dict(zip(tone_s["citation"], tone_s["voice"])) if tone_s is not None and "voice" in tone_s else {}
    key_points = _keypoints.select_key_points(sentences=sents, documents=documents, claims=led, entity_hits=entity_hits,
                                              topic=topic, voices=voices)
    actors_df = _actor_table(actor_m, documents)
    corr_df, corr_claims = _corridor_section(sub, corridor_m, led, documents, set(corridor_ids), unavailable)
    three = _three_plus_three(sub, documents, actor_m, unavailable)
    tone_outlet, tone_time, tone_warning, tone_n, chart = _tone_section(sub, tone_s, documents, unavailable)
    dis = _disagreements(corpus, doc_ids, unavailable)
    names_df = _names(sub, unavailable)
    timeline = _timeline(corpus, s, e, doc_ids, unavailable)

    brief = Brief(
        title=title or (f"Briefing note: {topic}" if topic else "Briefing note"), topic=topic, built=built,
        corpus_name=_corpus_name(corpus), scope=scope, documents=documents[["doc_id", "title", "outlet", "author",
                                                                           "date_label", "perspective"]],
        key_points=key_points, actors=actors_df, corridors=corr_df, corridor_claims=corr_claims,
        three_plus_three=three, tone_by_outlet=tone_outlet, tone_over_time=tone_time, tone_n=tone_n,
        tone_warning=tone_warning, disagreements=dis, names=names_df, timeline=timeline,
        sources=pd.DataFrame(), notes=resolved, chart_png=chart, unavailable=unavailable,
    )
    cited = {c.split(" ¶")[0] for c in brief.citations()}
    cited_docs = [d for d in doc_ids if d in cited] + sorted(cited - set(doc_ids))
    brief.sources = _sources(corpus, cited_docs, set(doc_ids), unavailable)
    return brief


# --------------------------------------------------------------------------- sections
def _mentions(sub, module: str, unavailable: list):
    """Mentions of actors (and the 3+3 format) or of corridors in ``sub``; ``None`` when unavailable."""
    import importlib

    try:
        mod = importlib.import_module(f"araz.{module}")
        m = mod.mentions(sub)
    except ImportError:
        try:
            from .. import gazetteer

            m = gazetteer.mentions(sub)
            m = m[m["category"].isin(("actor", "format") if module == "actors" else ("corridor",))]
        except ImportError as exc:
            _unavailable(unavailable, f"{module} (araz.{module}.mentions)", exc)
            return None
    return m.reset_index(drop=True)


def _ledger(corpus, doc_ids, unavailable):
    try:
        from .. import claims
    except ImportError as exc:
        _unavailable(unavailable, "claims ledger", exc)
        return None
    led = claims.ledger(corpus)
    order = {d: i for i, d in enumerate(doc_ids)}
    led = led[led["doc_id"].isin(doc_ids)].copy()
    led["_o"] = led["doc_id"].map(order)
    return led.sort_values(["_o", "start", "claim_id"], kind="stable").drop(columns="_o").reset_index(drop=True)


def _actor_table(m, documents) -> pd.DataFrame:
    cols = ["entity_id", "actor", "type", "mentions", "by_kind", "documents", "outlets"]
    if m is None or m.empty:
        return pd.DataFrame(columns=cols)
    if "category" in m:
        m = m[m["category"] == "actor"]
    outlet = dict(zip(documents["doc_id"], documents["outlet"]))
    rows = []
    for eid, g in m.groupby("entity_id", sort=False):
        kinds = g["kind"].value_counts()
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        rows.append({"entity_id": eid, "actor": g["label"].iloc[0],
                     "type": g["entity_type"].iloc[0] if "entity_type" in g else "",
                     "mentions": int(len(g)), "by_kind": by_kind, "documents": int(g["doc_id"].nunique()),
                     "outlets": _few(sorted({outlet[d] for d in g["doc_id"]}), "outlets")})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["mentions", "documents", "actor"], ascending=[False, False, True], kind="stable").head(MAX_ACTORS).reset_index(drop=True)


def _corridor_section(sub, m, led, documents, selected, unavailable):
    """Which source names which route, in which words (table), and what each says (quotes).

    The table has one row per (route, document) — or, when more than ``MAX_DOC_ROWS``
    documents are in scope, one row per route with the outlets that name it. The quotes are
    the claims-ledger entries on ``corridors/…`` and ``3+3/…`` topics in scope; a route named
    without such a claim is quoted where it is first named (per document, or per route in a
    large scope). Selected corridors come first.
    """
    cols = ["entity_id", "corridor", "doc_id", "outlet", "n_mentions", "surfaces", "citations", "citation"]
    ccols = ["topic", "doc_id", "outlet", "asserted_by", "voice", "quote", "citation", "flag"]
    b = pd.DataFrame()
    if m is not None and not m.empty:
        try:
            from .. import corridors

            b = corridors.by_source(sub)
        except (ImportError, AttributeError) as exc:
            _unavailable(unavailable, "corridors by source", exc)
    order = {d: i for i, d in enumerate(documents["doc_id"])}
    rows = []
    for r in b.itertuples(index=False):
        cits = [c.strip() for c in str(r.citations).split(";") if c.strip()]
        rows.append({"entity_id": r.entity_id, "corridor": r.label, "doc_id": r.doc_id, "outlet": r.outlet,
                     "n_mentions": int(r.n_mentions), "surfaces": r.surfaces, "citations": SEP.join(cits),
                     "citation": cits[0] if cits else ""})
    pairs = pd.DataFrame(rows, columns=cols)
    if not pairs.empty:
        pairs = pairs.assign(_s=~pairs["entity_id"].isin(selected), _o=pairs["doc_id"].map(order))
        pairs = pairs.sort_values(["_s", "_o", "corridor"], kind="stable").drop(columns=["_s", "_o"]).reset_index(drop=True)
    if len(documents) > MAX_DOC_ROWS and not pairs.empty:
        rows = []
        for eid, g in pairs.groupby("entity_id", sort=False):
            surf = m[m["entity_id"] == eid]["surface"].value_counts()
            cits = [c for cell in g["citations"] for c in _split(cell)]
            rows.append({"entity_id": eid, "corridor": g["corridor"].iloc[0], "doc_id": f"{len(g)} documents",
                         "outlet": _few(sorted(set(g["outlet"])), "outlets"), "n_mentions": int(g["n_mentions"].sum()),
                         "surfaces": " · ".join(f"“{k}” ×{v}" for k, v in list(surf.items())[:4]),
                         "citations": SEP.join(cits[:3]), "citation": cits[0]})
        table = pd.DataFrame(rows, columns=cols)
        firsts = table
    else:
        table = pairs
        firsts = pairs
    if led is None or led.empty:
        claims = pd.DataFrame(columns=ccols)
    else:
        from ..claims import is_disputed

        claims = led[led["topic"].str.startswith(("corridors/", "3+3/"))].reset_index(drop=True)
        # a disputed claim is shown with its ledger note (what the public record says)
        claims = claims.assign(flag=[n if is_disputed(n) else "" for n in claims["note"]])[ccols]
    claimed = set(claims["citation"])
    extra = []
    for r in firsts.itertuples(index=False):
        cits = _split(r.citations)
        if not cits or claimed & set(cits) or cits[0] in {e["citation"] for e in extra}:
            continue
        doc_id = cits[0].split(" ¶")[0]
        outlet = sub[doc_id].outlet
        extra.append({"topic": f"names {r.corridor}", "doc_id": doc_id, "outlet": outlet, "asserted_by": outlet,
                      "voice": "", "quote": sub.cite(cits[0]), "citation": cits[0], "flag": ""})
    if extra:
        claims = pd.concat([claims, pd.DataFrame(extra, columns=ccols)], ignore_index=True) if len(claims) else pd.DataFrame(extra, columns=ccols)
    claims = claims.assign(_o=claims["doc_id"].map(order), _p=claims["citation"].map(_position))
    claims = claims.sort_values(["_o", "_p"], kind="stable").drop(columns=["_o", "_p"]).head(MAX_SAYINGS)
    return table.head(MAX_ROUTE_ROWS), claims.reset_index(drop=True)


def _position(citation: str) -> tuple:
    m = CITATION_RE.search(citation)
    return (int(m.group(2)), int(m.group(3) or 0)) if m else (0, 0)


def _verbatim(sub, citation: str, text: str) -> tuple[str, bool]:
    """``(quote, clipped)``: ``text`` if it stands at ``citation`` (a trailing "…" cut off), else the whole sentence."""
    sentence = sub.cite(citation)
    t = str(text or "").strip()
    clipped = t.endswith("…")
    t = t.rstrip("…").rstrip()
    if t and t in sentence:
        return t, clipped
    return sentence, False


def _three_plus_three(sub, documents, actor_m, unavailable) -> pd.DataFrame:
    """What each source says the 3+3 format is: its grouping of the six states, who proposed it, what it is for.

    Only documents that name the format are read; when more than ``MAX_FORMAT_DOCS`` do, the
    ones that name it most (ties: corpus order).
    """
    cols = ["doc_id", "outlet", "aspect", "detail", "quote", "clipped", "asserted_by", "citation"]
    try:
        from .. import formats

        if actor_m is not None and "category" in actor_m:
            named = actor_m[actor_m["category"] == "format"]["doc_id"].value_counts()
            if named.empty:
                return pd.DataFrame(columns=cols)
            order = {d: i for i, d in enumerate(documents["doc_id"])}
            keep = sorted(named.index, key=lambda d: (-named[d], order[d]))[:MAX_FORMAT_DOCS]
            sub = sub.subset(keep) if len(keep) < len(sub) else sub
        t = formats.three_plus_three(sub)
    except ImportError as exc:
        _unavailable(unavailable, "3+3 format (araz.formats)", exc)
        return pd.DataFrame(columns=cols)
    rows = []
    for g in t.groupings.itertuples(index=False):
        st = t.membership[t.membership["citation"] == g.citation]
        who = st["asserted_by"].iloc[0] if len(st) else ""
        rows.append({"doc_id": g.doc_id, "outlet": g.outlet, "aspect": "members",
                     "detail": f"groups the six as {g.grouping}", "quote": sub.cite(g.citation), "clipped": False,
                     "asserted_by": who, "citation": g.citation})
    for p in t.proposer.itertuples(index=False):
        q, clipped = _verbatim(sub, p.citation, p.evidence)
        detail = (f"proposed by {p.proposer}" if p.proposal_kind == "origin of the format"
                  else f"{p.proposal_kind}: {p.proposer}")
        rows.append({"doc_id": p.doc_id, "outlet": p.outlet, "aspect": "proposer", "detail": detail, "quote": q,
                     "clipped": clipped, "asserted_by": p.asserted_by, "citation": p.citation})
    for p in t.purpose.itertuples(index=False):
        q, clipped = _verbatim(sub, p.citation, p.purpose)
        rows.append({"doc_id": p.doc_id, "outlet": p.outlet, "aspect": "purpose", "detail": "what it is for", "quote": q,
                     "clipped": clipped, "asserted_by": p.asserted_by, "citation": p.citation})
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out
    order = {d: i for i, d in enumerate(documents["doc_id"])}
    aspect = {"members": 0, "proposer": 1, "purpose": 2}
    out = out.assign(_o=out["doc_id"].map(order), _a=out["aspect"].map(aspect), _p=out["citation"].map(_position))
    return out.sort_values(["_o", "_a", "_p"], kind="stable").drop(columns=["_o", "_a", "_p"]).head(MAX_SAYINGS).reset_index(drop=True)


def _tone_scores(sub, unavailable):
    try:
        from .. import tone

        return tone.score_sentences(sub)
    except (ImportError, AttributeError) as exc:
        _unavailable(unavailable, "tone (araz.tone.score_sentences)", exc)
        return None


def _tone_section(sub, scores, documents, unavailable):
    """Tone by outlet (own voice and quoted voice apart) and per document in date order, with n and the warning."""
    ocols = ["outlet", "voice", "n_docs", "n", "score", "n_coop", "n_conf", "n_mixed", "n_neutral"]
    tcols = ["outlet", "dates", "n_docs", "n", "score", "n_coop", "n_conf"]
    n_docs = len(documents)
    n_est = int(sub.documents["date_estimate"].sum())
    periods = len(set(zip(sub.documents["published_start"], sub.documents["published_end"])))
    warning = None
    try:
        from .. import tone

        warning = tone.trend_warning(n_docs, periods, n_estimated=n_est)
    except (ImportError, AttributeError) as exc:
        _unavailable(unavailable, "tone trend warning", exc)
        if n_docs < SMALL_CORPUS:
            warning = (f"Only {n_docs} document{'s' if n_docs != 1 else ''}: too few for a trend over time to mean "
                       "anything. Read the figures as a description of these texts, not of the coverage.")
    warning = warning or (f"{n_docs} documents over {periods} publication dates: enough for a cautious reading of "
                          "change over time; check that the same outlets are present throughout.")
    if scores is None or scores.empty:
        return pd.DataFrame(columns=ocols), pd.DataFrame(columns=tcols), warning, 0, None
    from .. import tone

    parts = [tone.by_outlet(sub, voice=v).assign(voice=v) for v in ("author", "quoted")]
    by_outlet = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    totals = by_outlet.groupby("outlet")["n"].sum().sort_values(ascending=False, kind="stable")
    top, by_outlet_all = list(totals.index[:MAX_TONE_OUTLETS]), len(totals)
    by_outlet = by_outlet[by_outlet["outlet"].isin(top)]
    by_outlet = by_outlet.sort_values(["outlet", "voice"], kind="stable")[ocols].reset_index(drop=True)
    # Small scopes: one row per outlet and publication date (a document's range kept as a range);
    # larger ones pooled by month. Never a fake point for an estimated date.
    ot = tone.over_time(sub, by="outlet", voice=None, freq="M" if n_docs > MAX_DOC_ROWS else None)

    def dates(r) -> str:
        a, b = r.start.date().isoformat(), r.end.date().isoformat()
        return (a if a == b else f"{a} – {b}") + (" (estimate)" if r.estimate else "")

    over_time = pd.DataFrame({"outlet": ot["group"], "dates": [dates(r) for r in ot.itertuples()],
                              "n_docs": ot["n_docs"], "n": ot["n"], "score": ot["score"], "n_coop": ot["n_coop"],
                              "n_conf": ot["n_conf"]}, columns=tcols)
    over_time = over_time[over_time["outlet"].isin(top)].head(MAX_DOC_ROWS).reset_index(drop=True)
    chart = None
    try:
        shown = sub if len(top) == by_outlet_all else sub.subset(sub.documents.loc[sub.documents["outlet"].isin(top), "doc_id"])
        chart = _tone_chart(shown, freq="M" if n_docs > MAX_DOC_ROWS else None)
    except (ImportError, AttributeError) as exc:
        _unavailable(unavailable, "tone chart (araz.plots.tone_over_time)", exc)
    if by_outlet_all > len(top):
        warning += (f" Tables and chart show the {len(top)} outlets with the most sentences, of {by_outlet_all} in scope.")
    return by_outlet, over_time, warning, int(len(scores)), chart


def _tone_chart(sub, freq=None) -> bytes:
    """The tone-over-time chart (:func:`araz.plots.tone_over_time`) as PNG bytes; no pyplot, no global state."""
    from matplotlib.figure import Figure

    from .. import plots

    fig = Figure(figsize=(7.0, 3.2))
    ax = fig.add_subplot()
    plots.tone_over_time(ax, sub, by="outlet", voice="both", freq=freq)
    return _render.figure_png(fig)


def _disagreements(corpus, doc_ids, unavailable) -> list:
    try:
        from .. import claims

        d = claims.disagreements(corpus)
    except ImportError as exc:
        _unavailable(unavailable, "disagreements", exc)
        return []
    in_scope = set(doc_ids)
    # the ledger note of each disputed claim, to print beside the claim (aligned by citation and quote)
    flags = {(r.citation, r.quote): r.note for r in claims.disputed(corpus).itertuples(index=False)}
    out = []
    for topic, grp in d.groupby("topic", sort=True):
        if not any(set(_split(x)) & in_scope for x in grp["doc_ids"]):
            continue
        stances = []
        for r in grp.itertuples(index=False):
            cits, quotes, who, voices = (r.citations.split(SEP), r.quotes.split(SEP), r.asserted_by.split(SEP),
                                         r.voices.split(SEP))
            cl = [{"citation": c, "quote": q, "asserted_by": a, "voice": v, "doc_id": c.split(" ¶")[0],
                   "in_scope": c.split(" ¶")[0] in in_scope, "flag": flags.get((c, q), "")}
                  for c, q, a, v in zip(cits, quotes, who, voices)]
            shown = sorted(cl, key=lambda c: not c["in_scope"])[:MAX_PER_STANCE]
            stances.append({"stance": r.stance, "claims": shown, "more": len(cl) - len(shown)})
        out.append({"topic": topic, "within_document": bool(grp["within_document"].iloc[0]), "stances": stances})
    return out


def _names(sub, unavailable) -> pd.DataFrame:
    """Contested names used in scope: concepts named in more than one way first, at most ``MAX_NAMES`` rows."""
    cols = ["concept", "variant", "n", "outlets", "citations"]
    try:
        from .. import claims

        n = claims.names(sub)
    except ImportError as exc:
        _unavailable(unavailable, "contested names", exc)
        return pd.DataFrame(columns=cols)
    n = n[n["n"] > 0].copy()
    if n.empty:
        return pd.DataFrame(columns=cols)
    n["citations"] = n["citations"].map(lambda c: SEP.join(_split(c)[:2]))
    n["outlets"] = n["outlets"].map(lambda c: _few(_split(c), "outlets"))
    variants = n.groupby("concept", sort=False)["variant"].transform("size")
    first = {c: i for i, c in enumerate(dict.fromkeys(n["concept"]))}
    n = n.assign(_v=-variants, _c=n["concept"].map(first)).sort_values(["_v", "_c"], kind="stable")
    return n[cols].head(MAX_NAMES).reset_index(drop=True)


def _timeline(corpus, s, e, doc_ids, unavailable) -> pd.DataFrame:
    cols = ["date", "event", "citations", "date_source", "in_window"]
    try:
        from .. import timeline

        ev = timeline.events(corpus)
    except ImportError as exc:
        _unavailable(unavailable, "timeline", exc)
        return pd.DataFrame(columns=cols)
    in_scope = set(doc_ids)
    rows = []
    for r in ev.itertuples(index=False):
        in_window = (s is None or r.end.date() >= s) and (e is None or r.start.date() <= e)
        cits = [c for c in _split(r.citations) if c.split(" ¶")[0] in in_scope]
        if not in_window and not cits:
            continue
        if not (s or e) and not cits:
            continue
        rows.append({"date": r.date, "event": r.event, "citations": SEP.join(cits[:3]),
                     "date_source": r.date_source, "in_window": bool(in_window), "_i": len(rows)})
    out = pd.DataFrame(rows, columns=cols + ["_i"])
    keep = list(out.loc[out["in_window"], "_i"])
    keep += list(out.loc[~out["in_window"], "_i"])[::-1][:max(0, MAX_EVENTS - len(keep))]
    return out[out["_i"].isin(keep)].drop(columns="_i").reset_index(drop=True)


def _sources(corpus, doc_ids, in_scope, unavailable) -> pd.DataFrame:
    """The provenance card (:func:`araz.sources.card`) of every document the note cites."""
    cols = ["doc_id", "title", "outlet", "author", "date_label", "date_evidence_citations", "date_reasoning",
            "perspective", "language", "licence", "url", "n_paragraphs", "n_sentences", "n_words", "in_scope"]
    doc_ids = [d for d in doc_ids if d in corpus]
    if not doc_ids:
        return pd.DataFrame(columns=cols)
    cited = corpus.subset(doc_ids) if len(doc_ids) < len(corpus) else corpus
    rows = []
    try:
        from .. import sources

        for d in doc_ids:
            c = sources.card(cited, d)
            ev = [q["citation"] for q in c.get("date_evidence_quotes") or [] if q.get("citation")]
            rows.append({**{k: c.get(k, "") for k in cols}, "date_evidence_citations": SEP.join(ev),
                         "in_scope": d in in_scope})
    except ImportError as exc:
        _unavailable(unavailable, "provenance cards (araz.sources)", exc)
        docs = corpus.documents.set_index("doc_id")
        for d in doc_ids:
            r = docs.loc[d]
            rows.append({"doc_id": d, **{k: r[k] for k in cols if k in docs.columns}, "date_evidence_citations": "",
                         "date_reasoning": r["date_evidence"], "in_scope": d in in_scope})
    return pd.DataFrame(rows, columns=cols)
