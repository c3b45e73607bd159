"""Measure person recall of the gazetteer on held-out public articles.

The test set is ``data/gazetteer/recall_articles.csv``: one row per person named in an article
that was *not* used to build the gazetteer's person entries (split by article; see
``data/gazetteer/README.md``). The repository holds no article text: give the folder where
the excerpts were saved, one ``<article_id>.txt`` per article (read with the search tool and
kept outside the repository)::

    .venv/bin/python tools/gazetteer/measure_recall.py /work/scratch/content/heldout
    .venv/bin/python tools/gazetteer/measure_recall.py /work/scratch/content/heldout --exclude ali-alizada

A person counts as found when the matcher finds, anywhere in the excerpt, a mention of the
gazetteer entity the row names (``entity_id``); a row without ``entity_id`` (a person the
gazetteer deliberately does not list) is a miss. Prints one line per article and the total.
``--exclude ENTITY_ID ...`` leaves out the rows of those entities altogether (from the count of
people named as well as found): the way to report recall without people who were added to the
gazetteer after the held-out article that names them had been read, which would otherwise flatter
the figure.
To measure another version of the gazetteer, run the script with that checkout's ``src`` on
``PYTHONPATH`` (the gazetteer is read from the package's data folder).
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "data" / "gazetteer" / "recall_articles.csv"


def measure(folder: Path, table: Path = TABLE, exclude: frozenset[str] | set[str] = frozenset()
            ) -> list[tuple[str, str, int, int, list[str]]]:
    """Return (article_id, url, found, named, missed names) per article, in table order.

    Rows whose ``entity_id`` is in ``exclude`` are dropped before counting.
    """
    from araz import gazetteer

    rows = defaultdict(list)
    urls = {}
    with table.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            urls[r["article_id"]] = r["url"]
            if r["entity_id"] and r["entity_id"] in exclude:
                continue
            rows[r["article_id"]].append(r)
    known = set(gazetteer.entities()["entity_id"])
    out = []
    for aid, people in rows.items():
        path = folder / f"{aid}.txt"
        if not path.exists():
            raise SystemExit(f"{path}: no excerpt for article {aid} ({urls[aid]}); save its text there first")
        found_ids = set(gazetteer.find(path.read_text(encoding="utf-8"))["entity_id"])
        missed = [p["person"] for p in people if not (p["entity_id"] and p["entity_id"] in known and p["entity_id"] in found_ids)]
        out.append((aid, urls[aid], len(people) - len(missed), len(people), missed))
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-") or (len(argv) > 1 and (argv[1] != "--exclude" or len(argv) < 3)):
        print(__doc__.strip().splitlines()[0] + "\nusage: measure_recall.py EXCERPT_FOLDER [--exclude ENTITY_ID ...]",
              file=sys.stderr)
        return 2
    res = measure(Path(argv[0]), exclude=set(argv[2:]))
    for aid, url, found, named, missed in res:
        print(f"{aid}  {found}/{named}  {url}" + (f"  missed: {', '.join(missed)}" if missed else ""))
    f = sum(r[2] for r in res)
    n = sum(r[3] for r in res)
    left_out = f"  (rows of {', '.join(argv[2:])} left out)" if argv[2:] else ""
    print(f"total  {f}/{n} people found  recall {f / n:.2f}{left_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
