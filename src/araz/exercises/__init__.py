"""Exercises with checks, graded hints and solutions — in the style of Kaggle's learntools.

In a student notebook::

    import araz
    corpus = araz.load_corpus()
    from araz.exercises import ____
    from araz.exercises.ex01 import q1, q2

    answer = ____              # replace with your answer
    q1.check(answer)           # what is right or wrong, and where to look
    q1.hint(); q1.hint(2)      # from a nudge to nearly the answer
    q1.solution()              # the answer, with the sentences it rests on

    araz.exercises.progress()  # questions done per notebook

Attempts are kept in a small JSON file (``$ARAZ_PROGRESS_FILE``, or ``araz/progress.json``
in the user's data folder). Lecturers grade a folder of submitted notebooks with
``araz grade SUBMISSIONS_DIR --out grades.csv`` (see :mod:`araz.exercises.grade`).

>>> from araz.exercises import ex01
>>> ex01.q1.kind
'data question'
"""
from __future__ import annotations

import importlib

from ._core import (
    ANSWERED, BLANK, CORRECT, INCORRECT, REGISTRY, ____, is_blank, load_progress, progress_path,
)

#: exercise id → module (``araz.exercises.ex01`` is an alias of ``ex01_sources``)
EXERCISES = {
    "ex01": "ex01_sources",
    "ex02": "ex02_actors",
    "ex03": "ex03_corridors",
    "ex04": "ex04_three_plus_three",
    "ex05": "ex05_tone",
    "ex06": "ex06_briefing",
}

__all__ = ["____", "progress", "all_passed", "results", "questions", "exercise", "progress_path", "EXERCISES"]


def exercise(exercise_id: str):
    """The :class:`~araz.exercises._core.Exercise` for ``"ex01"`` … ``"ex06"`` (imports it)."""
    key = str(exercise_id).strip()
    if key not in EXERCISES:
        short = {v: k for k, v in EXERCISES.items()}.get(key.removesuffix(".ipynb"))
        if short is None:
            raise KeyError(f"no exercise {exercise_id!r}; there are {', '.join(EXERCISES)}")
        key = short
    importlib.import_module(f".{EXERCISES[key]}", __name__)
    return REGISTRY[key]


def questions(exercise_id: str | None = None):
    """A DataFrame of the questions: ``exercise, question, kind, auto, title``."""
    import pandas as pd

    ids = [exercise_id] if exercise_id else list(EXERCISES)
    rows = []
    for e in ids:
        ex = exercise(e)
        for name, q in ex.questions.items():
            rows.append({"exercise": ex.id, "question": name, "kind": q.kind, "auto": q.auto, "title": q.title})
    return pd.DataFrame(rows, columns=["exercise", "question", "kind", "auto", "title"])


def results(exercise_id: str):
    """This session's status of every question of one exercise: ``question, kind, auto, status``.

    Only checks run in this Python session count (a solution notebook asserts on it).
    """
    import pandas as pd

    from ._core import _SESSION

    ex = exercise(exercise_id)
    rows = [{"question": n, "kind": q.kind, "auto": q.auto, "status": _SESSION.get((ex.id, n), BLANK)}
            for n, q in ex.questions.items()]
    return pd.DataFrame(rows, columns=["question", "kind", "auto", "status"])


def all_passed(exercise_id: str) -> bool:
    """True when, in this session, every automatic check of the exercise passed and every open
    question was answered."""
    r = results(exercise_id)
    return bool(((r["auto"] & (r["status"] == CORRECT)) | (~r["auto"] & (r["status"] == ANSWERED))).all())


def progress(exercise_id: str | None = None):
    """A table of what is done, read from the progress file.

    Without an argument: one row per notebook — ``exercise, notebook, questions, correct,
    open_answered, attempted, hints, solutions_viewed, done`` (``done`` like ``"3/7"``).
    With an exercise id: one row per question — ``question, kind, status, attempts,
    hints, solution_viewed``.
    """
    import pandas as pd

    data = load_progress()["exercises"]
    if exercise_id is not None:
        ex = exercise(exercise_id)
        rec = data.get(ex.id, {})
        rows = []
        for n, q in ex.questions.items():
            r = rec.get(n, {})
            rows.append({"question": n, "kind": q.kind, "title": q.title, "status": r.get("status", BLANK),
                         "attempts": int(r.get("attempts", 0)), "hints": int(r.get("hints", 0)),
                         "solution_viewed": bool(r.get("solution_viewed", False))})
        return pd.DataFrame(rows).set_index("question")
    rows = []
    for e in EXERCISES:
        try:
            ex = exercise(e)
        except ImportError:  # pragma: no cover - only while an exercise is being written
            continue
        rec = data.get(ex.id, {})
        st = {n: rec.get(n, {}) for n in ex.questions}
        correct = sum(1 for n, q in ex.questions.items() if q.auto and st[n].get("status") == CORRECT)
        opened = sum(1 for n, q in ex.questions.items() if not q.auto and st[n].get("status") == ANSWERED)
        rows.append({
            "exercise": ex.id, "notebook": ex.notebook, "questions": len(ex.questions), "correct": correct,
            "open_answered": opened,
            "attempted": sum(1 for r in st.values() if r.get("status", BLANK) != BLANK),
            "hints": sum(int(r.get("hints", 0)) for r in st.values()),
            "solutions_viewed": sum(1 for r in st.values() if r.get("solution_viewed")),
            "done": f"{correct + opened}/{len(ex.questions)}",
        })
    return pd.DataFrame(rows).set_index("exercise")


def __getattr__(name: str):
    if name in EXERCISES or name in EXERCISES.values():
        return importlib.import_module(f".{name}", __name__)
    if name == "grade":
        return importlib.import_module(".grade", __name__)
    raise AttributeError(f"module 'araz.exercises' has no attribute '{name}'")
