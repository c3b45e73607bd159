"""The measured steps. Each runs in a **fresh child process**: ``python -m benchmarks.steps SPEC``.

The child pins itself to one CPU, does the untimed set-up (usually loading the corpus),
times the step with ``time.perf_counter`` (wall) and ``time.process_time`` (CPU), and
prints one JSON line (prefixed with :data:`MARK`) with:

* ``timings``: ``{name: [wall_s, cpu_s]}``;
* ``latencies``: per-query wall seconds of the default call (search steps: the best 100,
  ranked, with the count of all matches); ``page_latencies``: the same queries returning
  every match (``limit=None``);
* ``rows``: explorer / briefing rows (``operation, median_ms, p95_ms, n``);
* ``info``: counts that show both sides did the same work (documents, mentions…);
* ``peak_rss_mb``: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` of this child at exit —
  the peak resident memory of the whole process (interpreter, imports, corpus, step);
* ``setup_rss_mb``: the peak (``VmHWM``) reached by the set-up alone, before timing;
* ``skipped``: why the step could not run (e.g. the module it measures is not there yet).

Only the standard library is imported at module level, so ``import araz`` is timed cold.
"""
from __future__ import annotations

import csv
import importlib
import json
import os
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

MARK = "@@ARAZ-BENCH@@"


class Skip(Exception):
    """The step cannot run here (a module or peer is missing); the reason is reported."""


class Recorder:
    def __init__(self):
        self.timings: dict[str, list[float]] = {}
        self.info: dict = {}
        self.latencies: list[float] | None = None
        self.page_latencies: list[float] | None = None
        self.rows: list[dict] | None = None
        self.setup_rss_mb: float | None = None

    @contextmanager
    def time(self, name: str):
        w, c = time.perf_counter(), time.process_time()
        yield
        self.timings[name] = [time.perf_counter() - w, time.process_time() - c]

    def setup_done(self) -> None:
        self.setup_rss_mb = _hwm_mb()


def _hwm_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def _need(module: str):
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == module or module.startswith(exc.name + ".") or exc.name.startswith("araz")):
            raise Skip(f"{module} is not there yet") from None
        raise


def _need_attr(module: str, name: str):
    mod = _need(module)
    fn = getattr(mod, name, None)
    if fn is None:
        raise Skip(f"{module}.{name} is not there yet")
    return fn


def _load(spec):
    import araz

    return araz.load_corpus(spec["corpus"])


# ---- steps -------------------------------------------------------------------------------
def step_import(spec, rec: Recorder):
    rec.setup_done()
    with rec.time("import araz"):
        import araz  # noqa: F401


def step_load(spec, rec: Recorder):
    import araz

    rec.setup_done()
    with rec.time("load_corpus"):
        corpus = araz.load_corpus(spec["corpus"])
    rec.info.update(documents=len(corpus), sentences=len(corpus.sentences),
                    words=int(corpus.documents["n_words"].sum()))


def step_validate(spec, rec: Recorder):
    import araz

    rec.setup_done()
    with rec.time("validate"):
        issues = araz.validate(spec["corpus"])
    rec.info.update(issues=len(issues), errors=sum(i.severity == "error" for i in issues))


def step_pipeline(spec, rec: Recorder):
    """load + actors + corridors + tone, as a notebook does it (also: reopening)."""
    import araz

    actors = _need_attr("araz.actors", "mentions")
    corridors = _need_attr("araz.corridors", "mentions")
    tone = _need_attr("araz.tone", "score_sentences")
    rec.setup_done()
    w, c = time.perf_counter(), time.process_time()
    with rec.time("load_corpus"):
        corpus = araz.load_corpus(spec["corpus"])
    with rec.time("actors.mentions"):
        a = actors(corpus)
    with rec.time("corridors.mentions"):
        k = corridors(corpus)
    with rec.time("tone.score_sentences"):
        t = tone(corpus)
    rec.timings["total"] = [time.perf_counter() - w, time.process_time() - c]
    rec.info.update(documents=len(corpus), actor_mentions=len(a), corridor_mentions=len(k), tone_rows=len(t))


def _compute_only() -> None:
    """Against a peer, time the computation only: the peers keep no on-disk cache, so ours
    neither reads nor writes one here (the pipeline and reopen steps measure the cache)."""
    os.environ["ARAZ_CACHE"] = "off"


def step_match(spec, rec: Recorder):
    mentions = _need_attr("araz.gazetteer", "mentions")
    corpus = _load(spec)
    _compute_only()
    rec.setup_done()
    with rec.time("gazetteer.mentions"):
        m = mentions(corpus)
    rec.info.update(mentions=len(m), documents=len(corpus))


def alias_rows() -> list[dict]:
    """The actor and corridor alias tables, as the kit ships them."""
    from araz.paths import shipped

    rows = []
    for name in ("actor_aliases.csv", "corridor_aliases.csv"):
        path = shipped("gazetteer", name)
        if not path.exists():
            raise Skip(f"data/gazetteer/{name} is not there yet")
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                r["table"] = "ACTOR" if name.startswith("actor") else "CORRIDOR"
                rows.append(r)
    return rows


def entity_ruler(rows: list[dict]):
    """``spacy.blank("en")`` with the aliases as EntityRuler phrase patterns.

    Case-insensitive aliases go to a ruler matching on ``LOWER``, case-sensitive ones to a
    second ruler on ``ORTH`` (one EntityRuler has one ``phrase_matcher_attr``).
    """
    try:
        import spacy
    except ModuleNotFoundError:
        raise Skip("spaCy is not installed (the 'bench' extra)") from None
    nlp = spacy.blank("en")
    ci = [r for r in rows if str(r.get("case_sensitive", "")).strip().lower() not in ("true", "1", "yes")]
    cs = [r for r in rows if r not in ci]
    for name, attr, group in (("aliases_ci", "LOWER", ci), ("aliases_cs", "ORTH", cs)):
        if group:
            ruler = nlp.add_pipe("entity_ruler", name=name, config={"phrase_matcher_attr": attr})
            ruler.add_patterns([{"label": r["table"], "pattern": r["alias"], "id": r["entity_id"]} for r in group])
    return nlp


def step_ruler(spec, rec: Recorder):
    rows = alias_rows()
    corpus = _load(spec)
    texts = [d.text for d in corpus]
    rec.setup_done()
    n = 0
    with rec.time("EntityRuler"):
        nlp = entity_ruler(rows)
        for doc in nlp.pipe(texts, batch_size=64):
            n += len(doc.ents)
    rec.info.update(entities=n, patterns=len(rows), documents=len(texts))


def step_tone(spec, rec: Recorder):
    score = _need_attr("araz.tone", "score_sentences")
    corpus = _load(spec)
    _compute_only()
    rec.setup_done()
    with rec.time("tone.score_sentences"):
        t = score(corpus)
    rec.info.update(rows=len(t), sentences=len(corpus.sentences))


def step_vader(spec, rec: Recorder):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    corpus = _load(spec)
    texts = corpus.sentences["text"].tolist()
    rec.setup_done()
    with rec.time("VADER"):
        analyzer = SentimentIntensityAnalyzer()
        scores = [analyzer.polarity_scores(s)["compound"] for s in texts]
    rec.info.update(sentences=len(scores))


def _workload(corpus, spec):
    from .queries import workload

    try:
        actors = sorted({r["entity_id"] for r in alias_rows() if r["table"] == "ACTOR"})
    except Skip:  # no actor table yet: the workload has no actor filters
        actors = []
    outlets = sorted(corpus.documents["outlet"].unique())
    return workload(outlets, actors, n=spec.get("queries", 60), seed=spec.get("seed", 0))


def step_search(spec, rec: Recorder):
    search_mod = _need("araz.search")
    search = getattr(search_mod, "search", None)
    if search is None:
        raise Skip("araz.search.search is not there yet")
    corpus = _load(spec)
    queries = _workload(corpus, spec)
    rec.setup_done()
    build = next((getattr(search_mod, n) for n in ("build_index", "index", "ensure_index") if callable(getattr(search_mod, n, None))), None)
    if build is not None:
        with rec.time("index build"):
            build(corpus)
    else:  # the first query builds the index
        with rec.time("index build"):
            search(corpus, queries[0].fts(), **queries[0].kwargs())
    lat, page, hits = [], [], 0
    for q in queries:  # the default call (best 100 ranked + the count of all matches), then every match
        w = time.perf_counter()
        res = search(corpus, q.fts(), **q.kwargs())
        lat.append(time.perf_counter() - w)
        hits += int(res.attrs.get("total", len(res)))
        w = time.perf_counter()
        search(corpus, q.fts(), limit=None, **q.kwargs())
        page.append(time.perf_counter() - w)
    rec.latencies = lat
    rec.page_latencies = page
    rec.info.update(queries=len(queries), hits=hits)


def step_pandas(spec, rec: Recorder):
    """The peer of search: ``str.contains`` over the sentences, filtered by outlet/date/actor."""
    import pandas as pd

    from araz.dates import parse_bound

    corpus = _load(spec)
    queries = _workload(corpus, spec)
    docs = corpus.documents[["doc_id", "outlet", "published_start", "published_end"]]
    frame = corpus.sentences[["doc_id", "citation", "text"]].merge(docs, on="doc_id", how="left")
    actor_docs: dict[str, set] = {}
    if any(q.actors for q in queries):
        try:
            m = _need_attr("araz.actors", "mentions")(corpus)
            col = "entity_id" if "entity_id" in m.columns else ("actor_id" if "actor_id" in m.columns else None)
            if col:
                actor_docs = m.groupby(col)["doc_id"].agg(set).to_dict()
        except Skip:
            pass
    rec.setup_done()
    lat, hits = [], 0
    for q in queries:
        w = time.perf_counter()
        mask = pd.Series(True, index=frame.index)
        if q.outlets:
            mask &= frame["outlet"].isin(q.outlets)
        if q.start:
            mask &= frame["published_end"] >= pd.Timestamp(parse_bound(q.start, first=True))
        if q.end:
            mask &= frame["published_start"] <= pd.Timestamp(parse_bound(q.end, first=False))
        if q.actors:
            mask &= frame["doc_id"].isin(set().union(*(actor_docs.get(a, set()) for a in q.actors)))
        sub = frame[mask]
        for pat in q.patterns():
            sub = sub[sub["text"].str.contains(pat, regex=True)]
        lat.append(time.perf_counter() - w)
        hits += len(sub)
    rec.latencies = lat
    rec.info.update(queries=len(queries), hits=hits)


def _bench_module(name: str):
    here = Path(__file__).resolve().parent
    if not (here / f"{name}.py").exists():
        raise Skip(f"benchmarks/{name}.py is not there yet")
    mod = importlib.import_module(f"benchmarks.{name}")
    if not callable(getattr(mod, "run", None)):
        raise Skip(f"benchmarks/{name}.py has no run(corpus)")
    return mod


def _rows_step(name: str, spec, rec: Recorder):
    mod = _bench_module(name)
    corpus = _load(spec)
    rec.setup_done()
    with rec.time("run"):
        rows = mod.run(corpus)
    rec.rows = [dict(r) for r in rows]


def step_explorer(spec, rec: Recorder):
    _rows_step("bench_explorer", spec, rec)


def step_briefing(spec, rec: Recorder):
    _rows_step("bench_briefing", spec, rec)


STEPS = {
    "import": step_import, "load": step_load, "validate": step_validate, "pipeline": step_pipeline,
    "reopen": step_pipeline, "match": step_match, "ruler": step_ruler, "tone": step_tone,
    "vader": step_vader, "search": step_search, "pandas": step_pandas,
    "explorer": step_explorer, "briefing": step_briefing,
}


def run_step(spec: dict) -> dict:
    """Run one step in this process and return its result record (see the module docstring)."""
    rec = Recorder()
    out: dict = {"step": spec["step"]}
    try:
        STEPS[spec["step"]](spec, rec)
    except Skip as exc:
        out["skipped"] = str(exc)
    out.update(timings=rec.timings, info=rec.info, peak_rss_mb=_peak_mb(), setup_rss_mb=rec.setup_rss_mb)
    if rec.latencies is not None:
        out["latencies"] = rec.latencies
    if rec.page_latencies is not None:
        out["page_latencies"] = rec.page_latencies
    if rec.rows is not None:
        out["rows"] = rec.rows
    return out


def main(argv: list[str] | None = None) -> int:
    spec = json.loads((argv or sys.argv[1:])[0])
    cpu = spec.get("cpu")
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {int(cpu)})
        except OSError:
            pass
    out = run_step(spec)
    sys.stdout.write(MARK + json.dumps(out, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
