# ---
# jupyter:
#   araz:
#     exercise: ex03
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
# # Exercise 3 — Corridors: routes, names and the map
#
# Goes with `notebooks/03_corridors.ipynb` and session 4 of the seminar guide. About **50 minutes**.
#
# **Learning goals**
#
# - find which source talks about which route, and in which words;
# - read a route on the ground from a sentence and from the map;
# - draw the competing routes between mainland Azerbaijan and Nakhchivan;
# - explain why the name of a route is itself a position.
#
#
# **How the checks work.** Replace each `____` with your answer and run the cell: `q1.check(answer)` says
# what is right or wrong and where to look. `q1.hint()`, `q1.hint(2)` and `q1.hint(3)` go from a nudge to
# nearly the answer; `q1.solution()` shows the answer with the sentences it rests on (try first!).
# Citations are written `"doc_id ¶p.s"` — `corpus.cite("mehr-2021-korybko ¶1.14")` shows the sentence.
# Open questions have no automatic check: write your answer, then compare it with the model answer.
# `araz.exercises.progress()` at the end shows what you have done.

# %% [markdown] tags=["solution"]
# > **Solutions notebook** — for lecturers. Every check below passes; the last cell asserts it.

# %%
import araz

corpus = araz.load_corpus()
from araz.exercises import ____
from araz.exercises.ex03 import q1, q2, q3, q4, q5, q6, q7

# %% [markdown]
# Which document talks about which route, how often, and in which words:

# %%
b = araz.corridors.by_source(corpus)
b[["doc_id", "entity_id", "n_mentions", "surfaces"]]

# %% [markdown]
# ## Question 1: The routes in the Alwaght article
#
# *data — answer with a value computed with araz*
#
# Which routes does the Alwaght article talk about? Answer with a list of the routes' `entity_id`s (their
# labels work too). Use `araz.corridors.by_source(corpus)`.

# %% tags=["student"]
answer = ____   # a list of entity ids
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
answer = list(b[b.doc_id == "alwaght-2025-araghchi-baku"].entity_id)
q1.check(answer)

# %% [markdown]
# ## Question 2: Where the Aras corridor runs
#
# *reading — answer with a citation*
#
# Find the sentence that traces the **Aras corridor on the ground** — where it starts, what it crosses and
# where it ends.

# %% tags=["student"]
answer = ____
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
answer = "alwaght-2025-araghchi-baku ¶17.2"
print(corpus.cite(answer))
q2.check(answer)

# %% [markdown]
# Each route in the gazetteer has waypoints — real places with coordinates and a source for each:

# %%
araz.corridors.waypoints().query("entity_id in ['aras-corridor', 'zangezur-corridor']")[["entity_id", "order", "place", "country"]]

# %% [markdown]
# ## Question 3: Map the competing routes
#
# *coding — write a function; it is tested on cases you have not seen*
#
# **The map.** Draw the three routes that compete to link mainland Azerbaijan with Nakhchivan — the Zangezur
# corridor, TRIPP and the Aras corridor — and only those, zoomed in on the Aras valley (`extent="aras"`), with
# `araz.plots.corridor_map`. Pass the Axes to the check.

# %% tags=["student"]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 6))
# draw the map on ax here
____
q3.check(ax)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 6))
araz.plots.corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor"], extent="aras")
q3.check(ax)

# %% [markdown]
# ## Question 4: The state the Aras corridor crosses instead
#
# *data — answer with a value computed with araz*
#
# By the gazetteer (the `states` column of `araz.corridors.load_corridors()`), the Zangezur corridor crosses
# Azerbaijan and Armenia. Which state does the **Aras corridor** cross instead of Armenia? Answer with its
# three-letter code or its name.

# %% tags=["student"]
araz.corridors.load_corridors()[["entity_id", "label", "states"]]

answer = ____
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
t = araz.corridors.load_corridors().set_index("entity_id").states
answer = (set(t["aras-corridor"].split("|")) - set(t["zangezur-corridor"].split("|"))).pop()
q4.check(answer)

# %% [markdown]
# ## Question 5: Iran's condition for a transit route
#
# *reading — answer with a citation*
#
# Alwaght reports a condition Iran sets for any transit route between Azerbaijan and Armenia. Find a sentence
# that states it.

# %% tags=["student"]
answer = ____
q5.check(answer)

# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
answer = "alwaght-2025-araghchi-baku ¶16.3"
print(corpus.cite(answer))
q5.check(answer)


# %% [markdown]
# ## Question 6: Who calls a route what
#
# *coding — write a function; it is tested on cases you have not seen*
#
# Write `naming(corpus, entity_id)`: for one route, a dict mapping each **outlet** that mentions it to the
# sorted list of the distinct words it uses for it (the `surface` of its mentions). For the Aras corridor on the
# shipped corpus: `{"Alwaght": ["Aras River Transit Corridor"], "unknown": ["Araz Corridor"]}`. It will be run on
# routes and corpora you have not seen.

# %% tags=["student"]
def naming(corpus, entity_id):
    # for one route: {outlet: sorted list of the distinct words used for it}
    return ____

q6.check(naming)


# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
def naming(corpus, entity_id):
    m = araz.corridors.mentions(corpus)
    m = m[m.entity_id == entity_id]
    outlet = corpus.documents.set_index("doc_id").outlet
    m = m.assign(outlet=m.doc_id.map(outlet))
    return {o: sorted(set(g.surface)) for o, g in m.groupby("outlet")}

print(naming(corpus, "aras-corridor"))
q6.check(naming)

# %% [markdown]
# ## Question 7: Why naming a route is political
#
# *open — no automatic check; compare with the model answer*
#
# Why is naming a route political? Using the Zangezur corridor / TRIPP / Aras corridor, explain in 100–180
# words how the words a source uses for a route position it, with at least three citations.

# %% tags=["student"]
answer = """
____
"""
q7.check(answer)

# %% tags=["student"]
# q7.hint()
# q7.hint(2)
# q7.solution()

# %% tags=["solution"]
answer = """
The same route across southern Armenia can be the "Zangezur Corridor", which Alwaght puts in quotation marks and
calls a matter of "supreme national security sensitivity" (alwaght-2025-araghchi-baku ¶16.2), or a US-backed
route that Alwaght describes without naming it, "the envisioned transit route between Azerbaijan and Armenia"
(alwaght-2025-araghchi-baku ¶15.2). Iran's condition is that "any transit project must not lead to the manipulation
of internationally recognized borders" (alwaght-2025-araghchi-baku ¶16.3). The route through Iran is the "Aras
River Transit Corridor" for Alwaght (alwaght-2025-araghchi-baku ¶17.1) but the "Araz Corridor" in the
Azerbaijani-perspective text (anon-2025-pezeshkian-visit ¶10.2). A name says whose route it is and whose
sovereignty it touches, so a briefing should quote the names with their sources rather than choose one.
"""
q7.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. The map draws straight lines between real places. What does a schematic line hide about a route that is
#    still being negotiated?
# 2. Alwaght names the "Zangezur Corridor" but not TRIPP. What would you expect an Armenian or a US source to call
#    the same road?
# 3. Which routes in the corpus are *described as agreed*, and which as *proposed* or *envisioned*? Cite.
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex03')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex03'), araz.exercises.results('ex03')
print('All checks of ex03 pass.')
