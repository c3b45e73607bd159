# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: araz,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · From the corpus to a cited briefing note
#
# A decision-maker asks for two pages on Foreign Minister Araghchi's visit to Baku in December 2025 and on
# the corridor question. The note must say what happened, who said what, where the sources disagree and what
# it may mean — and every statement in it must be traceable to a sentence of a source. This notebook builds
# that note with `araz.briefing`, adds an analyst's assessment whose citations the kit **checks**, and exports
# it as Markdown, HTML and PDF.
#
# **Learning goals** (about 35 minutes)
#
# - build a briefing note for a question and a date range, and read how its scope was chosen;
# - explain the rule that picks the key points, and why they are quotes rather than summaries;
# - write an assessment with `[[doc_id ¶p.s]]` citations and see the kit verify each quote;
# - export the note in three formats, from Python and from the command line;
# - brief from your own documents.

# %%
import araz

corpus = araz.load_corpus()

# %%
import datetime
from pathlib import Path
import tempfile

import pandas as pd
from IPython.display import HTML, Markdown, display

from araz.briefing import NotesError, build_brief

pd.set_option("display.max_colwidth", 120)
BUILT = datetime.date(2026, 1, 5)  # the date printed on the note: fixed, so that the note is reproducible

# %% [markdown]
# ## 1. A note on the December 2025 visit
#
# `build_brief` takes the question (`topic`), a date range and, optionally, actors, corridors and outlets.
# It keeps the documents whose publication date — or *estimated* date range — overlaps the range asked for.

# %%
visit = build_brief(
    corpus,
    topic="Araghchi's December 2025 visit to Baku",
    start="2025-12-01", end="2025-12-31",
    built=BUILT,
)
print(f"{len(visit.documents)} documents in scope, from {visit.documents['outlet'].nunique()} outlets:")
visit.documents

# %% [markdown]
# Both documents are dated by an estimated range (no article prints its date); the note repeats the label
# exactly as the corpus gives it, so a reader sees that the dates are inferred.
#
# ## 2. Key points: quotes, chosen by a rule
#
# The kit does not summarise. Each key point is a claims-ledger entry or a sentence, **verbatim**, with its
# citation and who asserts it (the outlet's own voice or a speaker it quotes). The rule is fixed and printed
# at the foot of every note: a candidate scores `2 × (selected actors/corridors it mentions) + (topic words
# it contains) + 1 if it is a hand-checked claims-ledger entry`, and the sources take turns so that no single
# outlet fills the list. The `why` column shows what each point scored on.

# %%
visit.key_points[["number", "text", "asserted_by", "voice", "citation", "why"]]

# %%
per_source = visit.key_points["outlet"].value_counts()
print("Key points per outlet:", ", ".join(f"{o}: {n}" for o, n in per_source.items()))

# %% [markdown]
# ## 3. Preview the note
#
# A `Brief` displays itself in the notebook (inside a sandboxed frame: the note's styles cannot leak into the
# notebook and no script can run). Scroll through the sections: key points, actors, corridors and the 3+3
# format, tone with its n and warning, where sources disagree, the timeline, and the sources annex.

# %%
visit

# %% [markdown]
# Notice the **tone** section: it reports n and says plainly that two documents are an anecdote, not a trend.
# And **where sources disagree** sets the two framings of the visit side by side — a show of resolve after the
# Sahand-2025 drill, or dialogue and cooperation — each with who asserts it.

# %%
framing = next(d for d in visit.disagreements if d["topic"] == "visit-2025-12/framing")
for stance in framing["stances"]:
    print(stance["stance"])
    for c in stance["claims"]:
        print(f"   “{c['quote']}” — {c['asserted_by']} ({c['citation']})")

# %% [markdown]
# ## 4. The corridor question
#
# The second brief selects documents by the routes they mention. A corridor can be named by its id, its label
# or an alias (`"Zangezur corridor"`, `"TRIPP"`, `"Araz corridor"`); a document is in scope when it mentions
# at least one of them.

# %%
routes = build_brief(
    corpus,
    topic="The corridor question: Zangezur, TRIPP and the Aras route",
    corridors=["Zangezur corridor", "TRIPP", "Araz corridor"],
    built=BUILT,
)
print(f"{len(routes.documents)} documents mention at least one of the three routes.")
routes.corridors[["corridor", "outlet", "surfaces", "n_mentions", "citations"]]

# %% [markdown]
# Which words a source uses for a route is itself a position ("Zangezur Corridor", "transit route between
# Azerbaijan and Armenia", "Aras River Transit Corridor", "Araz Corridor"). The note quotes what each source
# says, from the claims ledger:

# %%
routes.corridor_claims[["topic", "outlet", "quote", "asserted_by", "citation"]]

# %% [markdown]
# ## 5. The analyst's assessment, with checked citations
#
# The note so far only quotes the sources. Your assessment is your own text, in Markdown. Cite a sentence as
# `[[doc_id ¶p.s]]`, and if you rely on particular words, quote them: `[[doc_id ¶p.s | "exact words"]]`. The
# kit resolves every citation into a numbered footnote that holds the cited sentence verbatim, with your
# quoted words marked — and refuses the note if a quote is not at its place (only quote marks and spacing may
# differ).

# %%
assessment = """
The two Iranian outlets frame the same visit differently. The Financial Tribune reports it as a
return to dialogue [[ftribune-2025-araghchi-baku ¶3.1 | "the agreement to continue dialogue"]],
while Alwaght presents the trip as following a drill that sent "a clear message" to Baku
[[alwaght-2025-araghchi-baku ¶7.1 | "sent a clear message to Iran’s northern neighbor"]]
and, in the same text, as a message of cooperation [[alwaght-2025-araghchi-baku ¶11.1]].

On corridors, Alwaght's concern is borders, not the route as such
[[alwaght-2025-araghchi-baku ¶16.3 | "must not lead to the manipulation of internationally recognized borders"]].
The Financial Tribune reports the accusation that Baku helped Israel in June 2025
[[ftribune-2025-araghchi-baku ¶8.2 | "some observers accused Baku of complicity"]] together with the denial
[[ftribune-2025-araghchi-baku ¶8.3]]: a briefing should carry both, attributed.
"""

assessed = build_brief(
    corpus,
    topic="Araghchi's December 2025 visit to Baku and the corridor question",
    start="2025-12-01", end="2025-12-31",
    notes=assessment,
    built=BUILT,
)
for f in assessed.notes.footnotes:
    print(f"[{f.number}] {f.citation} (notes line {', '.join(map(str, f.lines))}): “{f.text}”")

# %% [markdown]
# In the Markdown version, each citation has become a footnote:

# %%
md_text = assessed.to_markdown()
start = md_text.index("## Analyst's assessment")
display(Markdown(md_text[start:md_text.index("## Actors")]))

# %% [markdown]
# ### A wrong citation is refused
#
# Here the analyst misremembers the wording ("ready for dialogue" instead of "ready for cooperation") and
# mistypes a sentence number. The note is not built; the error names each line of the notes and shows what the
# sentence really says.

# %%
careless = """
Alwaght says Tehran is [[alwaght-2025-araghchi-baku ¶11.1 | "ready for dialogue"]].
The Financial Tribune lists the officials [[ftribune-2025-araghchi-baku ¶1.9]].
"""
try:
    build_brief(corpus, topic="December visit", start="2025-12", end="2025-12", notes=careless, built=BUILT)
except NotesError as err:
    print(err)

# %% [markdown]
# ## 6. Every quote checks out
#
# `Brief.quotes()` lists every verbatim quote the note shows, with its citation. Checking them is one line —
# this is what makes the note auditable by the reader, not only by its author.

# %%
quotes = assessed.quotes()
ok = quotes.apply(lambda r: r["text"] in corpus.cite(r["citation"]), axis=1)
print(f"{int(ok.sum())} of {len(quotes)} quotes stand verbatim at their citation, "
      f"in {quotes['section'].nunique()} sections; {len(assessed.citations())} distinct citations in all.")

# %% [markdown]
# ## 7. Export: Markdown, HTML, PDF
#
# `save` writes the format its suffix names. The HTML is one self-contained file (styles inline, the chart
# embedded, every string from a document escaped); the PDF is rendered from that HTML by WeasyPrint. A file is
# written to a temporary name first and renamed only when complete, so a failed export never leaves half a note.

# %%
out = Path(tempfile.mkdtemp()) / "briefs"
out.mkdir()
for suffix in ("md", "html", "pdf"):
    path = assessed.save(out / f"araghchi-2025-12.{suffix}")
    print(f"{path.name:<22}{path.stat().st_size:>9,} bytes")

# %% [markdown]
# The same from a terminal (or `make brief`, which writes the three formats into `briefs/`):
#
# ```sh
# araz brief --topic "Araghchi's December 2025 visit to Baku" --from 2025-12-01 --to 2025-12-31 \
#     --notes my_assessment.md --format pdf --out briefs/araghchi-2025-12.pdf
# ```
#
# Here we call the same command from Python, with a bad argument, to see how it answers:

# %%
from araz.cli import main

status = main(["brief", "--from", "2025-12-31", "--to", "2025-12-01", "--format", "md", "--out", str(out / "x.md")])
print("exit status:", status, "| written:", (out / "x.md").exists())

# %% [markdown]
# ## 8. Brief from your own corpus
#
# Everything above works on a folder of your own documents (see `00_start_here`). Here are two short
# articles in a temporary folder; the note is built the same way. Your corpus can bring its own claims ledger
# (`annotations/claims.csv`) and events (`annotations/events.csv`); without them, the note says what it could
# not compute.

# %%
mine = Path(tempfile.mkdtemp()) / "my_corpus"
mine.mkdir()
(mine / "rail-2024-03.md").write_text("""---
title: Rail link talks resume
outlet: Example Review
published: 2024-03-04
---
Officials from Baku and Tehran discussed the Rasht–Astara railway on Monday, and said construction would start this year.
Azerbaijan's foreign minister Jeyhun Bayramov said the link would strengthen cooperation along the North–South corridor.
""", encoding="utf-8")
(mine / "rail-2024-04.md").write_text("""---
title: Doubts over the railway timetable
outlet: Example Weekly
published: 2024-04
---
Engineers in Rasht warned that the railway timetable was unrealistic without new funding from Baku.
""", encoding="utf-8")

my_corpus = araz.load_corpus(mine)
my_brief = build_brief(my_corpus, topic="The Rasht–Astara railway", start="2024-03", end="2024-04", built=BUILT)
my_brief.key_points[["text", "asserted_by", "citation"]]

# %%
my_brief.unavailable

# %% [markdown]
# ## Discussion questions
#
# 1. The key points are chosen by a rule, not by judgement. What does the rule gain (auditability,
#    balance between sources) and what does it lose? Change the `topic` above and see which points move.
# 2. Both December documents come from Iranian outlets. How should the scope line and the assessment say
#    so, and what sources would you add before sending the note?
# 3. The assessment quotes Alwaght's "sent a clear message". Is quoting a hostile framing taking a side?
#    How does the note keep the framing attributed?
# 4. A footnote holds the whole sentence, not only your quoted words. Why does that matter for a reader who
#    checks you?
# 5. The tone section warns that two documents are an anecdote. Would you keep the section in a note for a
#    minister? What would you write instead?
#
# **Exercise:** `exercises/ex06_briefing.ipynb` — write a short assessment with checked citations.
