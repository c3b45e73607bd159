# ---
# jupyter:
#   araz:
#     exercise: ex06
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
# # Exercise 6 — A briefing note: from the corpus to a cited note
#
# Goes with `notebooks/07_briefing.ipynb` and session 6 of the seminar guide. About **60 minutes**.
#
# **Learning goals**
#
# - scope a briefing note by date and read what the kit assembles;
# - choose key points and say whose words they are;
# - show where sources disagree, with a citation for each side;
# - write a short note in which every claim about a source carries a verified citation.
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
from araz.exercises.ex06 import q1, q2, q3, q4, q5, q6

# %% [markdown]
# ## Question 1: Documents in the scope of the note
#
# *data — answer with a value computed with araz*
#
# Build a briefing note on Araghchi's December 2025 visit to Baku: `araz.briefing.build_brief(corpus, topic=..., start="2025-12",
# end="2025-12")`. How many documents are in its scope?

# %% tags=["student"]
b = ____   # araz.briefing.build_brief(corpus, topic="...", start=..., end=...)
answer = ____
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
b = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku", start="2025-12", end="2025-12")
answer = len(b.documents)
q1.check(answer)

# %% [markdown]
# The key points the kit picked — extractive, each with its citation and who asserts it:

# %%
b = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku", start="2025-12", end="2025-12")
b.key_points

# %% [markdown]
# ## Question 2: A key point: the outcome of the talks
#
# *reading — answer with a citation*
#
# A key point for the note: what did the talks produce, **according to Araghchi**? Find a sentence that
# says.

# %% tags=["student"]
answer = ____
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
answer = "ftribune-2025-araghchi-baku ¶3.1"
q2.check(answer)

# %%
d = araz.claims.disagreements(corpus)
d[d.topic == "visit-2025-12/framing"][["stance", "outlets", "citations", "quotes"]]

# %% [markdown]
# ## Question 3: Two framings of the same visit
#
# *reading — answer with a citation*
#
# Where the sources disagree: the two December reports frame the visit differently. Give **two** citations
# as a list — one sentence in which Alwaght frames the visit as a show of **resolve** (after the military drills),
# and one in which the Financial Tribune frames it as **dialogue**.

# %% tags=["student"]
answer = [____, ____]
q3.check(answer)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
answer = ["alwaght-2025-araghchi-baku ¶7.1", "ftribune-2025-araghchi-baku ¶3.1"]
q3.check(answer)

# %% [markdown]
# ## Question 4: Cite a denial, with its words
#
# *reading — answer with a citation*
#
# A verified quote. Write the citation, with the quoted words, for the statement that **Azerbaijan denied**
# the accusations that its territory was used against Iran in the June 2025 war — in the notes syntax of the
# briefing builder: `[[doc_id ¶p.s | "exact words"]]`. The kit checks that the words stand at that place.

# %% tags=["student"]
answer = '[[____ | "____"]]'
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
answer = '[[ftribune-2025-araghchi-baku ¶8.3 | "Azerbaijan has firmly rejected these claims"]]'
q4.check(answer)

# %% [markdown]
# ## Question 5: A short cited briefing note
#
# *writing — every citation and quote is checked; the content is marked by hand*
#
# **Write a short cited note** (80–250 words) for a decision-maker on Araghchi's December 2025 visit to Baku: what happened,
# how the two reports frame it, where they disagree, and what remains uncertain. Cite every claim about a source
# with `[[doc_id ¶p.s]]`, quote exact words with `[[doc_id ¶p.s | "exact words"]]`; use at least 4
# citations from at least 2 documents. The check verifies every citation and quote; your lecturer marks
# the content.
#
# Keep each `[[…]]` on one line. When the check passes, build the note with your text and read it.

# %% tags=["student"]
note = """
____
"""
q5.check(note)

# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
note = """
Iran's foreign minister Abbas Araghchi held talks in Baku with President Ilham Aliyev and Foreign Minister Jeyhun Bayramov [[ftribune-2025-araghchi-baku ¶1.1]].
The two Iranian outlets in the corpus frame the visit differently.
The Financial Tribune reports Araghchi saying that the main outcome was "the agreement to continue dialogue, consultations, and reciprocal visits" [[ftribune-2025-araghchi-baku ¶3.1 | "agreement to continue dialogue"]].
Alwaght places the trip after the Sahand-2025 drill and presents it as following a "firm demonstration of resolve" [[alwaght-2025-araghchi-baku ¶9.3 | "firm demonstration of resolve"]], while also writing that Tehran is ready for cooperation instead of confrontation [[alwaght-2025-araghchi-baku ¶11.1]].
Both report accusations that Azerbaijan helped Israel in the June 2025 war — its territory used, according to the reports Alwaght cites [[alwaght-2025-araghchi-baku ¶12.1]]; intelligence and airspace, according to the observers the Financial Tribune cites [[ftribune-2025-araghchi-baku ¶8.2]] — and Azerbaijan's denial [[ftribune-2025-araghchi-baku ¶8.3 | "Azerbaijan has firmly rejected these claims"]].
Uncertain: the accusations rest on unnamed "reports from media and intelligence sources" and "some observers"; neither text gives Azerbaijani officials' own account beyond the denial.
"""
q5.check(note)

# %% [markdown]
# Your note inside a full briefing (Markdown here; `to_html()` and `to_pdf(path)` give the other formats —
# write them outside the kit's folder):

# %%
from IPython.display import Markdown

try:
    brief = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku",
                                      start="2025-12", end="2025-12", notes=note)
    display(Markdown(brief.to_markdown()[:3000]))
except araz.CitationError as err:   # a citation that does not resolve is rejected, with its line
    print(err)

# %% [markdown]
# ## Question 6: Framing, fact and the public record
#
# *open — no automatic check; compare with the model answer*
#
# Reflect on your note in 60–120 words: which sentence of it reports a source's framing rather than a fact,
# and how did you signal that? What does the claims ledger's `note` column add about the April 2025 agreements
# that neither text says?

# %% tags=["student"]
answer = """
____
"""
q6.check(answer)

# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
answer = """
"Alwaght presents it as following a firm demonstration of resolve" reports a framing: the outlet is the subject
and its words are quoted (alwaght-2025-araghchi-baku ¶9.3), instead of "Iran demonstrated resolve". The outcome
is Araghchi's account as reported (ftribune-2025-araghchi-baku ¶3.1). On the April 2025 visit, the Financial
Tribune counts "more than 50 agreements" (ftribune-2025-araghchi-baku ¶9.2), a count the claims ledger marks
as disputed: the public record is seven documents signed (Kayhan, 28 April 2025), so a note should report the
count as the outlet's and give the record beside it.
"""
q6.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. Which of your sentences would a reader most likely repeat as fact? Is it attributed?
# 2. Both documents in scope are Iranian outlets. What does your note need to say about the voices that are missing?
# 3. When is it right to bring in the public record (the ledger's notes) — and how do you mark it in a note?
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex06')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex06'), araz.exercises.results('ex06')
print('All checks of ex06 pass.')
