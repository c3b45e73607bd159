"""The explorer app (``make app``) in a real Chromium: it loads cleanly, filters and searches,
opens the reader at the highlighted mention, exports, and shows hostile markup as text."""
from __future__ import annotations

import csv
import re
import time

import pytest
from playwright.sync_api import expect

import araz
from araz import explore

from .conftest import INJECTION_TITLE

pytestmark = pytest.mark.browser
ALWAGHT = "alwaght-2025-araghchi-baku"


def open_app(watched, url):
    page = watched.page
    page.goto(url)
    expect(page.locator(".araz-explorer")).to_be_visible(timeout=120_000)
    expect(page.locator(".araz-status").first).to_contain_text("matching", timeout=60_000)
    return page


def status(page):
    return page.locator(".araz-explorer .araz-status").first


def select(page, label: str, option: str):
    box = page.locator(".widget-select-multiple").filter(has=page.locator("label", has_text=label))
    box.locator("select").select_option(label=option)


def option_label(kind: str, entity_id: str) -> str:
    row = explore.options(araz.load_corpus())[kind].set_index("entity_id").loc[entity_id]
    return f"{row['label']} ({row['sentences']})"


def search(page, query: str):
    box = page.locator(".araz-explorer input[type=text]").first
    box.fill(query)
    box.press("Enter")


def test_page_loads_with_no_console_errors(watched, app_server):
    t = time.monotonic()
    page = open_app(watched, app_server["url"])
    expect(status(page)).to_contain_text("121 matching sentences in 4 documents")
    assert time.monotonic() - t < 60
    page.wait_for_timeout(1000)
    assert watched.errors == [], watched.errors
    assert page.title() == "Araz explorer"
    assert "load_corpus" not in page.locator("body").inner_text()  # no code on the page


def test_outlet_actor_and_query_narrow_the_results(watched, app_server):
    page = open_app(watched, app_server["url"])
    select(page, "Outlet", "Alwaght (1)")
    expect(status(page)).to_contain_text("41 matching sentences in 1 document")
    select(page, "Actors", option_label("actors", "israel"))
    expect(status(page)).to_contain_text("6 matching sentences")
    expect(page.locator(".araz-open", has_text=f"{ALWAGHT} ¶11.3")).to_be_visible()  # "mainly Tel Aviv"
    select(page, "Actors", option_label("actors", "armenia"))  # choosing another actor replaces Israel
    search(page, "Zangezur")
    expect(status(page)).to_contain_text("1 matching sentence in 1 document")
    result = page.locator(".araz-open", has_text=f"{ALWAGHT} ¶16.2")
    expect(result).to_be_visible()
    expect(page.locator(".araz-result mark.araz-q", has_text="Zangezur")).to_be_visible()
    assert watched.errors == [], watched.errors


def test_a_result_opens_in_the_reader_at_the_highlighted_mention(watched, app_server):
    page = open_app(watched, app_server["url"])
    search(page, "Zangezur")
    page.locator(".araz-open", has_text=f"{ALWAGHT} ¶16.2").click()
    reader = page.locator(".araz-reader")
    selected = reader.locator(".araz-sel")
    expect(selected).to_be_visible()
    expect(selected.locator(".araz-m.corridor")).to_contain_text("Zangezur Corridor")
    expect(selected.locator("mark.araz-q")).to_have_text("Zangezur")
    expect(reader).to_contain_text("Alwaght")  # the provenance card
    page.wait_for_timeout(800)  # the CSS-only scroll to the selected sentence
    inside = page.evaluate("""() => {
        const doc = document.querySelector('.araz-reader .araz-doc');
        const sel = doc.querySelector('.araz-sel');
        const a = doc.getBoundingClientRect(), b = sel.getBoundingClientRect();
        return doc.scrollTop > 0 && b.top >= a.top - 1 && b.top < a.bottom;
    }""")
    assert inside, "the selected sentence is not scrolled into view"


def test_no_matches_and_a_bad_query_keep_the_page_usable(watched, app_server):
    page = open_app(watched, app_server["url"])
    search(page, '"Zangezur')
    expect(status(page)).to_contain_text("unbalanced quotes")
    select(page, "Outlet", "Mehr News Agency (1)")
    search(page, "Zangezur")
    expect(status(page)).to_contain_text("no matches")
    search(page, "Karabakh")
    expect(status(page)).to_contain_text("matching sentence")
    assert watched.errors == [], watched.errors


def test_export_csv_writes_the_selection_and_shows_the_path(watched, app_server):
    page = open_app(watched, app_server["url"])
    select(page, "Outlet", "Financial Tribune (1)")
    expect(status(page)).to_contain_text("17 matching sentences")
    page.locator(".lm-TabBar-tab", has_text="Export").click()
    page.get_by_role("button", name="Export selection to CSV").click()
    expect(page.locator(".araz-explorer")).to_contain_text("Wrote 17 rows to", timeout=30_000)
    text = page.locator(".araz-explorer").inner_text()
    path = re.search(r"Wrote 17 rows to (\S+\.csv)", text).group(1)
    assert path.startswith(str(app_server["exports"]))
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 17 and {r["outlet"] for r in rows} == {"Financial Tribune"}


def test_injection_corpus_shows_markup_as_text_and_runs_nothing(watched, injection_server):
    page = open_app(watched, injection_server["url"])
    search(page, "Tehran")
    expect(status(page)).to_contain_text("ranked by relevance")
    results = page.locator(".araz-result:visible")
    expect(results.filter(has_text="<script>alert('text')</script>")).to_have_count(1)
    expect(results.filter(has_text="<img src=x onerror=alert('img')>")).to_have_count(1)
    page.locator(".araz-open").first.click()
    reader = page.locator(".araz-reader")
    expect(reader).to_contain_text(INJECTION_TITLE)
    expect(reader).to_contain_text("javascript:alert('url')")
    expect(reader).to_contain_text("<a href=\"javascript:alert('link')\">read more</a>")
    page.locator(".lm-TabBar-tab", has_text="Tone over time").click()
    page.wait_for_timeout(1500)
    assert page.locator(".araz-explorer img[src='x'], .araz-explorer script").count() == 0
    assert page.locator(".araz-explorer a[href^='javascript']").count() == 0
    assert watched.dialogs == [], watched.dialogs
    assert "Tehran welcomed the Aras corridor <script>alert('text')</script>." in page.locator(".araz-reader").inner_text()


def test_the_page_shows_its_heading_once(watched, app_server):
    page = open_app(watched, app_server["url"])
    expect(status(page)).to_contain_text("matching sentences")
    assert page.locator("body").inner_text().count("Araz explorer") == 1
