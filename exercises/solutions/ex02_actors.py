# ---
# jupyter:
#   araz:
#     exercise: ex02
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
# # Exercise 2 — Actors: names, metonyms, labels
#
# Goes with `notebooks/02_actors.ipynb` and session 3 of the seminar guide. About **45 minutes**.
#
# **Learning goals**
#
# - count who is spoken about with the kit's gazetteer, and say what the counts include;
# - tell names, metonyms ("Tehran", "Official Baku"), demonyms and labels ("the Israeli regime") apart;
# - read what a metonym as grammatical subject does to a sentence;
# - extend the gazetteer with a place it does not know, and test it on new text.
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
from araz.exercises.ex02 import q1, q2, q3, q4, q5, q6, q7

# %% [markdown]
# Every mention of an actor the gazetteer knows, one row each, with its citation and the *kind* of alias:

# %%
m = araz.actors.mentions(corpus)
m[["citation", "surface", "entity_id", "kind", "entity_type"]].head(10)

# %% [markdown]
# ## Question 1: Every mention of Iran in the Alwaght article
#
# *data — answer with a value computed with araz*
#
# How many times does the Alwaght article mention **Iran**, counting every form the gazetteer knows —
# the name, metonyms such as "Tehran", demonyms such as "Iranian", labels such as "the Islamic Republic"?
# Use `araz.actors.mentions(corpus)`.

# %% tags=["student"]
answer = ____
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
answer = len(m[(m.doc_id == "alwaght-2025-araghchi-baku") & (m.entity_id == "iran")])
q1.check(answer)

# %% [markdown]
# ## Question 2: How often a capital stands for a state, per document
#
# *data — answer with a value computed with araz*
#
# For each document: what share of its mentions of **states** (`entity_type == "state"`) are metonyms
# ("Tehran", "Baku", "Official Baku", "Tel Aviv"…)? Answer with a dict or a Series, `doc_id` → share between
# 0 and 1.

# %% tags=["student"]
answer = ____   # a dict or Series: doc_id -> share
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
st = m[m.entity_type == "state"]
answer = st.groupby("doc_id").kind.apply(lambda k: (k == "metonym").mean())
print(answer.round(3))
q2.check(answer)

# %% [markdown]
# `araz.actors.metonyms(corpus)` looks at each metonym and says whether it is the grammatical subject of a verb:

# %%
araz.actors.metonyms(corpus)[["citation", "surface", "as_subject", "verb"]].head(12)

# %% [markdown]
# ## Question 3: A capital city as the subject of a sentence
#
# *reading — answer with a citation*
#
# Find a sentence in which a capital city stands for a government **as the grammatical subject** — the
# city itself does something ("… continues to prioritize …", "… has concluded …"). Several sentences are
# right.

# %% tags=["student"]
answer = ____
q3.check(answer)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
answer = "anon-2025-pezeshkian-visit ¶2.3"
print(corpus.cite(answer))
q3.check(answer)

# %% [markdown]
# ## Question 4: Israel named with a label
#
# *reading — answer with a citation*
#
# Israel is named in several ways in the corpus. Find the sentence where it is named with a **label** — a
# phrase that describes the state by what the writer thinks of it, rather than by its name.

# %% tags=["student"]
m[m.entity_id == "israel"][["citation", "surface", "kind"]]

answer = ____
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
print(m[m.entity_id == "israel"][["citation", "surface", "kind"]])

answer = "alwaght-2025-araghchi-baku ¶12.1"
q4.check(answer)

# %% [markdown]
# Names that no gazetteer knows yet — what a lecturer who adds documents would add next:

# %%
araz.actors.candidates(corpus)[["candidate", "count", "first_citation"]].head(12)

# %% [markdown]
# ## Question 5: Teach the gazetteer a new place
#
# *coding — write a function; it is tested on cases you have not seen*
#
# **Extend the gazetteer.** `araz.actors.candidates(corpus)` lists names no gazetteer knows, among them
# *Bandar Abbas*, the Iranian port city named in the April 2025 article. Write two CSV files into a folder of
# your own (not into the kit's `data/`):
#
# - `actors.csv` — one row: `entity_id` `bandar-abbas`, `label` `Bandar Abbas`, `type` `other`, `country` `IRN`,
#   a `role` (what it is), a `source` (where the fact comes from);
# - `actor_aliases.csv` — the name `Bandar Abbas` (kind `name`) and the Persian transliteration
#   `Bandar-e Abbas` (kind `transliteration`), not case-sensitive, not ambiguous.
#
# Then `q5.check(folder)`: your files are loaded with `araz.gazetteer.load_gazetteer(extra=...)` and run on
# sentences you have not seen.
#
# Write into a temporary folder, never into the kit's own `data/` folder.

# %% tags=["student"]
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
(folder / "actors.csv").write_text("""entity_id,label,type,country,role,role_years,source,note
____
""", encoding="utf-8")
(folder / "actor_aliases.csv").write_text("""entity_id,alias,kind,lang,case_sensitive,ambiguous,note
____
""", encoding="utf-8")
q5.check(folder)

# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
(folder / "actors.csv").write_text("""entity_id,label,type,country,role,role_years,source,note
bandar-abbas,Bandar Abbas,other,IRN,port city on the Strait of Hormuz (Hormozgan province),,"Encyclopædia Iranica, 'BANDAR-E ʿABBAS(I)', online edition 2014; corpus: anon-2025-pezeshkian-visit ¶4.2",
""", encoding="utf-8")
(folder / "actor_aliases.csv").write_text("""entity_id,alias,kind,lang,case_sensitive,ambiguous,note
bandar-abbas,Bandar Abbas,name,en,false,false,
bandar-abbas,Bandar-e Abbas,transliteration,en,false,false,Persian ezafe form
""", encoding="utf-8")
q5.check(folder)

# %% [markdown]
# With your files, the matcher finds the new place everywhere — try it on a sentence of your own:
# `araz.gazetteer.find("...", araz.gazetteer.load_gazetteer(extra=[folder / "actors.csv", folder / "actor_aliases.csv"]))`.

# %% [markdown]
# ## Question 6: Azerbaijan and Israel in the same sentence
#
# *data — answer with a value computed with araz*
#
# In how many sentences of the corpus are **Azerbaijan and Israel** both mentioned (in any form)? Use
# `araz.actors.cooccurrence(corpus)` — or count it yourself from the mentions.

# %% tags=["student"]
e = araz.actors.cooccurrence(corpus)
e.head()

answer = ____
q6.check(answer)

# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
e = araz.actors.cooccurrence(corpus)
answer = e[(e.source == "azerbaijan") & (e.target == "israel")].weight.iloc[0]
q6.check(answer)

# %% [markdown]
# ## Question 7: What a metonym does
#
# *open — no automatic check; compare with the model answer*
#
# "Tehran has concluded that…", "Official Baku continues to prioritize…". In 80–150 words: what does
# writing a capital city as the subject of a sentence do to what the reader learns — and how would you
# report such a sentence in a briefing? Cite at least two sentences.

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
A metonym presents a government as one actor with one will. "Tehran has concluded that a significant portion
of these hostile activities originated along its northern border" (alwaght-2025-araghchi-baku ¶9.3) names no
official and no evidence, and it is the outlet's own voice, not an official statement. "Official Baku continues
to prioritize strong partnerships" (anon-2025-pezeshkian-visit ¶2.3) gives an unsigned text the authority of the
state. In a briefing I would attribute such sentences to the outlet ("Alwaght writes that...") with the citation.
"""
q7.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. The Alwaght article speaks of states through their capitals more than any other document. Is that a matter
#    of style, of register, or of stance? What would you need to decide?
# 2. Which of the names for Israel in the corpus would you use in your own writing, and why?
# 3. What does a count of mentions *not* tell you about an actor's importance in a text?
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex02')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex02'), araz.exercises.results('ex02')
print('All checks of ex02 pass.')
