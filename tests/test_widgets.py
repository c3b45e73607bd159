"""araz.widgets: the explorer and the tone lab, driven by setting control values.

The widgets are views: each test sets controls the way a reader clicks, then checks what the
widget shows against :mod:`araz.explore`. Untrusted text (titles, outlets, document text,
URLs) must reach every HTML widget escaped.
"""
from __future__ import annotations

import html
import re

import ipywidgets as W
import pandas as pd
import pytest

import araz
from araz import explore
from araz.widgets import _html as H
from araz.widgets import explorer, tone_lab
from conftest import make_corpus

ALWAGHT = "alwaght-2025-araghchi-baku"
FTRIBUNE = "ftribune-2025-araghchi-baku"

SCRIPT = "<script>alert('pwned')</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(2)">click me</a>'


@pytest.fixture
def app(corpus):
    return explorer(corpus)


@pytest.fixture
def hostile(tmp_path):
    """A corpus whose title, outlet, url and text carry markup and script."""
    folder = make_corpus(tmp_path, {"evil.md": (
        {"title": f"Evil {SCRIPT}", "outlet": "Evil <b>Daily</b>", "published": "2024-05-01",
         "url": "javascript:alert(3)", "author": IMG},
        f"Tehran welcomed the Aras corridor {SCRIPT}. Baku replied {IMG} and {LINK} about Tehran.\n"
        "A quiet second paragraph about the Aras corridor.")})
    return araz.load_corpus(folder)


def html_values(widget) -> list[str]:
    """Every HTML string shown anywhere inside a widget tree."""
    out = []
    if isinstance(widget, (W.HTML, W.HTMLMath)):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out.extend(html_values(child))
    return out


def visible_citations(app) -> list[str]:
    return [c for c in app._row_cits if c]


def text_of(fragment: str) -> str:
    """The text a browser would show for an HTML fragment (tags dropped, entities decoded)."""
    fragment = re.sub(r"<style>.*?</style>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def assert_no_live_markup(fragments: list[str]) -> None:
    """No script, image, handler or javascript: link from the documents survives as markup."""
    for frag in fragments:
        body = re.sub(r"<style>.*?</style>", "", frag, flags=re.S)
        assert "<script" not in body.lower()
        assert "<img" not in body.lower()
        assert not re.search(r"<a\s[^>]*href=['\"]?\s*javascript:", body, re.I)
        assert not re.search(r"<[^>]+\son\w+\s*=", body, re.I)


# ---- the explorer: controls -> results -----------------------------------------------------
def test_explorer_opens_on_every_sentence(app, corpus):
    assert app.total == len(corpus.sentences)
    assert "121 matching sentences in 4 documents" in app.status.value
    assert visible_citations(app) == corpus.sentences["citation"].head(app.page_size).tolist()
    assert isinstance(app, W.VBox) and "araz-explorer" in app._dom_classes


def test_choosing_an_outlet_and_an_actor_narrows_the_results(app, corpus):
    app.controls["outlets"].value = ("Alwaght",)
    assert app.total == explore.count(corpus, {"outlets": ["Alwaght"]})
    app.controls["actors"].value = ("israel",)
    assert app.total == explore.count(corpus, {"outlets": ["Alwaght"], "actors": ["israel"]}) == 6
    assert f"{ALWAGHT} ¶11.3" in visible_citations(app)  # "mainly Tel Aviv"
    assert set(app.page["outlet"]) == {"Alwaght"}


def test_typing_a_query_ranks_and_marks_the_matches(app):
    app.controls["outlets"].value = ("Alwaght",)
    app.controls["query"].value = "Zangezur"
    assert app.total == 1 and visible_citations(app) == [f"{ALWAGHT} ¶16.2"]
    assert "<mark class='araz-q'>Zangezur</mark>" in app._row_html[0].value
    assert "ranked by relevance" in app.status.value


def test_the_widget_shows_what_explore_select_computes(app, corpus):
    app.controls["tone"].value = ("conf",)
    app.controls["voice"].value = ("author",)
    app.controls["unit"].value = "paragraph"
    assert app.filters == explore.Filters.of({"tone": ["conf"], "voice": ["author"], "unit": "paragraph"})
    expected = explore.select(corpus, app.filters, page_size=app.page_size)
    assert visible_citations(app) == expected["citation"].tolist()
    assert all("¶" in c and "." not in c.split("¶")[1] for c in visible_citations(app))


def test_the_date_slider_filters_by_overlapping_ranges(app, corpus):
    months = [v for _, v in app.controls["dates"].options]
    app.controls["dates"].value = (months[0], months[11])  # 2021 only
    assert set(app.page["doc_id"]) == {"mehr-2021-korybko"}
    assert app.filters.end.isoformat().startswith(months[11].strftime("%Y-%m"))


def test_three_plus_three_and_corridor_controls(app, corpus):
    app.controls["three_plus_three"].value = True
    assert app.total == explore.count(corpus, {"three_plus_three": True})
    app.controls["three_plus_three"].value = False
    app.controls["corridors"].value = ("zangezur-corridor",)
    assert visible_citations(app) == [f"{ALWAGHT} ¶16.2"]


def test_any_or_all_of_the_chosen_actors(app, corpus):
    app.controls["actors"].value = ("iran", "israel")
    anyof = app.total
    app.controls["entity_match"].value = "all"
    assert app.total == explore.count(corpus, {"actors": ["iran", "israel"], "entity_match": "all"}) < anyof


def test_pages_turn_and_buttons_follow(app):
    assert app.prev_button.disabled and not app.next_button.disabled
    first = visible_citations(app)
    app.turn(+1)
    assert app.page_number == 2 and visible_citations(app) != first
    assert "page 2 of" in app.page_label.value
    app.controls["outlets"].value = ("Financial Tribune",)  # a filter change goes back to page 1
    assert app.page_number == 1


def test_a_filter_that_matches_nothing_says_so_and_keeps_controls_usable(app, corpus):
    app.controls["outlets"].value = ("Mehr News Agency",)
    app.controls["corridors"].value = ("zangezur-corridor",)
    assert app.total == 0 and "no matches" in app.status.value
    assert visible_citations(app) == [] and all(b.layout.display == "none" for b in app._row_boxes)
    assert not any(c.disabled for name, c in app.controls.items() if name not in ("tone", "voice"))
    app.controls["corridors"].value = ()
    assert app.total == explore.count(corpus, {"outlets": ["Mehr News Agency"]}) > 0


def test_an_invalid_query_shows_a_readable_message_then_recovers(app):
    app.controls["query"].value = '"Zangezur'
    assert app.total == 0 and app.error and "unbalanced quotes" in app.status.value
    assert "araz-status error" in app.status.value and "Traceback" not in app.status.value
    app.controls["query"].value = '"Zangezur Corridor"'
    assert app.error is None and app.total == 1


def test_reset_clears_every_filter(app, corpus):
    with app.hold():
        app.controls["outlets"].value = ("Alwaght",)
        app.controls["query"].value = "Baku"
    assert app.total == explore.count(corpus, {"outlets": ["Alwaght"], "query": "Baku"})
    app.reset()
    assert app.total == len(corpus.sentences) and app.controls["query"].value == ""


def test_keyword_in_context_view(app):
    app.controls["query"].value = '"3+3"'
    app.controls["view"].value = "keyword in context"
    assert "<mark class='araz-q'>3+3</mark>" in app.kwic.value
    assert visible_citations(app) == []
    app.controls["view"].value = "results"
    assert app.kwic.value == "" and visible_citations(app)


def test_an_analysis_that_fails_is_reported_above_the_filters(tmp_path, monkeypatch):
    from araz import tone

    monkeypatch.setattr(tone, "score_sentences", lambda *a, **k: 1 / 0)
    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "X", "published": "2024"},
                                                          "Tehran met Baku.")}))
    app = explorer(c, importing=False)  # the explorer itself (a folder corpus would add the import panel above it)
    assert app.total == 1 and app.controls["tone"].disabled
    assert "tone labels are not available" in app.children[0].children[0].value


# ---- reader ------------------------------------------------------------------------------
def test_opening_a_result_shows_the_document_with_its_mentions(app, corpus):
    app.controls["query"].value = '"3+3"'
    i = app._row_cits.index(f"{FTRIBUNE} ¶5.2")
    app.open_row(i)
    assert app.tabs.selected_index == 1 and app.reader_citation == f"{FTRIBUNE} ¶5.2"
    page = app.reader.value
    assert "Financial Tribune" in page and "araz-sel" in page
    assert "class='araz-m format'" in page and "class='araz-m actor'" in page
    assert "<mark class='araz-q'>3+3</mark>" in page
    assert html.escape(corpus[FTRIBUNE].date_label) in page
    shown = text_of(page)
    for sentence in corpus.sentences.query("doc_id == @FTRIBUNE")["text"]:
        assert sentence in shown


def test_reader_tint_can_be_switched_off(app):
    app.read(f"{ALWAGHT} ¶11.1")
    assert "style='background:" in app.reader.value
    app.controls["tint"].value = False
    assert "style='background:" not in app.reader.value


def test_reader_reports_a_bad_citation(app):
    app.read("nope ¶1.1")
    assert "araz-status error" in app.reader.value and "nope" in app.reader.value


# ---- compare, chart, export -----------------------------------------------------------------
def test_compare_two_outlets_shows_tables_and_a_chart(app):
    result = app.run_compare(["Alwaght", "Financial Tribune"])
    assert result["summary"].loc["documents"].tolist() == [1, 1]
    assert "Israel" in app.compare_out.value and app.compare_chart.value[:4] == b"\x89PNG"


def test_compare_one_source_explains_what_is_needed(app):
    assert app.run_compare(["Alwaght"]) is None
    assert "two or more" in app.compare_out.value


def test_compare_documents(app):
    app.compare_by.value = "doc"
    assert ALWAGHT in [v for _, v in app.compare_sources.options]
    assert app.run_compare([ALWAGHT, FTRIBUNE]) is not None


def test_chart_is_drawn_when_its_tab_opens_and_redrawn_on_change(app):
    assert app.chart.value == b""
    app.tabs.selected_index = 3
    first = app.chart.value
    assert first[:4] == b"\x89PNG"
    app.controls["outlets"].value = ("Alwaght",)
    assert app.chart.value[:4] == b"\x89PNG" and app.chart.value != first


def test_export_csv_and_png_write_files_and_show_the_path(app, corpus, tmp_path):
    app.export_folder.value = str(tmp_path / "out")
    app.controls["actors"].value = ("iran",)
    path = app.export_csv()
    assert path in app.export_status.value or html.escape(path) in app.export_status.value
    assert len(pd.read_csv(path)) == app.total
    png = app.export_png()
    assert png.endswith(".png") and open(png, "rb").read(4) == b"\x89PNG"


def test_export_to_an_impossible_folder_reports_it(app, tmp_path):
    (tmp_path / "file").write_text("x")
    app.export_folder.value = str(tmp_path / "file" / "sub")
    assert app.export_csv() is None and "export folder" in app.export_status.value


# ---- untrusted text ---------------------------------------------------------------------------
def test_injection_corpus_shows_markup_as_text_everywhere(hostile):
    app = explorer(hostile)
    app.controls["query"].value = "Tehran"
    assert app.total >= 1
    app.open_row(0)
    app.tabs.selected_index = 3
    values = html_values(app)
    assert_no_live_markup(values)
    shown = "\n".join(text_of(v) for v in values)
    assert SCRIPT in shown and IMG in shown and LINK in shown  # visible, as literal text
    assert "Evil <b>Daily</b>" in shown and "javascript:alert(3)" in shown
    assert "href='javascript" not in app.reader.value


def test_injection_in_options_stays_plain_text(hostile):
    app = explorer(hostile)
    labels = [label for label, _ in app.controls["outlets"].options]
    assert labels == ["Evil <b>Daily</b> (1)"]  # an <option> shows text; ipywidgets never parses it as HTML


def test_links_are_made_only_from_http_urls():
    assert H.link("https://example.org/a?b=1&c=2").startswith("<a href='https://example.org/a?b=1&amp;c=2'")
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "unknown", "https://x.org/'onmouseover='a"):
        assert "<a " not in H.link(bad)


def test_highlight_escapes_around_the_marks():
    out = H.highlight("<b>Baku</b> & Tehran", [(3, 7)])
    assert out == "&lt;b&gt;<mark class='araz-q'>Baku</mark>&lt;/b&gt; &amp; Tehran"


# ---- the tone lab --------------------------------------------------------------------------------
def test_tone_lab_scores_a_picked_sentence(corpus):
    lab = tone_lab(corpus)
    lab.controls["pick"].value = f"{ALWAGHT} ¶11.1"
    assert lab.explanation.label == "coop"
    assert "rejected by" in lab.result.value and "araz-badge coop" in lab.result.value


def test_tone_lab_scores_a_typed_sentence(corpus):
    lab = tone_lab(corpus)
    lab.controls["text"].value = "Baku and Tehran exchanged threats."
    lab.score_button.click()
    assert lab.explanation.citation is None and "typed sentence" in lab.result.value


def test_editing_the_lexicon_changes_the_agreement_at_once(corpus):
    lab = tone_lab(corpus)
    before = lab.validation.macro_f1("ours", "all")
    lab.controls["pick"].value = f"{ALWAGHT} ¶11.1"
    terms = lab.lexicon.table.query("`class` == 'verbal_cooperation'")["term"].head(30).tolist()
    for t in terms:
        lab.controls["term"].value = t
        lab.remove_button.click()
    after = lab.validation.macro_f1("ours", "all")
    assert after != before and "before edits" in lab.agreement.value
    assert f"Removed {terms[-1]!r}" in text_of(lab.edit_status.value)
    lab.add_term("handshake", "verbal_cooperation", 2.0)
    assert "handshake" in lab.lexicon
    lab.reset()
    assert lab.validation.macro_f1("ours", "all") == pytest.approx(before)


def test_tone_lab_reports_bad_edits(corpus):
    lab = tone_lab(corpus)
    lab.add_term("handshake", "friendly", 1.0)
    assert "araz-status error" in lab.edit_status.value and "friendly" in lab.edit_status.value
    lab.remove_term("no-such-term-here")
    assert "not in the lexicon" in lab.edit_status.value


def test_tone_lab_saves_the_edited_lexicon_where_the_user_says(corpus, tmp_path):
    from araz import tone

    lab = tone_lab(corpus)
    lab.add_term("handshake", "verbal_cooperation", 2.0)
    lab.controls["save_as"].value = str(tmp_path / "mine" / "lexicon")
    lab.save_button.click()
    assert lab.saved_path.endswith("lexicon.csv")
    assert tone.load_lexicon(lab.saved_path).weight("handshake") == 2.0


def test_tone_lab_without_hand_labels_says_how_to_add_them(hostile):
    lab = tone_lab(hostile)
    assert lab.validation is None and "tone_labels.csv" in lab.agreement.value
    lab.score(f"Baku replied {IMG}")
    assert_no_live_markup(html_values(lab))
    assert IMG in text_of(lab.result.value)


def test_tone_lab_edits_flow_into_the_explorer_of_the_same_session_only(corpus):
    from araz.widgets import explorer, tone_lab

    session = explore.Session(corpus)
    app, lab = explorer(session), tone_lab(session)
    other = explorer(corpus)
    for a in (app, other):
        a.controls["tone"].value = ("coop",)
    before = app.total
    assert other.total == before
    lab.add_term("Baku", "verbal_cooperation", 3.0)
    assert app.total > before and other.total == before  # the explorer relabelled; the other one not
    assert "the explorer now uses it" in lab.edit_status.value
    app.tabs.selected_index = 3  # tone over time redraws with the new labels
    lab.reset()
    assert app.total == before


def test_downloads_mode_writes_nothing(corpus, tmp_path, monkeypatch):
    from araz.widgets import explorer, tone_lab

    monkeypatch.chdir(tmp_path)
    session = explore.Session(corpus)
    app, lab = explorer(session, downloads=True), tone_lab(session, downloads=True)
    app.controls["outlets"].value = ("Alwaght",)
    assert app.export_csv() == "araz-selection.csv" and "download='araz-selection.csv'" in app.download_link.value
    assert app.last_download.startswith(b"# Araz explorer export")
    assert app.export_png() == "araz-chart.png"
    app.notes.value = "My own note."
    assert session.notes == "My own note." and app.export_brief() == "araz-briefing.md"
    assert b"My own note." in app.last_download
    assert lab.save() == "tone_edited.csv" and "data:text/csv;base64," in lab.download_link.value
    assert list(tmp_path.iterdir()) == []
