"""Aggregates of the sentence table — per paragraph, document, outlet and over time — each with its n."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus import Corpus, corpus_or_default
from ..errors import ScopeError
from .rules import LABELS, VOICES
from .sentences import score_sentences


STAT_COLUMNS = ["n", "coop", "conf", "score", "n_coop", "n_conf", "n_mixed", "n_neutral", "labelling"]


def _pick_voice(df: pd.DataFrame, voice: str | None) -> pd.DataFrame:
    if voice in (None, "all", "both"):
        return df
    if voice not in VOICES:
        raise ScopeError(f"voice '{voice}' is unknown; use 'author', 'quoted', 'both' or None (all sentences)")
    return df[df["voice"] == voice]


def _measured_only(s: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The sentences whose document was measured, and how many documents were left out
    (not in English: :func:`araz.languages.measurable`)."""
    if "measured" not in s or bool(s["measured"].all()):
        return s, 0
    left = int(s.loc[~s["measured"], "doc_id"].nunique())
    return s[s["measured"]], left


def _note_left_out(out: pd.DataFrame, left: int) -> pd.DataFrame:
    """Say in the table how many documents were left out as not measured (``attrs``)."""
    out.attrs["n_docs_not_measured"] = left
    out.attrs["note"] = (f"{left} document(s) not in English left out: tone not measured" if left else "")
    return out


def _blank_docs(out: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Per-document or per-paragraph rows of unmeasured documents: kept, scores emptied, noted."""
    from ..languages import blank_unmeasured

    cols = [c for c in STAT_COLUMNS if c != "n"]
    return blank_unmeasured(out, corpus, "tone", cols)


def _summarise(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    d = df.assign(**{f"n_{lab}": (df["label"] == lab).astype(int) for lab in LABELS})
    g = d.groupby(keys, sort=False, dropna=False)
    out = g.agg(n=("citation", "size"), coop=("coop", "sum"), conf=("conf", "sum"), score=("score", "mean"),
                n_coop=("n_coop", "sum"), n_conf=("n_conf", "sum"), n_mixed=("n_mixed", "sum"),
                n_neutral=("n_neutral", "sum"), labelling=("labelling", "sum")).reset_index()
    return out


def by_paragraph(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per paragraph: ``doc_id, paragraph, citation, is_heading, n`` (sentences),
    ``coop, conf`` (sums), ``score`` (mean net tone of its sentences), ``n_coop, n_conf,
    n_mixed, n_neutral, labelling``, ``measured, note``. ``voice`` keeps only ``author`` or
    ``quoted`` sentences. A paragraph of a document not in English keeps its row with empty
    statistics and a note ("tone not measured (Persian)"), never a neutral 0.

    >>> import araz
    >>> from araz import tone
    >>> row = tone.by_paragraph(araz.load_corpus()).iloc[0]
    >>> row["citation"], int(row["n"])
    ('mehr-2021-korybko ¶1', 27)
    """
    corpus = corpus_or_default(corpus)
    s = _pick_voice(score_sentences(corpus, lexicon), voice)
    out = _summarise(s, ["doc_id", "paragraph"])
    p = corpus.paragraphs[["doc_id", "paragraph", "citation", "is_heading"]]
    out = p.merge(out, on=["doc_id", "paragraph"], how="inner")
    return _blank_docs(out[["doc_id", "paragraph", "citation", "is_heading", *STAT_COLUMNS]], corpus)


def by_document(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per document: ``doc_id, outlet, published_start, published_end,
    date_estimate, date_label, n`` (sentences) and the tone statistics of :func:`by_paragraph`
    with its ``measured, note`` (a document not in English: row kept, statistics empty).

    >>> import araz
    >>> from araz import tone
    >>> int(tone.by_document(araz.load_corpus())["n"].sum())
    121
    """
    corpus = corpus_or_default(corpus)
    s = _pick_voice(score_sentences(corpus, lexicon), voice)
    out = _summarise(s, ["doc_id"])
    d = corpus.documents[["doc_id", "outlet", "published_start", "published_end", "date_estimate", "date_label"]]
    out = d.merge(out, on="doc_id", how="inner")
    out = out[["doc_id", "outlet", "published_start", "published_end", "date_estimate", "date_label", *STAT_COLUMNS]]
    return _blank_docs(out, corpus)


def by_outlet(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per outlet: ``outlet, n_docs, n`` (sentences) and the tone statistics.

    Documents not in English are left out (their tone is not measured); how many is in
    ``attrs["n_docs_not_measured"]`` and ``attrs["note"]``.

    >>> import araz
    >>> from araz import tone
    >>> int(tone.by_outlet(araz.load_corpus())["n_docs"].sum())
    4
    """
    corpus = corpus_or_default(corpus)
    s, left = _measured_only(_pick_voice(score_sentences(corpus, lexicon), voice))
    s = s.merge(corpus.documents[["doc_id", "outlet"]], on="doc_id", how="left")
    out = _summarise(s, ["outlet"])
    nd = s.groupby("outlet")["doc_id"].nunique().rename("n_docs").reset_index()
    out = out.merge(nd, on="outlet")
    return _note_left_out(out[["outlet", "n_docs", *STAT_COLUMNS]].sort_values("outlet", ignore_index=True), left)


def over_time(corpus: Corpus | None = None, lexicon=None, *, by: str | None = "outlet",
              voice: str | None = "both", freq: str | None = None) -> pd.DataFrame:
    """Return tone by publication date: one row per group, voice and date span.

    Columns: ``group`` (the value of ``by``: outlet, perspective or any document column;
    ``"all"`` when ``by=None``), ``voice`` (author, quoted, or all), ``start, end``
    (timestamps), ``estimate`` (True when any date in the row is inferred), ``n_docs, n``
    (sentences), the tone statistics, ``doc_ids``.

    A document dated by a range keeps its range: ``start`` and ``end`` are its first and
    last possible day — never collapsed to a fake point. With ``freq`` ("M", "Q", "Y")
    documents whose whole range falls in one period are pooled in that period (``start``
    and ``end`` are the period's bounds); a range that crosses periods stays a row of its own.
    Documents not in English are left out (tone not measured), counted in
    ``attrs["n_docs_not_measured"]`` and said in ``attrs["note"]``.

    >>> import araz
    >>> from araz import tone
    >>> t = tone.over_time(araz.load_corpus(), voice=None)
    >>> bool((t["end"] > t["start"]).all()), int(t["n"].sum())
    (True, 121)
    """
    corpus = corpus_or_default(corpus)
    s, left = _measured_only(score_sentences(corpus, lexicon))
    docs = corpus.documents
    if by is not None and by not in docs.columns:
        raise ScopeError(f"by='{by}' is not a document column; use one of: outlet, perspective, author, language, doc_id")
    if voice == "both":
        s = s.copy()
    elif voice in (None, "all"):
        s = s.assign(voice="all")
    else:
        s = _pick_voice(s, voice)
    cols = ["doc_id", "published_start", "published_end", "date_estimate"] + ([by] if by and by != "doc_id" else [])
    s = s.merge(docs[cols], on="doc_id", how="left")
    s["group"] = s[by].astype(str) if by else "all"
    start, end = s["published_start"], s["published_end"]
    if freq:
        try:
            ps, pe = start.dt.to_period(freq), end.dt.to_period(freq)
        except ValueError as exc:
            raise ScopeError(f"freq='{freq}' is not a period; use 'M' (month), 'Q' (quarter) or 'Y' (year)") from exc
        same = (ps == pe).to_numpy()
        s["start"] = np.where(same, ps.dt.start_time.dt.normalize(), start)
        s["end"] = np.where(same, ps.dt.end_time.dt.normalize(), end)
    else:
        s["start"], s["end"] = start, end
    s["start"] = pd.to_datetime(s["start"])
    s["end"] = pd.to_datetime(s["end"])
    keys = ["group", "voice", "start", "end"]
    out = _summarise(s, keys)
    extra = s.groupby(keys, sort=False).agg(
        estimate=("date_estimate", "any"), n_docs=("doc_id", "nunique"),
        doc_ids=("doc_id", lambda x: ", ".join(dict.fromkeys(x)))).reset_index()
    out = out.merge(extra, on=keys)
    out = out[["group", "voice", "start", "end", "estimate", "n_docs", *STAT_COLUMNS, "doc_ids"]]
    return _note_left_out(out.sort_values(["start", "group", "voice"], ignore_index=True), left)


MIN_PERIODS = 6
MIN_DOCS_PER_PERIOD = 10


def trend_warning(n_docs: int, n_periods: int, *, n_estimated: int = 0) -> str | None:
    """Return a warning when ``n_docs`` documents over ``n_periods`` periods are too few for a trend.

    ``None`` means enough: at least :data:`MIN_PERIODS` periods with on average
    :data:`MIN_DOCS_PER_PERIOD` documents each. ``n_estimated`` (documents whose date is
    only inferred) adds a sentence about dating. Used by the plots, the explorer and the
    briefing note.

    >>> from araz import tone
    >>> print(tone.trend_warning(4, 3))
    Only 4 documents in 3 periods: an anecdote, not a trend. A trend needs at least 6 periods with about 10 documents each (≈60 documents), ideally from the same outlets, so that a change is not just a change of source.
    >>> tone.trend_warning(600, 12) is None
    True
    """
    n_docs, n_periods = int(n_docs), int(n_periods)
    msgs = []
    if n_periods < MIN_PERIODS or n_docs < MIN_DOCS_PER_PERIOD * max(n_periods, 1):
        doc_s = "document" if n_docs == 1 else "documents"
        per_s = "period" if n_periods == 1 else "periods"
        need = MIN_PERIODS * MIN_DOCS_PER_PERIOD
        msgs.append(
            f"Only {n_docs} {doc_s} in {n_periods} {per_s}: an anecdote, not a trend. A trend needs at least "
            f"{MIN_PERIODS} periods with about {MIN_DOCS_PER_PERIOD} documents each (≈{need} documents), ideally "
            "from the same outlets, so that a change is not just a change of source.")
    if n_estimated and msgs:
        msgs.append(f"{n_estimated} of the dates are estimates (ranges), so even the order of documents may be uncertain.")
    return " ".join(msgs) if msgs else None
