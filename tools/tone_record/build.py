"""Build data/tone_record/ (articles, sentence hashes, labels, features) from article texts.

The texts are read from local folders (``<article_id>.txt``, one paragraph per line) or,
with ``--fetch``, re-fetched from each article's URL (needs internet; trafilatura). They
are split with araz's own splitter (:func:`araz.tone.record.segment`); each sentence's
position, sha1 and features (:func:`araz.tone.features.compute`) are written; labels
are attached by item id (``R012-3.2`` → article, paragraph, sentence via ``items.csv``)
and checked against the sentence's hash. Nothing of the text is written.

The word cues learned from the record (measure v3, :mod:`araz.tone.learned`) are made here too,
because they need the texts: the lexicon learned on every coded ``dev`` sentence is written to
``data/lexicons/learned_words.csv`` (words, counts, weights), and ``sentence_features.csv`` gets
each dev sentence's learned features out of fold (never from its own article; per CV fold ``k``
also without fold ``k``: columns ``lex<k>_…``), and every other sentence's from the full lexicon.

Typical runs::

    # from the collectors' scratch folder, with the coders' and the adjudicated labels
    .venv/bin/python tools/tone_record/build.py --scratch /work/scratch/tone_record \\
        --coder-a coding/coder1/*.csv --coder-b coding/coder2/*.csv --final adjudicated.csv

    # a user with internet: re-fetch the pages and check the shipped hashes still match
    .venv/bin/python tools/tone_record/build.py --fetch --check

    # a new held-out test set (round 2): articles not yet in the shipped articles.csv become
    # `test`; every shipped article keeps its split, its test_round and (by hash) its labels
    .venv/bin/python tools/tone_record/build.py --scratch /work/scratch/tone_record --new-split test \
        --items items.csv NEW_items.csv --coder-a NEW_coder1/*.csv --coder-b NEW_coder2/*.csv --final NEW_final.csv

    # a test round that has been looked at joins development (round 2, 2026-12-04): its articles
    # become `dev` (keeping test_round), and test_rounds.csv says so in `afterwards`
    .venv/bin/python tools/tone_record/build.py --texts DIR_A/texts DIR_B/texts ... --merge-round 2 \
        --afterwards "merged into dev on 2026-12-04 (round 3 is a new test set)"

Splits are kept once set (``articles.csv``); an article seen for the first time gets the
split of ``--new-split`` or, without it, the seeded draw of :func:`araz.tone.record.draw_split`.
A shipped article keeps its metadata as the repository has it (the shipped ``articles.csv``
is read first and wins over ``--scratch``/``--articles`` rows of the same ``article_id``).
Labels already in the shipped ``sentences.csv`` are kept for every sentence whose position
and hash are unchanged and that the given label files do not label (``--no-keep-labels``
to drop them), so a new round needs only the new coders' files.

Exit status 1 when a label points to a sentence that is not there, or (``--check``)
when fewer than ``--min-match`` of the shipped hashes are found again.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402

import numpy as np  # noqa: E402

from araz.tables import schema  # noqa: E402
from araz.tone import features as F  # noqa: E402
from araz.tone import learned as LW  # noqa: E402
from araz.tone import record as R  # noqa: E402

SCHEMA_ORDER = [f["name"] for f in schema("sentence_features")["fields"]]

ARTICLE_COLUMNS = ["article_id", "url", "outlet", "side", "published", "date_evidence", "title", "title_evidence",
                   "notes", "split", "test_round"]
LABEL_COLUMNS = [f"{c}_{f}" for c in R.CODERS for f in R.FIELDS] + list(R.FIELDS) + ["reason"]


def read_articles(scratch: Path | None, extra: list[Path]) -> pd.DataFrame:
    files = list(extra)
    if scratch:
        files += sorted(scratch.glob("collect_*/articles.csv"))
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    if not frames:
        raise SystemExit("no articles: pass --scratch or --articles, or keep data/tone_record/articles.csv")
    df = pd.concat(frames, ignore_index=True).drop_duplicates("article_id", keep="first")
    for col in ("date_evidence", "title_evidence", "notes"):
        if col in df:
            df[col] = df[col].map(cap_quotes)
    return df


_QUOTED = re.compile(r"(?<![A-Za-z])'([^']+)'|\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")
#: words of an article a metadata cell may quote (date evidence, notes): the repository holds no article text
MAX_QUOTED_WORDS = 3


def cap_quotes(cell: str, max_words: int = MAX_QUOTED_WORDS) -> str:
    """Cut every quotation inside a metadata cell to its first ``max_words`` words + "…".

    >>> cap_quotes("estimate: says Tehran 'will host the second meeting on Monday'")
    "estimate: says Tehran 'will host the…'"
    """
    def cut(m: re.Match) -> str:
        q = next(g for g in m.groups() if g is not None)
        words = q.split()
        if len(words) <= max_words:
            return m.group(0)
        return m.group(0)[0] + " ".join(words[:max_words]) + "…" + m.group(0)[-1]

    return _QUOTED.sub(cut, cell)


def read_texts(scratch: Path | None, folders: list[Path]) -> dict[str, str]:
    dirs = list(folders) + (sorted(scratch.glob("collect_*/texts")) if scratch else [])
    out = {}
    for d in dirs:
        for p in sorted(d.glob("*.txt")):
            out.setdefault(p.stem, p.read_text(encoding="utf-8"))
    return out


def fetch_texts(articles: pd.DataFrame, have: dict[str, str]) -> dict[str, str]:
    """Re-fetch the pages of articles without a local text (trafilatura: main text, one paragraph a line)."""
    import trafilatura

    out = dict(have)
    for aid, url in zip(articles["article_id"], articles["url"]):
        if aid in out:
            continue
        html = trafilatura.fetch_url(url)
        text = trafilatura.extract(html, include_comments=False, include_tables=False) if html else None
        if text:
            out[aid] = text
        else:
            print(f"could not fetch {aid}: {url}", file=sys.stderr)
    return out


def canonical_dyad(d: str) -> str:
    """Spelling only: 'none' in lower case, codes in upper case, a mutual pair in alphabetical
    order as the codebook asks (IRN=AZE -> AZE=IRN). The label itself is never changed."""
    d = d.strip().replace(" ", "")
    if d.lower() == "none":
        return "none"
    d = d.upper()
    if "=" in d:
        a, _, b = d.partition("=")
        return "=".join(sorted((a, b)))
    return d


def read_labels(files: list[Path], reason_col: str | None = None) -> dict[str, dict]:
    """item_id -> {tone, voice, dyad[, reason]} from coder CSVs (item_id,tone,voice,dyad,note)."""
    out = {}
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                iid = (row.get("item_id") or "").strip()
                if not iid:
                    continue
                rec = {k: (row.get(k) or "").strip() for k in R.FIELDS}
                rec = {"tone": rec["tone"].lower(), "voice": rec["voice"].lower(), "dyad": canonical_dyad(rec["dyad"])}
                if reason_col:
                    rec["reason"] = cap_quotes((row.get("reason") or row.get("note") or "").strip())  # no article text
                out[iid] = rec
    return out


def build(articles: pd.DataFrame, texts: dict[str, str], items: pd.DataFrame | None, coder_a: dict, coder_b: dict,
          final: dict, *, old_split: dict[str, str], redraw: bool, new_split: str | None = None,
          old_round: dict[str, str] | None = None, old_labels: dict | None = None) -> tuple:
    """articles, sentences, features, problems, and the sentence texts (in memory only) in sentence order.

    ``old_split`` (article_id -> dev/test) keeps the shipped splits; an article not in it gets
    ``new_split`` when given, else the seeded draw (``redraw`` draws every article again).
    ``old_round`` keeps each article's ``test_round`` (its history as a test article).
    ``old_labels`` ((article_id, paragraph, sentence, sha1) -> label columns) are kept for
    sentences that no label file labels, so an unchanged sentence keeps its labels.
    """
    problems: list[str] = []
    if new_split is not None and new_split not in R.SPLITS:
        raise ValueError(f"new_split must be one of {R.SPLITS}, not {new_split!r}")
    articles = articles[articles["article_id"].isin(texts)].copy()
    for c in ARTICLE_COLUMNS:
        if c not in articles:
            articles[c] = ""
    drawn = R.draw_split(articles)
    articles["split"] = [drawn[i] if redraw else old_split[aid] if aid in old_split
                         else (new_split or drawn[i]) for i, aid in zip(articles.index, articles["article_id"])]
    old_round = old_round or {}
    articles["test_round"] = [old_round.get(aid, "") or (r if isinstance(r, str) else "")
                              for aid, r in zip(articles["article_id"], articles["test_round"])]
    articles = articles[ARTICLE_COLUMNS].sort_values(["published", "article_id"], ignore_index=True)
    rows, feats_in = [], []
    for aid in articles["article_id"]:
        for seg in R.segment(texts[aid]):
            rows.append({"article_id": aid, "paragraph": seg.paragraph, "sentence": seg.sentence,
                         "sha1": R.sentence_hash(seg.text), **{c: "" for c in LABEL_COLUMNS}})
            feats_in.append(seg.text)
    sent = pd.DataFrame(rows)
    keyed = {(r["article_id"], r["paragraph"], r["sentence"]): i for i, r in enumerate(rows)}
    if items is not None:
        for it in items.itertuples(index=False):
            key = (it.article_id, int(it.paragraph), int(it.sentence))
            labelled = it.item_id in coder_a or it.item_id in coder_b or it.item_id in final
            if key not in keyed:
                if labelled:
                    problems.append(f"{it.item_id}: {key} is not a sentence of the text")
                continue
            i = keyed[key]
            if R.sentence_hash(it.text) != sent.at[i, "sha1"]:
                problems.append(f"{it.item_id}: the coded sentence differs from the text at {key}")
                continue
            for who, src in (("coder_a", coder_a), ("coder_b", coder_b)):
                for f in R.FIELDS:
                    sent.at[i, f"{who}_{f}"] = src.get(it.item_id, {}).get(f, "")
            fin = final.get(it.item_id)
            for f in R.FIELDS:
                a, b = sent.at[i, f"coder_a_{f}"], sent.at[i, f"coder_b_{f}"]
                sent.at[i, f] = (fin or {}).get(f) or (a if a and a == b else "")
            sent.at[i, "reason"] = (fin or {}).get("reason", "")
    if old_labels:
        for i, r in enumerate(rows):
            if any(sent.at[i, c] for c in LABEL_COLUMNS):
                continue
            kept = old_labels.get((r["article_id"], r["paragraph"], r["sentence"], r["sha1"]))
            if kept:
                for c in LABEL_COLUMNS:
                    sent.at[i, c] = kept.get(c, "")
    groups = sent["article_id"].tolist()
    feats = F.compute(feats_in, groups=groups, paragraphs=sent["paragraph"].tolist(), learned=False)
    lex, learned_cols = learned_features(articles, sent, feats_in)
    for c in learned_cols.columns:
        feats[c] = learned_cols[c].to_numpy()
    feats.insert(0, "sentence", sent["sentence"].to_numpy())
    feats.insert(0, "paragraph", sent["paragraph"].to_numpy())
    feats.insert(0, "article_id", groups)
    feats["question"] = feats["question"].map({True: "true", False: "false"})
    order = [c for c in SCHEMA_ORDER if c in feats] + [c for c in feats if c not in SCHEMA_ORDER]
    feats = feats[order]
    feats.attrs["learned_lexicon"] = lex   # written by main() as data/lexicons/learned_words.csv
    return articles, sent, feats, problems, feats_in


def learned_features(articles: pd.DataFrame, sent: pd.DataFrame, texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The learned word lexicon (:mod:`araz.tone.learned`) and its per-sentence columns.

    The lexicon is learned from the coded sentences of every ``dev`` article. Those sentences get
    out-of-fold values (:func:`araz.tone.learned.out_of_fold`: never from a lexicon that saw their
    own article; per outer fold ``k`` also without fold ``k``), so the cross-validation can run from
    the stored columns alone. Every other sentence (test part, not yet coded) gets the values of the
    lexicon learned on all dev sentences, as a user's corpus does; its ``fold`` is -1.
    """
    dev = set(articles.loc[articles["split"] == "dev", "article_id"])
    coded = ((sent["tone"] != "") & sent["article_id"].isin(dev)).to_numpy()
    idx = np.flatnonzero(coded)
    labels = sent["tone"].to_numpy()[idx]
    groups = sent["article_id"].to_numpy()[idx]
    if len(set(labels)) >= 2:
        lex = LW.learn([texts[i] for i in idx], labels, groups)
    else:
        lex = pd.DataFrame(columns=LW.WORD_COLUMNS)
    feats = list(LW.LEARNED_FEATURES)
    percol = [c.replace("lex_", f"lex{k}_") for k in range(LW.N_FOLDS) for c in feats]
    out = pd.DataFrame(0.0, index=range(len(sent)), columns=[*feats, "lex_words", "fold", *percol])
    out["lex_words"], out["fold"] = "", -1
    rest = np.flatnonzero(~coded)
    if len(rest):
        r = LW.apply(lex, [texts[i] for i in rest])
        out.loc[rest, [*feats, "lex_words"]] = r[[*feats, "lex_words"]].to_numpy()
        for k in range(LW.N_FOLDS):
            out.loc[rest, [c.replace("lex_", f"lex{k}_") for c in feats]] = r[feats].to_numpy()
    if len(set(labels)) >= 2:
        o = LW.out_of_fold([texts[i] for i in idx], labels, groups)
        out.loc[idx, o.columns] = o.to_numpy()
    out["fold"] = out["fold"].astype(int)
    return lex, out


def check(shipped: Path, sent: pd.DataFrame, min_match: float, texts: list[str] | None = None,
          aligned: Path | None = None) -> int:
    """Compare freshly built hashes with the shipped ones: how many labelled sentences are found again.

    With ``aligned``, also write (on the user's machine, never into the repository) the
    shipped labels beside the re-fetched sentence each hash points to.
    """
    old = pd.read_csv(shipped / "sentences.csv", dtype=str, keep_default_na=False)
    if aligned is not None and texts is not None:
        by_hash = dict(zip(sent["sha1"], texts))
        out = old.assign(text=old["sha1"].map(by_hash).fillna(""))
        out.to_csv(aligned, index=False)
        print(f"labels with the re-fetched sentences written to {aligned} (keep it out of the repository)")
    new = set(sent["sha1"])
    found = old["sha1"].isin(new)
    share = float(found.mean()) if len(old) else 1.0
    print(f"{int(found.sum())} of {len(old)} shipped sentence hashes found again ({share:.0%})")
    per = old.assign(found=found).groupby("article_id")["found"].mean()
    for aid, v in per[per < 1].items():
        print(f"  {aid}: {v:.0%} of its sentences found (the page may have changed)")
    return 0 if share >= min_match else 1


def merge_round(old_split: dict[str, str], old_round: dict[str, str], n: int, folder: Path, afterwards: str | None,
                *, write: bool = True) -> dict[str, str]:
    """Move the articles of test round ``n`` into development: a test set that has been scored
    and reported can no longer show how the next version of the measure does on unseen articles.

    Returns the new ``article_id -> split``; with ``write``, also sets ``afterwards`` of round ``n``
    in ``test_rounds.csv`` (default wording: merged into dev today, round n+1 is a new test set).
    Refuses a round that was never scored (it is not in ``test_rounds.csv``): an unscored test set
    is still unseen and must not be merged by accident.
    """
    from datetime import date

    ids = [aid for aid, r in old_round.items() if r == str(n)]
    rounds_path = folder / "test_rounds.csv"
    rounds = pd.read_csv(rounds_path, dtype=str, keep_default_na=False) if rounds_path.exists() else pd.DataFrame()
    if rounds.empty or not (rounds["round"] == str(n)).any() or not ids:
        raise SystemExit(f"test round {n} was never scored (no rows in {rounds_path} or no article with test_round {n}): "
                         "only a round that was looked at joins development")
    if write:
        note = afterwards or f"merged into dev on {date.today().isoformat()} (round {n + 1} is a new test set)"
        rounds.loc[rounds["round"] == str(n), "afterwards"] = note
        rounds.to_csv(rounds_path, index=False, lineterminator="\n")
    print(f"test round {n}: {len(ids)} articles merged into dev", file=sys.stderr)
    return {**old_split, **{aid: "dev" for aid in ids}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scratch", type=Path, help="folder with collect_*/articles.csv, collect_*/texts/, items.csv")
    ap.add_argument("--articles", type=Path, nargs="*", default=[], help="more article metadata CSVs")
    ap.add_argument("--texts", type=Path, nargs="*", default=[], help="more folders of <article_id>.txt")
    ap.add_argument("--items", type=Path, nargs="*", default=[],
                    help="items CSVs (item_id,code,article_id,paragraph,sentence,text,…); default: SCRATCH/items.csv")
    ap.add_argument("--coder-a", type=Path, nargs="*", default=[])
    ap.add_argument("--coder-b", type=Path, nargs="*", default=[])
    ap.add_argument("--final", type=Path, nargs="*", default=[], help="adjudicated labels: item_id,tone,voice,dyad,reason")
    ap.add_argument("--fetch", action="store_true", help="re-fetch texts missing locally from their URLs (internet)")
    ap.add_argument("--check", action="store_true", help="only compare with the shipped hashes; write nothing")
    ap.add_argument("--min-match", type=float, default=0.9)
    ap.add_argument("--aligned", type=Path, help="with --check: write the shipped labels beside the re-fetched sentences here")
    ap.add_argument("--redraw", action="store_true", help="draw the dev/test split again (normally kept once drawn)")
    ap.add_argument("--new-split", choices=R.SPLITS,
                    help="split for articles not yet in the shipped articles.csv (e.g. test for a new held-out set); "
                         "shipped articles keep theirs")
    ap.add_argument("--merge-round", type=int,
                    help="move the articles of this (already scored) test round into dev; they keep their test_round")
    ap.add_argument("--afterwards", help="with --merge-round: what test_rounds.csv says became of that round")
    ap.add_argument("--no-keep-labels", action="store_true",
                    help="do not keep the shipped labels of unchanged sentences that no label file labels")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "tone_record")
    ap.add_argument("--learned-out", type=Path,
                    help="where the learned word lexicon goes (default: data/lexicons/learned_words.csv when --out is "
                         "the shipped record, else OUT/learned_words.csv)")
    args = ap.parse_args(argv)
    if args.redraw and args.new_split:
        ap.error("--redraw draws every split again; it cannot be combined with --new-split")
    if args.afterwards and args.merge_round is None:
        ap.error("--afterwards goes with --merge-round")

    shipped = args.out
    old_articles = shipped / "articles.csv"
    # the shipped rows come first and win (drop_duplicates keeps the first): a shipped article keeps
    # its metadata as corrected in the repository; only articles not yet shipped are read from --scratch
    extra = ([old_articles] if old_articles.exists() else []) + list(args.articles)
    articles = read_articles(args.scratch, extra)
    old_split, old_round, old_labels = {}, {}, {}
    if old_articles.exists():
        o = pd.read_csv(old_articles, dtype=str, keep_default_na=False)
        old_split = dict(zip(o["article_id"], o.get("split", pd.Series("", index=o.index))))
        old_split = {k: v for k, v in old_split.items() if v in R.SPLITS}
        old_round = dict(zip(o["article_id"], o.get("test_round", pd.Series("", index=o.index))))
        if args.merge_round is not None:
            old_split = merge_round(old_split, old_round, args.merge_round, shipped, args.afterwards, write=not args.check)
    if (shipped / "sentences.csv").exists() and not args.no_keep_labels:
        old = pd.read_csv(shipped / "sentences.csv", dtype=str, keep_default_na=False)
        old_labels = {(r["article_id"], int(r["paragraph"]), int(r["sentence"]), r["sha1"]): {c: r[c] for c in LABEL_COLUMNS}
                      for r in old.to_dict("records")}
    texts = read_texts(args.scratch, args.texts)
    if args.fetch:
        texts = fetch_texts(articles, texts)
    items_paths = list(args.items) or ([args.scratch / "items.csv"] if args.scratch and (args.scratch / "items.csv").exists() else [])
    items = (pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in items_paths], ignore_index=True)
             .drop_duplicates("item_id", keep="first") if items_paths else None)
    a, s, f, problems, seg_texts = build(articles, texts, items, read_labels(args.coder_a), read_labels(args.coder_b),
                                         read_labels(args.final, reason_col="reason"), old_split=old_split,
                                         redraw=args.redraw, new_split=args.new_split, old_round=old_round,
                                         old_labels=old_labels)
    n_new = sum(aid not in old_split for aid in a["article_id"])
    if n_new and old_split:
        print(f"{n_new} article(s) not in the shipped articles.csv: split "
              f"{args.new_split or 'drawn (seeded)'}", file=sys.stderr)
    for p in problems:
        print("problem:", p, file=sys.stderr)
    if args.check:
        return check(shipped, s, args.min_match, seg_texts, args.aligned)
    shipped.mkdir(parents=True, exist_ok=True)
    a.to_csv(shipped / "articles.csv", index=False, lineterminator="\n")
    s.to_csv(shipped / "sentences.csv", index=False, lineterminator="\n")
    f.to_csv(shipped / "sentence_features.csv", index=False, lineterminator="\n", float_format="%.6g")
    learned_out = args.learned_out or (ROOT / "data" / "lexicons" / "learned_words.csv"
                                       if shipped.resolve() == (ROOT / "data" / "tone_record").resolve()
                                       else shipped / "learned_words.csv")
    LW.write(f.attrs["learned_lexicon"], learned_out)
    print(f"learned word lexicon ({len(f.attrs['learned_lexicon'])} words) written to {learned_out}")
    coded = (s["tone"] != "").sum()
    print(f"{len(a)} articles, {len(s)} sentences ({coded} with a final tone) written to {shipped}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
