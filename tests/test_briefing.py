"""Briefing notes (araz.briefing, ``araz brief``): what a note contains, that every citation and
quote in it checks out, that document text never becomes markup, and that bad input is refused.
"""
from __future__ import annotations

import builtins
import datetime as dt
import html
import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import araz
from araz.briefing import Brief, NotesError, build_brief, find_quote, md_unescape, resolve_notes
from araz.briefing import _render
from araz.briefing._notes import normalise
from araz.cli import main

from conftest import make_corpus

BUILT = dt.date(2026, 1, 5)
DECEMBER = dict(topic="Araghchi's December 2025 visit to Baku", start="2025-12-01", end="2025-12-31", built=BUILT)
CITATION = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*) ¶(\d+)(?:\.(\d+))?")
NOTES = """# My assessment

Both outlets frame the visit as a step towards dialogue [[ftribune-2025-araghchi-baku ¶3.1 | "continue dialogue"]],
while Alwaght also reads it as a show of resolve [[alwaght-2025-araghchi-baku ¶9.3 | "firm demonstration of resolve"]].

The corridor question is framed as a matter of borders [[alwaght-2025-araghchi-baku ¶16.3]]; again the
same sentence [[ftribune-2025-araghchi-baku ¶3.1]].
"""


def norm_ws(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def shipped():
    return araz.load_corpus()


@pytest.fixture(scope="module")
def december(shipped):
    return build_brief(shipped, **DECEMBER, notes=NOTES)


@pytest.fixture(scope="module")
def corridor_brief(shipped):
    return build_brief(shipped, topic="The corridor question: Zangezur, TRIPP and the Aras route",
                       corridors=["zangezur-corridor", "tripp", "aras-corridor"], built=BUILT)


@pytest.fixture(scope="module")
def december_pdf(december):
    return december.pdf_bytes()


def pdf_text(data: bytes) -> str:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


class Tags(HTMLParser):
    """Collect every start tag with its attributes, and the verbatim quotes (<q data-citation>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.quotes: list[tuple[str, str]] = []
        self._q: list | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "q" and "data-citation" in a:
            self._q = [a["data-citation"], ""]
            self._depth = 0
        elif tag == "q" and self._q is not None:
            self._depth += 1

    def handle_endtag(self, tag):
        if tag == "q" and self._q is not None:
            if self._depth:
                self._depth -= 1
            else:
                self.quotes.append(tuple(self._q))
                self._q = None

    def handle_data(self, data):
        if self._q is not None:
            self._q[1] += data


def parse_html(text: str) -> Tags:
    p = Tags()
    p.feed(text)
    return p


def check_citations(corpus, text: str) -> int:
    """Every ``doc ¶p(.s)`` in ``text`` resolves; return how many there were."""
    found = CITATION.findall(text)
    for doc, p, s in found:
        corpus.locate(f"{doc} ¶{p}" + (f".{s}" if s else ""))
    return len(found)


# --------------------------------------------------------------------------- scope
def test_december_brief_covers_the_two_december_reports(shipped):
    b = build_brief(shipped, **DECEMBER)
    assert list(b.documents["doc_id"]) == ["alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"]
    assert b.scope.date_range() == "2025-12-01 – 2025-12-31"


def test_a_document_dated_by_an_estimated_range_is_in_scope_when_the_range_overlaps(shipped):
    # mehr-2021-korybko is dated 2021-01/2021-08 (an estimate): a March 2021 brief includes it.
    b = build_brief(shipped, start="2021-03", end="2021-03", built=BUILT)
    assert list(b.documents["doc_id"]) == ["mehr-2021-korybko"]
    assert "(estimate)" in b.documents["date_label"].iloc[0]


def test_outlets_match_case_insensitively_and_use_the_corpus_spelling(shipped):
    b = build_brief(shipped, outlets="financial tribune", built=BUILT)
    assert b.scope.outlets == ("Financial Tribune",)
    assert list(b.documents["doc_id"]) == ["ftribune-2025-araghchi-baku"]


def test_an_actor_may_be_given_by_id_label_or_alias(shipped):
    for name in ("abbas-araghchi", "Abbas Araghchi", "Araqchi"):
        b = build_brief(shipped, actors=name, built=BUILT)
        assert b.scope.actors == ("abbas-araghchi",)
        assert set(b.documents["doc_id"]) == {"alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"}


def test_actor_and_corridor_filters_keep_documents_mentioning_any_of_them(corridor_brief):
    # Zangezur/TRIPP are named only by Alwaght; the Araz corridor also by the anonymous April 2025 text.
    assert set(corridor_brief.documents["doc_id"]) == {"alwaght-2025-araghchi-baku", "anon-2025-pezeshkian-visit"}


@pytest.mark.parametrize("kwargs, message", [
    (dict(actors="Nobody Atall"), "unknown actor 'Nobody Atall'"),
    (dict(corridors="zangezur"), "Did you mean 'zangezur-corridor'"),
    (dict(outlets="Daily Nowhere"), "unknown outlet 'Daily Nowhere'"),
    (dict(start="2025-12-31", end="2025-12-01"), "end 2025-12-01 is before start 2025-12-31"),
    (dict(start="2030-01-01"), "no document in scope"),
    (dict(start="2021", end="2021", actors="Jeyhun Bayramov"), "none mentions 'Jeyhun Bayramov'"),
    (dict(start="2025-13"), "month 13"),
])
def test_bad_scope_raises_a_scope_error_saying_what_is_wrong(shipped, kwargs, message):
    with pytest.raises(araz.ScopeError) as err:
        build_brief(shipped, built=BUILT, **kwargs)
    assert message in str(err.value)


def test_an_unknown_outlet_lists_the_outlets_there_are(shipped):
    with pytest.raises(araz.ScopeError, match="Outlets in this corpus: 'Alwaght', 'caspian-alpine.org', 'Financial Tribune'"):
        build_brief(shipped, outlets="Alwaght News", built=BUILT)


# --------------------------------------------------------------------------- key points
def test_key_points_are_three_to_seven_verbatim_quotes_with_citation_and_who_asserts_them(shipped, december):
    kp = december.key_points
    assert 3 <= len(kp) <= 7
    for r in kp.itertuples():
        assert r.text in shipped.cite(r.citation), r.citation
        assert r.asserted_by and r.voice in ("author", "quoted")
        assert r.citation.split(" ¶")[0] in set(december.documents["doc_id"])


def test_key_points_take_turns_between_sources(december):
    counts = december.key_points["doc_id"].value_counts()
    assert counts.max() - counts.min() <= 1


def test_key_points_prefer_sentences_naming_the_selected_actors(shipped):
    b = build_brief(shipped, actors="Jeyhun Bayramov", built=BUILT)
    top = b.key_points.sort_values("score", ascending=False).iloc[0]
    assert "Bayramov" in shipped.cite(top.citation)
    assert top.focus == 1 and "mentions 1 selected actor" in top.why


def test_key_point_rule_is_deterministic(shipped):
    a = build_brief(shipped, **DECEMBER).key_points
    b = build_brief(shipped, **DECEMBER).key_points
    assert a.equals(b)


def test_a_tiny_corpus_still_gets_key_points_from_its_lead_sentences(tmp_path):
    folder = make_corpus(tmp_path, {"a.md": ({"title": "T", "outlet": "Example Daily", "published": "2024-03-02"},
                                             "Officials from Baku and Tehran met on Monday to discuss the new railway link across the border.\n"
                                             "Both delegations said the talks had been useful and would continue next month in Tehran.\n"
                                             "Short line.")})
    b = build_brief(araz.load_corpus(folder), built=BUILT)
    assert len(b.key_points) == 2  # only two sentences have 8–60 words
    assert b.key_points["why"].tolist() == ["lead sentence of its source"] * 2


def test_a_large_scope_lists_outlets_pools_routes_and_keeps_the_note_short(tmp_path):
    docs = {}
    for i in range(14):
        docs[f"d{i:02d}.md"] = ({"title": f"Report {i}", "outlet": f"Outlet {i % 8}", "published": f"2024-03-{i + 1:02d}"},
                                f"Officials in Baku and Tehran discussed the Araz corridor and the Zangezur corridor on day {i}.\n"
                                f"Iran said that cooperation with Azerbaijan on the Araz corridor would deepen after talks number {i}.")
    corpus = araz.load_corpus(make_corpus(tmp_path, docs))
    b = build_brief(corpus, topic="corridors", corridors=["Araz corridor"], built=BUILT)
    assert len(b.documents) == 14
    assert set(b.corridors["doc_id"]) == {"14 documents"} and len(b.corridors) == 2  # one row per route
    assert b.tone_by_outlet["outlet"].nunique() == 6 and "6 outlets with the most sentences, of 8" in b.tone_warning
    md = b.to_markdown()
    assert "| outlet | perspective | documents | e.g. |" in md and "| d00 |" not in md
    assert len(b.key_points) == 7 and b.key_points["doc_id"].nunique() == 7  # seven sources, one point each
    for r in b.quotes().itertuples():
        assert r.text in corpus.cite(r.citation)


# --------------------------------------------------------------------------- every citation and quote checks out
@pytest.mark.parametrize("which", ["december", "corridor_brief"])
def test_every_citation_in_every_generated_note_resolves(request, shipped, which):
    brief: Brief = request.getfixturevalue(which)
    for text in (md_unescape(brief.to_markdown()), html.unescape(brief.to_html())):
        assert check_citations(shipped, text) >= 10
    for c in brief.citations():
        shipped.locate(c)


@pytest.mark.parametrize("which", ["december", "corridor_brief"])
def test_every_quote_stands_verbatim_at_its_citation(request, shipped, which):
    brief: Brief = request.getfixturevalue(which)
    quotes = brief.quotes()
    assert len(quotes) >= 5
    for r in quotes.itertuples():
        assert r.text in shipped.cite(r.citation), (r.section, r.citation, r.text)
    # and as rendered: every <q data-citation> of the HTML, every “…” (citation) of the Markdown
    rendered = parse_html(brief.to_html()).quotes
    assert len(rendered) >= len(brief.key_points)
    for citation, text in rendered:
        assert text in shipped.cite(citation), (citation, text)
    md = md_unescape(brief.to_markdown())
    pairs = re.findall(r"“((?:(?!” —).)+?)”…? — [^\n]*?\(((?:[A-Za-z0-9._-]+) ¶\d+(?:\.\d+)?)", md)
    assert len(pairs) >= len(brief.key_points)
    for text, citation in pairs:
        assert text in shipped.cite(citation), (citation, text)


def test_the_pdf_is_valid_and_its_text_holds_the_key_points(december, december_pdf):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(december_pdf))
    assert december_pdf.startswith(b"%PDF-") and len(reader.pages) >= 2
    assert reader.metadata.title == december.title
    text = norm_ws(pdf_text(december_pdf))
    for point in december.key_points["text"]:
        assert norm_ws(point) in text, point
    assert "Where sources disagree" in text and "Warning:" in text


def test_same_inputs_give_the_same_note(shipped, december, december_pdf):
    again = build_brief(shipped, **DECEMBER, notes=NOTES)
    assert again.to_markdown() == december.to_markdown()
    assert again.to_html() == december.to_html()
    assert again.pdf_bytes() == december_pdf


def test_the_build_date_is_a_parameter_printed_on_the_note(shipped):
    b = build_brief(shipped, **{**DECEMBER, "built": "2027-02-03"})
    assert "**Built:** 2027-02-03" in b.to_markdown()
    with pytest.raises(araz.ScopeError, match="built: 'soon' is not a date"):
        build_brief(shipped, **{**DECEMBER, "built": "soon"})


# --------------------------------------------------------------------------- sections
def test_the_note_has_every_section_in_order(december):
    md = december.to_markdown()
    heads = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert heads == ["Key points", "Analyst's assessment", "Actors", "Corridors and the 3+3 format", "Tone",
                     "Where sources disagree", "Timeline", "Sources"]
    assert md.startswith("# Briefing note: Araghchi's December 2025 visit to Baku")
    assert "**Documents:** 2 from the shipped Araz corpus" in md
    assert "Alwaght (Iranian media (analysis))" in md


def test_the_tone_section_carries_n_and_the_small_corpus_warning(december):
    assert december.tone_n == int(december.tone_by_outlet["n"].sum()) > 0
    assert "anecdote, not a trend" in december.tone_warning
    md = december.to_markdown()
    assert f"n = {december.tone_n} sentences" in md and "**Warning:**" in md


def test_disagreements_show_both_framings_of_the_december_visit(december):
    topics = {d["topic"]: d for d in december.disagreements}
    stances = {s["stance"] for s in topics["visit-2025-12/framing"]["stances"]}
    assert stances == {"show-of-resolve", "dialogue-and-cooperation"}
    denied = {s["stance"] for s in topics["war-2025-06/azerbaijani-territory"]["stances"]}
    assert denied == {"asserted", "denied"}


def test_a_claim_from_outside_the_dates_is_marked_so(december):
    grouping = next(d for d in december.disagreements if d["topic"] == "3+3/membership")
    outside = [c for s in grouping["stances"] for c in s["claims"] if not c["in_scope"]]
    assert outside and outside[0]["doc_id"] == "mehr-2021-korybko"
    assert "outside the dates of this note" in december.to_markdown()


def test_the_sources_annex_has_a_card_for_every_cited_document(december):
    cited = {c.split(" ¶")[0] for c in december.citations()}
    assert cited <= set(december.sources["doc_id"])
    card = december.sources.set_index("doc_id").loc["ftribune-2025-araghchi-baku"]
    assert card["outlet"] == "Financial Tribune" and "ftribune-2025-araghchi-baku ¶1.1" in card["date_evidence_citations"]


def test_corridor_brief_says_which_source_names_which_route_in_which_words(corridor_brief):
    t = corridor_brief.corridors
    aras = t[t["entity_id"] == "aras-corridor"].set_index("doc_id")["surfaces"]
    assert "Araz Corridor" in aras["anon-2025-pezeshkian-visit"]
    assert "Aras River Transit Corridor" in aras["alwaght-2025-araghchi-baku"]


def test_the_timeline_marks_background_events(december):
    t = december.timeline.set_index("date")
    assert bool(t.loc["2025-12-01/2025-12-05", "in_window"]) is True
    assert bool(t.loc["2024-07-15", "in_window"]) is False
    assert len(t) <= 8 and "2023-01-27" not in t.index  # only the most recent background events


# --------------------------------------------------------------------------- the analyst's notes
def test_notes_citations_become_numbered_footnotes_in_order_of_first_use(december):
    fns = december.notes.footnotes
    assert [f.citation for f in fns] == ["ftribune-2025-araghchi-baku ¶3.1", "alwaght-2025-araghchi-baku ¶9.3",
                                         "alwaght-2025-araghchi-baku ¶16.3"]
    assert fns[0].lines == [3, 7]  # the same citation again reuses footnote 1
    md = december.to_markdown()
    assert "dialogue [^1]" in md and "same sentence [^1]" in md
    assert "[^1]: “At a joint press conference with Bayramov, Araghchi stressed that the most important outcome of the talks was the agreement to **continue dialogue**" in md


def test_a_footnote_holds_the_cited_sentence_verbatim_with_the_quoted_words_marked(shipped, december):
    f = december.notes.footnotes[1]
    assert f.text == shipped.cite("alwaght-2025-araghchi-baku ¶9.3")
    assert [p for p, marked in f.pieces() if marked] == ["firm demonstration of resolve"]
    h = december.to_html()
    assert '<mark>firm demonstration of resolve</mark>' in h
    assert '<sup class="fnref"><a href="#fn-1" id="fnref-1">1</a></sup>' in h


def test_quotes_may_differ_only_in_quote_marks_and_whitespace(shipped):
    notes = ('A [[alwaght-2025-araghchi-baku ¶16.2 | "the issue of the \\"Zangezur   Corridor\\""]] '
             "and [[mehr-2021-korybko ¶1.6 | ‘The 3 + 3 format proposed by the President of Azerbaijan’]]")
    notes = notes.replace('\\"', '"')
    n = resolve_notes(shipped, notes)
    assert [f.citation for f in n.footnotes] == ["alwaght-2025-araghchi-baku ¶16.2", "mehr-2021-korybko ¶1.6"]
    assert find_quote("the issue of the “Zangezur\nCorridor”", shipped.cite("alwaght-2025-araghchi-baku ¶16.2"))
    assert normalise("“a’  b”")[0] == "\"a' b\""


@pytest.mark.parametrize("quote", ["Continue dialogue", "continue the dialogue", "continue dialogue."])
def test_case_words_and_punctuation_must_match(shipped, quote):
    with pytest.raises(NotesError, match="are not at ftribune-2025-araghchi-baku ¶3.1"):
        resolve_notes(shipped, f'[[ftribune-2025-araghchi-baku ¶3.1 | "{quote}"]]')


def test_a_notes_file_with_a_wrong_quote_fails_with_its_line_number(shipped, tmp_path):
    path = tmp_path / "assessment.md"
    path.write_text("# Assessment\n\nFine [[ftribune-2025-araghchi-baku ¶3.1]].\n"
                    "Wrong [[alwaght-2025-araghchi-baku ¶11.1 | \"ready for war\"]].\n", encoding="utf-8")
    with pytest.raises(NotesError) as err:
        build_brief(shipped, **DECEMBER, notes=path)
    msg = str(err.value)
    assert f"{path}, line 4:" in msg
    assert '"ready for war" are not at alwaght-2025-araghchi-baku ¶11.1, which reads: "The visit of the top diplomat' in msg
    assert isinstance(err.value, araz.CitationError) and err.value.issues[0].line == 4


def test_every_bad_citation_in_the_notes_is_reported_at_once_with_its_line(shipped):
    notes = ("ok [[mehr-2021-korybko ¶1.1]]\n"
             "[[mehr-2021-korybko ¶1.99]]\n"
             "[[no-such-doc ¶1.1]]\n"
             "[[mehr-2021-korybko 1.2]]\n"
             "[[mehr-2021-korybko ¶1.2 | ]]\n"
             "[[mehr-2021-korybko ¶1.2 unclosed\n")
    with pytest.raises(NotesError) as err:
        resolve_notes(shipped, notes)
    lines = [i.line for i in err.value.issues]
    assert lines == [2, 3, 4, 5, 6]
    msg = str(err.value)
    assert "5 citations in the notes cannot be verified" in msg
    assert "notes, line 2: [[mehr-2021-korybko ¶1.99]]: 'mehr-2021-korybko ¶1.99': paragraph 1 of mehr-2021-korybko has 27 sentences, not 99" in msg
    assert "no document 'no-such-doc'" in msg and "is not a citation" in msg
    assert "the quote after '|' is empty" in msg and "'[[' is not closed on this line" in msg


def test_citations_in_code_are_shown_not_resolved(shipped):
    n = resolve_notes(shipped, "Write `[[doc ¶1.2]]` like this:\n```\n[[doc ¶9.9]]\n```\nReal [[mehr-2021-korybko ¶1.1]].")
    assert len(n.footnotes) == 1
    assert "`[[doc ¶1.2]]`" in n.markdown() and "[[doc ¶9.9]]" in n.markdown()


def test_notes_may_be_a_path_given_as_text(shipped, tmp_path):
    path = tmp_path / "n.md"
    path.write_text("See [[mehr-2021-korybko ¶1.1]].", encoding="utf-8")
    assert resolve_notes(shipped, str(path)).footnotes[0].citation == "mehr-2021-korybko ¶1.1"
    with pytest.raises(araz.ArazError, match="does not exist"):
        resolve_notes(shipped, tmp_path / "missing.md")


def test_raw_html_in_the_notes_is_escaped(shipped):
    b = build_brief(shipped, **DECEMBER, notes='<script>alert(1)</script> <img src=x onerror=alert(2)> [[mehr-2021-korybko ¶1.1]]')
    h = b.to_html()
    assert "<script>alert" not in h and "<img src=x" not in h
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in h


# --------------------------------------------------------------------------- untrusted document text
EVIL = '<script>alert("x")</script>'
EVIL_IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def evil_brief(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("evil")
    folder = make_corpus(tmp, {
        "evil.md": ({"title": f"Hostile {EVIL}", "outlet": f"Evil {EVIL_IMG} Daily", "author": "<u onmouseover=x>Mr X</u>",
                     "published": "2025-12-08", "perspective": "test <s>", "url": "javascript:alert(1)"},
                    f"Iran and Azerbaijan agreed {EVIL} on the Aras corridor for trade cooperation with Baku and Tehran.\n"
                    f"Officials said that {EVIL_IMG} the talks in Baku would continue next month with Iran.\n"
                    "The two neighbours welcomed the dialogue and said cooperation would deepen this year."),
        "plain.md": ({"title": "Plain", "outlet": "Example Daily", "published": "2025-12-09"},
                     "Tehran and Baku discussed the railway link and said that talks with Armenia would continue soon."),
    })
    corpus = araz.load_corpus(folder)
    notes = f"The hostile text [[evil ¶1.1 | \"agreed {EVIL}\"]] is quoted."
    return corpus, build_brief(corpus, topic=f"Topic {EVIL}", notes=notes, built=BUILT)


def test_injected_markup_reaches_the_html_only_escaped(evil_brief):
    corpus, brief = evil_brief
    assert any(EVIL in t for t in brief.key_points["text"])  # the hostile sentence is quoted
    h = brief.to_html()
    tags = parse_html(h).tags
    assert [t for t, _ in tags if t in ("script", "iframe", "object", "embed", "u", "s")] == []
    # the one image is the chart, embedded as a PNG data URI
    assert [a["src"][:22] for t, a in tags if t == "img"] == ["data:image/png;base64,"]
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not str(attrs.get("href", "")).startswith("javascript:"), (tag, attrs)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in h
    assert "&lt;img src=x onerror=alert(1)&gt;" in h


def test_injected_markup_reaches_the_markdown_only_escaped(evil_brief):
    _, brief = evil_brief
    md = brief.to_markdown()
    assert re.findall(r"(?<!\\)<", md) == []  # every < from a document is backslash-escaped
    assert "\\<script\\>" in md
    assert EVIL in md_unescape(md)


def test_injected_markup_appears_in_the_pdf_as_plain_text(evil_brief):
    _, brief = evil_brief
    text = norm_ws(pdf_text(brief.pdf_bytes()))
    assert EVIL in text and "onerror=alert(1)" in text and "javascript:alert(1)" in text


def test_the_notebook_preview_is_a_sandboxed_iframe(evil_brief):
    _, brief = evil_brief
    frame = brief._repr_html_()
    assert frame.startswith('<iframe sandbox="" srcdoc="')
    assert "<script" not in frame


def test_the_html_is_one_self_contained_file_with_the_chart_embedded(december):
    h = december.to_html()
    tags = parse_html(h).tags
    assert [t for t, _ in tags if t in ("link", "script")] == []
    assert all(a["src"].startswith("data:image/png;base64,") for t, a in tags if "src" in a)
    assert "<style>" in h and "@import" not in h and "url(" not in h
    assert december.chart_png.startswith(b"\x89PNG") and december.unavailable == []


# --------------------------------------------------------------------------- templates and PDF
def test_a_user_template_folder_overrides_only_the_files_it_has(shipped, tmp_path):
    (tmp_path / "brief.md.j2").write_text("# {{ title }}\n{% for k in key_points %}* {{ k.text }} ({{ k.citation }})\n{% endfor %}",
                                          encoding="utf-8")
    b = build_brief(shipped, **DECEMBER)
    md = b.to_markdown(template_dir=tmp_path)
    assert md.splitlines()[0] == "# Briefing note: Araghchi's December 2025 visit to Baku"
    assert len(md.splitlines()) == 1 + len(b.key_points)
    assert "<style>" in b.to_html(template_dir=tmp_path)  # html template and css still the shipped ones
    with pytest.raises(araz.ArazError, match="template folder .* does not exist"):
        b.to_markdown(template_dir=tmp_path / "nope")


def test_missing_pango_is_reported_with_the_debian_packages_to_install(shipped, tmp_path, monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    b = build_brief(shipped, **DECEMBER)
    out = tmp_path / "note.pdf"
    with pytest.raises(araz.ArazError) as err:
        b.to_pdf(out)
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in str(err.value)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_nothing_half_written_and_keeps_the_old_file(shipped, tmp_path, monkeypatch):
    out = tmp_path / "note.md"
    out.write_text("old note", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_render.os, "replace", broken_replace)
    with pytest.raises(araz.ArazError, match="could not write the note .*No space left on device.*nothing was written"):
        build_brief(shipped, **DECEMBER).save(out)
    assert out.read_text(encoding="utf-8") == "old note"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


# --------------------------------------------------------------------------- the command
def brief_cli(*argv) -> int:
    return main(["brief", *argv])


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_araz_brief_writes_each_format(tmp_path, capsys, fmt):
    out = tmp_path / f"note.{fmt}"
    code = brief_cli("--topic", "Araghchi's December 2025 visit to Baku", "--from", "2025-12-01", "--to", "2025-12-31",
                     "--built", "2026-01-05", "--format", fmt, "--out", str(out))
    assert code == 0
    assert f"Wrote {out} ({fmt}): 2 documents" in capsys.readouterr().err
    data = out.read_bytes()
    assert data.startswith({"md": b"# Briefing note", "html": b"<!DOCTYPE html>", "pdf": b"%PDF-"}[fmt])
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_araz_brief_without_out_prints_markdown_or_html(capsys):
    assert brief_cli("--from", "2025-12", "--to", "2025-12", "--format", "md", "--built", "2026-01-05") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefing note") and "**Built:** 2026-01-05" in out


def test_araz_brief_checks_a_notes_file(tmp_path, capsys):
    notes = tmp_path / "notes.md"
    notes.write_text("Line one [[alwaght-2025-araghchi-baku ¶11.1 | \"ready for cooperation instead of confrontation\"]].\n",
                     encoding="utf-8")
    out = tmp_path / "note.md"
    assert brief_cli("--from", "2025-12", "--to", "2025-12", "--notes", str(notes), "--out", str(out)) == 0
    assert "1 notes citation checked" in capsys.readouterr().err
    assert "**ready for cooperation instead of confrontation**" in out.read_text(encoding="utf-8")


def _bad(tmp_path, *argv):
    out = tmp_path / "note.md"
    code = brief_cli("--format", "md", "--out", str(out), *argv)
    return code, out


@pytest.mark.parametrize("argv, message", [
    (["--actor", "Nobody Atall"], "araz brief: unknown actor 'Nobody Atall': it is not an id, label or alias"),
    (["--corridor", "Silk Road"], "araz brief: unknown corridor 'Silk Road'"),
    (["--outlet", "Daily Nowhere"], "araz brief: unknown outlet 'Daily Nowhere': no document in this corpus has it"),
    (["--from", "2025-12-31", "--to", "2025-12-01"], "araz brief: end 2025-12-01 is before start 2025-12-31"),
    (["--from", "2030-01-01"], "araz brief: no document in scope (dates from 2030-01-01)"),
    (["--from", "2021", "--to", "2021", "--actor", "Bayramov"], "none mentions 'Jeyhun Bayramov'"),
    (["--from", "2025-13-01"], "araz brief: --from: '2025-13-01' has month 13"),
    (["--to", "tomorrow"], "araz brief: --to: 'tomorrow' is not a date"),
    (["--built", "soon"], "araz brief: --built 'soon' is not a date"),
])
def test_araz_brief_refuses_bad_arguments_with_a_message_and_exit_1(tmp_path, capsys, argv, message):
    code, out = _bad(tmp_path, *argv)
    assert code == 1
    assert message in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_araz_brief_refuses_a_notes_file_with_a_wrong_quote_naming_its_line(tmp_path, capsys):
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nA [[ftribune-2025-araghchi-baku ¶3.1 | \"continue the dialogue\"]]\n", encoding="utf-8")
    out = tmp_path / "note.md"
    assert brief_cli("--notes", str(notes), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert f"{notes}, line 3:" in err and '"continue the dialogue" are not at ftribune-2025-araghchi-baku ¶3.1' in err
    assert not out.exists()


@pytest.mark.parametrize("where, message", [
    ("afile/note.md", "{tmp}/afile is a file, not a folder"),
    ("afile/sub/note.md", "{tmp}/afile is a file, not a folder"),
    (".", "is a folder; give a file name"),
])
def test_araz_brief_refuses_an_output_path_it_cannot_write(tmp_path, capsys, where, message):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = tmp_path / where
    assert brief_cli("--format", "md", "--out", str(out)) == 1
    assert message.format(tmp=tmp_path) in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_araz_brief_makes_missing_folders_for_out(tmp_path, capsys):
    out = tmp_path / "briefs" / "2025" / "note.md"
    assert brief_cli("--from", "2025-12", "--to", "2025-12", "--out", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("# Briefing note")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc, where even root cannot create files")
def test_a_write_that_fails_late_leaves_no_file_and_no_folder(capsys):
    assert brief_cli("--from", "2025-12", "--to", "2025-12", "--out", "/proc/araz-test/note.md") == 1
    assert "could not write the note" in capsys.readouterr().err
    assert not Path("/proc/araz-test").exists()


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root may write anywhere")
def test_araz_brief_refuses_a_read_only_folder(tmp_path, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        assert brief_cli("--format", "md", "--out", str(ro / "note.md")) == 1
        assert "is not writable" in capsys.readouterr().err
    finally:
        ro.chmod(0o755)


def test_araz_brief_needs_a_format_it_can_tell(tmp_path, capsys):
    assert brief_cli("--out", str(tmp_path / "note.txt")) == 1
    assert "say which format to write" in capsys.readouterr().err
    assert brief_cli("--format", "pdf") == 1
    assert "--format pdf needs --out" in capsys.readouterr().err


def test_araz_brief_on_a_user_corpus(tmp_path, capsys):
    folder = make_corpus(tmp_path, {"a.md": ({"title": "Rail", "outlet": "Example Daily", "published": "2024-03-02"},
                                             "Officials from Baku and Tehran discussed the Rasht–Astara railway on Monday in Baku.\n"
                                             "Azerbaijan and Iran said the line would strengthen cooperation and trade in the region.")})
    out = tmp_path / "mine.md"
    assert brief_cli(str(folder), "--topic", "Rail link", "--format", "md", "--out", str(out), "--built", "2026-01-05") == 0
    md = out.read_text(encoding="utf-8")
    assert "**Documents:** 1 from corpus corpus" in md and "Rasht–Astara railway" in md


def test_a_key_point_carries_its_claims_ledger_note(december):
    """A claim the public record contradicts is never shown bare: its ledger note travels with it."""
    kp = december.key_points
    row = kp[kp["citation"] == "ftribune-2025-araghchi-baku ¶9.2"]
    assert not row.empty, "the agreements claim is a key point of the December note"
    note = row.iloc[0]["ledger_note"]
    assert note.startswith("Disputed. Public record: seven documents were signed")
    md = december.to_markdown()
    assert "*Claims ledger note:* Disputed. Public record: seven documents were signed" in md
    assert "<em>Claims ledger note:</em> Disputed. Public record: seven documents were signed" in december.to_html()


def test_a_key_point_carries_only_the_note_of_its_own_claim():
    """Two claims in one sentence: the count claim's key point must not carry the trade-volume note."""
    import pandas as pd

    from araz.briefing._keypoints import select_key_points

    sentence = "Officials signed 12 new accords in the old capital, while trade volumes remain modest for now."
    sentences = pd.DataFrame([{"doc_id": "d", "paragraph": 1, "sentence": 1, "citation": "d ¶1.1", "text": sentence,
                               "is_heading": False}])
    documents = pd.DataFrame([{"doc_id": "d", "outlet": "Example Daily", "author": "unknown"}])
    claims = pd.DataFrame([
        {"claim_id": "c-count", "topic": "visit/agreements", "doc_id": "d", "citation": "d ¶1.1",
         "quote": "Officials signed 12 new accords in the old capital", "asserted_by": "Example Daily (unsigned)", "voice": "author",
         "note": "Disputed. Public record: 3 accords (Example Wire, 1 Jan 2030)."},
        {"claim_id": "c-trade", "topic": "trade/volume", "doc_id": "d", "citation": "d ¶1.1",
         "quote": "trade volumes remain modest", "asserted_by": "Example Daily (unsigned)", "voice": "author",
         "note": "No figure is given (trade-volume note)."},
    ])
    kp = select_key_points(sentences=sentences, documents=documents, claims=claims, entity_hits={}, topic="accords signed")
    row = kp.set_index("claim_id").loc["c-count"]
    assert row["ledger_note"] == "Disputed. Public record: 3 accords (Example Wire, 1 Jan 2030)."
    assert "trade-volume" not in row["ledger_note"]
    # claims too short to be key points themselves: the whole sentence is the key point, and it
    # carries each claim's note, labelled with the claim's words
    short = claims.assign(quote=["signed 12 new accords", "trade volumes"])
    whole = select_key_points(sentences=sentences, documents=documents, claims=short, entity_hits={}, topic=None)
    assert whole["kind"].tolist() == ["sentence"]
    assert whole.iloc[0]["ledger_note"] == ("On “signed 12 new accords”: Disputed. Public record: 3 accords (Example Wire, 1 Jan 2030). "
                                            "On “trade volumes”: No figure is given (trade-volume note).")


def test_the_december_note_shows_the_ledger_note_on_the_aras_corridor_dating(december):
    """The default brief quotes Alwaght's 'last year' for the Aras corridor: the dispute travels with it."""
    md = december.to_markdown()
    line = next(ln for ln in md.splitlines() if "*corridors/aras*" in ln and "Last year, Tehran and Baku" in ln)
    assert "*Claims ledger note:* Disputed." in line
    assert "11 Mar 2022" in line and "6 Oct 2023" in line and "19 May 2024" in line
    html = december.to_html()
    i = html.find("Last year, Tehran and Baku")
    assert "<em>Claims ledger note:</em> Disputed." in html[i:i + 800]


def test_disputed_claims_in_the_disagreements_section_carry_their_note(december):
    shown = [c for d in december.disagreements for s in d["stances"] for c in s["claims"]]
    by_cit = {c["citation"]: c for c in shown}
    assert by_cit["ftribune-2025-araghchi-baku ¶9.2"]["flag"].startswith("Disputed. Public record: seven documents")
    assert by_cit["ftribune-2025-araghchi-baku ¶6.1"]["flag"] == ""   # not disputed: no flag
    md = december.to_markdown()
    i = md.find("## Where sources disagree")
    j = md.find("more than 50 agreements", i)
    assert "[*claims ledger note:* Disputed. Public record: seven documents" in md[j:j + 400]


def test_the_pdf_does_not_depend_on_the_clock(shipped, december, monkeypatch):
    """fontTools stamps subset fonts with the time: two builds a minute apart give the same bytes."""
    pytest.importorskip("fontTools")
    import time as time_module

    from fontTools.misc import timeTools

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    real = time_module.time
    monkeypatch.setattr(timeTools.time, "time", lambda: real() - 3600)
    early = december.pdf_bytes()
    monkeypatch.setattr(timeTools.time, "time", lambda: real() + 3600)
    late = december.pdf_bytes()
    assert early == late
    assert "SOURCE_DATE_EPOCH" not in __import__("os").environ  # left as it was
