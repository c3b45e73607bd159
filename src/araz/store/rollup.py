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

# ---- month x outlet roll-ups, made from the per-document ones and the partition's documents ----
# Their first parameter is the partition's documents file, the second the source. Every row carries ``published_start`` and
# ``published_end`` chosen so that araz.store.queries._filters gives, on the row, the answer it
# gives on each of the row's documents whenever the window is whole months (see MONTHLY_DOC).
_MONTH = "CAST(date_trunc('month', {col}) AS DATE)"
_DOCS = f"""SELECT doc_id, outlet, perspective, date_estimate, published_start AS ps, published_end AS pe,
                   {_MONTH.format(col='published_start')} AS m0, {_MONTH.format(col='published_end')} AS m1
            FROM read_parquet(?)"""

MONTHLY = {
    # tone: the row of araz.store.queries.tone_over_time(freq='M') — a document inside one month
    # under that month's first and last day, one dated by a range across months under its own
    # range (so any coarser period can still be told apart exactly) — per outlet, perspective and
    # voice; ``all_voices`` rows hold the sums over every voice, so that n_docs counts each
    # document once (voice=None)
    "tone_months": ("tone_docs", f"""
        WITH d AS ({_DOCS}),
        t AS (SELECT doc_id, voice, FALSE AS all_voices, n, coop, conf, score_sum, score_sq, n_coop, n_conf,
                     n_mixed, n_neutral, labelling FROM read_parquet(?)),
        v AS (SELECT * FROM t UNION ALL
              SELECT doc_id, NULL, TRUE, sum(n), sum(coop), sum(conf), sum(score_sum), sum(score_sq), sum(n_coop),
                     sum(n_conf), sum(n_mixed), sum(n_neutral), sum(labelling) FROM t GROUP BY doc_id)
        SELECT d.outlet, d.perspective, v.voice, v.all_voices,
               CASE WHEN m0 = m1 THEN m0 ELSE ps END AS published_start,
               CASE WHEN m0 = m1 THEN CAST(m0 + INTERVAL 1 month - INTERVAL 1 day AS DATE) ELSE pe END AS published_end,
               bool_or(d.date_estimate) AS estimate, count(*) AS n_docs, CAST(sum(n) AS BIGINT) AS n,
               sum(coop) AS coop, sum(conf) AS conf, sum(score_sum) AS score_sum, sum(score_sq) AS score_sq,
               CAST(sum(n_coop) AS BIGINT) AS n_coop, CAST(sum(n_conf) AS BIGINT) AS n_conf,
               CAST(sum(n_mixed) AS BIGINT) AS n_mixed, CAST(sum(n_neutral) AS BIGINT) AS n_neutral,
               sum(labelling) AS labelling
        FROM v JOIN d USING (doc_id)
        GROUP BY ALL ORDER BY ALL"""),
    # mentions: counted in the month of the document's first possible date (as mention_counts
    # does); published_start / published_end are the first days of the months of its first and
    # last possible dates
    "actor_months": ("actor_docs", f"""
        WITH d AS ({_DOCS})
        SELECT d.outlet, d.perspective, m0 AS published_start, m1 AS published_end, a.entity_id, a.label,
               a.entity_type, CAST(sum(a.n) AS BIGINT) AS n, count(*) AS n_docs,
               count(*) FILTER (d.date_estimate) AS n_estimated
        FROM read_parquet(?) a JOIN d USING (doc_id) GROUP BY ALL ORDER BY ALL"""),
    "corridor_months": ("corridor_docs", f"""
        WITH d AS ({_DOCS})
        SELECT d.outlet, d.perspective, m0 AS published_start, m1 AS published_end, a.entity_id, a.label,
               a.entity_type, CAST(sum(a.n) AS BIGINT) AS n, count(*) AS n_docs,
               count(*) FILTER (d.date_estimate) AS n_estimated
        FROM read_parquet(?) a JOIN d USING (doc_id) GROUP BY ALL ORDER BY ALL"""),
    # co-mentions: pairs per month x outlet, the weight and documents summed, the first example kept
    "comention_months": ("comention_docs", f"""
        WITH d AS ({_DOCS})
        SELECT d.outlet, d.perspective, m0 AS published_start, m1 AS published_end, c.source, c.target,
               CAST(sum(c.weight) AS BIGINT) AS weight, count(*) AS n_docs,
               min({{'d': c.doc_id, 'p': c.first.p, 's': c.first.s}}) AS first
        FROM read_parquet(?) c JOIN d USING (doc_id) GROUP BY ALL ORDER BY ALL"""),
}
ROLLUPS.update(MONTHLY)


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
                src = [str(part.annotation(root, source))]
                if name in MONTHLY:  # these join the partition's documents (outlet, dates)
                    src = [str(part.file(root, "documents")), *src]
                table = con.sql(sql, params=src).to_arrow_table()
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
