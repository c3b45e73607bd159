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
# # 02 · Actors: who is spoken about, and how
#
# A text does not only *mention* states and people; it chooses **how** to name them. "Iran", "Tehran",
# "the Islamic Republic" and "Iranian" can all point at the same actor, but they do different work in a
# sentence. This notebook counts the actors in the four articles with the kit's gazetteer and keeps those
# choices apart.
#
# **Learning goals** (about 50 minutes)
#
# - say what a gazetteer match is, and what it counts and misses (boundaries, overlaps, ambiguity);
# - compare how each outlet names the actors: names, metonyms ("Tehran", "Official Baku"), labels
#   ("Israeli regime"), demonyms ("Iranian");
# - read what a capital as grammatical subject ("Tehran detected…") does to a sentence;
# - read a co-occurrence network, and say where its numbers come from;
# - find the names the gazetteer does not know yet, and add them.
#
# Every number below is computed; every example carries its citation (`doc_id ¶paragraph.sentence`).

# %%
import araz
from araz import actors, gazetteer
import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.max_colwidth", 100)
corpus = araz.load_corpus()
corpus

# %% [markdown]
# ## 1. The gazetteer
#
# The gazetteer is a set of curated tables (`data/gazetteer/actors.csv` and `actor_aliases.csv`, plus the
# corridors): one row per actor with a stable `entity_id`, and one row per *alias* with its **kind**.
# Every actor row names the public source of its facts.

# %%
g = gazetteer.load_gazetteer()
print(g)
g.entities["type"].value_counts()

# %%
g.aliases[g.aliases.entity_id == "iran"][["alias", "kind", "lang", "case_sensitive", "ambiguous"]]

# %% [markdown]
# Notice the **kinds**: a *metonym* is a capital or a seat of power standing for the state; a *label* is a
# descriptive or evaluative name; *script* rows let Persian or Azerbaijani text be matched too. Some
# aliases are marked **ambiguous** — "the Islamic Republic" has named other states, "آذربایجان" in Persian
# also names Iran's own Azerbaijan region.
#
# ## 2. One matcher, explicit rules
#
# All aliases are compiled once into one automaton and matched in one pass. The rules: an alias cannot
# match inside a longer word, the longest match wins, possessives count, and some aliases are
# case-sensitive. Try it on a made-up sentence:

# %%
gazetteer.find("Official Baku and the Islamic Republic’s envoys met; Iranian and U.S.-backed DISCO nights in East Azerbaijan.")

# %% [markdown]
# "Official Baku" is one mention, not "Baku" plus a stray word; "Iranian" is a demonym, not "Iran";
# "DISCO" does not contain the SCO; "East Azerbaijan" is an Iranian province, not the Republic.
#
# ## 3. Mentions in the corpus
#
# `actors.mentions(corpus)` returns one row per mention, with character offsets and a citation.

# %%
m = actors.mentions(corpus)
m[["citation", "surface", "entity_id", "kind", "entity_type"]].head(12)

# %%
per_doc = m.groupby("doc_id").size()
for doc_id, n in per_doc.items():
    print(f"{doc_id}: {n} actor mentions, {m[m.doc_id == doc_id].entity_id.nunique()} distinct actors")

# %% [markdown]
# ## 4. Names, metonyms, labels — by outlet
#
# `actors.profile(corpus)` counts mentions per actor per document, with each alias kind in its own column.
# Here are the states the articles are about, and Israel:

# %%
p = actors.profile(corpus)
focus = ["iran", "azerbaijan", "armenia", "russia", "turkey", "georgia", "israel"]
p[p.entity_id.isin(focus)][["doc_id", "outlet", "label", "names", "metonyms", "labels", "demonyms", "total"]]

# %%
kinds = ["names", "metonyms", "labels", "demonyms"]
share = p[p.entity_id.isin(["iran", "azerbaijan", "israel"])].groupby(["outlet", "label"])[kinds].sum()
ax = share.plot.barh(stacked=True, figsize=(8, 4.5))
ax.set_xlabel("mentions (actors.profile, shipped corpus of 4 documents)")
ax.set_ylabel("")
plt.tight_layout()

# %%
israel = m[(m.entity_id == "israel")]
for doc_id, g_ in israel.groupby("doc_id"):
    forms = ", ".join(f"“{s}” ×{n}" for s, n in g_.surface.value_counts().items())
    print(f"{doc_id}: {forms}  ({'; '.join(g_.citation)})")

# %% [markdown]
# Notice that one article almost never writes "Israel": it writes "Tel Aviv", "the Israelis", "the
# Israeli regime". The Financial Tribune writes "Israel". Same actor, different choices — and a naive
# keyword count for "Israel" would miss most of one article. The labels in the corpus, with where they
# stand:

# %%
actors.mentions(corpus, kinds=["label"])[["citation", "surface", "label"]]

# %% [markdown]
# ## 5. When a capital acts: metonyms as subjects
#
# "Tehran detected…", "Official Baku continues…": a capital as the **grammatical subject** turns a state
# into a single, deliberate agent. `actors.metonyms(corpus)` marks each metonym that is a subject, by a
# simple, documented rule (not governed by a preposition; followed by a finite verb).

# %%
t = actors.metonyms(corpus)
subjects = t[t.as_subject]
print(f"{len(subjects)} of {len(t)} metonyms are grammatical subjects")
subjects[["citation", "surface", "verb", "sentence_text"]]

# %% [markdown]
# Read two of these sentences aloud with "the Iranian government" instead of "Tehran". What changes?
# Who is made responsible, and who disappears (ministries, factions, the public)?
#
# ## 6. Who is named together: the co-occurrence network
#
# `actors.cooccurrence(corpus)` counts, for each pair of actors, the sentences that name both; each edge
# keeps its citations.

# %%
edges = actors.cooccurrence(corpus)
edges.head(10)[["source_label", "target_label", "weight", "n_docs"]]

# %%
top = edges.iloc[0]
print(f"Strongest pair: {top.source_label} – {top.target_label}, named together in {top.weight} sentences "
      f"of {top.n_docs} documents (first: {top.citations[0]}).")

# %%
fig, axes = plt.subplots(1, 2, figsize=(13, 6.5))
araz.plots.network(axes[0], corpus, top=14)
araz.plots.network(axes[1], corpus, top=14, layout="spring")
plt.tight_layout()

# %% [markdown]
# The figure is built from `actors.cooccurrence` on the 4 shipped documents: node size is the number of
# mentions, edge width the number of shared sentences. With four articles, one long article can dominate
# the picture — check `edges.citations` before you read a strong edge as a strong relationship.
#
# ## 7. What the gazetteer does not know
#
# `actors.candidates(corpus)` lists capitalised names that no alias covers (sentence-initial words only
# count if the same word is also capitalised mid-sentence). This is the to-do list for a growing corpus.

# %%
actors.candidates(corpus)[["candidate", "count", "first_citation"]]

# %% [markdown]
# To add one, put a `gazetteer/` folder next to your documents with an `actors.csv` (new actors) and/or an
# `actor_aliases.csv` (new aliases, same columns as the shipped file); `araz.load_corpus("my_folder")`
# picks them up, and a bad row is reported with its file, line and column.
#
# ## Discussion questions
#
# 1. Alwaght writes "Tel Aviv" where the Financial Tribune writes "Israel". Is a metonym neutral
#    shorthand or a position? What about "the Israeli regime"?
# 2. The unsigned Azerbaijani-perspective text (caspian-alpine.org) says "Official Baku". Why might an author prefer it to "Azerbaijan" or
#    "the Azerbaijani government"?
# 3. Pick one sentence where a capital is the subject. Rewrite it with the people who actually acted. What
#    did the original sentence claim that the rewrite has to make explicit?
# 4. The network links Iran and Israel through one article only. What would you need before claiming the
#    outlets "associate" two actors?
# 5. Which candidate names would you add to the gazetteer, and as what kind (name, label, place)? Which
#    would you leave out, and why?
# 6. Where would the matcher fail on your own documents (inflected Azerbaijani or Persian forms,
#    all-capital headlines, pronouns)? How would you check?
#
# **Exercise:** `exercises/ex02_actors.ipynb` — counting, kinds of names, metonyms as subjects and extending
# the gazetteer (`from araz.exercises import ex02`).
