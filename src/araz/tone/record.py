"""The 2020–2025 tone record: public articles, their sentences' hashes, two coders' labels — no text.

``data/tone_record/`` holds three tables (schemas in ``data/schemas/``):

* ``articles.csv`` — one row per article: ``article_id, url, outlet, side, published,
  date_evidence, title, title_evidence, notes, split, test_round``. ``split`` is ``dev``
  (cross-validated, fits the model) or ``test`` (held out, scored once at the end);
  ``test_round`` says in which test round an article was held out and scored (empty:
  never). The 13 articles of round 1 (measure v1) and the 27 of round 2 (measure v2), each
  scored once on 2026-12-04, were then merged into dev (``build.py --merge-round N``), so they
  are ``dev`` with ``test_round`` 1 or 2; the next test set (round 3) is added with
  ``tools/tone_record/build.py --new-split test``;
* ``test_rounds.csv`` — the figures of each test round, kept as history
  (:func:`test_rounds`);
* ``sentences.csv`` — one row per coded sentence: ``article_id, paragraph, sentence``
  (1-based positions as :func:`segment` finds them), ``sha1`` (of :func:`normalise_sentence`),
  ``coder_a_tone, coder_a_voice, coder_a_dyad, coder_b_…`` (the two independent coders),
  ``tone, voice, dyad`` (the adjudicated labels) and ``reason`` (one line per disagreement);
* ``sentence_features.csv`` — per sentence, what the kit's measure needs and that holds no
  text: the matched lexicon terms with their flags, weights per CAMEO quad class, hedges,
  voice, VADER's scores (computed by ``tools/tone_record/build.py`` from the texts).

The texts themselves are never in the repository. ``tools/tone_record/build.py`` recreates
everything from the texts (a local folder, or pages re-fetched from the URLs), aligning
labels to sentences by hash, so a user with internet can check every label against its
sentence.

>>> from araz.tone import record
>>> record.normalise_sentence("  Iran’s “corridor”  —  rejected ")
'iran\\'s "corridor" - rejected'
>>> record.sentence_hash("Iran's \\"corridor\\" - rejected") == record.sentence_hash("IRAN’S “corridor” — rejected")
True
"""
from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Issue, ScopeError, TableError

TONES = ("coop", "conf", "mixed", "neutral")
VOICES = ("author", "quoted")
#: actor codes of the codebook (§4a)
DYAD_CODES = ("IRN", "AZE", "ARM", "TUR", "RUS", "GEO", "ISR", "USA", "EU", "OTH")
DYAD_RE = re.compile(rf"none|(?:{'|'.join(DYAD_CODES)})[>=](?:{'|'.join(DYAD_CODES)})")
SPLITS = ("dev", "test")
FIELDS = ("tone", "voice", "dyad")
CODERS = ("coder_a", "coder_b")
#: share of articles held back as the test part, and the seed of the draw
TEST_SHARE = 0.2
SPLIT_SEED = 2026

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "ʼ": "'",
                         "—": "-", "–": "-", "‑": "-", "−": "-", "\u00a0": " ", "\u200b": ""})
_SPACE = re.compile(r"\s+")
_END = re.compile(r'[.!?]["”’)\]]*\s*$')
_WORDS = re.compile(r"[^\W\d_]{2,}")


def normalise_sentence(text: str) -> str:
    """The form of a sentence that is hashed: the same sentence from two copies of a page
    (a saved file, a re-fetched page) should give the same string.

    Steps, in order: Unicode NFKC (full-width and compatibility forms become plain ones);
    curly quotes and guillemets become ``"`` and ``'``; dashes and minus signs become
    ``-``; no-break spaces become spaces and zero-width spaces vanish; every run of
    whitespace becomes one space; leading and trailing spaces go; lower case (``casefold``).
    Punctuation and words are otherwise kept: a changed word is a changed sentence.
    """
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", t).strip().casefold()


def sentence_hash(text: str) -> str:
    """The 40-hex-digit sha1 of :func:`normalise_sentence` (UTF-8)."""
    return hashlib.sha1(normalise_sentence(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Segment:
    """One sentence of an article as the record counts it (text stays in memory only)."""

    paragraph: int
    sentence: int
    text: str
    paragraph_text: str


def segment(text: str) -> list[Segment]:
    """The coded sentences of an article's text, with their 1-based paragraph and sentence.

    A paragraph is a non-empty line (a line repeated verbatim, e.g. a headline printed
    twice, counts once); sentences come from araz's own splitter
    (:func:`araz.text.split_sentences`). Left out: sentences with fewer than four words
    of two letters or more (datelines, bylines, view counters), and the article's last
    sentence when it does not end like a sentence (an excerpt cut short). Positions count
    the sentences left out, so a position is the same in every copy of the text.
    """
    from ..text import split_sentences

    paras, seen = [], set()
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if line and line not in seen:
            seen.add(line)
            paras.append(line)
    out = []
    for pi, para in enumerate(paras, 1):
        spans = split_sentences(para)
        for si, (a, b) in enumerate(spans, 1):
            sent = para[a:b].strip()
            if pi == len(paras) and si == len(spans) and not _END.search(sent):
                continue
            if len(_WORDS.findall(sent)) < 4:
                continue
            out.append(Segment(pi, si, sent, para))
    return out


def half_year(date) -> str:
    """``'2022-H1'`` for a date in January–June 2022."""
    d = pd.Timestamp(date)
    return f"{d.year}-H{1 if d.month <= 6 else 2}"


def draw_split(articles: pd.DataFrame, *, share: float = TEST_SHARE, seed: int = SPLIT_SEED) -> pd.Series:
    """``dev``/``test`` per article: a seeded random draw of ``share`` of the articles in
    every half-year (rounded, at least one when a half-year has three articles or more),
    so the test part spans the whole period. Deterministic for a given set of ``article_id``.
    """
    rng = random.Random(seed)
    split = pd.Series("dev", index=articles.index, dtype=object)
    halves = articles["published"].map(half_year)
    for h in sorted(halves.unique()):
        ids = sorted(articles.loc[halves == h, "article_id"])
        k = round(share * len(ids))
        if k == 0 and len(ids) >= 3:
            k = 1
        chosen = set(rng.sample(ids, k)) if k else set()
        split[articles["article_id"].isin(chosen) & (halves == h)] = "test"
    return split


@dataclass(frozen=True)
class Record:
    """The loaded record: ``articles``, ``sentences`` (labels) and ``features`` (no text).

    ``coded`` is ``sentences`` with final labels only (what evaluation uses);
    ``table()`` joins sentences, features and article metadata into one frame (the
    features' automatic voice becomes ``auto_voice``; ``voice`` is the hand-coded one).
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    features: pd.DataFrame
    folder: Path = field(compare=False)

    @property
    def coded(self) -> pd.DataFrame:
        return self.sentences[self.sentences["tone"] != ""].reset_index(drop=True)

    def table(self, *, coded_only: bool = True) -> pd.DataFrame:
        """One row per sentence: keys, labels, features, and ``outlet, side, published, split, half``."""
        s = self.coded if coded_only else self.sentences
        keys = ["article_id", "paragraph", "sentence"]
        # the features' automatic voice is `auto_voice`; `voice` stays the hand-coded one
        f = self.features.drop(columns=["sha1"], errors="ignore").rename(columns={"voice": "auto_voice"})
        out = s.merge(f, on=keys, how="left")
        a = self.articles[["article_id", "outlet", "side", "published", "split", "test_round", "url"]]
        out = out.merge(a, on="article_id", how="left")
        out["half"] = out["published"].map(half_year)
        return out

    def __repr__(self) -> str:
        return (f"<Record {len(self.articles)} articles, {len(self.sentences)} sentences "
                f"({len(self.coded)} coded) in {self.folder}>")


def default_folder() -> Path:
    from ..paths import shipped

    return shipped("tone_record")


def load(folder: str | Path | None = None) -> Record:
    """Read and check ``articles.csv``, ``sentences.csv`` and ``sentence_features.csv``.

    Every problem is reported at once in a :class:`araz.TableError` naming file, line and
    field: a value outside the codebook's sets (schema enums), a hash that is not 40 hex
    digits, a date that is not a date or lies outside 2020–2025, a sentence of an unknown
    article, a repeated position, a features row without its sentence, a final label set
    where the two coders' labels are missing.

    >>> from araz.tone import record
    >>> r = record.load()
    >>> set(r.articles["split"]) <= {"dev", "test"}
    True
    """
    from ..tables import read_table

    folder = default_folder() if folder is None else Path(folder).expanduser()
    paths = {k: folder / f"{k}.csv" for k in ("articles", "sentences", "sentence_features")}
    for k, p in paths.items():
        if not p.exists():
            raise ScopeError(f"{p} is missing; a tone record folder holds articles.csv, sentences.csv and "
                             "sentence_features.csv (make them with tools/tone_record/build.py)")
    articles = read_table(paths["articles"], "articles")
    sentences = read_table(paths["sentences"], "sentences")
    features = read_table(paths["sentence_features"], "sentence_features")
    issues: list[Issue] = []
    # dates: YYYY-MM-DD within the record's period
    for line, aid, pub in zip(articles.attrs.get("lines", []), articles["article_id"], articles["published"]):
        try:
            d = pd.Timestamp(str(pub))
        except ValueError:
            issues.append(Issue(str(paths["articles"]), line, "published", f"'{pub}' is not a date; use YYYY-MM-DD or YYYY-MM"))
            continue
        if not (pd.Timestamp("2020-01-01") <= d <= pd.Timestamp("2025-12-31")):
            issues.append(Issue(str(paths["articles"]), line, "published", f"{pub} lies outside 2020–2025 ({aid})"))
    known = set(articles["article_id"])
    keys = ["article_id", "paragraph", "sentence"]
    for name, df in (("sentences", sentences), ("sentence_features", features)):
        lines = df.attrs.get("lines", [None] * len(df))
        for line, aid in zip(lines, df["article_id"]):
            if aid not in known:
                issues.append(Issue(str(paths[name]), line, "article_id", f"'{aid}' is not in articles.csv"))
        dup = df.duplicated(keys, keep="first").to_numpy()
        for line, is_dup, row in zip(lines, dup, df[keys].itertuples(index=False)):
            if is_dup:
                issues.append(Issue(str(paths[name]), line, "sentence", f"{row.article_id} ¶{row.paragraph}.{row.sentence} repeats an earlier row"))
    have = set(map(tuple, sentences[keys].to_numpy().tolist()))
    for line, row in zip(features.attrs.get("lines", []), features[keys].itertuples(index=False)):
        if tuple(row) not in have:
            issues.append(Issue(str(paths["sentence_features"]), line, "sentence",
                                f"{row.article_id} ¶{row.paragraph}.{row.sentence} has features but no row in sentences.csv"))
    lines = sentences.attrs.get("lines", [None] * len(sentences))
    for line, rec in zip(lines, sentences.to_dict("records")):
        for f in FIELDS:
            if rec[f] and not (rec[f"coder_a_{f}"] and rec[f"coder_b_{f}"]):
                issues.append(Issue(str(paths["sentences"]), line, f, "a final label needs both coders' labels; fill coder_a/coder_b"))
            if rec[f] and rec[f"coder_a_{f}"] != rec[f"coder_b_{f}"] and not rec["reason"].strip():
                issues.append(Issue(str(paths["sentences"]), line, "reason",
                                    f"the coders disagree on {f}; write a one-line adjudication reason"))
    if "test_round" not in articles:  # a record written before test rounds were kept
        articles["test_round"] = ""
    if issues:
        raise TableError(issues)
    return Record(articles, sentences, features, folder)


def test_rounds(folder: str | Path | None = None) -> pd.DataFrame:
    """The figures of every test round so far (``test_rounds.csv``; empty frame when none).

    One row per round and method: ``round, scored, measure, commit, n_articles, afterwards,
    method, n, macro_f1, macro_f1_3, recall_coop, recall_conf, recall_mixed, recall_neutral``.
    A round's articles are scored once; what became of them (round 1: merged into dev) is in
    ``afterwards``. These figures are history: they describe the measure of that round, not
    the one shipped now.
    """
    from ..tables import read_table, schema

    folder = default_folder() if folder is None else Path(folder).expanduser()
    path = folder / "test_rounds.csv"
    if not path.exists():
        return pd.DataFrame(columns=[f["name"] for f in schema("test_rounds")["fields"]])
    return read_table(path, "test_rounds")


def agreement(rec: Record | None = None) -> pd.DataFrame:
    """Krippendorff's α (nominal) between the two coders, per field.

    Columns: ``field, n`` (sentences both coders labelled), ``agreement`` (share with
    the same label), ``alpha``, ``n_disagree``.
    """
    import krippendorff
    import numpy as np

    rec = load() if rec is None else rec
    s = rec.sentences
    rows = []
    for f in FIELDS:
        a, b = s[f"coder_a_{f}"], s[f"coder_b_{f}"]
        both = (a != "") & (b != "")
        a, b = a[both].to_numpy(), b[both].to_numpy()
        if len(a) == 0:
            rows.append({"field": f, "n": 0, "agreement": float("nan"), "alpha": float("nan"), "n_disagree": 0})
            continue
        cats = sorted(set(a) | set(b))
        code = {c: i for i, c in enumerate(cats)}
        data = np.array([[code[x] for x in a], [code[x] for x in b]], dtype=float)
        alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")) if len(cats) > 1 else float("nan")
        rows.append({"field": f, "n": int(len(a)), "agreement": float((a == b).mean()), "alpha": alpha,
                     "n_disagree": int((a != b).sum())})
    return pd.DataFrame(rows, columns=["field", "n", "agreement", "alpha", "n_disagree"])


__all__ = ["normalise_sentence", "sentence_hash", "segment", "Segment", "half_year", "draw_split", "Record", "load",
           "test_rounds",
           "agreement", "TONES", "VOICES", "DYAD_CODES", "SPLITS"]
