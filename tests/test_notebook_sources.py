"""Every committed notebook is what its Jupytext source says (``make notebooks``), and the
exercise sources give a student and a solutions notebook from one file."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import nbformat
import pytest

from araz import exercises

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

GUIDED = build.guided_sources()
EXERCISE_SOURCES = build.exercise_sources()


def test_every_guided_notebook_has_a_percent_source_and_back():
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks and sorted(p.stem for p in GUIDED) == notebooks
    for source in GUIDED:
        head = source.read_text(encoding="utf-8").splitlines()[:12]
        assert head[0] == "# ---" and "#       format_name: percent" in head, f"{source.name} is not percent format"


def test_every_exercise_has_one_source_for_its_two_notebooks():
    names = [f"{m}.py" for m in exercises.EXERCISES.values()]
    assert [p.name for p in EXERCISE_SOURCES] == names
    for source in EXERCISE_SOURCES:
        assert set(build.expected(source)) == {ROOT / "exercises" / f"{source.stem}.ipynb",
                                              ROOT / "exercises" / "solutions" / f"{source.stem}.ipynb"}


def test_every_notebook_agrees_with_its_source():
    stale = [f"{nb.relative_to(ROOT)} (from {src.relative_to(ROOT)})" for src, nb in build.stale()]
    assert stale == [], "run `make notebooks`: " + ", ".join(stale)


def _copy_kit(tmp_path: Path) -> Path:
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_an_edited_source_is_caught_until_the_notebooks_are_rebuilt(tmp_path):
    root = _copy_kit(tmp_path)
    assert build.stale(root) == []
    guided = root / "notebooks" / "01_sources.py"
    guided.write_text(guided.read_text(encoding="utf-8").replace("# %% [markdown]", "# %% [markdown]\n# A new line.", 1),
                      encoding="utf-8")
    ex = root / "exercises" / "solutions" / "ex02_actors.py"
    ex.write_text(ex.read_text(encoding="utf-8") + "\n# %% tags=[\"solution\"]\nprint('one more')\n", encoding="utf-8")
    assert {nb.relative_to(root).as_posix() for _, nb in build.stale(root)} == {
        "notebooks/01_sources.ipynb", "exercises/solutions/ex02_actors.ipynb"}  # the student notebook is unchanged
    for source, path in build.stale(root):
        nbformat.write(build.expected(source)[path], str(path))
    assert build.stale(root) == []
    assert nbformat.read(root / "notebooks" / "01_sources.ipynb", as_version=4).cells[0].source.startswith("A new line.")


def test_an_edited_notebook_is_caught(tmp_path):
    root = _copy_kit(tmp_path)
    path = root / "exercises" / "ex03_corridors.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source += "\nprint('edited in the notebook, not in the source')"
    nbformat.write(nb, str(path))
    assert [p.relative_to(root).as_posix() for _, p in build.stale(root)] == ["exercises/ex03_corridors.ipynb"]


def test_student_and_solution_cells_go_to_their_own_notebook(tmp_path):
    source = tmp_path / "exercises" / "solutions" / "ex09_example.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "# ---\n# jupyter:\n#   araz:\n#     exercise: ex09\n#   kernelspec:\n#     display_name: Python 3\n"
        "#     language: python\n#     name: python3\n# ---\n\n"
        "# %% [markdown]\n# # Example exercise\n\n"
        "# %% [markdown] tags=[\"solution\"]\n# Solutions notebook.\n\n"
        "# %%\nimport araz\n\n"
        "# %% tags=[\"student\"]\nanswer = ____\n\n"
        "# %% tags=[\"solution\", \"keep-me\"]\nanswer = 42\n", encoding="utf-8")
    student, solution = build.expected(source).values()
    assert [c.source for c in student.cells] == ["# Example exercise", "import araz", "answer = ____"]
    assert [c.source for c in solution.cells] == ["# Example exercise", "Solutions notebook.", "import araz", "answer = 42"]
    assert solution.cells[-1].metadata == {"tags": ["keep-me"]}  # only the two variant tags are removed
    for nb in (student, solution):
        assert nb.metadata["araz"] == {"exercise": "ex09"} and nb.metadata["kernelspec"]["name"] == "python3"
        assert "jupytext" not in nb.metadata
        assert [c.id for c in nb.cells] == [f"c{i:02d}" for i in range(len(nb.cells))]
        assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("source", EXERCISE_SOURCES, ids=lambda p: p.stem)
def test_exercise_question_headings_match_the_package(source):
    """The prompts live in araz.exercises (the checks use them); the notebooks must say the same."""
    student = nbformat.read(ROOT / "exercises" / f"{source.stem}.ipynb", as_version=4)
    markdown = [c.source for c in student.cells if c.cell_type == "markdown"]
    ex = exercises.exercise(source.stem)
    for name, q in ex.questions.items():
        heading = f"## Question {name[1:]}: {q.title}\n\n"
        cells = [m for m in markdown if m.startswith(heading)]
        assert len(cells) == 1, f"{source.name}: no heading {heading.strip()!r}"
        assert q.prompt.strip() in cells[0], f"{source.name}: the prompt of {name} differs from araz.exercises.{ex.id}"
