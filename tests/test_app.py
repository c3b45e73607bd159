"""araz.app (``make app``): a user corpus is checked before anything is served; the command line
and the packaged Voilà notebook. Serving the page in a browser is tested in tests/browser/."""
from __future__ import annotations

import socket
import subprocess
import sys

import nbformat
import pytest

from araz import app
from conftest import make_corpus


@pytest.fixture
def broken(tmp_path):
    return make_corpus(tmp_path, {
        "good.md": ({"title": "Fine", "outlet": "Alpha", "published": "2024-03-02"}, "Tehran and Baku met."),
        "bad.md": ({"title": "Broken", "outlet": "Beta", "published": "2025-13-45"}, "A date that cannot be."),
    })


def test_an_invalid_corpus_stops_with_the_validation_report(broken, capsys):
    assert app.main(["--corpus", str(broken), "--port", "8866"]) == 1
    err = capsys.readouterr().err
    assert "bad.md" in err and "published" in err and "2025-13-45" in err
    assert "Nothing was served" in err


def test_an_empty_or_missing_corpus_folder_is_reported(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert app.main(["--corpus", str(tmp_path / "empty")]) == 1
    assert "holds no documents" in capsys.readouterr().err
    assert app.main(["--corpus", str(tmp_path / "missing")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_make_app_interface_reports_a_bad_corpus_from_the_command_line(broken):
    out = subprocess.run([sys.executable, "-m", "araz.app", "--port", "8866", "--corpus", str(broken)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "2025-13-45" in out.stderr and "Traceback" not in out.stderr


def test_check_only_validates(tmp_path, capsys):
    good = make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "X", "published": "2024"}, "Text.")})
    assert app.main(["--corpus", str(good), "--check"]) == 0
    assert "is valid" in capsys.readouterr().out


def test_a_bad_or_busy_port_is_explained(capsys):
    assert app.main(["--port", "0"]) == 2
    assert "not a port" in capsys.readouterr().err
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert app.main(["--port", str(port)]) == 1
    assert "already in use" in capsys.readouterr().err


def test_the_voila_command_serves_the_packaged_notebook_offline():
    cmd = app.command(8899)
    assert str(app.notebook_path()) in cmd and "--port=8899" in cmd and "--template=araz" in cmd
    template = (app.SHARE / "voila" / "templates" / "araz" / "index.html.j2").read_text(encoding="utf-8")
    assert "fontawesome" in template and "replace(" in template  # the CDN links are taken out


def test_the_app_notebook_has_no_outputs_and_reads_the_corpus_from_the_environment():
    nb = nbformat.read(app.notebook_path(), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] for c in code)
    assert "ARAZ_CORPUS" in code[-1].source and "explorer(corpus, importing=False)" in code[-1].source
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_the_app_page_has_one_heading():
    """The widget names the explorer; the notebook around it does not repeat it (issue 20)."""
    import nbformat

    from araz.app import notebook_path

    nb = nbformat.read(str(notebook_path()), as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "Araz explorer" not in text and not any(line.startswith("#") for line in text.splitlines())
    from pathlib import Path

    src = (Path(__file__).parents[1] / "src/araz/widgets/_explorer.py").read_text(encoding="utf-8")
    assert src.count(">Araz explorer<") == 1
