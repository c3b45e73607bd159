"""``araz store``: build a store from a corpus folder, annotate it, describe it.

    araz store build CORPUS --to STORE [--chunk N]      write or extend a Parquet store
    araz store annotate STORE [--workers N | --scheduler ADDR] [--backend processes]
    araz store info STORE                               partitions, documents, annotations
"""
from __future__ import annotations

import sys


def _build(args) -> int:
    from .building import build

    r = build(args.corpus, args.to, chunk=args.chunk, progress=None)
    print(f"{r.store}: {r.added:,} article(s) added in {len(r.written)} new partition(s); "
          f"{r.unchanged:,} already there were skipped")
    return 0


def _annotate(args) -> int:
    from .annotation import annotate

    if args.workers is not None and args.scheduler:
        print("give --workers N (a local Dask cluster) or --scheduler ADDR (a running one), not both",
              file=sys.stderr)
        return 2
    r = annotate(args.store, workers=args.workers, scheduler=args.scheduler, backend=args.backend,
                 retries=args.retries, tables=args.tables.split(",") if args.tables else None,
                 **({"chunk_docs": args.chunk_docs} if args.chunk_docs else {}))
    rows = ", ".join(f"{k} {v:,}" for k, v in r.rows.items())
    print(f"{r.store}: {len(r.written)} partition(s) annotated, {len(r.skipped)} already done "
          f"({r.backend}, {r.seconds:.1f} s){'; rows: ' + rows if rows else ''}")
    return 0


def _info(args) -> int:
    from .annotation import ANNOTATIONS, is_done, version
    from .layout import check_root, partitions
    from .queries import overview

    root = check_root(args.store)
    parts = partitions(root)
    o = overview(root) if parts else {"documents": 0, "sentences": 0, "outlets": 0, "earliest": None, "latest": None}
    ver = version()
    done = sum(is_done(root, p, ver) for p in parts)
    print(f"{root}: {len(parts)} partition(s), {o['documents']:,} documents, {o['sentences']:,} sentences, "
          f"{o['outlets']} outlet(s), {o['earliest']} … {o['latest']}; annotated: {done}/{len(parts)} "
          f"({', '.join(ANNOTATIONS)})")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("store", help="a partitioned Parquet store for archives (araz.store)",
                              description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="store_command", required=True)
    b = sub.add_parser("build", help="write or extend a store from a corpus folder")
    b.add_argument("corpus", help="a folder of .md/.txt articles (the user-corpus format)")
    b.add_argument("--to", required=True, metavar="STORE", help="the store folder (new, or a store to extend)")
    b.add_argument("--chunk", type=int, default=20_000, help="articles read and split at once (memory bound)")
    b.set_defaults(func=_build)
    a = sub.add_parser("annotate", help="run every annotator on the partitions not done yet")
    a.add_argument("store")
    a.add_argument("--workers", type=int, help="a local Dask cluster of N worker processes")
    a.add_argument("--scheduler", metavar="ADDR", help="a running Dask scheduler, e.g. tcp://host:8786")
    a.add_argument("--backend", choices=["inline", "processes", "dask"],
                   help="inline (default without --workers), processes (local, no Dask) or dask")
    a.add_argument("--tables", help="only these annotation tables, comma-separated (default: all)")
    a.add_argument("--retries", type=int, default=2, help="retries per failed task (default 2)")
    a.add_argument("--chunk-docs", type=int, metavar="N",
                   help="articles per task: larger partitions are annotated in chunks (default 1,000)")
    a.set_defaults(func=_annotate)
    i = sub.add_parser("info", help="partitions, documents and annotation progress of a store")
    i.add_argument("store")
    i.set_defaults(func=_info)
