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

**Tasks, not partitions.** The map's unit is a task of at most ``chunk_docs`` documents
(:data:`CHUNK_DOCS`), whatever the store's partitions happen to be: a partition of up to
``chunk_docs`` documents is one task (:func:`annotate_partition`); a larger one is cut into
``n`` row ranges of its ``documents`` file, of equal size (±1 document), each annotated by
:func:`annotate_chunk` into a staging folder (``annotations/.chunks/<partition>/<i>of<n>/``,
Arrow IPC, uncompressed), then joined in order by :func:`merge_chunks` into the partition's
files — the same rows as one task would write (tests/test_store.py compares them). So the
tasks are of similar size (``chunk_docs / 2`` to ``chunk_docs``), there are several per
worker, and the largest go first. A staged chunk carries the input hash too: a rerun after a
crash redoes neither the partitions written nor the chunks staged.

Backends (the same task functions run on each):

* ``"inline"`` — in this process, one partition after the other (default; seminar size);
* ``"processes"`` — ``workers`` local processes (``concurrent.futures``, spawned);
* ``"dask"`` — a Dask ``distributed`` cluster: a ``LocalCluster`` of ``workers`` single-threaded
  processes, or the scheduler at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``) whose workers must
  see the store at the same path (a shared filesystem) and have araz installed.

Memory: a worker holds one task's documents (at most ``chunk_docs``) and their annotations, or,
in a merge, one partition's annotation tables (at most ``building.MAX_DOCS`` documents) — 0.66 GiB
peak per worker measured annotating 10^6 articles of 700 words with every annotator (partitions of
~2,860 articles, tasks of ≤ 1,000), whatever the size of the archive.
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

CHUNK_DOCS = 1_000  # documents per task: ~0.8 CPU-s at ~1,300 articles per CPU-second (see benchmarks/README.md)
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
    map_seconds: float = 0.0  # wall time of the map alone (on Dask: after the cluster's start and its workers' warm-up)
    tasks_per_worker: tuple = ()  # how many tasks (partitions, chunks, merges) each worker process ran
    task_docs: tuple = ()  # documents of each annotation task run (a whole partition or a chunk)
    merges: int = 0  # partitions joined from chunks
    worker_peaks_mb: dict = None  # peak RSS of each worker process, {"host:pid": MiB}


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


def _summary(key: str, cpu0: float, *, skipped: bool = False, rows=None, **extra) -> dict:
    return {"key": key, "skipped": skipped, "rows": rows or {}, "peak_rss_mb": _peak_mb(),
            "cpu_s": 0.0 if skipped else time.process_time() - cpu0, "pid": os.getpid(),
            "host": os.uname().nodename, **extra}


def _arrow(name: str, df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, preserve_index=False) if len(df) else _schemas()[name].empty_table()


def annotate_partition(root: str, key: str, ver: str, tables=ANNOTATIONS) -> dict:
    """Annotate one partition and write its tables; return a small summary (runs on a worker)."""
    from .reader import partition_corpus

    root_p, part = Path(root), Partition(key)
    cpu = time.process_time()
    if is_done(root_p, part, ver, tables):
        return _summary(key, cpu, skipped=True)
    _fault(key)
    corpus = partition_corpus(root_p, part)
    made = annotations_of(corpus, tables)
    meta = {"partition": key, "input": _input_hash(key, ver)}
    rows = {}
    for name, df in made.items():
        write_table(part.annotation(root_p, name), _arrow(name, df), meta)
        rows[name] = len(df)
    return _summary(key, cpu, rows=rows, kind="partition", docs=len(corpus))


# ---- a partition in chunks ------------------------------------------------------------------
CHUNKS = ".chunks"  # staging folder under STORE/annotations (no table is named so: queries never read it)
_SORTED = {"names": ["concept", "name_id", "doc_id", "start"]}  # tables sorted across documents (not in document order)


def _chunk_dir(root: Path, part: Partition, i: int, n: int) -> Path:
    return root / "annotations" / CHUNKS / part.key / f"{i}of{n}"


def _chunk_done(folder: Path, want: str, tables) -> bool:
    import json

    try:
        info = json.loads((folder / "done.json").read_text())
    except (OSError, ValueError):
        return False
    return info.get("input") == want and set(tables) <= set(info.get("tables", ()))


def chunk_corpus(root: Path, part: Partition, i: int, n: int):
    """Rows ``i*D//n … (i+1)*D//n`` of a partition's ``D`` documents, with their paragraphs and
    sentences, as an :class:`araz.Corpus` — the corpus ``partition_corpus(...).subset(...)`` gives,
    read without converting the other documents."""
    import pyarrow.compute as pc

    from ..corpus import Corpus
    from .layout import read_table
    from .reader import _document_objects, _documents_frame, _paragraph_texts

    t = read_table(part.file(root, "documents"))
    lo, hi = i * t.num_rows // n, (i + 1) * t.num_rows // n
    t = t.slice(lo, hi - lo)
    docs = _document_objects(t)
    ids = t.column("doc_id")

    def rows(table):
        x = read_table(part.file(root, table))
        return x.filter(pc.is_in(x.column("doc_id"), value_set=ids)).to_pandas()

    paragraphs = _paragraph_texts(rows("paragraphs"), {d.doc_id: d.text for d in docs})
    h = hashlib.sha256(f"araz-store partition {part.key} chunk {i} of {n}".encode()).hexdigest()
    return Corpus._from_tables(docs, _documents_frame(t), paragraphs, rows("sentences"), h, root=None,
                               shipped=False, warnings=[])


def annotate_chunk(root: str, key: str, ver: str, tables, i: int, n: int) -> dict:
    """Annotate chunk ``i`` of ``n`` of a partition into the staging folder (runs on a worker)."""
    import json

    import pyarrow.feather as feather

    from .layout import write_atomic

    root_p, part = Path(root), Partition(key)
    cpu = time.process_time()
    want = _input_hash(key, ver)
    folder = _chunk_dir(root_p, part, i, n)
    if is_done(root_p, part, ver, tables) or _chunk_done(folder, want, tables):
        return _summary(f"{key}#{i}of{n}", cpu, skipped=True)
    _fault(f"{key}#{i}of{n}")
    corpus = chunk_corpus(root_p, part, i, n)
    made = annotations_of(corpus, tables)
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in made.items():
        tmp = folder / f".{name}.arrow.tmp-{os.getpid()}"
        # uncompressed Arrow IPC: read back by the merge with a memory map, ~20 ms per 1,000 documents
        feather.write_feather(_arrow(name, df), tmp, compression="uncompressed")
        os.replace(tmp, folder / f"{name}.arrow")
    rows = {name: len(df) for name, df in made.items()}
    write_atomic(folder / "done.json", json.dumps({"input": want, "tables": list(tables), "rows": rows}).encode())
    return _summary(f"{key}#{i}of{n}", cpu, kind="chunk", docs=len(corpus))


def merge_chunks(root: str, key: str, ver: str, tables, n: int, *chunk_results) -> dict:
    """Join a partition's ``n`` staged chunks, in order, into its annotation files (runs on a worker).

    ``chunk_results`` are only there so that a scheduler runs this after the chunks; the staged
    files are what is read (each must carry this input hash)."""
    import shutil

    import pyarrow.feather as feather

    root_p, part = Path(root), Partition(key)
    cpu = time.process_time()
    if is_done(root_p, part, ver, tables):
        return _summary(key, cpu, skipped=True)
    _fault(f"{key}#merge")
    want = _input_hash(key, ver)
    folders = [_chunk_dir(root_p, part, i, n) for i in range(n)]
    missing = [f for f in folders if not _chunk_done(f, want, tables)]
    if missing:
        raise StoreError(f"{missing[0]}: this chunk of partition {key} is not annotated; run 'araz store annotate "
                         f"{root}' again")
    meta = {"partition": key, "input": want}
    rows = {}
    for name in tables:
        pieces = [feather.read_table(f / f"{name}.arrow", memory_map=True) for f in folders]
        full = [x for x in pieces if x.num_rows]
        table = pa.concat_tables(full, promote_options="permissive") if full else _schemas()[name].empty_table()
        if name in _SORTED and table.num_rows:
            table = table.sort_by([(c, "ascending") for c in _SORTED[name]])  # unique keys: one order
        write_table(part.annotation(root_p, name), table, meta)
        rows[name] = table.num_rows
    shutil.rmtree(root_p / "annotations" / CHUNKS / part.key, ignore_errors=True)
    return _summary(key, cpu, rows=rows, kind="merge")


def run_task(root: str, key: str, ver: str, tables, i: int, n: int, *after) -> dict:
    """One task of the map: a whole partition (``n == 1``), chunk ``i`` of ``n``, or the merge (``i == -1``)."""
    if n == 1:
        return annotate_partition(root, key, ver, tables)
    if i < 0:
        return merge_chunks(root, key, ver, tables, n, *after)
    return annotate_chunk(root, key, ver, tables, i, n)


def _plan(root: Path, parts: list[Partition], chunk_docs: int) -> list[tuple[str, int, int]]:
    """``(key, chunks, documents)`` per partition, largest tasks first (the map ends on small ones)."""
    import pyarrow.parquet as pq

    plan = []
    for p in parts:
        docs = pq.ParquetFile(p.file(root, "documents")).metadata.num_rows
        plan.append((p.key, max(1, -(-docs // chunk_docs)), docs))
    return sorted(plan, key=lambda x: -x[2] / x[1])


def _units(plan) -> list[tuple[str, int, int]]:
    """The compute tasks ``(key, i, n)`` of a plan, in its order (merges come when their chunks are done)."""
    return [(key, i, n) for key, n, _ in plan for i in range(n)]


def _name(unit) -> str:
    key, i, n = unit
    return key if n == 1 else (f"{key} (merge of {n} chunks)" if i < 0 else f"{key} (chunk {i + 1} of {n})")


# ---- backends -----------------------------------------------------------------------------
def _inline(root, plan, ver, tables, retries, results, failed):
    attempts = 0

    def run(unit) -> bool:
        nonlocal attempts
        for attempt in range(retries + 1):
            attempts += 1
            try:
                results.append(run_task(str(root), unit[0], ver, tables, unit[1], unit[2]))
                return True
            except Exception as exc:  # noqa: BLE001 - retried, then reported by key
                if attempt == retries:
                    failed[_name(unit)] = f"{type(exc).__name__}: {exc}"
        return False

    for key, n, _ in plan:
        ok = all([run((key, i, n)) for i in range(n)])
        if n > 1 and ok:
            run((key, -1, n))
    return attempts


def _processes(root, plan, ver, tables, retries, results, failed, workers):
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: a fresh interpreter per worker (fork after threads — DuckDB's, a
    # cluster's — can deadlock). A worker that dies breaks the whole pool and every task in
    # flight with it, so the tasks in flight then are *suspects*: each is rerun alone in a
    # pool of its own; only a task that breaks its own pool is charged an attempt.
    ctx = mp.get_context("spawn")
    todo = deque(_units(plan))
    left = {u: retries + 1 for u in todo}
    waiting = {key: n for key, n, _ in plan if n > 1}  # chunks not done yet, per chunked partition
    attempts = 0

    def finished(unit, result):
        results.append(result)
        key, i, n = unit
        if n > 1 and i >= 0:
            waiting[key] -= 1
            if waiting[key] == 0:
                merge = (key, -1, n)
                left[merge] = retries + 1
                todo.appendleft(merge)  # join (and free the staging) before starting new work

    def charge(unit, exc):
        left[unit] -= 1
        if left[unit] > 0:
            return True
        failed[_name(unit)] = f"{type(exc).__name__}: {exc}"
        return False

    def alone(unit):
        nonlocal attempts
        while True:
            attempts += 1
            with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as solo:
                try:
                    finished(unit, solo.submit(run_task, str(root), unit[0], ver, tables, unit[1], unit[2]).result())
                    return
                except Exception as exc:  # noqa: BLE001 - includes BrokenProcessPool
                    if not charge(unit, exc):
                        return

    while todo:
        suspects = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            running = {}
            while (todo or running) and not suspects:
                while todo and len(running) < workers:
                    u = todo.popleft()
                    running[pool.submit(run_task, str(root), u[0], ver, tables, u[1], u[2])] = u
                    attempts += 1
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    u = running.pop(fut)
                    try:
                        finished(u, fut.result())
                    except BrokenProcessPool:
                        suspects.append(u)
                    except Exception as exc:  # noqa: BLE001 - retried, then reported by key
                        if charge(u, exc):
                            todo.append(u)
            suspects += list(running.values())
        for u in suspects:
            alone(u)
    return attempts


def _warm_worker() -> float:
    """Import the annotators and run them on one shipped document (what a worker's first task would
    load: gazetteer, lexicon, matchers); return the CPU seconds it took."""
    from ..corpus import load_corpus

    cpu = time.process_time()
    corpus = load_corpus()
    annotations_of(corpus.subset(corpus.doc_ids[:1]))
    return time.process_time() - cpu


def _dask(root, plan, ver, tables, retries, results, failed, workers, scheduler, processes, clock):
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
        # each worker imports araz and loads the gazetteer, lexicon and matchers before the map
        # (~1.5 s, once per worker process, whatever the archive): start-up, like the cluster's,
        # kept out of the map's time so that it measures annotation; its CPU is counted
        clock["warm_cpu"] = sum(client.run(_warm_worker).values())
        clock["map_start"] = time.perf_counter()
        units, merges = [], []
        for key, n, _ in plan:
            units += [(key, i, n) for i in range(n)]
        # one graph: the compute tasks in plan order (the scheduler runs them first come, first
        # served), each merge after its chunks and before any new chunk (higher priority)
        futures = client.map(run_task, [str(root)] * len(units), [u[0] for u in units], [ver] * len(units),
                             [tables] * len(units), [u[1] for u in units], [u[2] for u in units],
                             key=[f"araz-annotate-{k}-{i}of{n}" for k, i, n in units], retries=retries, pure=False)
        of = dict(zip(futures, units))
        for key, n, _ in plan:
            if n > 1:
                deps = [f for f, u in zip(futures, units) if u[0] == key]
                m = client.submit(run_task, str(root), key, ver, tables, -1, n, *deps, key=f"araz-merge-{key}",
                                  retries=retries, pure=False, priority=1)
                of[m] = (key, -1, n)
                merges.append(m)
        for fut in as_completed(list(of)):
            try:
                results.append(fut.result())
            except Exception as exc:  # noqa: BLE001 - after the scheduler's retries
                failed[_name(of[fut])] = f"{type(exc).__name__}: {exc}"
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return len(of)  # the scheduler retries on its own; it does not tell how often


def annotate(store, *, workers: int | None = None, scheduler: str | None = None, backend: str | None = None,
             retries: int = 2, processes: bool = True, tables=None, chunk_docs: int = CHUNK_DOCS) -> AnnotateReport:
    """Annotate every partition of ``store`` not already annotated; return an :class:`AnnotateReport`.

    ``backend``: ``"inline"`` (default), ``"processes"`` (``workers`` local processes) or
    ``"dask"`` (default when ``workers`` or ``scheduler`` is given: a ``LocalCluster`` of
    ``workers`` processes — threads if ``processes=False`` — or the cluster at ``scheduler``).
    ``tables``: only these annotation tables (default: all of :data:`ANNOTATIONS`).
    ``chunk_docs``: documents per task (a larger partition is annotated in chunks; see above).
    Raises :class:`StoreError` naming the partitions that still failed after ``retries``.
    """
    root = check_root(store).resolve()
    backend = backend or ("dask" if (workers or scheduler) else "inline")
    if backend not in ("inline", "processes", "dask"):
        raise StoreError(f"backend {backend!r} is unknown; use 'inline', 'processes' or 'dask'")
    if workers is not None and workers < 1:
        raise StoreError(f"workers={workers}: give at least 1 worker")
    if chunk_docs < 1:
        raise StoreError(f"chunk_docs={chunk_docs}: a task needs at least 1 document")
    tables = _tables(tables)
    t0 = time.perf_counter()
    clock: dict = {}
    ver = version()
    parts = partitions(root)
    skipped = [p.key for p in parts if is_done(root, p, ver, tables)]
    plan = _plan(root, [p for p in parts if p.key not in set(skipped)], chunk_docs)
    results: list[dict] = []
    failed: dict[str, str] = {}
    attempts = 0
    if plan:
        if backend == "inline":
            attempts = _inline(root, plan, ver, tables, retries, results, failed)
        elif backend == "processes":
            attempts = _processes(root, plan, ver, tables, retries, results, failed, workers or os.cpu_count() or 1)
        else:
            attempts = _dask(root, plan, ver, tables, retries, results, failed, workers, scheduler, processes, clock)
    t1 = time.perf_counter()
    staging = root / "annotations" / CHUNKS
    if staging.exists() and not failed:  # the merges removed their chunks; what is left is empty folders
        for d in sorted((x for x in staging.rglob("*") if x.is_dir()), key=lambda x: -len(x.parts)):
            if not any(d.iterdir()):
                d.rmdir()
        if not any(staging.iterdir()):
            staging.rmdir()
    from .rollup import rollup

    rollup(root)  # per-document sums for the explorer's charts (DuckDB; seconds per 10^5 articles)
    whole = [r for r in results if r.get("kind") in ("partition", "merge") or (r["skipped"] and "#" not in r["key"])]
    written = sorted(r["key"] for r in whole if not r["skipped"])
    skipped += [r["key"] for r in whole if r["skipped"]]
    rows: dict[str, int] = {}
    map_start = clock.get("map_start", t0)
    for r in whole:
        for name, k in r["rows"].items():
            rows[name] = rows.get(name, 0) + k
    peaks: dict[str, float] = {}
    for r in results:
        w = f"{r['host']}:{r['pid']}"
        peaks[w] = max(peaks.get(w, 0.0), r["peak_rss_mb"])
    report = AnnotateReport(root, backend, tuple(written), tuple(sorted(skipped)), tuple(sorted(failed)), attempts,
                            rows, time.perf_counter() - t0, max(peaks.values(), default=0.0),
                            sum(r.get("cpu_s", 0.0) for r in results) + clock.get("warm_cpu", 0.0), t1 - map_start,
                            tuple(sorted(Counter(f"{r['host']}:{r['pid']}" for r in results if not r["skipped"]).values())),
                            tuple(r["docs"] for r in results if "docs" in r), sum(r.get("kind") == "merge" for r in results),
                            peaks)
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
