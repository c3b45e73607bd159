"""Shared builder for the exercise notebooks: one spec gives the student and the solution notebook.

A spec is a list of items: ``md(text)``, ``code(text)`` (in both notebooks) and
``Q(question, blank=..., answer=...)``: the question's prompt comes from the package
(``araz.exercises.exNN``), the student gets ``blank`` (with ``____``), the solution
notebook gets ``answer``; both end with ``qN.check(...)``.
"""
from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
from nbbuild import code, md  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


@dataclass
class Q:
    name: str            # "q1"
    blank: str           # the student's cell, with ____ and the check call
    answer: str          # the solution cell, with the same check call
    intro: str = ""      # prose between the prompt and the cell (both notebooks)
    after: str = ""      # prose after the cell (both notebooks)


def _heading(ex_id: str, q: Q) -> str:
    mod = importlib.import_module(f"araz.exercises.{ex_id}")
    question = getattr(mod, q.name)
    kind = {"citation question": "reading — answer with a citation",
            "data question": "data — answer with a value computed with araz",
            "coding task": "coding — write a function; it is tested on cases you have not seen",
            "open question": "open — no automatic check; compare with the model answer",
            "writing task": "writing — every citation and quote is checked; the content is marked by hand"}[question.kind]
    text = f"## Question {q.name[1:]}: {question.title}\n\n*{kind}*\n\n{question.prompt}"
    if q.intro:
        text += "\n\n" + q.intro.strip()
    return text


def _write(path: Path, cells, ex_id: str) -> None:
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["araz"] = {"exercise": ex_id}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:02d}"
    nbformat.validate(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def build(ex_id: str, filename: str, header: str, setup: str, items: list, footer: str) -> None:
    """Write ``exercises/<filename>`` and ``exercises/solutions/<filename>``."""
    student, solution = [md(header)], [md(header + "\n\n> **Solutions notebook** — for lecturers. "
                                             "Every check below passes; the last cell asserts it.")]
    for cells in (student, solution):
        cells.append(code(setup))
    for item in items:
        if isinstance(item, Q):
            head = md(_heading(ex_id, item))
            student += [head, code(item.blank), code(f"# {item.name}.hint()\n# {item.name}.hint(2)\n# {item.name}.solution()")]
            solution += [md(_heading(ex_id, item)), code(item.answer)]
            if item.after:
                student.append(md(item.after))
                solution.append(md(item.after))
        else:
            student.append(item)
            solution.append(nbformat.from_dict(dict(item)))
    student += [md(footer), code("araz.exercises.progress()")]
    solution += [md(footer), code(
        f"araz.exercises.progress({ex_id!r})"), code(
        f"# Every automatic check above passed and every open question was answered in this run:\n"
        f"assert araz.exercises.all_passed({ex_id!r}), araz.exercises.results({ex_id!r})\n"
        f"print('All checks of {ex_id} pass.')")]
    _write(ROOT / "exercises" / filename, student, ex_id)
    _write(ROOT / "exercises" / "solutions" / filename, solution, ex_id)


def setup_cell(ex_id: str, names: list[str]) -> str:
    return (f"import araz\n\ncorpus = araz.load_corpus()\n"
            f"from araz.exercises import ____\n"
            f"from araz.exercises.{ex_id} import {', '.join(names)}")


HOWTO = """
**How the checks work.** Replace each `____` with your answer and run the cell: `q1.check(answer)` says
what is right or wrong and where to look. `q1.hint()`, `q1.hint(2)` and `q1.hint(3)` go from a nudge to
nearly the answer; `q1.solution()` shows the answer with the sentences it rests on (try first!).
Citations are written `"doc_id ¶p.s"` — `corpus.cite("mehr-2021-korybko ¶1.14")` shows the sentence.
Open questions have no automatic check: write your answer, then compare it with the model answer.
`araz.exercises.progress()` at the end shows what you have done.
"""
