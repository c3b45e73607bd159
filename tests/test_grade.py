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
    assert rows["eve"]["status"] == "invalid notebook" and "cannot be read as a notebook" in rows["eve"]["message"]
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


# ---- hostile submissions: limits, a throwaway folder, and grading that goes on ------------------------

LIMITS = grade.Limits(memory_mb=1024, cpu_seconds=4, processes=64, file_mb=5, output_mb=1)


def plain(path: Path, *cells: str, kernel: dict | None = None) -> Path:
    """A small ex01 submission that does not load the corpus (a kernel starts in a second or two)."""
    nb = new_notebook(cells=[new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = kernel or {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["araz"] = {"exercise": "ex01"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def snapshot(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    plain(root / "h1_loops.ipynb", "while True:\n    pass")
    plain(root / "h2_memory.ipynb",  # 50 GB in 100 MB pieces, each one written to (not just reserved)
          "chunks = []\nfor _ in range(512):\n    chunks.append(bytearray(100 * 2**20))", "print('after')")
    plain(root / "h3_prints.ipynb", "for _ in range(1_000_000):\n    print('x' * 1000)")  # 1 GB of output
    plain(root / "h4_deletes.ipynb",  # everything in its folder, and the files in the folder above
          "import shutil\nfrom pathlib import Path\n"
          "for p in Path('.').resolve().iterdir():\n"
          "    shutil.rmtree(p) if p.is_dir() else p.unlink()\n"
          "for p in Path('..').resolve().iterdir():\n"
          "    p.unlink() if p.is_file() else None\n"
          "print('deleted')")
    plain(root / "h5_big_file.ipynb", "open('big.bin', 'wb').write(b'x' * (50 * 2**20))")
    (root / "h6_invalid.ipynb").write_text('{"cells": [', encoding="utf-8")
    plain(root / "h7_kernel.ipynb", "print(1)",
          kernel={"name": "no-such-kernel", "display_name": "No such kernel", "language": "no-such-language"})
    pidfile = tmp_path_factory.mktemp("pid") / "pid"
    plain(root / "h8_spawns.ipynb", f"import subprocess\np = subprocess.Popen(['sleep', '300'])\n"
                                    f"open({str(pidfile)!r}, 'w').write(str(p.pid))")
    plain(root / "zed" / "ex01_sources.ipynb", "print('still graded')")
    (root / "zed" / "ex01_sources_copy.ipynb").write_bytes((root / "zed" / "ex01_sources.ipynb").read_bytes())
    before = snapshot(root)
    kit = grade.kit_exercise_folder()
    kit_before = snapshot(kit)
    out = tmp_path_factory.mktemp("hostile-out") / "grades.csv"
    grades, _ = grade.grade_folder(root, out, timeout=60, limits=LIMITS)
    assert snapshot(kit) == kit_before  # the kit's own exercise folder: each run had a copy
    rows = {r["student"]: r for r in grades.to_dict("records")}
    rows["h8_spawns"]["pid"] = int(pidfile.read_text())
    return root, before, out, rows


def test_a_submission_that_loops_is_stopped_by_its_cpu_limit(hostile):
    row = hostile[3]["h1_loops"]
    assert row["status"] == "cpu time limit" and "4 s of CPU time" in row["message"], row["message"]


def test_a_submission_that_allocates_50_gb_hits_the_memory_limit(hostile):
    row = hostile[3]["h2_memory"]
    assert row["status"] == "memory limit" and "1024 MB" in row["message"], row["message"]


def test_a_submission_that_prints_1_gb_is_stopped(hostile):
    row = hostile[3]["h3_prints"]
    assert row["status"] == "too much output" and "more than 1 MB of output" in row["message"], row["message"]


def test_a_submission_that_writes_a_huge_file_hits_the_file_size_limit(hostile):
    row = hostile[3]["h5_big_file"]
    assert row["status"] == "file size limit" and "5 MB" in row["message"], row["message"]


def test_invalid_json_and_an_unknown_kernel_get_their_own_rows(hostile):
    rows = hostile[3]
    assert rows["h6_invalid"]["status"] == "invalid notebook"
    assert "cannot be read as a notebook" in rows["h6_invalid"]["message"]
    assert rows["h7_kernel"]["status"] == "unknown kernel"
    assert "no-such-kernel" in rows["h7_kernel"]["message"] and "Python 3" in rows["h7_kernel"]["message"]
    assert rows["h7_kernel"]["ex01.q1"] == "blank"  # not run


def test_a_submission_that_deletes_files_around_it_touches_only_its_throwaway_copy(hostile):
    root, before, out, rows = hostile
    assert rows["h4_deletes"]["status"] == "ok"
    assert snapshot(root) == before  # every submission, byte for byte
    assert out.is_file() and grade.summary_path(out).is_file()


def test_grading_goes_on_after_every_hostile_submission(hostile):
    rows = hostile[3]
    assert sorted(rows) == ["h1_loops", "h2_memory", "h3_prints", "h4_deletes", "h5_big_file", "h6_invalid",
                            "h7_kernel", "h8_spawns", "zed"]
    assert rows["zed"]["status"] == "ok" and rows["zed"]["files"].count("ipynb") == 2


def test_a_process_a_submission_starts_does_not_outlive_its_row(hostile):
    row = hostile[3]["h8_spawns"]
    assert row["status"] == "ok"
    try:
        with open(f"/proc/{row['pid']}/status", encoding="utf-8") as fh:
            state = next(line for line in fh if line.startswith("State:"))
        assert "Z" in state, state  # killed; only a zombie left for its new parent to reap
    except FileNotFoundError:
        pass  # killed and reaped


def test_the_limits_are_set_in_the_child_before_it_starts():
    import subprocess
    import sys

    from araz.exercises import sandbox

    code = ("import resource as r; print(r.getrlimit(r.RLIMIT_AS), r.getrlimit(r.RLIMIT_CPU), "
            "r.getrlimit(r.RLIMIT_FSIZE), r.getrlimit(r.RLIMIT_NPROC), r.getrlimit(r.RLIMIT_CORE))")
    limits = grade.Limits(memory_mb=1500, file_mb=3, processes=10)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         preexec_fn=sandbox._preexec(limits, cpu=7, nproc=4321)).stdout
    mb = 1024 * 1024
    assert out.split(") (") == [f"({1500 * mb}, {1500 * mb}", "7, 12", f"{3 * mb}, {3 * mb}", "4321, 4321", "0, 0)\n"]


def test_limits_on_the_command_line(tmp_path, capsys):
    args = cli.build_parser().parse_args(["grade", "subs", "--memory-mb", "2048", "--cpu-seconds", "30",
                                          "--max-processes", "32", "--max-file-mb", "10", "--max-output-mb", "2"])
    assert (args.memory_mb, args.cpu_seconds, args.max_processes, args.max_file_mb, args.max_output_mb) == \
        (2048, 30, 32, 10, 2)
    assert cli.main(["grade", str(tmp_path), "--out", str(tmp_path / "g.csv"), "--memory-mb", "0"]) == 1
    assert "--memory-mb must be a positive number" in capsys.readouterr().err
