"""Per-document sums of the sentence tone: what the tone-over-time charts need, 15× fewer rows.

``tone_docs(store)`` writes ``STORE/annotations/tone_docs/<partition>.parquet`` from each
partition's ``tone`` file, in DuckDB: one row per (document, voice) with the sentence count,
the sums of ``coop``, ``conf``, ``score``, ``score²`` and ``labelling``, and the label counts.
:func:`araz.store.queries.tone_over_time` then aggregates documents instead of sentences (a
first paint over 10^6 articles reads ~2·10^6 rows, not 3·10^7) and gets the same numbers: sums
of sums, the mean as their ratio, the standard deviation from the sum of squares.

Each file records the input hash of the ``tone`` file it was made from, so a partition is
rolled up again exactly when its tone was redone. :func:`araz.store.annotate` calls this at the
end of every run that wrote tone.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .layout import check_root, partitions, read_meta, write_table

SQL = """
SELECT doc_id, voice, count(*) AS n, sum(coop) AS coop, sum(conf) AS conf, sum(score) AS score_sum,
       sum(score * score) AS score_sq, count(*) FILTER (label = 'coop') AS n_coop,
       count(*) FILTER (label = 'conf') AS n_conf, count(*) FILTER (label = 'mixed') AS n_mixed,
       count(*) FILTER (label = 'neutral') AS n_neutral, sum(labelling) AS labelling
FROM read_parquet(?) GROUP BY doc_id, voice ORDER BY doc_id, voice
"""


def tone_docs(store) -> list[str]:
    """Roll up every partition whose ``tone`` file is newer than its roll-up; return their keys."""
    root = check_root(store)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                                 "threads": 1})
    done = []
    try:
        for part in partitions(Path(root)):
            src = part.annotation(root, "tone")
            meta = read_meta(src)
            if meta is None:
                continue
            dst = part.annotation(root, "tone_docs")
            old = read_meta(dst)
            if old is not None and old.get("input") == meta.get("input"):
                continue
            table = con.sql(SQL, params=[str(src)]).to_arrow_table()
            write_table(dst, table, {"partition": part.key, "input": meta.get("input")})
            done.append(part.key)
    finally:
        con.close()
    return done


def complete(root: Path) -> bool:
    """True when every partition with tone has its up-to-date roll-up."""
    for part in partitions(root):
        meta = read_meta(part.annotation(root, "tone"))
        if meta is None:
            return False
        old = read_meta(part.annotation(root, "tone_docs"))
        if old is None or old.get("input") != meta.get("input"):
            return False
    return True
