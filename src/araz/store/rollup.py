"""Per-document roll-ups of the annotation tables: what the explorer's charts need, in far fewer rows.

Made in DuckDB from each partition's annotation files, one file per partition and roll-up:

* ``tone_docs`` (from ``tone``): per (document, voice) the sentence count, the sums of
  ``coop``, ``conf``, ``score``, ``score²`` and ``labelling``, and the label counts —
  :func:`araz.store.queries.tone_over_time` then aggregates documents, not sentences (~15×
  fewer rows), with the same numbers: sums of sums, the mean as their ratio, the standard
  deviation from the sum of squares;
* ``actor_docs`` / ``corridor_docs`` (from ``actors`` / ``corridors``): per (document, entity)
  the number of mentions — :func:`~araz.store.queries.mention_counts` sums them;
* ``comention_docs`` (from ``actors``): per (document, pair of actors named in one sentence) the
  number of such sentences and the first one — :func:`~araz.store.queries.comentions` sums them
  instead of joining every mention with every other.

Each file records the input hash of the file it was made from, so a partition is rolled up
again exactly when its annotation was redone. :func:`araz.store.annotate` calls
:func:`rollup` at the end of every run.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .layout import check_root, partitions, read_meta, write_table

ROLLUPS = {
    "tone_docs": ("tone", """
        SELECT doc_id, voice, count(*) AS n, sum(coop) AS coop, sum(conf) AS conf, sum(score) AS score_sum,
               sum(score * score) AS score_sq, count(*) FILTER (label = 'coop') AS n_coop,
               count(*) FILTER (label = 'conf') AS n_conf, count(*) FILTER (label = 'mixed') AS n_mixed,
               count(*) FILTER (label = 'neutral') AS n_neutral, sum(labelling) AS labelling
        FROM read_parquet(?) GROUP BY doc_id, voice ORDER BY doc_id, voice"""),
    "actor_docs": ("actors", """
        SELECT doc_id, entity_id, any_value(label) AS label, any_value(entity_type) AS entity_type, count(*) AS n
        FROM read_parquet(?) GROUP BY doc_id, entity_id ORDER BY doc_id, entity_id"""),
    "corridor_docs": ("corridors", """
        SELECT doc_id, entity_id, any_value(label) AS label, any_value(entity_type) AS entity_type, count(*) AS n
        FROM read_parquet(?) GROUP BY doc_id, entity_id ORDER BY doc_id, entity_id"""),
    "comention_docs": ("actors", """
        WITH u AS (SELECT DISTINCT doc_id, paragraph, sentence, entity_id FROM read_parquet(?))
        SELECT a.doc_id, a.entity_id AS source, b.entity_id AS target, count(*) AS weight,
               min({'p': a.paragraph, 's': a.sentence}) AS first
        FROM u a JOIN u b ON a.doc_id = b.doc_id AND a.paragraph = b.paragraph AND a.sentence = b.sentence
                          AND a.entity_id < b.entity_id
        GROUP BY a.doc_id, a.entity_id, b.entity_id ORDER BY a.doc_id, source, target"""),
}


def rollup(store, names=None) -> dict[str, list[str]]:
    """Make the missing or stale roll-ups (all, or ``names``); return the partitions done per roll-up."""
    root = check_root(store)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                                 "threads": 1})
    done: dict[str, list[str]] = {}
    try:
        for part in partitions(Path(root)):
            for name, (source, sql) in ROLLUPS.items():
                if names is not None and name not in names:
                    continue
                meta = read_meta(part.annotation(root, source))
                if meta is None:
                    continue
                dst = part.annotation(root, name)
                old = read_meta(dst)
                if old is not None and old.get("input") == meta.get("input"):
                    continue
                table = con.sql(sql, params=[str(part.annotation(root, source))]).to_arrow_table()
                write_table(dst, table, {"partition": part.key, "input": meta.get("input")})
                done.setdefault(name, []).append(part.key)
    finally:
        con.close()
    return done


def tone_docs(store) -> list[str]:
    """Only the tone roll-up (see :func:`rollup`)."""
    return rollup(store, ["tone_docs"]).get("tone_docs", [])


def complete(root: Path, name: str = "tone_docs") -> bool:
    """True when every partition has the roll-up ``name``, written after its source file.

    File times, not the hashes inside the files: a stat per file instead of a Parquet footer
    read (1.9 s → ~0.05 s at 10^6 articles, on every connection). Files are only ever replaced
    whole (a rename), so a source redone after its roll-up is newer than it.
    """
    source = ROLLUPS[name][0]
    for part in partitions(root):
        try:
            src = part.annotation(root, source).stat().st_mtime_ns
            dst = part.annotation(root, name).stat().st_mtime_ns
        except OSError:
            return False
        if dst < src:
            return False
    return True
