"""Measure person recall of the gazetteer on held-out public articles.

The test set is ``data/gazetteer/recall_articles.csv``: one row per person named in an article
that was *not* used to build the gazetteer's person entries (split by article; see
``data/gazetteer/README.md``). The repository holds no article text: give the folder where
the excerpts were saved, one ``<article_id>.txt`` per article (read with the search tool and
kept outside the repository)::

    .venv/bin/python tools/gazetteer/measure_recall.py /work/scratch/content/heldout

A person counts as found when the matcher finds, anywhere in the excerpt, a mention of the
gazetteer entity the row names (``entity_id``); a row without ``entity_id`` (a person the
gazetteer deliberately does not list) is a miss. Prints one line per article and the total.
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


def measure(folder: Path, table: Path = TABLE) -> list[tuple[str, str, int, int, list[str]]]:
    """Return (article_id, url, found, named, missed names) per article, in table order."""
    from araz import gazetteer

    rows = defaultdict(list)
    urls = {}
    with table.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows[r["article_id"]].append(r)
            urls[r["article_id"]] = r["url"]
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
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0] + "\nusage: measure_recall.py EXCERPT_FOLDER", file=sys.stderr)
        return 2
    res = measure(Path(argv[0]))
    for aid, url, found, named, missed in res:
        print(f"{aid}  {found}/{named}  {url}" + (f"  missed: {', '.join(missed)}" if missed else ""))
    f = sum(r[2] for r in res)
    n = sum(r[3] for r in res)
    print(f"total  {f}/{n} people found  recall {f / n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
