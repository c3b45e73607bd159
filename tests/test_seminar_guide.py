"""The seminar guide: six 90-minute sessions, every citation resolves, every file it names exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "seminar_guide.md"
CITATION = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*) ¶(\d+)(?:\.(\d+))?")


@pytest.fixture(scope="module")
def text():
    return GUIDE.read_text(encoding="utf-8")


def sessions(text):
    parts = re.split(r"^## Session (\d) — (.+)$", text, flags=re.M)
    return [(int(parts[i]), parts[i + 1], parts[i + 2]) for i in range(1, len(parts) - 1, 3)]


def test_every_citation_in_the_guide_resolves(text, corpus):
    found = CITATION.findall(text)
    assert len(found) >= 40
    for doc_id, p, s in found:
        citation = f"{doc_id} ¶{p}" + (f".{s}" if s else "")
        assert corpus.cite(citation), citation


def test_nothing_that_looks_like_a_citation_is_malformed(text, corpus):
    for m in re.finditer(r"([\w.-]+) ¶", text):
        assert m.group(1) in corpus or m.group(1) == "doc_id", m.group(0)


def test_six_sessions_of_ninety_minutes_each_with_every_part(text):
    found = sessions(text)
    assert [n for n, _, _ in found] == [1, 2, 3, 4, 5, 6]
    for n, title, body in found:
        for part in ("**Learning goals**", "**Required reading**", "**In-class activity** (90 minutes)",
                     "**Discussion questions**", "**Assessment rubric**"):
            assert part in body, (n, part)
        assert re.search(r"\*\*Notebooks? and exercises?\.\*\*", body), n
        assert re.search(r"exercises/ex0\d_\w+\.ipynb", body), n
        assert CITATION.search(body.split("**Required reading**")[1].split("**Notebook")[0]), n


def test_activity_timings_cover_the_ninety_minutes_without_gaps(text):
    for n, _, body in sessions(text):
        activity = body.split("**In-class activity** (90 minutes)")[1].split("**Discussion questions**")[0]
        slots = [(int(a), int(b)) for a, b in re.findall(r"\*\*(\d+)–(\d+) min\*\*", activity)]
        assert slots[0][0] == 0 and slots[-1][1] == 90, n
        assert all(b == c for (_, b), (c, _) in zip(slots, slots[1:])), (n, slots)
        assert all(a < b for a, b in slots), n


def test_one_session_on_source_criticism_and_one_on_writing_a_briefing_note(text):
    titles = [t for _, t, _ in sessions(text)]
    assert any("Source criticism" in t for t in titles)
    assert any("briefing note" in t for t in titles)


def test_a_note_on_adapting_the_seminar_to_the_lecturers_own_corpus(text):
    section = text.split("## Adapting the seminar to your own corpus")[1]
    for words in ("araz validate", "load_corpus(", "candidates", "claims.csv", "tone_labels.csv"):
        assert words in section, words


def test_every_notebook_exercise_and_file_it_names_exists(text):
    paths = set(re.findall(r"`((?:notebooks|exercises|docs|tests|data|tools|src)/[\w./-]+)`", text))
    assert len(paths) >= 10
    for p in paths:
        if "ex0N" in p:
            continue
        assert (ROOT / p).exists(), p


def test_the_exercise_notebooks_name_the_session_that_uses_them(text):
    import nbformat

    for n, _, body in sessions(text):
        used = body.split("**Notebook")[1].split("**In-class activity**")[0]
        for ex in set(re.findall(r"exercises/(ex0\d_\w+)\.ipynb", used)):
            header = nbformat.read(ROOT / "exercises" / f"{ex}.ipynb", as_version=4).cells[0].source
            a, b = re.search(r"sessions? (\d)(?:–(\d))? of the seminar guide", header).groups()
            assert int(a) <= n <= int(b or a), (ex, n)
