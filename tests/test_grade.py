"""``araz grade``: one row per student, per-question pass/fail, and broken submissions survive."""
from __future__ import annotations

import csv
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from araz import cli
from araz.exercises import grade

TIMEOUT = 40  # seconds per notebook: the hanging one is stopped after this
ALWAGHT, FTRIBUNE, ANON = "alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku", "anon-2025-pezeshkian-visit"

SETUP = {
    "ex01": "import araz\ncorpus = araz.load_corpus()\nfrom araz.exercises import ____\n"
            "from araz.exercises.ex01 import q1, q2, q3, q4, q5, q6, q7",
    "ex04": "import araz\ncorpus = araz.load_corpus()\nfrom araz.exercises import ____\n"
            "from araz.exercises.ex04 import q1, q2, q3, q4, q5, q6, q7",
}
RIGHT = {
    "q1": f'q1.check("{ANON}")',
    "q2": f'q2.check("{ALWAGHT} ¶5.1")',
    "q3": 'q3.check("2025-12-07")',
    "q4": f'q4.check("{FTRIBUNE} ¶4.1")',
    "q5": 'q5.check("quoted")',
    "q6": ("import re\ndef cite_word(corpus, word):\n"
           "    p = re.compile(r'(?<!\\w)' + re.escape(word) + r'(?!\\w)', re.I)\n"
           "    return [c for c, t in zip(corpus.sentences.citation, corpus.sentences.text) if p.search(t)]\n"
           "q6.check(cite_word)"),
    "q7": f'q7.check("""Outlet and author are unknown; the date is an estimate ({ANON} ¶4.1). ' + "word " * 60 + '""")',
}


def notebook(path: Path, exercise: str, *cells: str, metadata: bool = True) -> Path:
    nb = new_notebook(cells=[new_markdown_cell(f"# {exercise}"), new_code_cell(SETUP[exercise]),
                             *(new_code_cell(c) for c in cells)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if metadata:
        nb.metadata["araz"] = {"exercise": exercise}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade a folder of mixed submissions once, through the command line."""
    root = tmp_path_factory.mktemp("submissions")
    notebook(root / "alice.ipynb", "ex01", *RIGHT.values())                                    # all correct
    notebook(root / "bob.ipynb", "ex01", RIGHT["q1"], f'q2.check("{ALWAGHT} ¶9.2")', RIGHT["q3"],
             "q4.check(____)", metadata=False)                                                 # partly correct
    notebook(root / "carol.ipynb", "ex01", "undefined_name + 1", 'q1.check("unknown")',
             'q3.check("2025-12-08")', "raise ValueError('my own bug')")                       # failing, with errors
    notebook(root / "dave.ipynb", "ex01", RIGHT["q1"], "while True:\n    pass", RIGHT["q2"])  # hangs
    (root / "eve.ipynb").write_text("{ this is not a notebook", encoding="utf-8")             # corrupt
    (root / "frank.txt").write_text("my answers are in the attached Word file", encoding="utf-8")  # not a notebook
    notebook(root / "grace" / "ex01_sources.ipynb", "ex01", RIGHT["q1"])                      # one student,
    notebook(root / "grace" / "ex04_three_plus_three.ipynb", "ex04", f'q1.check("mehr-2021-korybko ¶1.6")')  # two notebooks
    (root / ".ipynb_checkpoints").mkdir()
    (root / ".ipynb_checkpoints" / "alice-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "grades.csv"
    code = cli.main(["grade", str(root), "--out", str(out), "--timeout", str(TIMEOUT)])
    with out.open(encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    return code, out, rows


def test_grading_goes_on_and_writes_one_row_per_student(graded):
    code, out, rows = graded
    assert code == 0
    assert sorted(rows) == ["alice", "bob", "carol", "dave", "eve", "frank", "grace"]


def test_a_correct_submission_passes_every_automatic_question(graded):
    alice = graded[2]["alice"]
    assert alice["status"] == "ok" and alice["exercises"] == "ex01"
    assert [alice[f"ex01.q{i}"] for i in range(1, 8)] == ["pass"] * 6 + ["open"]
    assert (alice["passed"], alice["auto_questions"], alice["score"]) == ("6", "6", "100.0")
    assert alice["open_answered"] == "1"


def test_a_partly_correct_submission_gets_per_question_results(graded):
    bob = graded[2]["bob"]  # no araz metadata: the exercise is found from its imports
    assert bob["status"] == "ok" and bob["exercises"] == "ex01"
    assert [bob[f"ex01.q{i}"] for i in range(1, 6)] == ["pass", "fail", "pass", "blank", "blank"]
    assert (bob["passed"], bob["score"]) == ("2", "33.3")


def test_cells_that_raise_are_reported_and_the_rest_still_runs(graded):
    carol = graded[2]["carol"]
    assert carol["status"] == "errors" and carol["cell_errors"] == "2"
    assert "NameError" in carol["message"] and "my own bug" in carol["message"]
    assert carol["ex01.q1"] == "fail" and carol["ex01.q3"] == "fail" and carol["passed"] == "0"


def test_a_hanging_notebook_is_stopped_and_keeps_what_it_checked_before(graded):
    dave = graded[2]["dave"]
    assert dave["status"] == "timeout" and f"{TIMEOUT} s" in dave["message"]
    assert dave["ex01.q1"] == "pass" and dave["ex01.q2"] == "blank"


def test_corrupt_files_and_non_notebooks_are_reported_in_their_row(graded):
    rows = graded[2]
    assert rows["eve"]["status"] == "not a notebook" and "cannot be read as a notebook" in rows["eve"]["message"]
    assert rows["frank"]["status"] == "not a notebook" and "submit the .ipynb" in rows["frank"]["message"]
    assert rows["eve"]["passed"] == "0" and rows["eve"]["ex01.q1"] == ""


def test_a_student_folder_with_two_notebooks_is_one_row(graded):
    grace = graded[2]["grace"]
    assert grace["exercises"] == "ex01; ex04" and grace["status"] == "ok"
    assert grace["ex01.q1"] == "pass" and grace["ex04.q1"] == "pass" and grace["ex04.q2"] == "blank"
    assert (grace["passed"], grace["auto_questions"]) == ("2", "12")
    assert graded[2]["alice"]["ex04.q1"] == ""  # did not submit ex04


def test_a_summary_per_question_is_written_next_to_the_grades(graded):
    code, out, rows = graded
    summary = grade.summary_path(out)
    assert summary.name == "grades_summary.csv"
    with summary.open(encoding="utf-8") as fh:
        per_q = {r["question"]: r for r in csv.DictReader(fh)}
    assert per_q["ex01.q1"]["passed"] == "4"  # alice, bob, dave, grace
    assert per_q["ex01.q7"]["pass_rate"] == ""  # open questions are marked by hand
    assert per_q["ex01.q7"]["open_answered"] == "1"


def test_the_command_prints_a_summary_and_where_it_wrote(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["grade", str(empty), "--out", str(tmp_path / "g.csv")]) == 0
    out = capsys.readouterr().out
    assert "Graded 0 students" in out and "g_summary.csv" in out
    assert (tmp_path / "g.csv").read_text(encoding="utf-8").startswith("student,files,exercises,status,")


def test_summary_lines_count_statuses_and_name_the_hardest_questions():
    import pandas as pd

    grades = pd.DataFrame({"status": ["ok", "ok", "timeout", "not a notebook"], "score": [100.0, 50.0, 0.0, 0.0],
                           "open_answered": [1, 0, 0, 0]})
    summary = pd.DataFrame({"question": ["ex01.q1", "ex01.q2"], "pass_rate": [75.0, 25.0]})
    lines = grade.summary_lines(grades, summary)
    assert lines[0] == "Graded 4 students: 2 ok, 1 timeout, 1 not a notebook"
    assert "Mean score 37.5%" in lines[1] and "ex01.q2 (25% passed)" in lines[2]


def test_which_exercise_a_notebook_is(tmp_path):
    nb = nbformat.read(str(notebook(tmp_path / "x.ipynb", "ex04", "q1.check(1)", metadata=False)), as_version=4)
    assert grade.exercise_of(nb, Path("x.ipynb")) == "ex04"
    assert grade.exercise_of({"metadata": {"araz": {"exercise": "ex02"}}}, Path("y.ipynb")) == "ex02"
    assert grade.exercise_of({}, Path("smith_ex05_tone.ipynb")) == "ex05"
    assert grade.exercise_of({}, Path("notes.ipynb")) is None


def test_students_are_named_by_file_or_by_folder(tmp_path):
    assert grade.student_of(tmp_path / "alice.ipynb", tmp_path) == "alice"
    assert grade.student_of(tmp_path / "bob" / "sub" / "ex01.ipynb", tmp_path) == "bob"


def test_a_folder_that_does_not_exist_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "g.csv")]) == 1
    assert "not a folder of submissions" in capsys.readouterr().err
    assert not (tmp_path / "g.csv").exists()


def test_a_timeout_must_be_positive(tmp_path, capsys):
    assert cli.main(["grade", str(tmp_path), "--out", str(tmp_path / "g.csv"), "--timeout", "0"]) == 1
    assert "--timeout must be a positive number" in capsys.readouterr().err


def test_grade_is_a_subcommand_of_araz():
    parser = cli.build_parser()
    args = parser.parse_args(["grade", "subs", "--out", "g.csv", "--timeout", "5"])
    assert (args.submissions, args.out, args.timeout) == ("subs", "g.csv", 5.0)
