"""``araz import SOURCE... --into DIR``: the command line of :func:`araz.ingest.import_sources`."""
from __future__ import annotations

import sys

import pandas as pd


def format_report(report: pd.DataFrame, width: int = 60) -> str:
    """The report as a plain-text table (long cells shortened to ``width`` characters)."""
    if report.empty:
        return "(no documents)"
    cut = report[["status", "doc_id", "published", "language", "source", "message"]].astype(str)
    cut = cut.apply(lambda col: col.map(lambda s: s if len(s) <= width else s[: width - 1] + "…"))
    return cut.to_string(index=False)


def _run(args) -> int:
    from .importer import import_sources

    report = import_sources(args.sources, args.into, outlet=args.outlet, perspective=args.perspective,
                            licence=args.licence, timeout=args.timeout, delay=args.delay, progress=None)
    print(format_report(report))
    counts = report["status"].value_counts()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("imported", "near-duplicate", "duplicate", "error"))
    print(f"\n{summary} → {args.into}")
    errors = report[report["status"] == "error"]
    for msg in errors["message"]:
        print(f"error: {msg}", file=sys.stderr)
    if len(errors):
        print(f"FAILED: {len(errors)} source{'s' if len(errors) != 1 else ''} could not be imported (everything else was); "
              "see the messages above.", file=sys.stderr)
        return 1
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help="import saved pages, URLs, feeds and PDFs into a corpus folder",
        description="Read saved web pages (.html, or folders of them), http(s) URLs (or a .txt list of them), "
                    "RSS/Atom feeds, PDFs and .txt/.md files; write one front-matter document per article into "
                    "--into with its provenance, language and date evidence. Duplicates are not written again; "
                    "reprints are marked near_duplicate_of. Exit 1 if any source failed (after importing the rest).")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, a folder, a URL, a feed or a .txt list of URLs")
    p.add_argument("--into", required=True, metavar="DIR", help="the corpus folder to write into (created if missing)")
    p.add_argument("--outlet", help="outlet for pages that do not name their site")
    p.add_argument("--perspective", help="perspective for documents that do not say (e.g. 'Iranian media')")
    p.add_argument("--licence", help="licence for documents that do not say")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a web server (default 20)")
    p.add_argument("--delay", type=float, default=1.0, help="least seconds between two requests to one host (default 1)")
    p.set_defaults(func=_run)
