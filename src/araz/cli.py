"""The ``araz`` command: validate, stats, and the commands of the other modules.

    araz validate PATH           check a corpus folder; exit 1 when anything is wrong
    araz stats [PATH]            documents, sentences, words, dates and outlets
    araz brief [CORPUS] ...      build a cited briefing note (araz.briefing)
    araz grade DIR --out F.csv   grade submitted exercise notebooks (araz.exercises)
    araz index [PATH]            build the search index ahead of time (araz.search)
    araz serve [--corpus DIR]    the explorer and tone lab for a whole class (araz.serve)
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import ArazError

# Subcommands that live with their module: (module, function that adds the subparser).
EXTERNAL = {
    "brief": ("araz.briefing.cli", "register"),
    "grade": ("araz.exercises.grade", "register"),
    "import": ("araz.ingest.cli", "register"),
    "tone-record": ("araz.tone.cli", "register"),
    "serve": ("araz.serve", "register"),
    "store": ("araz.store.cli", "register"),
}


def _validate(args) -> int:
    from .validate import validate

    issues = validate(args.path)
    errors = [i for i in issues if i.severity == "error"]
    for issue in issues:
        print(issue, file=sys.stderr if issue.severity == "error" else sys.stdout)
    if errors:
        files = len({i.path for i in errors})
        print(f"FAILED: {len(errors)} problem{'s' if len(errors) != 1 else ''} in {files} file{'s' if files != 1 else ''}; fix them and run 'araz validate {args.path}' again.", file=sys.stderr)
        return 1
    from .validate import find_files

    n = len(find_files(args.path)[0])
    print(f"OK: {n} document{'s' if n != 1 else ''} in {args.path} are valid" + (f" ({len(issues)} warning{'s' if len(issues) != 1 else ''})" if issues else ""))
    return 0


def stats_table(corpus):
    """Return (summary dict, per-outlet DataFrame) for ``araz stats``."""
    docs = corpus.documents
    summary = {
        "documents": len(corpus),
        "paragraphs": len(corpus.paragraphs),
        "sentences": len(corpus.sentences),
        "words": int(docs["n_words"].sum()),
        "earliest": docs["published_start"].min().date().isoformat(),
        "latest": docs["published_end"].max().date().isoformat(),
        "estimated dates": int(docs["date_estimate"].sum()),
    }
    by_outlet = (docs.groupby(["outlet", "perspective"], dropna=False)
                 .agg(documents=("doc_id", "size"), words=("n_words", "sum"))
                 .reset_index().sort_values("documents", ascending=False))
    return summary, by_outlet


def _stats(args) -> int:
    from .corpus import load_corpus

    corpus = load_corpus(args.path)
    summary, by_outlet = stats_table(corpus)
    where = args.path or "the shipped corpus"
    print(f"Corpus: {where}")
    for k, v in summary.items():
        print(f"  {k:<16}{v}")
    print()
    print(by_outlet.to_string(index=False))
    return 0


def _index(args) -> int:
    from .corpus import load_corpus
    from .search import build_index, cache_dir

    corpus = load_corpus(args.path)
    build_index(corpus, cache=True)
    print(f"Indexed {len(corpus.sentences):,} sentences of {len(corpus):,} documents; "
          f"the index is cached in {cache_dir()} and reused while the corpus is unchanged.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="araz", description="Araz: a teaching and briefing kit on Iran–Azerbaijan relations.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a corpus folder and report every problem",
                       description="Check every .md/.txt document under PATH (front matter, dates, encoding, duplicates). Exit 1 when anything is wrong.")
    p.add_argument("path", help="a folder of documents, or one document")
    p.set_defaults(func=_validate)
    p = sub.add_parser("stats", help="size, dates and outlets of a corpus")
    p.add_argument("path", nargs="?", default=None, help="a corpus folder (default: the shipped corpus)")
    p.set_defaults(func=_stats)
    p = sub.add_parser("index", help="build the full-text search index ahead of time",
                       description="Build the SQLite FTS5 search index of a corpus and keep it on disk ($ARAZ_CACHE_DIR or ~/.cache/araz).")
    p.add_argument("path", nargs="?", default=None, help="a corpus folder (default: the shipped corpus)")
    p.set_defaults(func=_index)
    for name, (module, func) in EXTERNAL.items():
        try:
            mod = importlib.import_module(module)
        except ImportError:  # pragma: no cover - only while a module is being written
            continue
        getattr(mod, func)(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ArazError as exc:
        print(f"araz {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
