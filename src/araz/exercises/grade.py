"""Grade a folder of submitted exercise notebooks: ``araz grade SUBMISSIONS_DIR --out grades.csv``.

Each notebook runs top to bottom on a fresh kernel, in its own throwaway copy of the
exercise folder, with a time limit for the whole notebook and limits on memory, CPU time,
processes, file size and output (``araz.exercises.sandbox``). The checks the student ran (``q1.check(...)``) are read
back from a progress file private to that run, so a question passes when its last check
in the notebook passed. A cell that raises is reported and the cells after it still run;
a notebook that runs past a limit is stopped (the checks before that point count) and its
row says which limit (``timeout``, ``memory limit``, ``cpu time limit``, ``file size limit``,
``too much output``); a file that is not a notebook (``not a notebook``), cannot be read as
one (``invalid notebook``) or asks for a kernel other than Python (``unknown kernel``) is
reported in its row. Grading always goes on with the next file.

Layout of the folder: either one notebook per student named after them
(``alice.ipynb``), or one folder per student holding their notebooks
(``alice/ex01_sources.ipynb``, ``alice/ex02_actors.ipynb``). One row per student.

Columns of the grades CSV: ``student, files, exercises, status, <ex01.q1> …, passed,
auto_questions, score, open_answered, hints, solutions_viewed, cell_errors, message``.
A question column holds ``pass``, ``fail``, ``blank`` (never checked, or checked with
``____``), ``open`` (an open question answered: mark it by hand with its rubric) or is
empty when the student did not submit that exercise. ``score`` is the percentage of
automatic questions passed. A summary (per-question pass rates) is written next to it
as ``<out stem>_summary.csv`` and printed.

Warning: grading runs the students' code, and the limits are not a security sandbox. Run it
as a user who can lose nothing, or in a container (docs/seminar_guide.md, "Grading safely").
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import EXERCISES, exercise
from ._core import ANSWERED, BLANK, CORRECT
from .sandbox import Limits, run_notebook

DEFAULT_TIMEOUT = 300
MAX_NOTEBOOK_MB = 50  # a submitted file larger than this is not read (no exercise notebook comes near it)
_EX_IN_SOURCE = re.compile(r"araz\.exercises(?:\.|\s+import\s+(?:[\w, ]*\s)?)(ex0\d)\b")
_EX_IN_NAME = re.compile(r"(ex0\d)")
GRADE_VALUES = {CORRECT: "pass", "incorrect": "fail", BLANK: "blank", ANSWERED: "open"}


@dataclass
class NotebookResult:
    """What happened to one submitted file."""

    path: Path
    student: str
    exercise: str | None = None
    status: str = "ok"  # ok | errors | timeout | <which> limit | too much output | unknown kernel | invalid notebook …
    message: str = ""
    cell_errors: int = 0
    questions: dict = field(default_factory=dict)  # "ex01.q1" -> pass/fail/blank/open
    hints: int = 0
    solutions_viewed: int = 0


def student_of(path: Path, root: Path) -> str:
    """The student a file belongs to: its top folder under ``root``, else its file name."""
    rel = path.relative_to(root)
    return rel.parts[0] if len(rel.parts) > 1 else path.stem


def submissions(root: Path) -> list[Path]:
    """Every file under ``root`` that is a submission (hidden files and checkpoints skipped)."""
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        out.append(p)
    return out


def exercise_of(nb, path: Path) -> str | None:
    """Which exercise a notebook is: its ``araz`` metadata, then its imports, then its file name."""
    meta = (nb.get("metadata") or {}).get("araz") or {}
    if meta.get("exercise") in EXERCISES:
        return meta["exercise"]
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            m = _EX_IN_SOURCE.search(cell.get("source", ""))
            if m and m.group(1) in EXERCISES:
                return m.group(1)
    m = _EX_IN_NAME.search(path.name)
    return m.group(1) if m and m.group(1) in EXERCISES else None


def kit_exercise_folder() -> Path | None:
    """The kit's ``exercises/`` folder (student notebooks), when the package runs from a checkout."""
    folder = Path(__file__).resolve().parents[3] / "exercises"
    return folder if (folder / "ex01_sources.ipynb").is_file() else None


def _throwaway_exercise_folder(work: Path) -> Path:
    """A fresh copy of the exercise folder (its notebooks, not the solutions) for one submission."""
    dest = work / "exercises"
    dest.mkdir()
    kit = kit_exercise_folder()
    if kit is not None:
        for p in kit.glob("*.ipynb"):
            shutil.copy2(p, dest / p.name)
    return dest


def _kernel_problem(nb) -> str | None:
    """Why the notebook's kernel cannot be used (grading runs Python only), or ``None``."""
    spec = (nb.get("metadata") or {}).get("kernelspec") or {}
    name, language = spec.get("name"), (spec.get("language") or "").lower()
    if not name or name == "python3" or language == "python":
        return None
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        found = KernelSpecManager().get_kernel_spec(name)
        if (found.language or "").lower() == "python":
            return None
    except Exception:  # NoSuchKernel, or no kernel specs at all
        pass
    return (f"the notebook asks for kernel {name!r}{f' ({language})' if language else ''}; grading runs Python "
            f"(python3) only: in JupyterLab choose Kernel → Change Kernel → Python 3 and submit again")


def grade_notebook(path: Path, student: str, timeout: float = DEFAULT_TIMEOUT,
                   limits: Limits = Limits()) -> NotebookResult:
    """Run one submitted file in a throwaway copy of the exercise folder and read back its checks."""
    import nbformat

    res = NotebookResult(path=path, student=student)
    if path.suffix.lower() != ".ipynb":
        res.status = "not a notebook"
        res.message = f"a {path.suffix or 'file without extension'} file, not a notebook; submit the .ipynb file"
        res.exercise = exercise_of({}, path)
        return res
    size_mb = path.stat().st_size / 2**20
    try:
        if size_mb > MAX_NOTEBOOK_MB:
            raise ValueError(f"{size_mb:.0f} MB, more than the {MAX_NOTEBOOK_MB} MB an exercise notebook can be")
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # NotJSONError, ValidationError, UnicodeDecodeError…
        res.status = "invalid notebook"
        first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        res.message = f"cannot be read as a notebook ({type(exc).__name__}: {first}); submit the .ipynb file " \
                      f"as JupyterLab saved it"
        res.exercise = exercise_of({}, path)
        return res
    res.exercise = exercise_of(nb, path)
    data: dict = {}
    problem = _kernel_problem(nb)
    if problem:
        res.status, res.message = "unknown kernel", problem
    else:
        for cell in nb.cells:  # run what the student wrote, not what they last saw
            if cell.get("cell_type") == "code":
                cell["outputs"] = []
                cell["execution_count"] = None
        work = Path(tempfile.mkdtemp(prefix="araz-grade-"))
        try:
            folder = _throwaway_exercise_folder(work)
            progress_file = work / "progress.json"
            res.status, res.message, res.cell_errors = run_notebook(nb, folder, progress_file, timeout, limits)
            try:
                data = json.loads(progress_file.read_text(encoding="utf-8")).get("exercises", {})
            except (OSError, ValueError, AttributeError):
                data = {}
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if res.exercise is None and data:
        res.exercise = sorted(data)[0]
    if res.exercise is None:
        res.message = "; ".join(filter(None, [res.message, "no exercise found in this notebook (no araz.exercises import)"]))
        return res
    ex = exercise(res.exercise)
    rec = data.get(ex.id, {}) if isinstance(data, dict) else {}
    for name in ex.questions:
        r = rec.get(name, {}) if isinstance(rec, dict) else {}
        r = r if isinstance(r, dict) else {}
        res.questions[f"{ex.id}.{name}"] = GRADE_VALUES.get(r.get("status", BLANK), "blank")
        res.hints += _int(r.get("hints", 0))
        res.solutions_viewed += int(bool(r.get("solution_viewed", False)))
    return res


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def grade_folder(folder, out=None, timeout: float = DEFAULT_TIMEOUT, *, echo: bool = False,
                 limits: Limits = Limits()):
    """Grade every submission under ``folder``; return ``(grades, summary)`` DataFrames.

    Writes ``out`` (CSV, one row per student) and ``<out stem>_summary.csv`` when ``out`` is given.
    """
    import pandas as pd

    root = Path(folder).expanduser()
    if not root.is_dir():
        from ..errors import ArazError

        raise ArazError(f"{root}: not a folder of submissions; give the folder that holds the students' notebooks")
    files = submissions(root)
    results: list[NotebookResult] = []
    for i, path in enumerate(files, start=1):
        student = student_of(path, root)
        if echo:
            print(f"[{i}/{len(files)}] {path.relative_to(root)} …", end=" ", flush=True)
        t0 = time.monotonic()
        try:
            r = grade_notebook(path, student, timeout, limits)
        except Exception as exc:  # never stop the whole run for one file
            r = NotebookResult(path=path, student=student, status="failed to run",
                               message=f"{type(exc).__name__}: {exc}")
        results.append(r)
        if echo:
            passed = sum(v == "pass" for v in r.questions.values())
            print(f"{r.status}, {passed} passed ({time.monotonic() - t0:.0f} s)" + (f" — {r.message}" if r.message else ""))

    # one column per question of every exercise that anyone submitted, in order
    seen = sorted({r.exercise for r in results if r.exercise})
    qcols, kinds = [], {}
    for e in seen:
        ex = exercise(e)
        for name, q in ex.questions.items():
            qcols.append(f"{ex.id}.{name}")
            kinds[f"{ex.id}.{name}"] = q
    rows = {}
    for r in results:
        row = rows.setdefault(r.student, {"student": r.student, "files": [], "exercises": [], "statuses": [],
                                          "messages": [], "cell_errors": 0, "hints": 0, "solutions_viewed": 0,
                                          "q": {}})
        rel = r.path.relative_to(root).as_posix()
        row["files"].append(rel)
        if r.exercise and r.exercise not in row["exercises"]:
            row["exercises"].append(r.exercise)
        row["statuses"].append(r.status)
        if r.message:
            row["messages"].append(f"{rel}: {r.message}")
        row["cell_errors"] += r.cell_errors
        row["hints"] += r.hints
        row["solutions_viewed"] += r.solutions_viewed
        for k, v in r.questions.items():  # a second copy of an exercise keeps the better result
            if k not in row["q"] or _rank(v) > _rank(row["q"][k]):
                row["q"][k] = v
    out_rows = []
    for student, row in sorted(rows.items()):
        auto = [k for k in row["q"] if kinds[k].auto]
        passed = sum(row["q"][k] == "pass" for k in auto)
        worst = max(row["statuses"], key=_status_rank)
        rec = {"student": student, "files": "; ".join(row["files"]), "exercises": "; ".join(row["exercises"]),
               "status": worst}
        for k in qcols:
            rec[k] = row["q"].get(k, "")
        rec.update({
            "passed": passed, "auto_questions": len(auto),
            "score": round(100 * passed / len(auto), 1) if auto else 0.0,
            "open_answered": sum(row["q"][k] == "open" for k in row["q"] if not kinds[k].auto),
            "hints": row["hints"], "solutions_viewed": row["solutions_viewed"], "cell_errors": row["cell_errors"],
            "message": " | ".join(row["messages"]),
        })
        out_rows.append(rec)
    columns = ["student", "files", "exercises", "status", *qcols, "passed", "auto_questions", "score",
               "open_answered", "hints", "solutions_viewed", "cell_errors", "message"]
    grades = pd.DataFrame(out_rows, columns=columns)

    srows = []
    for k in qcols:
        vals = [row["q"][k] for row in rows.values() if k in row["q"]]
        q = kinds[k]
        srows.append({"question": k, "kind": q.kind, "title": q.title, "submitted": len(vals),
                      "passed": sum(v == "pass" for v in vals), "failed": sum(v == "fail" for v in vals),
                      "blank": sum(v == "blank" for v in vals), "open_answered": sum(v == "open" for v in vals),
                      "pass_rate": round(100 * sum(v == "pass" for v in vals) / len(vals), 1) if vals and q.auto else None})
    summary = pd.DataFrame(srows, columns=["question", "kind", "title", "submitted", "passed", "failed", "blank",
                                           "open_answered", "pass_rate"])
    if out is not None:
        out = Path(out).expanduser()
        out.parent.mkdir(parents=True, exist_ok=True)
        grades.to_csv(out, index=False)
        summary.to_csv(summary_path(out), index=False)
    return grades, summary


def summary_path(out: Path) -> Path:
    out = Path(out)
    return out.with_name(f"{out.stem}_summary{out.suffix or '.csv'}")


def _rank(v: str) -> int:
    return {"pass": 3, "open": 2, "fail": 1, "blank": 0}.get(v, 0)


def _status_rank(s: str) -> int:
    return STATUSES.index(s) if s in STATUSES else len(STATUSES)


# every status a notebook can end with, from best to worst (a student's row shows their worst)
STATUSES = ["ok", "errors", "timeout", "cpu time limit", "memory limit", "file size limit", "too much output",
            "failed to run", "unknown kernel", "invalid notebook", "not a notebook"]


def summary_lines(grades, summary) -> list[str]:
    """A few lines for the terminal: counts by status, mean score, hardest questions."""
    n = len(grades)
    counts = grades["status"].value_counts().to_dict() if n else {}
    lines = [f"Graded {n} student{'s' if n != 1 else ''}: " +
             ", ".join(f"{v} {k}" for k, v in sorted(counts.items(), key=lambda kv: _status_rank(kv[0])))]
    if n:
        lines.append(f"Mean score {grades['score'].mean():.1f}% (automatic questions); "
                     f"open answers to mark by hand: {int(grades['open_answered'].sum())}.")
    auto = summary.dropna(subset=["pass_rate"])
    if len(auto):
        hard = auto.sort_values("pass_rate").head(3)
        lines.append("Hardest questions: " + ", ".join(f"{r.question} ({r.pass_rate:.0f}% passed)" for r in hard.itertuples()))
    return lines


def _cli(args) -> int:
    out = Path(args.out)
    if args.timeout <= 0:
        from ..errors import ArazError

        raise ArazError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    for flag in ("memory_mb", "cpu_seconds", "max_processes", "max_file_mb", "max_output_mb"):
        value = getattr(args, flag)
        if value is not None and value <= 0:
            from ..errors import ArazError

            raise ArazError(f"--{flag.replace('_', '-')} must be a positive number, not {value:g}")
    limits = Limits(memory_mb=int(args.memory_mb), cpu_seconds=None if args.cpu_seconds is None else int(args.cpu_seconds),
                    processes=int(args.max_processes), file_mb=int(args.max_file_mb), output_mb=args.max_output_mb)
    grades, summary = grade_folder(args.submissions, out, timeout=args.timeout, echo=True, limits=limits)
    print()
    for line in summary_lines(grades, summary):
        print(line)
    print(f"Wrote {out} (one row per student) and {summary_path(out)} (per question).")
    return 0


def register(subparsers) -> None:
    """Add ``araz grade SUBMISSIONS_DIR --out grades.csv [--timeout S] [--memory-mb M] …`` to ``araz``."""
    p = subparsers.add_parser(
        "grade", help="grade a folder of submitted exercise notebooks",
        description="Run each submitted exercise notebook on a fresh kernel with a time limit and record, per "
                    "student, which questions pass. One notebook per student (alice.ipynb) or one folder per "
                    "student (alice/ex01_sources.ipynb). Broken, looping or non-notebook submissions are reported "
                    "in their row; grading goes on. Each notebook runs in a throwaway copy of the exercise folder "
                    "with limits on memory, CPU time, processes, file size and output. This runs the students' "
                    "code and is not a security sandbox: for untrusted submissions grade inside a container.")
    p.add_argument("submissions", metavar="SUBMISSIONS_DIR", help="folder of submitted notebooks")
    p.add_argument("--out", default="grades.csv", help="CSV to write, one row per student (default: grades.csv); "
                                                       "a per-question summary goes to <stem>_summary.csv")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds allowed for each notebook (default: {DEFAULT_TIMEOUT})")
    d = Limits()
    p.add_argument("--memory-mb", type=float, default=d.memory_mb,
                   help=f"memory (address space) of each notebook's kernel, in MB (default: {d.memory_mb})")
    p.add_argument("--cpu-seconds", type=float, default=None,
                   help="CPU seconds each notebook's kernel may use (default: the --timeout plus 30)")
    p.add_argument("--max-processes", type=float, default=d.processes,
                   help=f"processes and threads a notebook may start (default: {d.processes})")
    p.add_argument("--max-file-mb", type=float, default=d.file_mb,
                   help=f"largest file a notebook may write, in MB (default: {d.file_mb})")
    p.add_argument("--max-output-mb", type=float, default=d.output_mb,
                   help=f"output a notebook may print before it is stopped, in MB (default: {d.output_mb:g})")
    p.set_defaults(func=_cli)


def main(argv=None) -> int:  # pragma: no cover - `python -m araz.exercises.grade`
    import argparse

    parser = argparse.ArgumentParser(prog="araz-grade")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(["grade", *(argv if argv is not None else sys.argv[1:])])
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
