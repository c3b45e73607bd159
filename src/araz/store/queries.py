"""Aggregates over a store in DuckDB, straight from the Parquet files: nothing is loaded into pandas
but the (small) result.

* :func:`tone_over_time` — :func:`araz.tone.over_time`'s table (same rows, same numbers), plus a
  95 % interval of the mean sentence score per row;
* :func:`mention_counts` (and :func:`actor_counts`, :func:`corridor_counts`) — mentions and
  documents per entity, by period and/or outlet;
* :func:`comentions` — :func:`araz.actors.cooccurrence`'s weights (sentences or paragraphs
  naming both actors) and document counts;
* :func:`overview` — what the explorer's first screen shows: documents, sentences, outlets, dates.

Each takes a store path or :class:`~araz.store.reader.StoreCorpus`, and optional filters:
``outlets`` (list), ``start``/``end`` (ISO dates: documents whose possible dates overlap
the window). DuckDB reads only the columns a query names (the texts are never read for
counts) and runs on all cores; memory stays in the tens of MB per query at 10^6 articles.

**Roll-ups** (:mod:`araz.store.rollup`). Where the annotation has been rolled up, a query
reads the roll-up instead of the annotation table: per month x outlet when the filters are
outlets and whole months (:func:`_monthly`: 10^5-10^6 rows at 10^6 articles, 5-25 ms a
chart), else per document; the answers are the same (``tests/test_store_rollup.py``).

The explorer opened on a store should call these (and :mod:`araz.store.textsearch`) through
one :func:`connect` per session, which keeps the views and DuckDB's metadata cache warm.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..errors import ScopeError
from .annotation import ANNOTATIONS
from .layout import StoreError, check_root

_PERIODS = {"M": "month", "Q": "quarter", "Y": "year"}
_BY = ("outlet", "perspective", "author", "language", "doc_id")
VOICES = ("author", "quoted")
STAT_COLUMNS = ["n", "coop", "conf", "score", "n_coop", "n_conf", "n_mixed", "n_neutral", "labelling"]


def _root(store) -> Path:
    from .reader import StoreCorpus

    return store.root if isinstance(store, StoreCorpus) else Path(store)


def _view(name: str, folder: Path) -> str:
    glob = str(folder / "year=*" / "*.parquet").replace("'", "''")  # a view cannot take parameters
    # no union_by_name: every file of a table has one schema (empty annotation tables are written
    # with the shipped corpus's, araz.store.annotation._schemas), and unifying would read every
    # file's footer when the view is made (1.2 s per connection at 10^6 articles)
    return f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{glob}', hive_partitioning = true)"


def connect(store, *, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of the store (``documents``, ``paragraphs``,
    ``sentences``, and each annotation table written so far).

    Extensions are never downloaded (``autoinstall_known_extensions`` off): the kit runs offline.
    """
    if isinstance(store, duckdb.DuckDBPyConnection):
        return store
    root = check_root(_root(store))
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    con.execute("SET enable_progress_bar = false")  # the core prints nothing
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute("SET enable_object_cache = true")  # Parquet footers read once per connection
    for name in ("documents", "paragraphs", "sentences"):
        if not list((root / name).glob("year=*/*.parquet")):
            raise StoreError(f"{root}: the store has no {name} yet; add articles with 'araz store build CORPUS --to {root}'")
        con.execute(_view(name, root / name))
    from .rollup import ROLLUPS, complete

    for name in (*ANNOTATIONS, *ROLLUPS):
        if list((root / "annotations" / name).glob("year=*/*.parquet")):
            con.execute(_view(name, root / "annotations" / name))
    # which per-document roll-ups are complete and up to date (then read instead of the full tables)
    ready = {name: bool(complete(root, name)) for name in ROLLUPS}
    con.execute("CREATE TEMP TABLE araz_rollup AS SELECT " + ", ".join(f"{v} AS {k}" for k, v in ready.items())
                + f", {ready['tone_docs']} AS complete")
    # where the views read from (araz.store.textsearch prunes partitions by their date spans)
    con.execute("CREATE TEMP TABLE araz_store AS SELECT CAST(? AS VARCHAR) AS root", [str(root)])
    return con


def _rolled(con, name: str) -> bool:
    return bool(con.execute(f"SELECT {name} FROM araz_rollup").fetchone()[0])


def _whole_months(start, end) -> bool:
    """True when the window ``start``..``end`` is whole months (``start`` a first day, ``end`` a
    last day, either may be open): then the month x outlet roll-ups answer exactly."""
    if start is not None and pd.Timestamp(start).day != 1:
        return False
    return end is None or (pd.Timestamp(end).normalize() + pd.Timedelta(days=1)).day == 1


def _monthly(con, name: str, start, end) -> bool:
    """Read the month x outlet roll-up ``name`` (:data:`araz.store.rollup.MONTHLY`) for this window?

    **Why it is exact.** Each roll-up row holds documents of one outlet whose first possible
    dates fall in one month and last possible dates in one month (for tone, a document inside
    one month, or one range), and carries dates on which :func:`_filters` decides as it would
    on each of those documents — for whole-month windows only (``published_end >= start`` with
    ``start`` a first day depends on the month of ``published_end`` alone; ``published_start <=
    end`` with ``end`` a last day on the month of ``published_start``). Any other window falls
    back to the per-document roll-ups. Sums of counts are the same sums; sums of scores are
    added in another order (equal to ~1e-12, not bit for bit)."""
    return _rolled(con, name) and _whole_months(start, end)


def _prune(con, start, end, *aliases: str) -> str:
    """`` AND a.year IN (…)`` for each table alias: the ``year=`` partitions a date window can
    touch (:func:`araz.store.textsearch._years`: by the partitions' date spans, so a document
    dated by a range into a later year is kept). A document and its annotation rows share a
    partition, so this only skips files that hold no row the window keeps — the per-document
    path then reads the window's years, not the archive. Empty without a window."""
    from .textsearch import _years

    years = _years(con, start, end)
    if years is None:
        return ""
    keep = ", ".join(str(int(y)) for y in years) or "NULL"
    return "".join(f" AND {a}.year IN ({keep})" for a in aliases)


def _need(con, table: str) -> None:
    names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    if table not in names:
        raise StoreError(f"the store has no '{table}' annotations yet; run 'araz store annotate STORE' first")


def _filters(outlets, start, end, alias: str = "d") -> tuple[str, list]:
    """SQL conditions on the documents table ``alias`` and their parameters."""
    where, params = ["TRUE"], []
    if outlets is not None:
        outlets = [outlets] if isinstance(outlets, str) else list(outlets)
        where.append(f"{alias}.outlet IN (SELECT unnest(?))")
        params.append(outlets)
    if start is not None:
        where.append(f"{alias}.published_end >= CAST(? AS DATE)")
        params.append(str(pd.Timestamp(start).date()))
    if end is not None:
        where.append(f"{alias}.published_start <= CAST(? AS DATE)")
        params.append(str(pd.Timestamp(end).date()))
    return " AND ".join(where), params


def _period(freq: str | None) -> str:
    if freq is None:
        return "month"
    if freq not in _PERIODS:
        raise ScopeError(f"freq='{freq}' is not a period; use 'M' (month), 'Q' (quarter) or 'Y' (year)")
    return _PERIODS[freq]


def overview(store) -> dict:
    """Counts for a first screen: documents, sentences, outlets, first and last date, partitions."""
    con = connect(store)
    docs, first, last, outlets = con.execute(
        "SELECT count(*), min(published_start), max(published_end), count(DISTINCT outlet) FROM documents").fetchone()
    sentences = con.execute("SELECT sum(n_sentences) FROM documents").fetchone()[0]
    return {"documents": int(docs), "sentences": int(sentences or 0), "outlets": int(outlets),
            "earliest": first, "latest": last}


def outlets(store) -> pd.DataFrame:
    """``outlet, perspective, documents, words``, most documents first (the explorer's outlet list)."""
    con = connect(store)
    return con.execute("SELECT outlet, any_value(perspective) AS perspective, count(*) AS documents, "
                       "sum(n_words) AS words FROM documents GROUP BY outlet ORDER BY documents DESC, outlet").df()


def tone_over_time(store, *, by: str | None = "outlet", voice: str | None = "both", freq: str | None = None,
                   outlets=None, start=None, end=None, doc_ids: bool = False) -> pd.DataFrame:
    """Tone by publication date, as :func:`araz.tone.over_time` computes it, in DuckDB.

    Columns: ``group, voice, start, end, estimate, n_docs, n, coop, conf, score, n_coop,
    n_conf, n_mixed, n_neutral, labelling``, then ``score_low, score_high`` (mean ± 1.96
    standard errors of the sentences' scores: a normal interval; ``NaN`` for one sentence),
    and ``doc_ids`` when asked (``doc_ids=True``: a long text at archive scale).
    A document dated by a range that crosses periods keeps its own row, as in ``over_time``.
    """
    con = connect(store)
    _need(con, "tone")
    if by is not None and by not in _BY:
        raise ScopeError(f"by='{by}' is not a document column; use one of: {', '.join(_BY)}")
    group = f"CAST(d.{by} AS VARCHAR)" if by else "'all'"
    if voice == "both":
        vcol, vwhere = "t.voice", "TRUE"
    elif voice in (None, "all"):
        vcol, vwhere = "'all'", "TRUE"
    elif voice in VOICES:
        vcol, vwhere = "t.voice", f"t.voice = '{voice}'"
    else:
        raise ScopeError(f"voice '{voice}' is unknown; use 'author', 'quoted', 'both' or None (all sentences)")
    if freq:
        unit = _period(freq)
        ps, pe = f"date_trunc('{unit}', d.published_start)", f"date_trunc('{unit}', d.published_end)"
        s_expr = f"CASE WHEN {ps} = {pe} THEN {ps} ELSE d.published_start END"
        e_expr = (f"CASE WHEN {ps} = {pe} THEN CAST({ps} + INTERVAL 1 {unit} - INTERVAL 1 day AS DATE) "
                  "ELSE d.published_end END")
    else:
        s_expr, e_expr = "d.published_start", "d.published_end"
    where, params = _filters(outlets, start, end)
    # doc_ids in corpus order (date, then id), each once, as over_time lists them
    ids = (""", (SELECT string_agg(doc_id, ', ' ORDER BY ps, doc_id) FROM (SELECT DISTINCT x.doc_id, x.ps FROM s x
                WHERE x."group" = s."group" AND x.voice = s.voice AND x.start = s.start AND x."end" = s."end"))
              AS doc_ids""" if doc_ids else "")
    if (not doc_ids and freq and by in (None, "outlet", "perspective")
            and _monthly(con, "tone_months", start, end)):
        return _tone_months(con, group, voice, vcol, vwhere, s_expr, e_expr, where, params)
    rolled = not doc_ids and _rolled(con, "tone_docs")
    if rolled:  # per-document sums (araz.store.rollup): the same numbers from ~15x fewer rows
        cols = "t.n, t.coop, t.conf, t.score_sum, t.score_sq, t.n_coop, t.n_conf, t.n_mixed, t.n_neutral, t.labelling"
        source = "tone_docs"
        stats = _ROLLED_STATS
    else:
        cols = "t.coop, t.conf, t.score, t.label, t.labelling"
        source = "tone"
        stats = """count(*) AS n, sum(coop) AS coop, sum(conf) AS conf, avg(score) AS score,
               count(*) FILTER (label = 'coop') AS n_coop, count(*) FILTER (label = 'conf') AS n_conf,
               count(*) FILTER (label = 'mixed') AS n_mixed, count(*) FILTER (label = 'neutral') AS n_neutral,
               sum(labelling) AS labelling, stddev_samp(score) AS sd"""
    sql = f"""
        WITH s AS (
            SELECT {group} AS "group", {vcol} AS voice, CAST({s_expr} AS TIMESTAMP) AS start,
                   CAST({e_expr} AS TIMESTAMP) AS "end", d.date_estimate, d.published_start AS ps, t.doc_id, {cols}
            FROM {source} t JOIN documents d USING (doc_id)
            WHERE {vwhere} AND {where}{_prune(con, start, end, "t", "d")}),
        g AS (
            SELECT "group", voice, start, "end", bool_or(date_estimate) AS estimate, count(DISTINCT doc_id) AS n_docs,
                   {stats}{ids}
            FROM s GROUP BY "group", voice, start, "end")
        SELECT * EXCLUDE (sd), score - 1.96 * sd / sqrt(n) AS score_low, score + 1.96 * sd / sqrt(n) AS score_high
        FROM g ORDER BY start, "group", voice, "end" """
    return _tone_frame(con.execute(sql, params).df())


# sums of the roll-ups' sums; integer sums cast back to BIGINT (DuckDB sums them as HUGEINT,
# which pandas would receive as floats)
_ROLLED_STATS = """CAST(sum(n) AS BIGINT) AS n, sum(coop) AS coop, sum(conf) AS conf, sum(score_sum) / sum(n) AS score,
               CAST(sum(n_coop) AS BIGINT) AS n_coop, CAST(sum(n_conf) AS BIGINT) AS n_conf,
               CAST(sum(n_mixed) AS BIGINT) AS n_mixed, CAST(sum(n_neutral) AS BIGINT) AS n_neutral,
               sum(labelling) AS labelling,
               CASE WHEN sum(n) > 1 THEN sqrt(greatest(sum(score_sq) - sum(score_sum) ^ 2 / sum(n), 0) / (sum(n) - 1))
                    END AS sd"""
_INTERVAL = "score - 1.96 * sd / sqrt(n) AS score_low, score + 1.96 * sd / sqrt(n) AS score_high"


def _tone_frame(out: pd.DataFrame) -> pd.DataFrame:
    for c in ("start", "end"):
        out[c] = out[c].astype("datetime64[s]")
    return out


def _tone_months(con, group, voice, vcol, vwhere, s_expr, e_expr, where, params) -> pd.DataFrame:
    """:func:`tone_over_time` from the month x outlet roll-up (``tone_months``; see :func:`_monthly`):
    the roll-up's rows stand for documents (alias ``d``: outlet, perspective, the dates that
    place them in periods and windows), so the period and filter expressions are the same SQL."""
    every = "d.all_voices" if voice in (None, "all") else "NOT d.all_voices"
    sql = f"""
        WITH g AS (
            SELECT {group} AS "group", {vcol.replace('t.', 'd.')} AS voice, CAST({s_expr} AS TIMESTAMP) AS start,
                   CAST({e_expr} AS TIMESTAMP) AS "end", bool_or(d.estimate) AS estimate,
                   CAST(sum(d.n_docs) AS BIGINT) AS n_docs, {_ROLLED_STATS}
            FROM tone_months d WHERE {every} AND {vwhere.replace('t.', 'd.')} AND {where}
            GROUP BY ALL)
        SELECT * EXCLUDE (sd), {_INTERVAL} FROM g ORDER BY start, "group", voice, "end" """
    return _tone_frame(con.execute(sql, params).df())


def mention_counts(store, table: str = "actors", *, by=("period", "outlet"), freq: str = "M", outlets=None,
                   start=None, end=None, entity_types=None, min_count: int = 1) -> pd.DataFrame:
    """Mentions of each entity of ``table`` (``"actors"`` or ``"corridors"``) by period and/or outlet.

    Columns: ``entity_id, label``, then the ``by`` keys (``period``: the first day of the
    period of the document's first possible date — a range that crosses periods counts in its
    first; ``outlet``; ``perspective``), ``n`` (mentions), ``n_docs`` (documents naming it),
    ``n_estimated`` (of those documents, how many are dated by an estimate). Most mentioned first.
    """
    if table not in ("actors", "corridors"):
        raise ScopeError(f"table must be 'actors' or 'corridors', not {table!r}")
    by = [by] if isinstance(by, str) else list(by or [])
    bad = [k for k in by if k not in ("period", "outlet", "perspective")]
    if bad:
        raise ScopeError(f"by={bad}: count by 'period', 'outlet' and/or 'perspective'")
    con = connect(store)
    _need(con, table)
    monthly = _monthly(con, table[:-1] + "_months", start, end)
    a = "m" if monthly else "d"  # the month x outlet roll-up carries the documents' columns itself
    keys = {"period": f"CAST(date_trunc('{_period(freq)}', {a}.published_start) AS DATE)", "outlet": f"{a}.outlet",
            "perspective": f"{a}.perspective"}
    cols = "".join(f", {keys[k]} AS {k}" for k in by)
    where, params = _filters(outlets, start, end, alias=a)
    if not monthly:
        where += _prune(con, start, end, "m", "d")
    if entity_types is not None:
        where += " AND m.entity_type IN (SELECT unnest(?))"
        params.append([entity_types] if isinstance(entity_types, str) else list(entity_types))
    rolled = table[:-1] + "_docs"
    if monthly:  # one row per (month, month, outlet, perspective, entity): araz.store.rollup.MONTHLY
        counts = ("CAST(sum(m.n) AS BIGINT) AS n, CAST(sum(m.n_docs) AS BIGINT) AS n_docs, "
                  "CAST(sum(m.n_estimated) AS BIGINT) AS n_estimated")
        source = table[:-1] + "_months"
    elif _rolled(con, rolled):  # one row per (document, entity): araz.store.rollup
        counts = "CAST(sum(m.n) AS BIGINT) AS n, count(*) AS n_docs, count(*) FILTER (d.date_estimate) AS n_estimated"
        source = rolled
    else:
        counts = ("count(*) AS n, count(DISTINCT m.doc_id) AS n_docs, "
                  "count(DISTINCT m.doc_id) FILTER (d.date_estimate) AS n_estimated")
        source = table
    sql = f"""
        SELECT m.entity_id, any_value(m.label) AS label{cols}, {counts}
        FROM {source} m {"" if monthly else "JOIN documents d USING (doc_id)"}
        WHERE {where}
        GROUP BY m.entity_id{''.join(', ' + k for k in by)}
        HAVING n >= {int(min_count)}
        ORDER BY n DESC, m.entity_id{''.join(', ' + k for k in by)}"""
    out = con.execute(sql, params).df()
    if "period" in out:
        out["period"] = out["period"].astype("datetime64[s]")
    return out


def actor_counts(store, **kw) -> pd.DataFrame:
    """:func:`mention_counts` of the actors (and formats)."""
    return mention_counts(store, "actors", **kw)


def corridor_counts(store, **kw) -> pd.DataFrame:
    """:func:`mention_counts` of the corridors."""
    return mention_counts(store, "corridors", **kw)


def _labels() -> dict[str, str]:
    """entity id -> label, from the gazetteer (what the mention tables' ``label`` column holds)."""
    from ..gazetteer import entities

    e = entities()
    return dict(zip(e["entity_id"], e["label"]))


def comentions(store, unit: str = "sentence", *, types=None, min_weight: int = 1, outlets=None, start=None,
               end=None, limit: int | None = None) -> pd.DataFrame:
    """Pairs of actors named in the same sentence (or paragraph): :func:`araz.actors.cooccurrence`'s
    ``source, target, source_label, target_label, weight, n_docs``, plus ``example`` (the first
    such unit's citation, by document id and position; the full citation lists are what an
    archive cannot hold).

    The self-join is on integer positions within a document, never on citation strings: the
    citation is made only for the one example per pair (a 10x difference at 10^5 articles).
    """
    if unit not in ("sentence", "paragraph"):
        raise ScopeError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    con = connect(store)
    _need(con, "actors")
    monthly = unit == "sentence" and types is None and _monthly(con, "comention_months", start, end)
    where, params = _filters(outlets, start, end, alias="m" if monthly else "d")
    if not monthly:
        where += _prune(con, start, end, "m", "d")
    if types is not None:
        where += " AND m.entity_type IN (SELECT unnest(?))"
        params.append([types] if isinstance(types, str) else list(types))
    sen = "m.sentence" if unit == "sentence" else "0"
    lim = f"LIMIT {int(limit)}" if limit else ""
    docs = "" if where == "TRUE" else "JOIN documents d USING (doc_id)"
    if monthly:  # pairs per month x outlet (araz.store.rollup.MONTHLY): ~30x fewer rows than per document
        sql = f"""
            SELECT m.source, m.target, CAST(sum(m.weight) AS BIGINT) AS weight, CAST(sum(m.n_docs) AS BIGINT) AS n_docs,
                   min(m.first) AS first
            FROM comention_months m WHERE {where}
            GROUP BY m.source, m.target HAVING sum(m.weight) >= {int(min_weight)}
            ORDER BY weight DESC, m.source, m.target {lim}"""
    elif unit == "sentence" and types is None and _rolled(con, "comention_docs"):
        # pairs per document, made once (araz.store.rollup): a sum, not a join of every mention
        sql = f"""
            SELECT m.source, m.target, sum(m.weight) AS weight, count(*) AS n_docs,
                   min({{'d': m.doc_id, 'p': m.first.p, 's': m.first.s}}) AS first
            FROM comention_docs m {docs} WHERE {where}
            GROUP BY m.source, m.target HAVING sum(m.weight) >= {int(min_weight)}
            ORDER BY weight DESC, m.source, m.target {lim}"""
    else:
        sql = f"""
        WITH u AS (
            SELECT DISTINCT m.doc_id, m.paragraph, {sen} AS sentence, m.entity_id
            FROM actors m {docs} WHERE {where}),
        p AS (
            SELECT a.entity_id AS source, b.entity_id AS target, a.doc_id, a.paragraph, a.sentence
            FROM u a JOIN u b ON a.doc_id = b.doc_id AND a.paragraph = b.paragraph AND a.sentence = b.sentence
                              AND a.entity_id < b.entity_id)
        SELECT source, target, count(*) AS weight, count(DISTINCT doc_id) AS n_docs,
               min({{'d': doc_id, 'p': paragraph, 's': sentence}}) AS first
        FROM p GROUP BY source, target HAVING count(*) >= {int(min_weight)}
        ORDER BY weight DESC, source, target {lim}"""
    out = con.execute(sql, params).df()
    out["weight"] = out["weight"].astype("int64")
    labels = _labels()
    out.insert(2, "source_label", out["source"].map(labels))
    out.insert(3, "target_label", out["target"].map(labels))
    out["example"] = [f"{f['d']} ¶{f['p']}" + (f".{f['s']}" if unit == "sentence" else "") for f in out.pop("first")]
    return out


def document(store, doc_id: str) -> tuple[dict, pd.DataFrame]:
    """One document for a reader pane: ``(fields with its text, its sentences)``, read by DuckDB
    from the store without loading the archive (``store[doc_id]`` would read every document)."""
    from ..errors import CitationError

    con = connect(store)
    d = con.execute("SELECT * EXCLUDE (year) FROM documents WHERE doc_id = ?", [doc_id]).df()
    if d.empty:
        raise CitationError(f"no document '{doc_id}' in this store; search for it with "
                            "araz.store.textsearch.search or list them with araz.open_store(STORE).documents")
    s = con.execute("SELECT * EXCLUDE (year) FROM sentences WHERE doc_id = ? ORDER BY paragraph, sentence",
                    [doc_id]).df()
    return d.iloc[0].to_dict(), s
