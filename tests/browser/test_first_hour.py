"""A newcomer's first hour, in a real Chromium: JupyterLab started as ``make lab`` starts it (the
same flags, read from the Makefile), on a copy of the kit. The four folders are in the file
browser, no announcement prompt appears, notebook 00 runs top to bottom through the UI with no
error output, and exercise 01 opens and its first check answers."""
from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import sys

import nbformat
import pytest
from playwright.sync_api import expect

from .conftest import ROOT, Server, free_port, missing

pytestmark = pytest.mark.browser
FOLDERS = ["data", "docs", "exercises", "notebooks"]


def lab_flags() -> list[str]:
    """The flags ``make lab`` gives JupyterLab (the Makefile's LAB_FLAGS line)."""
    m = re.search(r"^LAB_FLAGS\s*:=\s*(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert m, "the Makefile has no LAB_FLAGS line"
    return shlex.split(m.group(1))


@pytest.fixture(scope="module")
def kit_lab(tmp_path_factory):
    """``make lab`` on a copy of the kit: what the student runs is never saved into the repository."""
    if missing():
        yield None
        return
    kit = tmp_path_factory.mktemp("kit")
    for folder in [*FOLDERS, "etc"]:
        shutil.copytree(ROOT / folder, kit / folder)
    for name in ("Makefile", "README.md", "jupytext.toml"):
        shutil.copy(ROOT / name, kit / name)
    home = tmp_path_factory.mktemp("home")
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", *lab_flags(), "--no-browser", f"--port={port}",
           "--ip=127.0.0.1", f"--ServerApp.token={token}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # as the Makefile's ROOT_FLAG
    env = {"JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "ARAZ_CACHE_DIR": str(home / "cache"), "ARAZ_PROGRESS_FILE": str(home / "progress.json"),
           "MPLBACKEND": "Agg"}
    server = Server(cmd, cwd=kit, env=env)
    server.wait_for(rf"http://127\.0\.0\.1:{port}/")
    yield {"url": f"http://127.0.0.1:{port}", "token": token, "kit": kit, "server": server}
    server.stop()


def _run_all_and_wait(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    # every code cell has its execution number: "[*]" while running, "[ ]" if never run
    page.wait_for_function(
        """() => {
            const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=300_000)


def test_first_hour_in_jupyterlab(watched, kit_lab):
    page = watched.page
    # the address `make lab` prints opens notebook 00 (the server's default URL)
    page.goto(f"{kit_lab['url']}/?token={kit_lab['token']}")
    expect(page).to_have_url(re.compile(r"/lab/tree/notebooks/00_start_here\.ipynb"), timeout=120_000)
    expect(page.locator(".jp-NotebookPanel")).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=120_000)

    # the server's root is the kit: the four folders are in the file browser
    page.locator(".jp-BreadCrumbs-home").first.click()
    listing = page.locator(".jp-DirListing-content")
    for folder in FOLDERS:
        expect(listing.locator(".jp-DirListing-itemName", has_text=re.compile(rf"^{folder}$"))).to_be_visible()

    # the settings overrides shipped with the kit are in force: no news from the internet
    settings = page.request.get(f"{kit_lab['url']}/lab/api/settings/@jupyterlab/apputils-extension:notification"
                                f"?token={kit_lab['token']}").json()
    assert settings["schema"]["properties"]["fetchNews"]["default"] == "false"
    assert settings["schema"]["properties"]["checkForUpdates"]["default"] is False

    # notebook 00, every cell through the UI, and no error output
    _run_all_and_wait(page)
    outputs = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
    assert outputs.count() > 0
    assert outputs.filter(has_text="Traceback").count() == 0
    assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type='application/vnd.jupyter.stderr']"
                        ).filter(has_text=re.compile("Error")).count() == 0
    assert page.get_by_text("official Jupyter news").count() == 0  # the "fetch news?" prompt never showed

    # exercise 01 from the file browser, then its first check
    page.locator(".jp-BreadCrumbs-home").first.click()
    listing.locator(".jp-DirListing-itemName", has_text=re.compile(r"^exercises$")).dblclick()
    listing.locator(".jp-DirListing-itemName", has_text="ex01_sources.ipynb").dblclick()
    expect(page.locator(".lm-TabBar-tab.lm-mod-current", has_text="ex01_sources.ipynb")).to_be_visible()
    panel = page.locator(".jp-NotebookPanel").filter(
        has=page.get_by_role("heading", name=re.compile(r"^Exercise 1 — Sources")))
    expect(panel).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=120_000)
    nb = nbformat.read(kit_lab["kit"] / "exercises" / "ex01_sources.ipynb", as_version=4)
    first_check = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "q1.check(" in c.source)
    panel.locator(".jp-Cell").first.click(position={"x": 5, "y": 5})  # select the first cell (command mode), then run down to the check
    for _ in range(first_check + 1):
        page.keyboard.press("Shift+Enter")
    check = panel.locator(".jp-Cell").nth(first_check)
    expect(check.locator(".jp-OutputArea-output")).to_contain_text("Not answered yet", timeout=180_000)
    assert panel.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0
    assert not watched.dialogs


@pytest.mark.parametrize("source", ["notebooks/03_corridors.py", "exercises/solutions/ex01_sources.py"])
def test_a_source_opens_as_a_notebook_and_saves_back_unchanged(kit_lab, source):
    """What JupyterLab does when a lecturer opens a Jupytext source as a notebook and saves it."""
    import json
    import urllib.request

    url = f"{kit_lab['url']}/api/contents/{source}?token={kit_lab['token']}"
    path = kit_lab["kit"] / source
    before = path.read_text(encoding="utf-8")
    with urllib.request.urlopen(url + "&type=notebook&content=1") as r:
        model = json.load(r)
    assert model["type"] == "notebook" and len(model["content"]["cells"]) == before.count("\n# %%")
    if "exercises" in source:  # jupytext.toml keeps the exercise id and the student/solution tags
        assert model["content"]["metadata"]["araz"] == {"exercise": "ex01"}
        assert any("solution" in c["metadata"].get("tags", []) for c in model["content"]["cells"])
    body = json.dumps({"type": "notebook", "format": "json", "content": model["content"]}).encode()
    put = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(put).read()
    assert path.read_text(encoding="utf-8") == before
    assert not path.with_suffix(".ipynb").read_text(encoding="utf-8").count('"output_type"')  # no live pairing
