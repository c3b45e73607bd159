# ---
# jupyter:
#   araz:
#     exercise: ex04
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
# # Exercise 4 — The 3+3 format: members and proposer, according to whom
#
# Goes with `notebooks/04_three_plus_three.ipynb` and session 4 of the seminar guide. About **40 minutes**.
#
# **Learning goals**
#
# - find who each source says proposed the format, and in whose voice;
# - compare how two sources group the same six states;
# - count mentions of a format that is often referred to without its name;
# - write a small function that compares groupings regardless of order.
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
from araz.exercises.ex04 import q1, q2, q3, q4, q5, q6, q7

# %% [markdown]
# Everything the corpus says about the format, computed from the text and the claims ledger:

# %%
t = araz.formats.three_plus_three(corpus)
t.proposer[["citation", "proposer", "proposal_kind", "voice", "asserted_by"]]

# %% [markdown]
# ## Question 1: The 3+3 proposal credited to Azerbaijan's president
#
# *reading — answer with a citation*
#
# Who proposed the 3+3 format? The Mehr column gives two answers. Find the sentence that credits
# **Azerbaijan's president**.

# %% tags=["student"]
answer = ____
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
answer = "mehr-2021-korybko ¶1.6"
q1.check(answer)

# %% [markdown]
# ## Question 2: The 3+3 proposal credited to Iran
#
# *reading — answer with a citation*
#
# The same column also credits **Iran** with the proposal. Find a sentence that does (more than one is
# right).

# %% tags=["student"]
answer = ____
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
answer = "mehr-2021-korybko ¶1.7"
q2.check(answer)

# %%
t.membership[["citation", "group", "members", "label", "voice"]]

# %% [markdown]
# ## Question 3: The first troika, according to the 2021 column
#
# *data — answer with a value computed with araz*
#
# According to the Mehr column (mehr-2021-korybko ¶1.9), which three states form the **first troika** of the
# format? Answer with a list of state names.

# %% tags=["student"]
answer = ____   # a list of state names
q3.check(answer)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
answer = ["Azerbaijan", "Russia", "Armenia"]
q3.check(answer)

# %% [markdown]
# ## Question 4: Which source groups the South Caucasus together
#
# *data — answer with a value computed with araz*
#
# Which document puts the three **South Caucasus** states (Armenia, Azerbaijan, Georgia) together in one
# group? Answer with its `doc_id` (or its outlet).

# %% tags=["student"]
answer = ____
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
answer = t.groupings[t.groupings.south_caucasus_together].doc_id.iloc[0]
q4.check(answer)

# %% [markdown]
# ## Question 5: Mentions of the format per document
#
# *data — answer with a value computed with araz*
#
# How many times is the format mentioned in each document, counting both explicit names ("3+3", "3 + 3")
# and phrases that refer back to it ("this format", "the other five countries")? Answer with a dict or Series,
# `doc_id` → count.

# %% tags=["student"]
t.mentions[["citation", "surface", "how"]]

answer = ____
q5.check(answer)

# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
answer = t.mentions.groupby("doc_id").size()
print(answer)
q5.check(answer)


# %% [markdown]
# ## Question 6: Do two groupings agree?
#
# *coding — write a function; it is tested on cases you have not seen*
#
# Write `same_grouping(a, b)`: each argument is a grouping — a list of groups, each a list of state names —
# and the function returns `True` when both put the same states together, whatever the order of the groups
# and of the names inside them, else `False`. It will be run on groupings you have not seen.

# %% tags=["student"]
def same_grouping(a, b):
    return ____

q6.check(same_grouping)


# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
def same_grouping(a, b):
    return {frozenset(g) for g in a} == {frozenset(g) for g in b}

mehr = [["Azerbaijan", "Russia", "Armenia"], ["Iran", "Turkey", "Georgia"]]
ftribune = [["Armenia", "Azerbaijan", "Georgia"], ["Iran", "Turkey", "Russia"]]
print(same_grouping(mehr, ftribune))
q6.check(same_grouping)

# %% [markdown]
# ## Question 7: What the format is for, according to whom
#
# *open — no automatic check; compare with the model answer*
#
# What do the sources expect of the 3+3 format, and how do their expectations differ between 2021 and 2025?
# Answer in 100–180 words with at least three citations. (`three_plus_three(corpus).purpose` lists what each
# source says it is for.)

# %% tags=["student"]
t.purpose[["citation", "purpose", "voice"]]

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
In 2021 the Mehr column links the format to a plan "to end the Nagorno-Karabakh war once and for all" in quoted
words (mehr-2021-korybko ¶1.6) and, in the author's voice, expects "supercontinental strategic consequences if
the 3+3 format is successful" (mehr-2021-korybko ¶1.22). In December 2025 the Financial Tribune describes it as
an initiative "to discuss peace, security, and economic cooperation" (ftribune-2025-araghchi-baku ¶6.1) and
reports Araghchi saying that strengthening it would contribute to stability (ftribune-2025-araghchi-baku ¶5.2).
Both outlets are Iranian: the difference is of genre and moment (an opinion column after the 2020 war, a news
report in 2025), and the quoted speakers must be kept apart from the authors.
"""
q7.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. The Mehr column credits the proposal both to Azerbaijan's president (in quoted words) and to Iran (in its
#    own voice). What does the column gain from holding both?
# 2. The claims ledger notes what the public record says about the proposal. When should a briefing bring in a
#    source outside the corpus, and how should it mark it?
# 3. Why might a source group the six states differently — error, or a view of the region?
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex04')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex04'), araz.exercises.results('ex04')
print('All checks of ex04 pass.')
