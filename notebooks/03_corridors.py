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
# # 03 · Corridors: routes, places and the politics of names
#
# Transport corridors run through all four articles: roads and railways that would link Azerbaijan with
# its Nakhchivan exclave, the North–South corridor from India to Russia, bridges and a dam on the Aras
# river. This notebook puts the routes on a map, finds which source talks about which route and in which
# words, and looks at two competing routes to Nakhchivan — and at why the name of a route is itself a
# position.
#
# **Learning goals** (about 50 minutes)
#
# - read the corridor gazetteer: what each route is, which states it crosses, and where each fact comes from;
# - place the routes on a map and explain what the Aras valley and Nakhchivan have to do with them;
# - find which source names which route, how often and in which words, with citations;
# - compare the competing routes to Nakhchivan (through Armenia: "Zangezur corridor" / TRIPP; through
#   Iran: the Aras or Araz corridor) and explain why naming them is political;
# - search the corpus (keyword in context, ranked search with filters) to check a claim yourself.

# %%
import araz
from araz import corridors, search, claims
from araz.plots import corridor_map
from IPython.display import HTML, display
import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.max_colwidth", 100)
corpus = araz.load_corpus()
corpus

# %% [markdown]
# ## 1. The corridor gazetteer
#
# The kit keeps a curated table of routes (`data/gazetteer/corridors.csv`). Each row says what the route
# is, its type, the states it crosses (ISO codes) and — because most of these facts are not in the four
# articles — the **public source** for the description. The spellings live in `corridor_aliases.csv`,
# the places each route passes through in `waypoints.csv`.

# %%
table = corridors.load_corridors()
table[["entity_id", "label", "type", "states"]]

# %%
aras = table.set_index("entity_id").loc["aras-corridor"]
print(aras["description"], "\n\nSource:", aras["source"], "\n\nNote:", aras["note"])

# %%
aliases = corridors.aliases()
print(f"{len(table)} routes, {len(aliases)} spellings, {aliases['ambiguous'].sum()} of them marked ambiguous:")
aliases[aliases["ambiguous"]][["entity_id", "alias", "note"]]

# %% [markdown]
# Ambiguous spellings are kept but flagged. "Friendship Bridge" is the clearest case: the unsigned
# article uses it right after a sentence about Khudaferin, but never says which bridge it means.
#
# ## 2. The map
#
# `corridor_map` draws the borders of the South Caucasus and its neighbours from a small Natural Earth
# file shipped with the kit (no internet needed), then each route through its waypoints. Lines are
# **schematic**: straight segments between real places, not surveyed alignments.

# %%
fig, ax = plt.subplots(figsize=(11, 7))
corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor", "instc-western-route",
                  "rasht-astara-railway", "khudafarin-dam", "btk-railway"])
plt.show()

# %% [markdown]
# Notice **Nakhchivan**: a part of Azerbaijan cut off from the rest of it by Armenia's southern province
# (Syunik), bordered by Iran along the Aras river to the south. Every route to Nakhchivan must cross
# either Armenia or Iran. Zoom in on the Aras valley:

# %%
fig, ax = plt.subplots(figsize=(11, 6))
corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor", "khudafarin-bridges"], extent="aras")
plt.show()

# %%
wp = corridors.waypoints(["zangezur-corridor", "aras-corridor"])
wp[["label", "order", "place", "country", "lat", "lon"]]

# %% [markdown]
# Both routes leave mainland Azerbaijan near Aghband and reach Nakhchivan around Ordubad and Julfa. The
# difference is the middle: the first crosses Armenian territory at Meghri, the second the Iranian bank
# of the Aras. Which countries each one crosses, from the gazetteer:

# %%
states = table.set_index("entity_id")["states"].str.split("|")
for route in ["zangezur-corridor", "tripp", "aras-corridor"]:
    print(f"{route:18} crosses or involves {', '.join(states[route])}")

# %% [markdown]
# ## 3. Which source talks about which route — and in which words
#
# `corridors.mentions(corpus)` finds every spelling of every route (one pass of the kit's matcher over
# all aliases). `corridors.by_source` groups them: one row per document and route, with the words used,
# how often, and the citations.

# %%
by = corridors.by_source(corpus)
by[["doc_id", "outlet", "label", "n_mentions", "surfaces", "citations"]]

# %%
corridors.source_matrix(corpus)

# %%
per_doc = by.groupby("doc_id")["entity_id"].nunique().reindex(corpus.doc_ids, fill_value=0)
for doc_id, n in per_doc.items():
    print(f"{doc_id:30} names {n} route{'s' if n != 1 else ''}")

# %% [markdown]
# What to notice:
#
# - The Alwaght analysis names the most routes; the Financial Tribune report names none, although it
#   reports the same visit — it talks about dialogue and the 3+3 format instead.
# - The Mehr column of 2021 places the region in China's Belt and Road Initiative and mentions the
#   Khudafarin dam — as a metaphor of friendship, not as a route.
# - The same road appears under **two names**: the table below shows who writes *Aras* and who writes
#   *Araz*.

# %%
same_route = by[by["entity_id"] == "aras-corridor"][["doc_id", "outlet", "perspective", "surfaces", "citations"]]
same_route

# %% [markdown]
# Keyword in context shows each mention with the words around it. `@aras-corridor` means "every alias of
# this route in the gazetteer"; the HTML view escapes the document text.

# %%
k = search.kwic(corpus, "@aras-corridor OR @zangezur-corridor OR @tripp", window=10)
display(HTML(search.kwic_html(k)))

# %% [markdown]
# ## 4. Competing routes to Nakhchivan, and why names are political
#
# Three names for two roads:
#
# - **"Zangezur corridor"** is Azerbaijan's name for a road and railway through Armenia's Syunik
#   province. "Corridor" suggests a passage outside Armenian control; Armenia rejects the word.
# - **TRIPP** — the "Trump Route for International Peace and Prosperity" — is the name given to a route
#   through the same part of Armenia at the White House summit of 8 August 2025, under Armenian
#   jurisdiction with US participation. None of the four articles uses the name.
# - The **Aras** (Persian and international spelling) or **Araz** (Azerbaijani spelling) corridor runs
#   through Iran instead.
#
# These facts are not in the four articles; the gazetteer gives each one with its public source:

# %%
for route in ["zangezur-corridor", "tripp"]:
    row = table.set_index("entity_id").loc[route]
    print(f"{row['label']}\n  {row['description']}\n  Source: {row['source']}\n")

# %% [markdown]
# The kit's table of contested names (from the claims ledger) lists each variant, whether it occurs in the
# corpus, and where:

# %%
names = claims.names(corpus)
route_names = names[names["concept"].str.contains("route|river on the Iran")]
route_names[["concept", "variant", "listed_as", "n", "doc_ids"]]

# %% [markdown]
# Now read how the Iranian analysis (Alwaght) frames the route through Armenia. It never uses the name
# TRIPP: it describes "the envisioned transit route", attributes the plan to "the Trump administration",
# and puts the Azerbaijani name "Zangezur Corridor" in quotation marks.

# %%
for citation in ["alwaght-2025-araghchi-baku ¶15.2", "alwaght-2025-araghchi-baku ¶15.4",
                 "alwaght-2025-araghchi-baku ¶16.2", "alwaght-2025-araghchi-baku ¶16.3",
                 "alwaght-2025-araghchi-baku ¶17.1", "alwaght-2025-araghchi-baku ¶17.2"]:
    print(f"{citation}: {corpus.cite(citation)}\n")

# %% [markdown]
# And the Azerbaijani-perspective article, on the same road through Iran:

# %%
print(corpus.cite("anon-2025-pezeshkian-visit ¶10.2"))

# %% [markdown]
# Questions to ask of each passage: *who* wants the route, *whose territory* it crosses, *what it is
# called*, and what the name implies about sovereignty. A lecturer can point out that the map cannot
# settle any of this: the lines are the same whatever they are called.
#
# ## 5. Search the corpus yourself
#
# `search.search` ranks sentences (BM25) for a query — words, `"phrases"`, `prefix*`, `AND`/`OR`/`NOT`
# — and filters them by outlet, perspective, dates, actors and corridors. Each filter is one call; the
# index is built once per corpus.

# %%
hits = search.search(corpus, 'corrid* OR route*', limit=8)
print(f"{hits.attrs['total']} sentences match; the best {len(hits)}:")
hits[["rank", "citation", "outlet", "snippet"]]

# %%
# Sentences that mention Iran (any alias: "Tehran", "Iranian"…) and a route, published from 2025 on
both = search.search(corpus, None, actors="iran", corridors=["aras-corridor", "zangezur-corridor", "tripp", "instc"],
                     start="2025")
both[["citation", "outlet", "text"]]

# %%
# A query the engine cannot read gets a readable message, not a traceback
try:
    search.search(corpus, '"Zangezur corridor')
except araz.QueryError as err:
    print("QueryError:", err)

# %% [markdown]
# ## Discussion questions
#
# 1. The Alwaght analysis describes the route through Armenia without naming it TRIPP and puts "Zangezur
#    Corridor" in quotation marks (¶15.2, ¶16.2). What does each choice signal to its readers?
# 2. One article writes *Aras River Transit Corridor*, another *Araz Corridor* (¶17.1 in Alwaght, ¶10.2 in
#    the unsigned April 2025 text). Is a spelling a political choice when both name the same river? When would you
#    keep the source's spelling in your own writing, and when would you standardise it?
# 3. The Financial Tribune report names no route at all. Is an absence evidence of a position? What
#    else would you need to know before saying so?
# 4. Look at the map: why must every road from mainland Azerbaijan to Nakhchivan cross Armenia or Iran,
#    and what does that give each of them in negotiations?
# 5. Mehr calls the Khodaafrin dam "a bridge to strengthen fraternal relations" (¶1.15); the unsigned April 2025 text
#    speaks of a "so-called 'Friendship Bridge'" (¶8.4). How do infrastructure metaphors work in these
#    texts?
# 6. The waypoints are schematic and every row names a source. What would you check before using this
#    map in a briefing?
#
# **Exercise:** `exercises/ex03_corridors.ipynb` — which source names which route, read a route from a
# sentence and the map, draw the competing routes, and explain a name (about 50 minutes).
