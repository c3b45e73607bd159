"""Roll-ups of the annotation tables: what the explorer's charts need, in far fewer rows.

**Per document** — made in DuckDB from each partition's annotation files, one file per
partition and roll-up:

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
again exactly when its annotation was redone.

**Per month x outlet** (:data:`MONTHLY`: ``tone_months``, ``actor_months``, ``corridor_months``,
``comention_months``) — made from the per-document roll-ups and the documents' outlet and dates,
**one file per year** (``annotations/<name>/year=YYYY/months.parquet``). Why per year, not per
partition: a partition is a slice of a year holding every outlet and month of it, so per
partition the same (month, outlet, entity) keys repeat in each of a year's ~50 partitions at
10^6 articles — measured on one year there: co-mention rows 3.1 M per partition files vs
0.24 M in one year file, actor rows 1.07 M vs 0.07 M. The explorer reads ~10^5-10^6 rows instead
of ~10^7. **Incremental**: a year's file records its partitions and their inputs; adding
articles re-sums only the years they fall in, from those years' per-document roll-ups (nothing
is re-annotated, other years are not touched; ~1-2 CPU-s per 140,000-article year). Memory: DuckDB
streams the year's files into one hash table of the roll-up's own rows (bounded by outlets x
months x entities, not by the number of articles).

:func:`araz.store.annotate` calls :func:`rollup` at the end of every run.
"""
from __future__ import annotations

import hashlib
from itertools import groupby
from pathlib import Path

import duckdb

from .layout import Partition, check_root, partitions, read_meta, write_table

#: mentions per (document, entity): the same query for actors and for corridors
_ENTITY_DOCS = """
        SELECT doc_id, entity_id, any_value(label) AS label, any_value(entity_type) AS entity_type, count(*) AS n
        FROM read_parquet(?) GROUP BY doc_id, entity_id ORDER BY doc_id, entity_id"""

ROLLUPS = {
    "tone_docs": ("tone", """
        SELECT doc_id, voice, count(*) AS n, sum(coop) AS coop, sum(conf) AS conf, sum(score) AS score_sum,
               sum(score * score) AS score_sq, count(*) FILTER (label = 'coop') AS n_coop,
               count(*) FILTER (label = 'conf') AS n_conf, count(*) FILTER (label = 'mixed') AS n_mixed,
               count(*) FILTER (label = 'neutral') AS n_neutral, sum(labelling) AS labelling
        FROM read_parquet(?) GROUP BY doc_id, voice ORDER BY doc_id, voice"""),
    "actor_docs": ("actors", _ENTITY_DOCS),
    "corridor_docs": ("corridors", _ENTITY_DOCS),
    "comention_docs": ("actors", """
        WITH u AS (SELECT DISTINCT doc_id, paragraph, sentence, entity_id FROM read_parquet(?))
        SELECT a.doc_id, a.entity_id AS source, b.entity_id AS target, count(*) AS weight,
               min({'p': a.paragraph, 's': a.sentence}) AS first
        FROM u a JOIN u b ON a.doc_id = b.doc_id AND a.paragraph = b.paragraph AND a.sentence = b.sentence
                          AND a.entity_id < b.entity_id
        GROUP BY a.doc_id, a.entity_id, b.entity_id ORDER BY a.doc_id, source, target"""),
}

# ---- month x outlet roll-ups, made from the per-document ones and the documents, per year ----
# Their first parameter is the year's documents files, the second its source files. Every row
# carries ``published_start`` and ``published_end`` chosen so that araz.store.queries._filters
# gives, on the row, the answer it gives on each of the row's documents whenever the window is
# whole months (see araz.store.queries._monthly).
_MONTH = "CAST(date_trunc('month', {col}) AS DATE)"
_DOCS = f"""SELECT doc_id, outlet, perspective, date_estimate, published_start AS ps, published_end AS pe,
                   {_MONTH.format(col='published_start')} AS m0, {_MONTH.format(col='published_end')} AS m1
            FROM read_parquet(?)"""

#: mentions per month x outlet (actors and corridors alike), counted in the month of the
#: document's first possible date (as mention_counts does); published_start / published_end are
#: the first days of the months of its first and last possible dates
_ENTITY_MONTHS = f"""
        WITH d AS ({_DOCS})
        SELECT d.outlet, d.perspective, m0 AS published_start, m1 AS published_end, a.entity_id, a.label,
               a.entity_type, CAST(sum(a.n) AS BIGINT) AS n, count(*) AS n_docs,
               count(*) FILTER (d.date_estimate) AS n_estimated
        FROM read_parquet(?) a JOIN d USING (doc_id) GROUP BY ALL ORDER BY ALL"""

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
    "actor_months": ("actor_docs", _ENTITY_MONTHS),
    "corridor_months": ("corridor_docs", _ENTITY_MONTHS),
    # co-mentions: pairs per month x outlet, the weight and documents summed, the first example kept
    "comention_months": ("comention_docs", f"""
        WITH d AS ({_DOCS})
        SELECT d.outlet, d.perspective, m0 AS published_start, m1 AS published_end, c.source, c.target,
               CAST(sum(c.weight) AS BIGINT) AS weight, count(*) AS n_docs,
               min({{'d': c.doc_id, 'p': c.first.p, 's': c.first.s}}) AS first
        FROM read_parquet(?) c JOIN d USING (doc_id) GROUP BY ALL ORDER BY ALL"""),
}
ROLLUPS.update(MONTHLY)
YEAR_FILE = "months.parquet"


def year_file(root: Path, name: str, year: int) -> Path:
    """Where the month x outlet roll-up ``name`` of ``year`` lives."""
    return root / "annotations" / name / f"year={year}" / YEAR_FILE


def rollup(store, names=None) -> dict[str, list[str]]:
    """Make the missing or stale roll-ups (all, or ``names``); return what was made per roll-up
    (partition keys for the per-document ones, ``year=YYYY`` for the month x outlet ones)."""
    root = Path(check_root(store))
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                                 "threads": 1})
    done: dict[str, list[str]] = {}
    wanted = [n for n in ROLLUPS if names is None or n in names]
    parts = partitions(root)
    try:
        for part in parts:
            for name in wanted:
                if name in MONTHLY:
                    continue
                source, sql = ROLLUPS[name]
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
        for year, group in groupby(parts, key=lambda p: p.year):
            group = list(group)
            for name in wanted:
                if name in MONTHLY and _year(con, root, name, year, group):
                    done.setdefault(name, []).append(f"year={year}")
    finally:
        con.close()
    return done


def _year(con, root: Path, name: str, year: int, parts: list[Partition]) -> bool:
    """(Re)make the month x outlet roll-up ``name`` of ``year`` when its partitions or their
    inputs changed; skip a year with a partition not rolled up per document yet."""
    source, sql = MONTHLY[name]
    inputs = []
    for p in parts:
        meta = read_meta(p.annotation(root, source))
        if meta is None:
            return False
        inputs.append(f"{p.key}\0{meta.get('input')}")
    digest = hashlib.sha256("\n".join(inputs).encode()).hexdigest()
    dst = year_file(root, name, year)
    old = read_meta(dst)
    if old is not None and old.get("input") == digest:
        return False
    table = con.sql(sql, params=[[str(p.file(root, "documents")) for p in parts],
                                 [str(p.annotation(root, source)) for p in parts]]).to_arrow_table()
    write_table(dst, table, {"year": year, "partitions": [p.key for p in parts], "input": digest})
    return True


def tone_docs(store) -> list[str]:
    """Only the tone roll-up (see :func:`rollup`)."""
    return rollup(store, ["tone_docs"]).get("tone_docs", [])


def complete(root: Path, name: str = "tone_docs") -> bool:
    """True when every partition has the roll-up ``name``, written after its source file (for a
    month x outlet roll-up: every year has its file, made from exactly the year's partitions,
    after each of their sources).

    File times, not the hashes inside the files: a stat per file instead of a Parquet footer
    read (1.9 s → ~0.05 s at 10^6 articles, on every connection). Files are only ever replaced
    whole (a rename), so a source redone after its roll-up is newer than it. The year files'
    partition lists are read from their footers (one per year).
    """
    source = ROLLUPS[name][0]
    parts = partitions(root)
    try:
        if name not in MONTHLY:
            return all(p.annotation(root, name).stat().st_mtime_ns >= p.annotation(root, source).stat().st_mtime_ns
                       for p in parts)
        for year, group in groupby(parts, key=lambda p: p.year):
            group = list(group)
            dst = year_file(root, name, year)
            made = dst.stat().st_mtime_ns
            if any(p.annotation(root, source).stat().st_mtime_ns > made for p in group):
                return False
            if (read_meta(dst) or {}).get("partitions") != [p.key for p in group]:
                return False
    except OSError:
        return False
    return True
