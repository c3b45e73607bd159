"""A synthetic corpus for benchmarks: N articles recombined from the shipped corpus's sentences.

Every file is written in the **user-corpus format** (YAML front matter, then one paragraph
per line), so loading and validation are measured exactly as a user's folder would be.
Nothing here is a real article: outlets and authors are named ``Synthetic …`` and every
document says so in ``notes``. The same ``(n, seed)`` always gives byte-identical files.

    python -m benchmarks.generate 10000 /tmp/araz-10k --seed 0
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
STAMP = ".araz-bench-corpus.json"  # a dot-file: the corpus loader does not read it
PER_FOLDER = 1_000
FIRST_DAY = dt.date(2020, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)

# Synthetic outlets, each with one perspective; weights make a few outlets dominate,
# as in a real collection.
PERSPECTIVES = [
    "Iranian state media", "Iranian media (news report)", "Iranian media (opinion)",
    "Azerbaijani state media", "Azerbaijani media (news report)", "Azerbaijani media (opinion)",
    "Armenian media", "Russian media", "Turkish media", "international wire",
    "Western analysis", "think tank (regional)",
]
OUTLETS = [(f"Synthetic Outlet {i + 1:02d}", PERSPECTIVES[i % len(PERSPECTIVES)]) for i in range(24)]
OUTLET_WEIGHTS = [1.0 / (i + 1) ** 0.8 for i in range(len(OUTLETS))]
AUTHORS = [f"Synthetic Author {i + 1:03d}" for i in range(150)]
NOTE = ("Synthetic benchmark document: sentences recombined at random from the shipped corpus "
        "(benchmarks/generate.py); not a real article.")
LICENCE = "synthetic; sentences from the shipped corpus under their licences"


@dataclass(frozen=True)
class Pool:
    """The material articles are made of: body sentences (with word counts) and headings."""

    sentences: tuple[str, ...]
    words: tuple[int, ...]
    quotable: frozenset[int]  # indexes of sentences usable as date_evidence quotes
    headings: tuple[str, ...]


def shipped_pool() -> Pool:
    """The sentences and headings of the shipped corpus (``araz.load_corpus()``)."""
    import araz

    corpus = araz.load_corpus()
    paras = corpus.paragraphs
    heading_keys = set(zip(paras.loc[paras["is_heading"], "doc_id"], paras.loc[paras["is_heading"], "paragraph"]))
    sents = [
        t for d, p, t in corpus.sentences[["doc_id", "paragraph", "text"]].itertuples(index=False)
        if (d, p) not in heading_keys
    ]
    headings = paras.loc[paras["is_heading"], "text"].tolist()
    words = tuple(len(s.split()) for s in sents)
    quotable = frozenset(i for i, s in enumerate(sents) if '"' not in s and len(s) >= 30)
    return Pool(tuple(sents), words, quotable, tuple(headings))


def _q(value: str) -> str:
    """A single-quoted YAML scalar (always safe: ``'`` is doubled, no escapes exist)."""
    return "'" + value.replace("'", "''") + "'"


def _published(rng: random.Random) -> str:
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
    r = rng.random()
    if r < 0.70:
        return day.isoformat()
    if r < 0.80:
        return day.strftime("%Y-%m")
    if r < 0.83:
        return str(day.year)
    end = min(LAST_DAY, day + dt.timedelta(days=rng.randint(6, 120)))
    return f"{day.isoformat()}/{end.isoformat()}"


def article(i: int, rng: random.Random, pool: Pool, words: int = 700) -> tuple[str, str]:
    """Return ``(doc_id, file content)`` of synthetic article ``i``."""
    doc_id = f"synth-{i:06d}"
    target = max(200, int(rng.gauss(words - 35, words * 0.1)))  # the last paragraph overshoots by ~35
    n_pool = len(pool.sentences)
    paragraphs: list[str] = []
    chosen: list[int] = []
    total = 0
    while total < target:
        k = rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 4, 3, 1))[0]
        idx = [rng.randrange(n_pool) for _ in range(k)]
        if paragraphs and pool.headings and rng.random() < 0.08:
            paragraphs.append(pool.headings[rng.randrange(len(pool.headings))])
        paragraphs.append(" ".join(pool.sentences[j] for j in idx))
        chosen.extend(idx)
        total += sum(pool.words[j] for j in idx)
    text = "\n".join(paragraphs) + "\n"
    outlet, perspective = rng.choices(OUTLETS, weights=OUTLET_WEIGHTS)[0]
    first = pool.sentences[chosen[0]].split()
    title = f"Synthetic article {i}: " + " ".join(first[:8]).rstrip(".,;:")
    lines = [
        "---",
        f"doc_id: {doc_id}",
        f"title: {_q(title)}",
        f"outlet: {_q(outlet)}",
    ]
    if rng.random() < 0.4:
        lines.append(f"author: {_q(AUTHORS[rng.randrange(len(AUTHORS))])}")
    published = _published(rng)
    lines.append(f"published: {published}")
    if "/" in published:
        quotable = [j for j in chosen if j in pool.quotable]
        if quotable:
            quote = pool.sentences[quotable[0]]
            lines.append(f"date_evidence: {_q(chr(34) + quote + chr(34) + ' Reasoning (estimate): synthetic range.')}")
    lines += [
        f"perspective: {_q(perspective)}",
        "language: en",
        "url: unknown",
        f"licence: {_q(LICENCE)}",
        f"notes: {_q(NOTE)}",
    ]
    if rng.random() < 0.1:
        lines.append(f"sha256: {hashlib.sha256(text.encode('utf-8')).hexdigest()}")
    lines.append("---")
    return doc_id, "\n".join(lines) + "\n" + text


def _stamp(n: int, seed: int, words: int) -> dict:
    return {"n": n, "seed": seed, "words": words, "version": GENERATOR_VERSION}


def generate(folder, n: int = 10_000, *, seed: int = 0, words: int = 700, pool: Pool | None = None,
             reuse: bool = True, show_progress: bool | None = None) -> Path:
    """Write ``n`` synthetic articles under ``folder`` (in sub-folders of 1,000) and return it.

    Deterministic from ``seed``. With ``reuse``, a folder already holding the same
    ``(n, seed, words)`` corpus (its stamp file says so) is returned untouched.
    """
    from araz.progress import Progress

    folder = Path(folder)
    stamp = _stamp(n, seed, words)
    stamp_path = folder / STAMP
    if reuse and stamp_path.exists():
        try:
            if json.loads(stamp_path.read_text()) == stamp:
                return folder
        except (OSError, ValueError):
            pass
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pool = pool or shipped_pool()
    rng = random.Random(seed)
    with Progress(n, f"generate {n:,} articles", show=show_progress) as bar:
        for i in range(1, n + 1):
            doc_id, content = article(i, rng, pool, words)
            sub = folder / f"{(i - 1) // PER_FOLDER:03d}"
            if (i - 1) % PER_FOLDER == 0:
                sub.mkdir(exist_ok=True)
            with open(sub / f"{doc_id}.md", "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
            bar.update()
    stamp_path.write_text(json.dumps(stamp))
    return folder


def default_folder(n: int, seed: int = 0, words: int = 700) -> Path:
    """Where ``python -m benchmarks`` keeps the corpus of size ``n`` (under the temp folder)."""
    return Path(tempfile.gettempdir()) / "araz-bench" / f"corpus-n{n}-seed{seed}-w{words}-v{GENERATOR_VERSION}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, default=700)
    args = ap.parse_args(argv)
    folder = generate(args.folder or default_folder(args.n, args.seed, args.words), args.n, seed=args.seed, words=args.words)
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
