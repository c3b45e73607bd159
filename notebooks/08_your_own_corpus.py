# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 08 · Your own corpus: importing articles with their provenance
#
# The kit ships four articles. A seminar or a brief needs forty — saved from news sites, linked
# from a feed, or sent as PDFs. `araz import` turns them into a corpus the kit can read, and keeps
# the record of **where each document and each date came from**, so that every later chart can be
# traced back to a page.
#
# **Learning goals** (about 30 minutes)
#
# - import saved pages (and URLs, feeds, PDFs) with `araz.ingest.import_sources` or `araz import`;
# - read the import report: imported, duplicate, near-duplicate (a reprint), error;
# - check provenance cards: outlet, date **and its evidence**, language, source, extractor;
# - fix a missing date by hand, with evidence, instead of letting the kit guess;
# - run actors and tone on the new corpus, and see why tone is *not measured* for Persian and
#   Azerbaijani texts rather than scored neutral.
#
# The five example pages are **invented** (fictional outlets, towns and events, and every page says
# so): they only imitate how news sites save, with menus, cookie banners, share buttons, related
# links and comments around the article.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import araz
from araz import actors, tone
from araz.ingest import import_sources, provenance, set_date, undated
from araz.languages import analyses_for, blank_unmeasured
from araz.paths import shipped

pages = shipped("examples", "import")
sorted(p.name for p in pages.glob("*.html"))

# %% [markdown]
# ## 1. Import
#
# `import_sources` takes files, folders, URLs, feeds and PDFs, and a folder to write into. Values you
# give (`perspective`, `outlet`, `licence`) only fill what a page does not say. Here we write into a
# temporary folder; for your own work give a folder you keep, e.g. `into="my_corpus"`.
#
# From a terminal the same is `araz import data/examples/import --into my_corpus --perspective "…"`.

# %%
into = Path(tempfile.mkdtemp(prefix="araz-08-")) / "my_corpus"
report = import_sources([pages], into, perspective="example pages (fictional)")
report[["status", "doc_id", "outlet", "published", "language", "message"]]

# %% [markdown]
# Read the report row by row:
#
# - **near-duplicate**: *Sample Times* reprinted *Example Daily*'s story. It is imported (it is a
#   document of its own outlet) with `near_duplicate_of` naming the earlier one, so a count of
#   "how many outlets said this" can count the story once.
# - **no date found**: one page states no date anywhere. The kit does not guess: the document gets
#   the honest range "published on or before the day it was retrieved" (from 1991, the web's
#   beginning), marked as an estimate, and a note asking for the real date.
# - **tone not measured**: the tone lexicon is English. Persian and Azerbaijani documents are
#   imported and searchable, but no tone is computed for them.
#
# Importing again changes nothing: every page is now a **duplicate** of what is in the folder.

# %%
again = import_sources([pages], into)
again["status"].value_counts()

# %% [markdown]
# ## 2. Check the provenance cards
#
# Every imported document says where it came from (`source`, `url`), when (`retrieved`), how it was
# read (`extractor`) and **where its date is stated** (`date_evidence`: a JSON-LD `datePublished`, an
# `article:published_time` tag, a URL pattern or a visible dateline). A date without evidence should
# not be trusted — and you should look at two or three cards of every import.

# %%
corpus = araz.load_corpus(into)
cards = provenance(corpus)
cards[["doc_id", "outlet", "published", "date_evidence", "language", "tone", "near_duplicate_of"]]

# %%
card = cards.set_index("doc_id").loc[report.loc[report["outlet"] == "Example Daily", "doc_id"].iloc[0]]
card[["title", "outlet", "author", "published", "date_evidence", "url", "source", "retrieved", "extractor"]]

# %% [markdown]
# ## 3. Fix a missing date
#
# `undated` lists the documents still waiting for their date. Suppose you find, on the paper's
# printed edition, that the checkpoint story ran on 14 October 2025. Record the date **and where
# you found it**; `set_date` checks the date, keeps the text untouched, and removes the note.
# (In a text editor you would change the same two lines of the file's front matter.)

# %%
undated(corpus)

# %%
checkpoint = [d for d in undated(corpus) if "checkpoint" in d][0]
set_date(corpus[checkpoint].path, "2025-10-14",
         "Printed edition of the Valley Courier, page 3 (an invented example of evidence you would record).")
corpus = araz.load_corpus(into)
len(corpus), undated(corpus), corpus[checkpoint].date_label

# %% [markdown]
# The folder also holds a README describing the example pages: like `araz validate`, the import
# does not read a folder's README as an article, so there are five documents. The folder passes
# `araz validate`:

# %%
[str(i) for i in araz.validate(into) if i.severity == "error"]

# %% [markdown]
# ## 4. Actors and tone on the new corpus
#
# The actor gazetteer has names in several languages; here the English pages name Iran and
# Azerbaijan (and their capitals, as metonyms).

# %%
actors.profile(corpus)[["doc_id", "label", "names", "metonyms", "total"]]

# %% [markdown]
# Tone: the lexicon finds no words in the Persian and Azerbaijani texts, so a plain tone table would
# show them as **neutral** (score 0) — a number that looks like a finding and is only an artefact of
# the language. `blank_unmeasured` keeps those documents in the table but empties their scores and
# says why.

# %%
by_doc = tone.by_document(corpus)[["doc_id", "outlet", "date_label", "score", "n_coop", "n_conf", "n_neutral"]]
blank_unmeasured(by_doc, corpus, "tone", ["score", "n_coop", "n_conf", "n_neutral"])

# %%
{lang: sorted(analyses_for(lang)) for lang in ("en", "fa", "az")}

# %% [markdown]
# ## Your turn
#
# 1. Save three articles from a news site you read (File → Save page as…) into a folder and import
#    it. Check every card's `date_evidence`: is the date the publication date, or a "last updated"?
# 2. Import the same folder twice. What does the second report say, and why is that safe?
# 3. Find a story carried by two outlets. Does the kit mark one as a near-duplicate? What would you
#    do with near-duplicates when counting "how many outlets reported X"?
# 4. In the explorer (notebook 06), open your corpus with `araz.widgets.explorer(araz.load_corpus(into))`.
