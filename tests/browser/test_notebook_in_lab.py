"""notebooks/06_explorer.ipynb in JupyterLab, in a real Chromium: run all cells, see the explorer
and the tone lab render, and use the explorer once. (A copy of the notebook is opened, so the
committed notebook keeps no outputs.)"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_notebook_06_runs_in_jupyterlab_and_the_explorer_renders(watched, lab_server):
    page = watched.page
    page.goto(f"{lab_server['url']}/lab/tree/06_explorer.ipynb?token={lab_server['token']}")
    expect(page.locator(".jp-NotebookPanel")).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=120_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    # Run All stops at the first error: the last cell's output means every cell ran
    expect(page.locator(".jp-OutputArea-output", has_text="araz-selection-")).to_be_attached(timeout=300_000)
    assert page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0
    explorer = page.locator(".jp-OutputArea .araz-explorer")
    expect(explorer).to_be_attached(timeout=60_000)
    explorer.scroll_into_view_if_needed()
    expect(explorer).to_be_visible()
    expect(explorer.locator(".araz-status").first).to_contain_text("121 matching sentences", timeout=60_000)
    expect(page.locator(".jp-OutputArea .araz-tone-lab")).to_be_attached()
    # the explorer in the notebook answers a click as the app does
    box = explorer.locator(".widget-select-multiple").filter(has=page.locator("label", has_text="Outlet"))
    box.locator("select").select_option(label="Financial Tribune (1)")
    expect(explorer.locator(".araz-status").first).to_contain_text("17 matching sentences", timeout=60_000)
