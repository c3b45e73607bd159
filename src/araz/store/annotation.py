"""Annotation as a map over partitions: in-process, on local processes, or on Dask.

Every per-document annotator of the kit runs on one partition at a time, as an
:class:`araz.Corpus` of that partition (:func:`araz.store.reader.partition_corpus`), through
its public function — nothing is re-implemented here:

============== =====================================================================
table          made by
============== =====================================================================
tone           ``araz.tone.score_sentences`` (without ``text`` and ``matches``)
tone_matches   ``araz.tone.matches`` (one row per matched word)
actors         ``araz.actors.mentions``
corridors      ``araz.corridors.mentions``
formats        ``araz.formats.three_plus_three(...).mentions``
formats_membership, formats_proposer, formats_purpose   the other 3+3 tables
names          ``araz.claims.name_mentions`` (contested-name cues)
============== =====================================================================

Each table is written to ``STORE/annotations/<table>/<partition>.parquet``; the file's
metadata records the **input hash**: the partition key (itself a hash of its documents)
plus the version of araz's code, gazetteer and tone lexicon. A partition whose every table
carries the expected hash is **skipped**, so a rerun after a crash (or after adding
articles) does only what is missing, and a change of lexicon redoes everything.

**Nothing is lost when a worker dies.** A task writes its files itself (atomically: a
temporary name, then a rename), so a partition is either complete or redone. A failed task
is retried (``retries`` times, on any backend; on Dask a worker killed mid-task is retried by
the scheduler too); a partition still failing after that is reported, never dropped, and
the next run picks it up.

Backends (the same function, :func:`annotate_partition`, runs on each):

* ``"inline"`` — in this process, one partition after the other (default; seminar size);
* ``"processes"`` — ``workers`` local processes (``concurrent.futures``, spawned);
* ``"dask"`` — a Dask ``distributed`` cluster: a ``LocalCluster`` of ``workers`` single-threaded
  processes, or the scheduler at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``) whose workers must
  see the store at the same path (a shared filesystem) and have araz installed.

Memory: a worker holds one partition (at most ``building.MAX_DOCS`` documents) and its annotations —
0.75 GiB peak measured with partitions of ~3,100 articles of 700 words — whatever the size of the archive.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
import resource
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .layout import Partition, StoreError, check_root, partitions, read_meta, write_table

ANNOTATIONS = ("tone", "tone_matches", "actors", "corridors", "formats", "formats_membership",
               "formats_proposer", "formats_purpose", "names")
FAULT_ENV = "ARAZ_STORE_FAULT"  # test hook: "raise:DIR[:PREFIX]" or "exit:…" fails partitions once


@dataclass(frozen=True)
class AnnotateReport:
    """What :func:`annotate` did: partitions written, skipped (already done), failed; rows per table."""

    store: Path
    backend: str
    written: tuple[str, ...]
    skipped: tuple[str, ...]
    failed: tuple[str, ...]
    attempts: int
    rows: dict
    seconds: float
    worker_peak_rss_mb: float
    task_cpu_s: float = 0.0  # CPU seconds of the tasks that ran (in whichever process ran them)
    map_seconds: float = 0.0  # wall time of the map alone (without starting a local cluster)
    tasks_per_worker: tuple = ()  # how many partitions each worker process annotated


def version() -> str:
    """The annotators' version: araz's code, the shipped gazetteer and the tone lexicon."""
    from .. import tone
    from ..cache import code_version
    from ..gazetteer import load_gazetteer

    h = hashlib.sha256(b"araz-store annotate 1\0")
    h.update(code_version("all").encode())
    h.update(str(load_gazetteer().fingerprint).encode())
    h.update(str(tone.load_lexicon().fingerprint).encode())
    return h.hexdigest()[:32]


def _input_hash(key: str, ver: str) -> str:
    return hashlib.sha256(f"{key}\0{ver}".encode()).hexdigest()[:32]


def is_done(root: Path, part: Partition, ver: str, tables=ANNOTATIONS) -> bool:
    """True when every annotation table of ``part`` is written for this input and version."""
    want = _input_hash(part.key, ver)
    for name in tables:
        meta = read_meta(part.annotation(root, name))
        if meta is None or meta.get("input") != want:
            return False
    return True


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Sequences (e.g. ``member_ids``) as text joined by ``" | "``: Parquet wants one type per column."""
    out = df.reset_index(drop=True)
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = [" | ".join(map(str, v)) if isinstance(v, (tuple, list)) else ("" if v is None else str(v))
                      for v in out[c].tolist()]
    return out


def _three_plus_three(corpus) -> dict[str, pd.DataFrame]:
    from .. import formats

    # One call for the whole partition: formats._build reads each document from lists split
    # once (linear in the partition). It used to filter a pandas table per document, which cost
    # (documents × rows) and was run on batches of 200 documents to keep that in check.
    three = formats.three_plus_three(corpus)
    return {"formats": three.mentions, "formats_membership": three.membership,
            "formats_proposer": three.proposer, "formats_purpose": three.purpose}


def annotations_of(corpus, tables=ANNOTATIONS) -> dict[str, pd.DataFrame]:
    """The annotation ``tables`` of one corpus (a partition), by calling the kit's annotators."""
    from .. import actors, claims, corridors, tone

    makers = {
        "tone": lambda: tone.score_sentences(corpus).drop(columns=["text", "matches"]),
        "tone_matches": lambda: tone.matches(corpus),
        "actors": lambda: actors.mentions(corpus),
        "corridors": lambda: corridors.mentions(corpus),
        "names": lambda: claims.name_mentions(corpus),
    }
    out: dict[str, pd.DataFrame] = {}
    for name in tables:
        if name in out:
            continue
        if name.startswith("formats"):
            out.update({k: v for k, v in _three_plus_three(corpus).items() if k in tables})
        else:
            out[name] = makers[name]()
    return {k: _plain(out[k]) for k in tables}


def _tables(tables) -> tuple[str, ...]:
    if tables is None:
        return ANNOTATIONS
    tables = (tables,) if isinstance(tables, str) else tuple(tables)
    bad = [t for t in tables if t not in ANNOTATIONS]
    if bad:
        raise StoreError(f"no annotation table(s) {bad}; choose among: {', '.join(ANNOTATIONS)}")
    return tuple(t for t in ANNOTATIONS if t in tables)


_SCHEMAS: dict | None = None


def _schemas() -> dict[str, pa.Schema]:
    """Each table's Parquet schema, from the shipped corpus (where every table has rows).

    An empty table's columns have no type pandas can tell (a column of nothing); written as
    such, a partition without any 3+3 mention would disagree with the others on its types."""
    global _SCHEMAS
    if _SCHEMAS is None:
        from ..corpus import load_corpus

        made = annotations_of(load_corpus())
        _SCHEMAS = {k: pa.Table.from_pandas(v, preserve_index=False).schema.remove_metadata() for k, v in made.items()}
    return _SCHEMAS


def _fault(key: str) -> None:
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    mode, _, rest = spec.partition(":")
    folder, _, prefix = rest.partition(":")
    if not key.startswith(prefix):
        return
    marker = Path(folder) / hashlib.sha1(key.encode()).hexdigest()
    if marker.exists():
        return
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(key)
    if mode == "exit":
        os._exit(3)  # a worker dying mid-task, before it wrote anything
    raise RuntimeError(f"injected failure for partition {key} ({FAULT_ENV})")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def annotate_partition(root: str, key: str, ver: str, tables=ANNOTATIONS) -> dict:
    """Annotate one partition and write its tables; return a small summary (runs on a worker)."""
    from .reader import partition_corpus

    root_p, part = Path(root), Partition(key)
    cpu = time.process_time()
    if is_done(root_p, part, ver, tables):
        return {"key": key, "skipped": True, "rows": {}, "peak_rss_mb": _peak_mb(), "cpu_s": 0.0}
    _fault(key)
    corpus = partition_corpus(root_p, part)
    made = annotations_of(corpus, tables)
    meta = {"partition": key, "input": _input_hash(key, ver)}
    rows = {}
    for name, df in made.items():
        table = pa.Table.from_pandas(df, preserve_index=False) if len(df) else _schemas()[name].empty_table()
        write_table(part.annotation(root_p, name), table, meta)
        rows[name] = len(df)
    return {"key": key, "skipped": False, "rows": rows, "peak_rss_mb": _peak_mb(),
            "cpu_s": time.process_time() - cpu, "pid": os.getpid(), "host": os.uname().nodename}


# ---- backends -----------------------------------------------------------------------------
def _inline(root, keys, ver, tables, retries, results, failed):
    attempts = 0
    for k in keys:
        for attempt in range(retries + 1):
            attempts += 1
            try:
                results.append(annotate_partition(str(root), k, ver, tables))
                break
            except Exception as exc:  # noqa: BLE001 - retried, then reported by key
                if attempt == retries:
                    failed[k] = f"{type(exc).__name__}: {exc}"
    return attempts


def _processes(root, keys, ver, tables, retries, results, failed, workers):
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: a fresh interpreter per worker (fork after threads — DuckDB's, a
    # cluster's — can deadlock). A worker that dies breaks the whole pool and every task in
    # flight with it, so the tasks in flight then are *suspects*: each is rerun alone in a
    # pool of its own; only a task that breaks its own pool is charged an attempt.
    ctx = mp.get_context("spawn")
    left = {k: retries + 1 for k in keys}
    attempts = 0
    todo = deque(keys)

    def charge(k, exc):
        left[k] -= 1
        if left[k] > 0:
            return True
        failed[k] = f"{type(exc).__name__}: {exc}"
        return False

    def alone(k):
        nonlocal attempts
        while True:
            attempts += 1
            with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as solo:
                try:
                    results.append(solo.submit(annotate_partition, str(root), k, ver, tables).result())
                    return
                except Exception as exc:  # noqa: BLE001 - includes BrokenProcessPool
                    if not charge(k, exc):
                        return

    while todo:
        suspects = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            running = {}
            while (todo or running) and not suspects:
                while todo and len(running) < workers:
                    k = todo.popleft()
                    running[pool.submit(annotate_partition, str(root), k, ver, tables)] = k
                    attempts += 1
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    k = running.pop(fut)
                    try:
                        results.append(fut.result())
                    except BrokenProcessPool:
                        suspects.append(k)
                    except Exception as exc:  # noqa: BLE001 - retried, then reported by key
                        if charge(k, exc):
                            todo.append(k)
            suspects += list(running.values())
        for k in suspects:
            alone(k)
    return attempts


def _dask(root, keys, ver, tables, retries, results, failed, workers, scheduler, processes, clock):
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise StoreError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start it with "
                             f"'dask scheduler' and its workers with 'dask worker {scheduler}'") from None
    else:
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=processes,
                               dashboard_address=":0", memory_limit="4GiB" if processes else 0)
        client = Client(cluster)
    try:
        clock["map_start"] = time.perf_counter()
        futures = client.map(annotate_partition, [str(root)] * len(keys), keys, [ver] * len(keys), [tables] * len(keys),
                             key=[f"araz-annotate-{k}" for k in keys], retries=retries, pure=False)
        for fut in as_completed(futures):
            k = keys[futures.index(fut)]
            try:
                results.append(fut.result())
            except Exception as exc:  # noqa: BLE001 - after the scheduler's retries
                failed[k] = f"{type(exc).__name__}: {exc}"
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return len(keys)  # the scheduler retries on its own; it does not tell how often


def annotate(store, *, workers: int | None = None, scheduler: str | None = None, backend: str | None = None,
             retries: int = 2, processes: bool = True, tables=None) -> AnnotateReport:
    """Annotate every partition of ``store`` not already annotated; return an :class:`AnnotateReport`.

    ``backend``: ``"inline"`` (default), ``"processes"`` (``workers`` local processes) or
    ``"dask"`` (default when ``workers`` or ``scheduler`` is given: a ``LocalCluster`` of
    ``workers`` processes — threads if ``processes=False`` — or the cluster at ``scheduler``).
    ``tables``: only these annotation tables (default: all of :data:`ANNOTATIONS`).
    Raises :class:`StoreError` naming the partitions that still failed after ``retries``.
    """
    root = check_root(store).resolve()
    backend = backend or ("dask" if (workers or scheduler) else "inline")
    if backend not in ("inline", "processes", "dask"):
        raise StoreError(f"backend {backend!r} is unknown; use 'inline', 'processes' or 'dask'")
    if workers is not None and workers < 1:
        raise StoreError(f"workers={workers}: give at least 1 worker")
    tables = _tables(tables)
    t0 = time.perf_counter()
    clock: dict = {}
    ver = version()
    parts = partitions(root)
    skipped = [p.key for p in parts if is_done(root, p, ver, tables)]
    keys = [p.key for p in parts if p.key not in set(skipped)]
    results: list[dict] = []
    failed: dict[str, str] = {}
    attempts = 0
    if keys:
        if backend == "inline":
            attempts = _inline(root, keys, ver, tables, retries, results, failed)
        elif backend == "processes":
            attempts = _processes(root, keys, ver, tables, retries, results, failed, workers or os.cpu_count() or 1)
        else:
            attempts = _dask(root, keys, ver, tables, retries, results, failed, workers, scheduler, processes, clock)
    t1 = time.perf_counter()
    from .rollup import rollup

    rollup(root)  # per-document sums for the explorer's charts (DuckDB; seconds per 10^5 articles)
    written = sorted(r["key"] for r in results if not r["skipped"])
    skipped += [r["key"] for r in results if r["skipped"]]
    rows: dict[str, int] = {}
    map_start = clock.get("map_start", t0)
    for r in results:
        for name, n in r["rows"].items():
            rows[name] = rows.get(name, 0) + n
    report = AnnotateReport(root, backend, tuple(written), tuple(sorted(skipped)), tuple(sorted(failed)), attempts,
                            rows, time.perf_counter() - t0,
                            max([r["peak_rss_mb"] for r in results], default=0.0),
                            sum(r.get("cpu_s", 0.0) for r in results), t1 - map_start,
                            tuple(sorted(Counter((r["host"], r["pid"]) for r in results if "pid" in r).values())))
    if failed:
        lines = "; ".join(f"{k}: {why}" for k, why in sorted(failed.items())[:5])
        raise StoreError(f"{root}: {len(failed)} partition(s) failed after {retries} retries ({lines}); the "
                         f"{len(written)} written are kept: fix the cause and run 'araz store annotate {root}' "
                         "again (written partitions are skipped)")
    return report


def read_annotation(store, name: str) -> pd.DataFrame:
    """One annotation table of a store, every partition, in partition order (small stores)."""
    root = check_root(store)
    if name not in ANNOTATIONS:
        raise StoreError(f"no annotation table {name!r}; the store has: {', '.join(ANNOTATIONS)}")
    from .layout import read_table

    files = [p.annotation(root, name) for p in partitions(root)]
    missing = [f for f in files if not f.exists()]
    if missing:
        raise StoreError(f"{missing[0]}: not annotated yet; run 'araz store annotate {root}' first")
    if not files:
        return pd.DataFrame()
    return pa.concat_tables([read_table(f) for f in files], promote_options="permissive").to_pandas()
