"""The exercises: checks that say what is wrong, graded hints, solutions that cite the corpus,
progress kept outside the repository, and notebooks that run blank and answered."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import nbformat
import pytest

import araz
from araz import exercises
from araz.exercises import ____
from araz.exercises._core import ANSWERED, BLANK, CORRECT, INCORRECT, CitationQuestion, ValueQuestion, citations_in

ROOT = Path(__file__).resolve().parents[1]
STUDENT = sorted((ROOT / "exercises").glob("ex*.ipynb"))
SOLUTIONS = sorted((ROOT / "exercises" / "solutions").glob("ex*.ipynb"))
ALWAGHT, FTRIBUNE, ANON, MEHR = ("alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku",
                                 "anon-2025-pezeshkian-visit", "mehr-2021-korybko")


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    """Every test (and every kernel it starts) records progress in its own temporary file."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv("ARAZ_PROGRESS_FILE", str(path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return path


def all_questions():
    out = []
    for ex_id in exercises.EXERCISES:
        for q in exercises.exercise(ex_id).questions.values():
            out.append(q)
    return out


QUESTIONS = all_questions()
AUTO = [q for q in QUESTIONS if q.auto]
OPEN = [q for q in QUESTIONS if not q.auto]


def qid(q):
    return q.qid


def question(ref: str):
    ex_id, name = ref.split(".")
    return exercises.exercise(ex_id).questions[name]


# ---- the shape of the exercises ------------------------------------------------------------


def test_six_exercises_with_four_to_eight_questions_of_mixed_kinds():
    assert list(exercises.EXERCISES) == ["ex01", "ex02", "ex03", "ex04", "ex05", "ex06"]
    for ex_id in exercises.EXERCISES:
        ex = exercises.exercise(ex_id)
        assert 4 <= len(ex.questions) <= 8, ex_id
        kinds = {q.kind for q in ex.questions.values()}
        assert len(kinds) >= 3, (ex_id, kinds)
        assert any(not q.auto for q in ex.questions.values()), f"{ex_id} has no open question"
    all_kinds = {q.kind for q in QUESTIONS}
    assert {"citation question", "data question", "coding task", "open question"} <= all_kinds


def test_questions_import_as_learntools_style_names():
    from araz.exercises.ex01 import q1, q2
    from araz.exercises import ex01_sources

    assert q1 is ex01_sources.q1 and q2 is ex01_sources.q2
    assert q1.qid == "ex01.q1" and "q1" in repr(q1)
    from araz.exercises import ex06

    assert ex06.q5.exercise == "ex06"


def test_exercise_lookup_by_id_or_notebook_name_and_unknown_id():
    assert exercises.exercise("ex03_corridors.ipynb").id == "ex03"
    with pytest.raises(KeyError, match="ex01"):
        exercises.exercise("ex99")


# ---- not answered yet -------------------------------------------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=qid)
def test_the_placeholder_is_not_answered_yet(q, capsys):
    q.check(____)
    out = capsys.readouterr().out
    assert "Not answered yet" in out and "Traceback" not in out
    assert q.last.status == BLANK


def test_check_without_an_answer_says_how_to_pass_one(capsys):
    question("ex01.q1").check()
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("blank", [[____, "x"], {"a": ____}, "____", "  ", "answer: ____"])
def test_a_placeholder_inside_an_answer_is_not_answered_yet(blank):
    assert question("ex01.q2").evaluate(blank).status == BLANK


# ---- a wrong type gets a sentence, never a traceback --------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=qid)
def test_a_wrong_type_gets_a_sentence_not_a_traceback(q, capsys):
    q.check(object())
    out = capsys.readouterr().out
    assert "Traceback" not in out and "Error" not in out.split("\n")[0][:20]
    assert q.last.status == INCORRECT
    assert re.search(r"[a-z]{3,}.*[.)]", q.last.message), q.last.message
    assert "check itself could not run" not in q.last.message


def test_none_is_told_apart_from_not_answered():
    out = question("ex02.q1").evaluate(None)
    assert out.status == INCORRECT and "None" in out.message


def test_a_bug_in_a_checker_is_reported_kindly(monkeypatch):
    q = question("ex01.q1")
    monkeypatch.setattr(q, "_grade", lambda answer: 1 / 0)
    out = q.evaluate("x")
    assert out.status == INCORRECT and "not your fault" in out.message


# ---- each auto-checked question: a specific message for a wrong answer ----------------------


def _contains_word(corpus, word):  # a tempting but wrong solution of ex01.q6 (matches inside words)
    return [c for c, t in zip(corpus.sentences.citation, corpus.sentences.text) if word.lower() in t.lower()]


def _gazetteer_without_transliteration():
    folder = Path(tempfile.mkdtemp())
    (folder / "actors.csv").write_text("entity_id,label,type,country,role,role_years,source,note\n"
                                       "bandar-abbas,Bandar Abbas,other,IRN,port city,,test source,\n", encoding="utf-8")
    (folder / "actor_aliases.csv").write_text("entity_id,alias,kind,lang,case_sensitive,ambiguous,note\n"
                                              "bandar-abbas,Bandar Abbas,name,en,false,false,\n", encoding="utf-8")
    return folder


def _map_with_every_route():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    araz.plots.corridor_map(ax, corpus=araz.load_corpus())
    return ax


def _naming_by_doc(corpus, entity_id):
    m = araz.corridors.mentions(corpus)
    m = m[m.entity_id == entity_id]
    return {d: sorted(set(g.surface)) for d, g in m.groupby("doc_id")}


def _lexicon_without_wildcards(lexicon):
    lexicon.add("mediate", "verbal_cooperation", 1.0)
    lexicon.add("embargo", "material_conflict", 1.5)
    lexicon.add("boycott", "material_conflict", 1.5)
    return lexicon


def _shares_as_percentages():
    m = araz.actors.mentions(araz.load_corpus())
    st = m[m.entity_type == "state"]
    return (st.groupby("doc_id").kind.apply(lambda k: (k == "metonym").mean()) * 100).to_dict()


def _explicit_format_mentions():
    t = araz.formats.three_plus_three(araz.load_corpus()).mentions
    return t[t.how == "explicit"].groupby("doc_id").size()


def _accuracy_instead_of_f1():
    s = araz.tone.validate(araz.load_corpus()).summary
    return float(s.query("method == 'ours' and split == 'test'").accuracy.iloc[0])


def _israel_sentences():
    m = araz.actors.mentions(araz.load_corpus())
    return m[m.entity_id == "israel"].citation.nunique()


def _quote_mark_sentences():
    s = araz.load_corpus().sentences
    return int(((s.doc_id == FTRIBUNE) & s.text.str.contains("“")).sum())


# (question, a wrong answer, words its message must contain)
WRONG = [
    ("ex01.q1", lambda: FTRIBUNE, "the example in the question"),
    ("ex01.q2", lambda: f"{ALWAGHT} ¶9.2", "loose bound"),
    ("ex01.q3", lambda: "2025-12-08", "One day late"),
    ("ex01.q4", lambda: f"{FTRIBUNE} ¶3.1", "indirect speech"),
    ("ex01.q5", lambda: "author", "inside quotation marks"),
    ("ex01.q6", lambda: _contains_word, "Test case 1 of 8"),
    ("ex02.q1", lambda: 25, "the *name* 'Iran'"),
    ("ex02.q2", _shares_as_percentages, "not percentages"),
    ("ex02.q3", lambda: f"{MEHR} ¶1.2", "not the one acting"),
    ("ex02.q4", lambda: f"{ALWAGHT} ¶11.3", "is a metonym"),
    ("ex02.q5", _gazetteer_without_transliteration, "the Persian transliteration"),
    ("ex02.q6", _israel_sentences, "mention Israel at all"),
    ("ex03.q1", lambda: ["aras-corridor", "instc", "instc-western-route", "zangezur-corridor"], "without its name"),
    ("ex03.q2", lambda: f"{ALWAGHT} ¶17.1", "names the corridor and the agreement"),
    ("ex03.q3", _map_with_every_route, "too many"),
    ("ex03.q4", lambda: "AZE", "Both routes cross Azerbaijan"),
    ("ex03.q5", lambda: f"{ALWAGHT} ¶16.2", "supreme national security"),
    ("ex03.q6", lambda: _naming_by_doc, "Test case 1 of 5"),
    ("ex04.q1", lambda: f"{MEHR} ¶1.7", "credits Iran"),
    ("ex04.q2", lambda: f"{FTRIBUNE} ¶5.2", "*host*"),
    ("ex04.q3", lambda: ["Armenia", "Azerbaijan", "Georgia"], "how the Financial Tribune groups them"),
    ("ex04.q4", lambda: "Mehr News Agency", "the South Caucasus is split"),
    ("ex04.q5", _explicit_format_mentions, "explicit names only"),
    ("ex04.q6", lambda: (lambda a, b: a == b), "Test case 2 of 7"),
    ("ex05.q1", lambda: {c: "coop" for c in exercises.ex05.TO_CODE}, "(4 are needed)"),
    ("ex05.q2", lambda: "coop", "the kit's own label"),
    ("ex05.q3", lambda: f"{FTRIBUNE} ¶7.2", "labels this sentence conf"),
    ("ex05.q4", _accuracy_instead_of_f1, "That is accuracy"),
    ("ex05.q5", lambda: _lexicon_without_wildcards, "'mediator'"),
    ("ex05.q6", _quote_mark_sentences, "Reported speech"),
    ("ex06.q1", lambda: 4, "the whole corpus"),
    ("ex06.q2", lambda: f"{FTRIBUNE} ¶4.1", "Araghchi's own words"),
    ("ex06.q3", lambda: [f"{ALWAGHT} ¶11.1", f"{FTRIBUNE} ¶3.1"], "holds both framings"),
    ("ex06.q4", lambda: f'[[{ALWAGHT} ¶12.2 | "parallels with previous instances"]]', "not the denial"),
    ("ex06.q5", lambda: f"A short note [[{FTRIBUNE} ¶3.1]].", "write at least 80"),
]


def test_every_auto_checked_question_has_a_wrong_answer_test():
    assert sorted(ref for ref, _, _ in WRONG) == sorted(q.qid for q in AUTO)


@pytest.mark.parametrize("ref,answer,words", WRONG, ids=[w[0] for w in WRONG])
def test_a_wrong_answer_gets_its_specific_message(ref, answer, words, capsys):
    q = question(ref)
    q.check(answer())
    out = capsys.readouterr().out
    assert q.last.status == INCORRECT, q.last.message
    assert words in q.last.message, q.last.message
    assert "Not yet" in out and f"{q.name}.hint()" in out  # kind: points to the hints


# ---- and the right answers pass -------------------------------------------------------------


def _cite_word(corpus, word):
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    return [c for c, t in zip(corpus.sentences.citation, corpus.sentences.text) if pattern.search(t)]


def _gazetteer_folder():
    folder = _gazetteer_without_transliteration()
    with open(folder / "actor_aliases.csv", "a", encoding="utf-8") as fh:
        fh.write("bandar-abbas,Bandar-e Abbas,transliteration,en,false,false,\n")
    return folder


def _map_of_three():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    araz.plots.corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor"], extent="aras")
    return ax


def _naming(corpus, entity_id):
    m = araz.corridors.mentions(corpus)
    m = m[m.entity_id == entity_id]
    m = m.assign(outlet=m.doc_id.map(corpus.documents.set_index("doc_id").outlet))
    return {o: sorted(set(g.surface)) for o, g in m.groupby("outlet")}


def _extend(lexicon):
    lexicon.add("mediat*", "verbal_cooperation", 1.0)
    lexicon.add("embargo*", "material_conflict", 1.5)
    lexicon.add("boycott*", "material_conflict", 1.5)
    return lexicon


RIGHT = [
    ("ex01.q1", lambda: ANON), ("ex01.q2", lambda: f"{ALWAGHT} ¶5.2"), ("ex01.q3", lambda: "2025-12-07"),
    ("ex01.q4", lambda: f"{FTRIBUNE} ¶4.1"), ("ex01.q5", lambda: "quoted"), ("ex01.q6", lambda: _cite_word),
    ("ex02.q1", lambda: int(araz.actors.mentions(araz.load_corpus()).pipe(
        lambda m: ((m.doc_id == ALWAGHT) & (m.entity_id == "iran")).sum()))),
    ("ex02.q2", lambda: {k: v / 100 for k, v in _shares_as_percentages().items()}),
    ("ex02.q3", lambda: f"{ANON} ¶2.3"), ("ex02.q4", lambda: f"{ALWAGHT} ¶12.1"), ("ex02.q5", _gazetteer_folder),
    ("ex02.q6", lambda: araz.actors.cooccurrence(araz.load_corpus()).query(
        "source == 'azerbaijan' and target == 'israel'").weight.iloc[0]),
    ("ex03.q1", lambda: ["Aras River Transit Corridor", "North-South Corridor", "western route", "tripp", "Zangezur corridor"]),
    ("ex03.q2", lambda: f"{ALWAGHT} ¶17.2"), ("ex03.q3", _map_of_three), ("ex03.q4", lambda: "Iran"),
    ("ex03.q5", lambda: f"{ALWAGHT} ¶15.4"), ("ex03.q6", lambda: _naming),
    ("ex04.q1", lambda: f"{MEHR} ¶1.6"), ("ex04.q2", lambda: f"{MEHR} ¶1.19"),
    ("ex04.q3", lambda: ["Azerbaijan", "Russia", "Armenia"]), ("ex04.q4", lambda: "Financial Tribune"),
    ("ex04.q5", lambda: araz.formats.three_plus_three(araz.load_corpus()).mentions.groupby("doc_id").size()),
    ("ex04.q6", lambda: (lambda a, b: {frozenset(g) for g in a} == {frozenset(g) for g in b})),
    ("ex05.q1", lambda: dict(zip(exercises.ex05.TO_CODE, ["coop", "mixed", "conf", "neutral", "conf"]))),
    ("ex05.q2", lambda: "mixed"), ("ex05.q3", lambda: f"{FTRIBUNE} ¶3.1"),
    ("ex05.q4", lambda: float(araz.tone.validate(araz.load_corpus()).summary.query(
        "method == 'ours' and split == 'test'").macro_f1.iloc[0])),
    ("ex05.q5", lambda: _extend),
    ("ex05.q6", lambda: int(araz.tone.score_sentences(araz.load_corpus()).pipe(
        lambda s: ((s.doc_id == FTRIBUNE) & (s.voice == "quoted")).sum()))),
    ("ex06.q1", lambda: 2), ("ex06.q2", lambda: f"{FTRIBUNE} ¶3.1"),
    ("ex06.q3", lambda: [f"{FTRIBUNE} ¶2.1", f"{ALWAGHT} ¶4.1"]),
    ("ex06.q4", lambda: f'[[{FTRIBUNE} ¶8.3 | "Azerbaijan has firmly rejected these claims"]]'),
    ("ex06.q5", lambda: exercises.ex06_briefing.MODEL_NOTE),
]


def test_every_auto_checked_question_has_a_right_answer_test():
    assert sorted(ref for ref, _ in RIGHT) == sorted(q.qid for q in AUTO)


@pytest.mark.parametrize("ref,answer", RIGHT, ids=[r[0] for r in RIGHT])
def test_a_right_answer_passes(ref, answer, capsys):
    q = question(ref)
    q.check(answer())
    assert q.last.status == CORRECT, q.last.message
    assert "✔ Correct!" in capsys.readouterr().out


def test_several_citations_can_be_right():
    q = question("ex01.q2")
    assert q.evaluate(f"{ALWAGHT} ¶5.1").passed and q.evaluate(f"{ALWAGHT} ¶5.2").passed
    assert question("ex02.q3").evaluate(f"{ALWAGHT} ¶9.3").passed
    assert "would also do" in question("ex04.q2").evaluate(f"{MEHR} ¶1.7").message


def test_citation_answers_are_resolved_against_the_text():
    q = question("ex01.q2")
    assert "Right paragraph" in q.evaluate(f"{ALWAGHT} ¶5").message
    assert "points nowhere" in q.evaluate(f"{ALWAGHT} ¶5.9").message
    assert "is not a citation" in q.evaluate("paragraph five").message
    assert "no document" in q.evaluate("nosuch-doc ¶1.1").message
    assert "this question is about" in q.evaluate(f"{MEHR} ¶1.1").message
    wrong = q.evaluate(f"{ALWAGHT} ¶3.1").message
    assert corpus_text(f"{ALWAGHT} ¶3.1")[:40] in wrong  # the cited sentence is quoted back


def corpus_text(citation):
    return araz.load_corpus().cite(citation)


def test_citation_questions_accept_only_sentences_that_exist():
    for q in QUESTIONS:
        if isinstance(q, CitationQuestion):
            assert q.accepted(), q.qid
            for c in q.accepted():
                araz.load_corpus().locate(c)


def test_data_questions_use_a_tolerance_where_it_makes_sense():
    q = question("ex05.q4")
    exact = q.expected()
    assert q.evaluate(round(exact, 2)).passed
    assert not q.evaluate(exact + 0.05).passed
    assert "as text" in question("ex02.q1").evaluate("36").message


def test_coding_tasks_run_on_cases_the_student_has_not_seen():
    q = question("ex01.q6")
    calls = []

    def spy(corpus, word):
        calls.append((len(corpus), word))
        return _cite_word(corpus, word)

    q.check(spy)
    assert q.last.passed
    assert any(n == 1 for n, _ in calls), "a small corpus made in the check"
    assert len({w for _, w in calls}) >= 5

    def raises(corpus, word):
        raise KeyError(word)

    out = q.evaluate(raises)
    assert out.status == INCORRECT and "raised KeyError" in out.message


def test_a_function_that_forgets_to_return_is_told_so():
    out = question("ex04.q6").evaluate(lambda a, b: None)
    assert "return" in out.message


def test_the_lexicon_task_does_not_change_the_kits_lexicon():
    n = len(araz.tone.load_lexicon().table)
    question("ex05.q5").check(_extend)
    assert len(araz.tone.load_lexicon().table) == n


# ---- open questions ------------------------------------------------------------------------------


@pytest.mark.parametrize("q", OPEN, ids=qid)
def test_open_questions_say_there_is_no_automatic_check(q, capsys):
    q.check("I think the source frames it as cooperation, see ftribune-2025-araghchi-baku ¶3.1 and no-such-doc ¶99.9.")
    out = capsys.readouterr().out
    assert q.last.status == ANSWERED
    assert "no automatic check" in out
    assert "1 of 2 citations resolve" in out and "no-such-doc ¶99.9" in out


@pytest.mark.parametrize("q", OPEN, ids=qid)
def test_open_questions_show_a_model_answer_and_a_rubric(q, capsys):
    q.solution()
    out = capsys.readouterr().out
    assert "Model answer" in out and "Marking rubric" in out and "Total:" in out
    assert len(citations_in(q.model_answer)) >= 2


# ---- hints ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=qid)
def test_hints_are_graded_from_a_nudge_to_nearly_the_answer(q, capsys):
    assert len(q.hints) == 3 and len(set(q.hints)) == 3
    q.hint()
    first = capsys.readouterr().out
    assert "Hint 1 of 3" in first and f"{q.name}.hint(2)" in first
    q.hint(3)
    last = capsys.readouterr().out
    assert "Hint 3 of 3" in last and f"{q.name}.solution()" in last
    q.hint(4)
    assert "There are 3 hints" in capsys.readouterr().out
    q.hint("two")
    assert "by its number" in capsys.readouterr().out


@pytest.mark.parametrize("q", [q for q in QUESTIONS if isinstance(q, CitationQuestion)], ids=qid)
def test_hints_do_not_give_a_citation_answer_away(q):
    for hint in q.hints:
        for c in q.accepted():
            assert c not in hint, (q.qid, c)


@pytest.mark.parametrize("q", [q for q in QUESTIONS if isinstance(q, ValueQuestion) and q.compare in ("text", "date")], ids=qid)
def test_hints_do_not_give_a_value_answer_away(q):
    expected = str(q.expected())
    for hint in q.hints:
        assert expected not in hint, (q.qid, hint)


# ---- solutions cite the corpus ------------------------------------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=qid)
def test_solutions_cite_the_corpus_verbatim(q, capsys):
    corpus = araz.load_corpus()
    q.solution()
    out = capsys.readouterr().out
    assert "In the corpus:" in out
    quoted = re.findall(r"^  (\S+ ¶\d+(?:\.\d+)?) — “(.*)”$", out, re.M)
    assert quoted, out
    for citation, text in quoted:
        assert corpus.cite(citation) == text
    for citation in citations_in(out):
        corpus.locate(citation)  # every citation written in a solution resolves


# ---- progress -----------------------------------------------------------------------------------------


def test_attempts_hints_and_solutions_are_recorded(progress_file):
    q = question("ex01.q1")
    q.check(FTRIBUNE)
    q.check(ANON)
    q.hint()
    q.solution()
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    rec = data["exercises"]["ex01"]["q1"]
    assert rec["attempts"] == 2 and rec["status"] == CORRECT and rec["ever_correct"]
    assert rec["hints"] == 1 and rec["solution_viewed"] is True


def test_progress_is_a_table_of_questions_done_per_notebook():
    question("ex02.q1").check(0)
    question("ex02.q4").check(f"{ALWAGHT} ¶12.1")
    question("ex02.q7").check("A long enough answer " * 5)
    table = exercises.progress()
    assert list(table.index) == list(exercises.EXERCISES)
    row = table.loc["ex02"]
    assert row["notebook"] == "ex02_actors.ipynb"
    assert (row["correct"], row["open_answered"], row["attempted"], row["done"]) == (1, 1, 3, "2/7")
    detail = exercises.progress("ex02")
    assert detail.loc["q1", "status"] == INCORRECT and detail.loc["q2", "status"] == BLANK


def test_all_passed_needs_every_check_of_this_session():
    exercises._core._SESSION.clear()
    assert not exercises.all_passed("ex04")
    for ref, answer in RIGHT:
        if ref.startswith("ex04."):
            question(ref).check(answer())
    assert not exercises.all_passed("ex04")  # the open question is not answered yet
    question("ex04.q7").check("The sources expect " * 10)
    assert exercises.all_passed("ex04")
    assert set(exercises.results("ex04")["status"]) == {CORRECT, ANSWERED}


def test_the_progress_file_defaults_to_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("ARAZ_PROGRESS_FILE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    path = exercises.progress_path()
    assert path == tmp_path / "data" / "araz" / "progress.json"
    assert ROOT not in path.parents


def test_an_unwritable_progress_file_is_reported_once_and_work_goes_on(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("ARAZ_PROGRESS_FILE", str(blocker / "progress.json"))
    monkeypatch.setattr(exercises._core, "_WARNED", False)
    q = question("ex01.q1")
    q.check(ANON)
    q.check(ANON)
    out = capsys.readouterr().out
    assert out.count("cannot be saved") == 1 and "ARAZ_PROGRESS_FILE" in out
    assert out.count("✔ Correct!") == 2
    assert exercises.progress().loc["ex01", "correct"] >= 1  # kept for this session


def test_a_corrupt_progress_file_is_treated_as_empty(progress_file):
    progress_file.write_text("{not json", encoding="utf-8")
    assert exercises.progress()["correct"].sum() == 0
    question("ex01.q1").check(ANON)
    assert json.loads(progress_file.read_text(encoding="utf-8"))["exercises"]["ex01"]["q1"]["status"] == CORRECT


# ---- the notebooks ---------------------------------------------------------------------------------


def test_there_is_a_student_and_a_solution_notebook_per_exercise():
    names = [f"{m}.ipynb" for m in exercises.EXERCISES.values()]
    assert [p.name for p in STUDENT] == names
    assert [p.name for p in SOLUTIONS] == names


@pytest.mark.parametrize("path", STUDENT + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_exercise_notebooks_are_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["araz"]["exercise"] in exercises.EXERCISES
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
    assert "import araz" in code[0].source and "araz.load_corpus()" in code[0].source
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "Learning goals" in text and "Discussion" in text


def _run(path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "exercises").rglob("*"))
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    after = sorted(p.relative_to(ROOT) for p in (ROOT / "exercises").rglob("*"))
    assert before == after, "running an exercise notebook must not write into the repository"
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    checks = []
    for cell in nb.cells:
        if cell.cell_type == "code" and re.search(r"\bq\d\.check\(", cell.source):
            checks.append("".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream"))
    return errors, checks


@pytest.mark.notebook
@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_blank_student_notebook_runs_and_every_check_says_not_answered_yet(path):
    errors, checks = _run(path)
    assert errors == [], [f"{e.ename}: {e.evalue}" for e in errors]
    ex = exercises.exercise(path.name)
    assert len(checks) == len(ex.questions)
    for out in checks:
        assert "Not answered yet" in out, out


@pytest.mark.notebook
@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solution_notebook_runs_with_every_check_passing(path):
    errors, checks = _run(path)
    assert errors == [], [f"{e.ename}: {e.evalue}" for e in errors]
    ex = exercises.exercise(path.name)
    assert len(checks) == len(ex.questions)
    for out in checks:
        assert "✔ Correct!" in out or "✎ Answer recorded" in out, out
    nb = nbformat.read(path, as_version=4)
    assert "all_passed" in nb.cells[-1].source  # the notebook asserts it itself
