"""``araz brief``: build a cited briefing note from the command line.

    araz brief [CORPUS] --topic "Araghchi's December 2025 visit to Baku" \\
        --from 2025-12-01 --to 2025-12-31 [--actor ID ...] [--corridor ID ...] [--outlet NAME ...] \\
        [--notes FILE.md] --format md|html|pdf --out PATH

Every bad argument (unknown actor, corridor or outlet; end before start; a scope with no
documents; a notes citation that does not resolve; an --out that cannot be written) is
reported in one message naming what is wrong, with exit status 1, and nothing is written at
``--out``: the note goes to a temporary file in the same folder and is renamed into place
only when complete.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

FORMATS = ("md", "html", "pdf")
SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def _built_date(value: str | None) -> dt.date:
    from ..errors import ScopeError

    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ScopeError(f"--built '{value}' is not a date; write YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible builds convention
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def run(args) -> int:
    """Build the note described by ``args`` and write it; return the exit status."""
    from ..corpus import load_corpus
    from ..dates import parse_bound
    from ..errors import ArazError, ScopeError
    from . import build_brief
    from ._render import check_writable, write_atomic

    fmt = args.format
    if fmt is None and args.out:
        fmt = SUFFIX.get(Path(args.out).suffix.lower())
    if fmt is None:
        raise ScopeError("say which format to write: --format md, html or pdf (or give --out a .md/.html/.pdf name)")
    if fmt == "pdf" and not args.out:
        raise ScopeError("--format pdf needs --out FILE.pdf (a PDF is not written to the terminal)")
    # Check what can be checked before the slow work: dates, output place, notes file.
    parse_bound(args.start, first=True, name="--from")
    parse_bound(args.end, first=False, name="--to")
    if args.out:
        check_writable(args.out)
    notes = None
    if args.notes:
        path = Path(args.notes).expanduser()
        if not path.is_file():
            raise ArazError(f"--notes {args.notes}: no such file; give the path of a Markdown file with your assessment")
        notes = path
    corpus = load_corpus(args.corpus)
    brief = build_brief(corpus, topic=args.topic, start=args.start, end=args.end, actors=args.actor,
                        corridors=args.corridor, outlets=args.outlet, notes=notes, built=_built_date(args.built),
                        title=args.title)
    if fmt == "pdf":
        payload: bytes | str = brief.pdf_bytes(args.templates)
    elif fmt == "html":
        payload = brief.to_html(args.templates)
    else:
        payload = brief.to_markdown(args.templates)
    if not args.out:
        sys.stdout.write(payload)
        return 0
    out = write_atomic(args.out, payload)
    n_fn = len(brief.notes.footnotes) if brief.notes else 0
    print(f"Wrote {out} ({fmt}): {len(brief.documents)} document{'s' if len(brief.documents) != 1 else ''}, "
          f"{len(brief.key_points)} key points" + (f", {n_fn} notes citation{'s' if n_fn != 1 else ''} checked" if notes else "")
          + ".", file=sys.stderr)
    return 0


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``brief`` subcommand to the ``araz`` command."""
    p = subparsers.add_parser(
        "brief", help="build a cited briefing note (Markdown, HTML or PDF)",
        description="Build a briefing note from a corpus: key points quoted with citations, actors, corridors and "
                    "the 3+3 format, tone with n, where sources disagree, a timeline and the sources. Every citation "
                    "is checked; nothing is written at --out unless the whole note is built.",
        epilog="Example: araz brief --topic \"Araghchi's December 2025 visit to Baku\" --from 2025-12-01 --to 2025-12-31 "
               "--format pdf --out briefs/araghchi.pdf")
    p.add_argument("corpus", nargs="?", default=None, metavar="CORPUS",
                   help="a corpus folder (default: the shipped corpus)")
    p.add_argument("--topic", default=None, help="the question the note answers (its words also steer the key points)")
    p.add_argument("--title", default=None, help="the note's title (default: 'Briefing note: TOPIC')")
    p.add_argument("--from", dest="start", default=None, metavar="YYYY-MM-DD",
                   help="first publication date in scope (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="end", default=None, metavar="YYYY-MM-DD",
                   help="last publication date in scope (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--actor", action="append", default=None, metavar="ACTOR",
                   help="keep documents that mention this actor (id, label or alias; repeat for several)")
    p.add_argument("--corridor", action="append", default=None, metavar="CORRIDOR",
                   help="keep documents that mention this corridor (id, label or alias; repeat for several)")
    p.add_argument("--outlet", action="append", default=None, metavar="OUTLET",
                   help="keep documents of this outlet (repeat for several)")
    p.add_argument("--notes", default=None, metavar="FILE",
                   help="your assessment in Markdown, citing [[doc_id ¶p.s]] or [[doc_id ¶p.s | \"exact words\"]]")
    p.add_argument("--format", choices=FORMATS, default=None, help="md, html or pdf (default: from --out's suffix)")
    p.add_argument("--out", default=None, metavar="PATH", help="where to write the note (md/html default: the terminal)")
    p.add_argument("--built", default=None, metavar="YYYY-MM-DD",
                   help="the build date printed on the note (default: today, or SOURCE_DATE_EPOCH)")
    p.add_argument("--templates", default=None, metavar="DIR",
                   help="a folder with your own brief.md.j2 / brief.html.j2 / brief.css")
    p.set_defaults(func=run)
    return p
