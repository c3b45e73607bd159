"""Which analyses apply to a document in which language.

Some of the kit's measurements only mean something in the language they were built for.
The tone lexicon (``data/lexicons``) and VADER are English word lists: run on Persian or
Azerbaijani they find no words, and a sentence with no scored words comes out *neutral* —
a number that looks like a finding and is an artefact. So a document's ``language``
decides which analyses may be run on it, and a view must show the others as **not
measured**, never as zero or neutral.

* :func:`analyses_for` — the analyses that apply to one language tag;
* :func:`measurable` — for a corpus, which documents an analysis applies to;
* :func:`not_measured_note` — the words a view shows instead of a score.

Languages are BCP 47 tags as in the front matter (``en``, ``fa``, ``az``, ``az-Cyrl``,
``ru``, ``tr``, ``hy``); only the primary subtag (``az`` of ``az-Cyrl``) decides.
``unknown`` (a document whose language was never recorded: every corpus written by hand
before ``araz import`` existed) is treated as English, the only language the kit
measured before; ``araz import`` always records a detected language.

>>> sorted(analyses_for("en"))
['actors', 'claims', 'corridors', 'search', 'timeline', 'tone']
>>> "tone" in analyses_for("fa"), "actors" in analyses_for("fa")
(False, True)
"""
from __future__ import annotations

import pandas as pd

ANALYSES = ("search", "actors", "corridors", "claims", "timeline", "tone")
#: Analyses restricted to some languages (primary subtags); every other analysis applies to
#: all languages (the gazetteer carries aliases per language; search and dates do not care).
RESTRICTED = {
    "tone": frozenset({"en"}),  # English lexicon and VADER only
}
#: How a language that was never recorded is treated (see the module docstring).
UNKNOWN_AS = "en"
NAMES = {
    "en": "English", "fa": "Persian", "az": "Azerbaijani", "ru": "Russian", "tr": "Turkish",
    "hy": "Armenian", "ar": "Arabic", "ka": "Georgian", "uk": "Ukrainian", "kk": "Kazakh",
}


def primary(language: str | None) -> str:
    """The primary subtag, lower case: ``"az-Cyrl"`` → ``"az"``; empty or ``unknown`` →
    :data:`UNKNOWN_AS`."""
    tag = (language or "").strip().lower()
    if not tag or tag == "unknown":
        return UNKNOWN_AS
    return tag.split("-", 1)[0]


def analyses_for(language: str | None) -> set[str]:
    """The analyses (of :data:`ANALYSES`) that apply to documents in ``language``."""
    lang = primary(language)
    return {a for a in ANALYSES if a not in RESTRICTED or lang in RESTRICTED[a]}


def measurable(corpus, analysis: str) -> pd.Series:
    """One boolean per document (indexed by ``doc_id``): does ``analysis`` apply to it?

    >>> import araz
    >>> bool(measurable(araz.load_corpus(), "tone").all())
    True
    """
    if analysis not in ANALYSES:
        from .errors import ScopeError

        raise ScopeError(f"'{analysis}' is not an analysis; use one of: {', '.join(ANALYSES)}")
    docs = corpus.documents
    langs = docs["language"].tolist()
    allowed = {lang: analysis in analyses_for(lang) for lang in set(langs)}
    return pd.Series([allowed[lang] for lang in langs], index=docs["doc_id"].tolist(), name=analysis, dtype=bool)


def blank_unmeasured(frame: pd.DataFrame, corpus, analysis: str, columns) -> pd.DataFrame:
    """A copy of a per-document (or per-sentence…) table with ``columns`` emptied (NaN)
    where ``analysis`` does not apply to the row's document, and a ``measured`` column
    (``True``/``False``) and ``note`` (``""`` or ``"tone not measured (Persian)"``) added.

    The table needs a ``doc_id`` column. This is how a view keeps an unmeasured document
    *visible* (it is counted, listed, charted as a gap) without scoring it neutral:

    >>> import araz, pandas as pd
    >>> t = pd.DataFrame({"doc_id": araz.load_corpus().doc_ids, "score": 0.5})
    >>> blank_unmeasured(t, araz.load_corpus(), "tone", ["score"])["measured"].all()
    np.True_
    """
    ok = measurable(corpus, analysis)
    langs = dict(zip(corpus.documents["doc_id"].tolist(), corpus.documents["language"].tolist()))
    out = frame.copy()
    flag = out["doc_id"].map(ok).fillna(True).astype(bool)
    for col in columns:
        out[col] = out[col].astype("float64").where(flag)
    out["measured"] = flag
    out["note"] = ["" if f else not_measured_note(analysis, langs.get(d)) for d, f in zip(out["doc_id"], flag)]
    return out


def not_measured_note(analysis: str, language: str | None) -> str:
    """What a view shows in place of a score: ``"tone not measured (Persian)"``."""
    lang = primary(language)
    return f"{analysis} not measured ({NAMES.get(lang, language or 'unknown')})"


__all__ = ["ANALYSES", "RESTRICTED", "analyses_for", "blank_unmeasured", "measurable", "not_measured_note", "primary"]
