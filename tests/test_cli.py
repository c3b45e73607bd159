"""The ``araz`` command line: validate and stats (brief, grade and index are tested with their modules)."""
import subprocess
import sys

from araz.cli import main

from conftest import make_corpus


def test_stats_on_the_shipped_corpus(capsys):
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "documents       4" in out and "sentences       121" in out
    assert "Mehr News Agency" in out and "estimated dates 4" in out


def test_stats_on_a_user_corpus(tmp_path, capsys):
    folder = make_corpus(tmp_path, {"a.md": ({"title": "t", "outlet": "Example Daily", "published": "2024-01-02"}, "One. Two.")})
    assert main(["stats", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Example Daily" in out and "sentences       2" in out


def test_stats_on_a_broken_corpus_prints_the_report_and_fails(tmp_path, capsys):
    (tmp_path / "x.md").write_text("no front matter", encoding="utf-8")
    assert main(["stats", str(tmp_path)]) == 1
    assert "x.md, line 1: has no front matter" in capsys.readouterr().err


def test_console_script_is_installed_and_exits_non_zero_on_errors(tmp_path):
    (tmp_path / "x.md").write_text("no front matter", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "araz", "validate", str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 1 and "has no front matter" in out.stderr


def test_index_builds_and_caches_the_search_index(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert "Indexed 121 sentences of 4 documents" in out
    assert list((tmp_path / "cache").glob("*.sqlite"))
