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
# # Start here: the Araz kit
#
# **Araz** is a teaching and briefing kit on Iran–Azerbaijan relations. It loads a corpus of news and
# opinion articles *with their provenance* and helps you read them as sources: who is spoken about,
# which transport corridors are discussed and in whose words, what the "3+3" regional format is said
# to be, and how the tone of the coverage shifts over time.
#
# **Learning goals** (about 20 minutes)
#
# - know who the kit is for and what each notebook and exercise covers;
# - see how the corpus is organised: one file per document, with its provenance;
# - cite a sentence as `doc_id ¶p.s` and get its exact text back;
# - add your own documents and have them checked.

# %% [markdown]
# ## Who it serves
#
# | user | job | start with |
# |---|---|---|
# | lecturer | teach a seminar of 4–6 sessions | this notebook, `docs/seminar_guide.md`, the explorer (`06_explorer`) |
# | analyst | write a cited briefing note on a date range or topic | `07_briefing`, `araz brief` |
# | student | work through the exercises | `exercises/ex01_sources.ipynb` … `ex06_briefing.ipynb` |
#
# Every notebook starts the same way: import the package and load the corpus.

# %%
import araz

corpus = araz.load_corpus()
corpus

# %% [markdown]
# ## How the corpus is organised
#
# Each document is a plain UTF-8 file in `data/corpus/`: a block of *front matter* (provenance) between
# `---` lines, then the article text exactly as published. The table below is computed from those
# files. Notice the `date_label` column: none of the four articles prints its date, so each date is an
# **estimate** — a range inferred from evidence inside the text — and says so.

# %%
corpus.documents[["doc_id", "outlet", "author", "date_label", "perspective", "language", "licence", "n_words"]]

# %% [markdown]
# Where a field is not stated in the text, the kit says `unknown` rather than guessing. The evidence for
# each date is kept with the document: the verbatim sentences that date it, then one line of reasoning.

# %%
doc = corpus["alwaght-2025-araghchi-baku"]
print(doc.date_label)
print(doc.date_evidence)

# %% [markdown]
# ## Paragraphs, sentences and citations
#
# On loading, every document is split into paragraphs (one per line) and sentences, numbered from 1.
# A **citation** is `doc_id ¶p` for a paragraph or `doc_id ¶p.s` for sentence *s* of paragraph *p*.
# Every quote the kit shows carries one, and `corpus.cite` gives back the exact text.

# %%
corpus.sentences.head()

# %%
corpus.cite("ftribune-2025-araghchi-baku ¶6.1")

# %% [markdown]
# A citation also resolves to character offsets, so a quote can always be checked against the source:

# %%
span = corpus.locate("mehr-2021-korybko ¶1.9")
span.start, span.end, span.text

# %% [markdown]
# A malformed or unknown citation is an error that says what is wrong — never a silent empty result:

# %%
try:
    corpus.cite("mehr-2021-korybko ¶1.99")
except araz.CitationError as err:
    print(err)

# %% [markdown]
# ## Adding your own documents
#
# Write one file per article with a text editor. Required fields are `title`, `outlet` and `published`
# (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a range `START/END` when the date is only inferred); optional ones are
# `doc_id`, `author`, `date_evidence`, `perspective`, `language`, `url`, `licence`, `notes`.
# Write `unknown` where the source does not say. Here we make a small folder in a temporary directory:

# %%
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp()) / "my_corpus"
folder.mkdir()
(folder / "rail-2024.md").write_text('''---
title: Rail link talks resume
outlet: Example Review
published: 2024-03
language: en
---
Officials from Baku and Tehran discussed the Rasht–Astara railway. Work is expected to start soon.
''', encoding="utf-8")
(folder / "broken.md").write_text("No front matter here.", encoding="utf-8")

# %% [markdown]
# `araz.validate` (or `araz validate PATH` in a terminal) reports **every** problem at once, naming the
# file, the line or field, and what to do. `load_corpus` refuses a folder with errors: a document is never
# skipped silently.

# %%
for issue in araz.validate(folder):
    print(issue)

# %%
(folder / "broken.md").unlink()
mine = araz.load_corpus(folder)
mine.documents[["doc_id", "outlet", "date_label", "n_sentences"]]

# %% [markdown]
# Every function in the kit takes a corpus, so everything in the notebooks works on yours too.
# In a terminal: `araz validate my_corpus/` and `araz stats my_corpus/`.

# %% [markdown]
# ## Map of the kit
#
# | notebook | thread | exercise |
# |---|---|---|
# | `01_sources` | provenance cards, dating, claims ledger, where sources disagree, contested names, timeline | `ex01_sources` |
# | `02_actors` | who is spoken about and how: names, metonyms ("Tehran", "Official Baku"), labels | `ex02_actors` |
# | `03_corridors` | Zangezur/TRIPP, Aras/Araz, North–South, Rasht–Astara: the map and the words | `ex03_corridors` |
# | `04_three_plus_three` | the 3+3 format: who is in it and who proposed it, according to whom | `ex04_three_plus_three` |
# | `05_tone` | an explainable cooperation–confrontation measure, validated against hand labels | `ex05_tone` |
# | `06_explorer` | the explorer widgets and the tone lab | — |
# | `07_briefing` | a cited briefing note in Markdown, HTML and PDF | `ex06_briefing` |
#
# Lecturers: the six-session plan is in `docs/seminar_guide.md`.

# %% [markdown]
# ## Discussion questions
#
# 1. None of the four articles prints its publication date. What does that mean for a claim such as
#    "tone improved between 2021 and 2025"?
# 2. Three of the four outlets are Iranian, and one article names no outlet in its text. Whose voices are
#    missing from this corpus, and how would you find them?
# 3. Why does the kit keep a citation on every quote instead of a paraphrase?
#
# **Next:** `01_sources.ipynb`, then the exercise `exercises/ex01_sources.ipynb`.
