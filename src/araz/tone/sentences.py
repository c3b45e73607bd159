"""The sentence table: :func:`score_sentences`, :func:`matches`, :func:`score_text`.

Performance: results are memoised per corpus and per (lexicon fingerprint, rule settings),
so a tone lab that edits the lexicon re-scores once per edit; large folder corpora keep
the compact computed columns on disk. The matched words are held in one shared column
table and exposed per sentence as a lazy :class:`MatchList`, so 10,000 articles do not
create a Python object per word.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .. import cache
from ..corpus import Corpus, corpus_or_default
from .lexicon import Lexicon, _lexicon
from .rules import _rules_key
from .scoring import _score_texts
from .voice import _voice


SENTENCE_COLUMNS = [
    "doc_id", "paragraph", "sentence", "citation", "text", "voice", "coop", "conf", "score",
    "label", "labelling", "terms", "matches", "voice_reason", "quad_class", "intensity",
]


def _store(corpus: Corpus) -> OrderedDict:
    return corpus.cached("araz.tone", OrderedDict)


def _memo(corpus: Corpus, key, compute, size: int = 8, persist: bool = False, build=None):
    """Per-corpus memo holding the last ``size`` results (a tone lab edits the lexicon often).

    With ``persist`` the result is also kept on disk for large folder corpora
    (``corpus.cached(..., persist=True)``), so a restarted notebook reads it back.
    ``build``, if given, turns what ``compute`` returns (and what is kept on disk) into
    the value held in memory — freshly computed or read back, the same way.
    """
    store = _store(corpus)
    if key in store:
        store.move_to_end(key)
        return store[key]
    if persist:
        full = ("araz.tone",) + key
        value = corpus.cached(full, compute, persist=True)
        corpus.cache.pop(full, None)  # this memo, not the corpus-wide one, keeps it in memory
    else:
        value = compute()
    if build is not None:
        value = build(value)
    store[key] = value
    while len(store) > size:
        store.popitem(last=False)
    return value


class TermMatch(NamedTuple):
    """One matched word of a sentence (``score_sentences(...)['matches']`` holds a list of these)."""

    term: str
    surface: str
    cls: str
    weight: float
    cue: str
    effect: str
    contribution: float
    start: int
    end: int


def _readable(matches: pd.DataFrame, n: int) -> np.ndarray:
    """One readable string per sentence: 'cooperation +1.0; confrontation +1.5 (flipped…)'."""
    out = np.full(n, "", dtype=object)
    cls = matches["class"].to_numpy()
    tone = cls != "neutral"
    if not tone.any():
        return out
    rows = matches["row"].to_numpy()[tone]
    surface = matches["surface"].to_numpy()[tone].tolist()
    # Each part is "<surface><tail>": the tail (" +1.5 (flipped…)", then "; " inside a
    # sentence or "\x00" at its end) takes few distinct values, so it is formatted once per
    # distinct value and the parts are joined in one go, then split at the "\x00"s.
    c_codes, c_uniq = pd.factorize(matches["contribution"].to_numpy()[tone])
    e_codes, e_uniq = pd.factorize(matches["effect"].to_numpy()[tone])
    contrib = [f"{v:+.1f}" for v in c_uniq.tolist()] + ["[label]"]
    c_codes[cls[tone] == "labelling"] = len(contrib) - 1
    last = np.r_[rows[1:] != rows[:-1], True]
    combo = (c_codes.astype(np.int64) * len(e_uniq) + e_codes) * 2 + last
    t_uniq, t_codes = np.unique(combo, return_inverse=True)
    e_list = e_uniq.tolist()
    tails = []
    for v in t_uniq.tolist():
        ce, z = divmod(v, 2)
        c, e = contrib[ce // len(e_list)], e_list[ce % len(e_list)]
        tails.append(f" {c} ({e})" if e and c != "[label]" else f" {c}")
        tails[-1] += "\x00" if z else "; "
    tail = np.array(tails, dtype=object)[t_codes.ravel()].tolist()
    texts = "".join(chain.from_iterable(zip(surface, tail))).split("\x00")
    keys = rows[last]
    if len(texts) == len(keys) + 1:
        out[keys] = texts[:-1]
    else:  # a "\x00" inside a surface: join sentence by sentence
        parts = [a + b[:-1] if b.endswith("\x00") else a + b[:-2] for a, b in zip(surface, tail)]
        bounds = np.flatnonzero(np.r_[True, last]).tolist()
        for r, a, b in zip(keys.tolist(), bounds[:-1], bounds[1:]):
            out[r] = "; ".join(parts[a:b])
    return out


class _MatchTable:
    """The columns of all matched words, shared by every :class:`MatchList` of a scoring run.

    Kept as arrays and turned into Python lists on first access (most sentences are never opened).
    """

    __slots__ = ("_arrays", "_cols")

    def __init__(self, arrays: tuple):
        self._arrays, self._cols = arrays, None

    @property
    def cols(self) -> tuple:
        if self._cols is None:
            self._cols = tuple(a.tolist() for a in self._arrays)
            self._arrays = None
        return self._cols

    def __getstate__(self):
        return self.cols

    def __setstate__(self, cols):
        self._arrays, self._cols = None, cols


class MatchList(Sequence):
    """The matched words of one sentence: a read-only sequence of :class:`TermMatch`.

    Built lazily over one shared table so that scoring 10,000 articles does not create a
    Python object per word; ``list(m)`` or ``[t._asdict() for t in m]`` give plain data.
    """

    __slots__ = ("_table", "_a", "_b")

    def __init__(self, table: _MatchTable, a: int, b: int):
        self._table, self._a, self._b = table, a, b

    def __len__(self) -> int:
        return self._b - self._a

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("match index out of range")
        return TermMatch(*(c[self._a + i] for c in self._table.cols))

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, tuple, MatchList)) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


_NO_MATCHES = MatchList(_MatchTable(()), 0, 0)


def _records(matches: pd.DataFrame, n: int) -> np.ndarray:
    """The structured form: per sentence, a :class:`MatchList` of its matched words."""
    out = np.empty(n, dtype=object)
    out.fill(_NO_MATCHES)
    if matches.empty:
        return out
    table = _MatchTable(tuple(matches[c].to_numpy() for c in ("term", "surface", "class", "weight", "cue", "effect", "contribution", "start", "end")))
    rows = matches["row"].to_numpy()
    first = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])   # rows are sorted: one run per sentence
    stop = np.r_[first[1:], len(rows)]
    # map() calls the class without a Python loop; fromiter keeps numpy from unpacking the sequences
    lists = np.fromiter(map(MatchList, repeat(table), first.tolist(), stop.tolist()), dtype=object, count=len(first))
    out[rows[first]] = lists
    return out


#: the per-sentence columns :func:`_score` computes (and keeps on disk); the others are
#: copied from ``corpus.sentences`` and ``matches`` is rebuilt from the long table
_COMPUTED = ["voice", "coop", "conf", "score", "label", "labelling", "terms", "voice_reason", "quad_class", "intensity"]


#: bumped when the computed columns change, so scores kept on disk by an older version are not read back
_TABLE_VERSION = 2


def _score(corpus: Corpus, lex: Lexicon) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two public frames of a corpus (``score_sentences`` and ``matches``), memoised.

    What is persisted is compact: the computed per-sentence columns and the long table of
    matched words with its integer ``row`` — text, numbers and a few repeated strings,
    which the on-disk cache stores column by column — not the columns copied from
    ``corpus.sentences`` nor a column of Python objects. :func:`_assemble` builds the
    frames from it, after computing as after reading, so both give the same frames.
    """
    def compute():
        s = corpus.sentences
        sc = _score_texts(s["text"].tolist(), lex)
        coop = np.asarray(sc.coop, dtype=float)
        conf = np.asarray(sc.conf, dtype=float)
        total = coop + conf
        score = np.divide(coop - conf, total, out=np.zeros_like(total), where=total > 0)
        voice, reason = _voice(s, sc.say_rows, sc.quote_rows)
        per = pd.DataFrame({
            "voice": voice, "coop": coop, "conf": conf, "score": score, "label": sc.label,
            "labelling": sc.labelling, "terms": _readable(sc.matches, len(s)), "voice_reason": reason,
            "quad_class": sc.quad, "intensity": sc.intensity,
        }, columns=_COMPUTED)
        return per, sc.matches

    with cache.gc_paused():
        return _memo(corpus, ("scores", _TABLE_VERSION, lex.fingerprint, _rules_key()), compute, persist=True,
                     build=lambda value: _assemble(corpus.sentences, *value))


def _assemble(s: pd.DataFrame, per: pd.DataFrame, m: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The public frames from the computed columns ``per`` and the matched words ``m`` (with ``row``)."""
    df = s[["doc_id", "paragraph", "sentence", "citation", "text"]].reset_index(drop=True)
    for col in _COMPUTED:
        df[col] = per[col].array  # the arrays as they are: no copy, no re-inferred dtype
    df["matches"] = _records(m, len(df))
    df = df[SENTENCE_COLUMNS]
    rows = m["row"].to_numpy()
    citation = s["citation"]
    long = m.drop(columns="row")
    if isinstance(citation.dtype, pd.StringDtype):  # take the strings without checking each again
        long.insert(0, "citation", citation.array.take(rows))
    else:
        long.insert(0, "citation", citation.to_numpy()[rows])
    return df, long


def score_sentences(corpus: Corpus | None = None, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Return one row per sentence with its tone, voice and the words that drove it.

    Columns: ``doc_id, paragraph, sentence, citation, text, voice`` (author/quoted),
    ``coop, conf`` (summed cooperation and conflict weights after negation),
    ``score`` (``(coop - conf) / (coop + conf)``, −1 conflict … +1 cooperation, 0 when
    nothing matched), ``label`` (coop/conf/mixed/neutral), ``labelling`` (weight of
    hostile labels, kept apart from tone), ``terms`` (readable: each matched word with its
    contribution and any flip), ``matches`` (the same, structured: a sequence of
    :class:`TermMatch` named tuples — term, surface, cls, weight, cue, effect,
    contribution, start, end, offsets inside the sentence; ``m._asdict()`` gives a dict;
    :func:`matches` gives them all as one long table), ``voice_reason`` (which voice rule
    fired), ``quad_class`` (the CAMEO quad class of the sentence's decisive cue:
    verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, or none)
    and ``intensity`` (that cue's Goldstein-like intensity, −10 … +10, 0 for none; scale
    and choice of cue in :mod:`araz.tone.rules` and :func:`araz.tone.scoring._quad_intensity`).
    Cached per corpus and per lexicon content. Two columns follow: ``measured`` (False for a
    sentence of a document not in English) and ``note`` ("tone not measured (Persian)"): such
    sentences keep their row with empty scores and label, never a neutral 0.

    >>> import araz
    >>> from araz import tone
    >>> df = tone.score_sentences(araz.load_corpus())
    >>> len(df), sorted(df["label"].unique())
    (121, ['conf', 'coop', 'mixed', 'neutral'])
    """
    corpus = corpus_or_default(corpus)
    return _mark_unmeasured(_score(corpus, _lexicon(lexicon))[0].copy(), corpus)


#: the columns a document in a language the lexicon does not cover gets empty (never 0, never neutral)
UNMEASURED_BLANK = ("coop", "conf", "score", "labelling", "intensity")


def _mark_unmeasured(df: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Add ``measured`` and ``note``; empty the scores of sentences whose document is not in
    English (:func:`araz.languages.measurable`): the English lexicon cannot read them, and a
    0 would be read as "neutral". Their ``label``, ``terms`` and ``quad_class`` become ``""``
    and ``note`` says why ("tone not measured (Persian)"). The rows stay, so a view can
    count and list them."""
    from ..languages import measurable, not_measured_note

    ok = measurable(corpus, "tone")
    if bool(ok.all()):  # the common case: no per-row work beyond two constant columns
        df["measured"] = True
        df["note"] = ""
        return df
    flag = df["doc_id"].map(ok).fillna(True).astype(bool).to_numpy()
    for col in UNMEASURED_BLANK:
        df[col] = df[col].astype("float64").where(flag)
    for col in ("label", "terms", "quad_class"):
        df[col] = df[col].astype(object).where(flag, "")
    langs = dict(zip(corpus.documents["doc_id"], corpus.documents["language"]))
    df["measured"] = flag
    df["note"] = ["" if f else not_measured_note("tone", langs.get(d)) for d, f in zip(df["doc_id"], flag)]
    return df


def matches(corpus: Corpus | None = None, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Return one row per matched word: the long form of ``score_sentences(...)['matches']``.

    Columns: ``citation, term`` (lexicon entry), ``surface`` (as written), ``class,
    weight, cue`` (the negation/contrast cue in scope, if any), ``effect`` (what the rules
    did), ``contribution`` (signed: + cooperation, − conflict), ``start, end`` (offsets
    inside the sentence).

    >>> import araz
    >>> from araz import tone
    >>> m = tone.matches(araz.load_corpus())
    >>> m.loc[m.term == "israeli regime", "class"].iloc[0]
    'labelling'
    """
    corpus = corpus_or_default(corpus)
    return _score(corpus, _lexicon(lexicon))[1].copy()
