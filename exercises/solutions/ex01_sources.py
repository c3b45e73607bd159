# ---
# jupyter:
#   araz:
#     exercise: ex01
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
# # Exercise 1 — Sources: provenance, dating, who speaks
#
# Goes with `notebooks/01_sources.ipynb` and sessions 1–2 of the seminar guide (`docs/seminar_guide.md`).
# About **45 minutes**.
#
# **Learning goals**
#
# - read a document's provenance and say what is known, estimated or unknown;
# - date an undated article from evidence inside its text, and check the arithmetic;
# - tell the outlet's own voice from the words it quotes or reports;
# - find and cite sentences with code, so that every claim can be traced back.
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
from araz.exercises.ex01 import q1, q2, q3, q4, q5, q6, q7

# %% [markdown]
# Start with the provenance of the four documents: one row per document.

# %%
corpus.documents[["doc_id", "outlet", "author", "date_label", "perspective", "notes"]]

# %% [markdown]
# ## Question 1: The other outlet identified, not stated
#
# *data — answer with a value computed with araz*
#
# The Financial Tribune text does not name its outlet: the kit identified the outlet from an identical
# copy published elsewhere, and its `notes` say so. One other document's outlet was identified the same way.
# Which one? Answer with its `doc_id`.

# %% tags=["student"]
answer = ____   # a doc_id, in quotes
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
docs = corpus.documents
identified = docs.notes.str.contains("identified, not stated")
answer = docs.loc[identified & (docs.doc_id != "ftribune-2025-araghchi-baku"), "doc_id"].iloc[0]
q1.check(answer)

# %% [markdown]
# The kit keeps the evidence for each estimated date with the document. `araz.sources.card` shows it as a
# provenance card, with each evidence sentence resolved to its citation:

# %%
card = araz.sources.card(corpus, "alwaght-2025-araghchi-baku")
card["date_label"], card["date_reasoning"]

# %% [markdown]
# ## Question 2: Dating the Alwaght article from internal evidence
#
# *reading — answer with a citation*
#
# The Alwaght article does not print its date. Which **sentence** lets you date Araghchi's visit
# to Baku from evidence inside the text? Answer with a citation such as `"alwaght-2025-araghchi-baku ¶3.1"`.
#
# Try it before you look at the card's evidence: read paragraphs 1–9 of the article.

# %% tags=["student"]
for r in corpus.sentences[corpus.sentences.doc_id == "alwaght-2025-araghchi-baku"].head(12).itertuples():
    print(r.citation, r.text)

answer = ____   # e.g. "alwaght-2025-araghchi-baku ¶3.1"
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
for r in corpus.sentences[corpus.sentences.doc_id == "alwaght-2025-araghchi-baku"].head(12).itertuples():
    print(r.citation, r.text)

answer = "alwaght-2025-araghchi-baku ¶5.1"
q2.check(answer)

# %% [markdown]
# ## Question 3: Counting the days to the visit
#
# *data — answer with a value computed with araz*
#
# Using only ¶5.1 and ¶5.2 of the Alwaght article: on what date did Araghchi arrive in Baku, by the
# article's own reckoning? Answer as text `"YYYY-MM-DD"`.

# %% tags=["student"]
import datetime as dt

drill_start = dt.date(2025, 12, 1)
answer = ____   # "YYYY-MM-DD"
q3.check(answer)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
import datetime as dt

drill_start = dt.date(2025, 12, 1)
drill_end = drill_start + dt.timedelta(days=5 - 1)   # day one is 1 December
answer = (drill_end + dt.timedelta(days=2)).isoformat()
q3.check(answer)

# %% [markdown]
# ## Question 4: Araghchi in his own words
#
# *reading — answer with a citation*
#
# Who speaks? In the Financial Tribune report, find the sentence in which Araghchi is quoted
# **directly** — in his own words, inside quotation marks.

# %% tags=["student"]
for r in corpus.sentences[corpus.sentences.doc_id == "ftribune-2025-araghchi-baku"].itertuples():
    print(r.citation, r.text)

answer = ____
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
answer = "ftribune-2025-araghchi-baku ¶4.1"
q4.check(answer)

# %% [markdown]
# ## Question 5: Whose voice: the 3+3 proposal in the Mehr column
#
# *data — answer with a value computed with araz*
#
# The Mehr column says that the 3+3 format was "proposed by the President of Azerbaijan"
# (mehr-2021-korybko ¶1.6). In whose voice is that claim made: the author's own (`"author"`) or someone the
# author quotes (`"quoted"`)?

# %% tags=["student"]
print(corpus.cite("mehr-2021-korybko ¶1.6"))

answer = ____   # "author" or "quoted"
q5.check(answer)

# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
print(corpus.cite("mehr-2021-korybko ¶1.6"))

answer = "quoted"
q5.check(answer)

# %% [markdown]
# The claims ledger records the voice of every claim. Look at how it describes who asserts the 3+3 claims:

# %%
ledger = araz.claims.ledger(corpus)
ledger[ledger.topic == "3+3/proposer"][["citation", "asserted_by", "voice", "stance"]]

# %% [markdown]
# ## Question 6: Cite every sentence with a word
#
# *coding — write a function; it is tested on cases you have not seen*
#
# Write `cite_word(corpus, word)`: the citations (`"doc_id ¶p.s"`) of every sentence that contains
# `word` as a whole word — not inside a longer word ("Iran" must not match "Iranian"), ignoring case —
# as a list, in the order of `corpus.sentences`. It will be run on cases you have not seen.

# %% tags=["student"]
import re

def cite_word(corpus, word):
    # return the citations of the sentences that contain `word` as a whole word, ignoring case
    return ____

q6.check(cite_word)

# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
import re

def cite_word(corpus, word):
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    s = corpus.sentences
    return [c for c, t in zip(s.citation, s.text) if pattern.search(t)]

print(cite_word(corpus, "Bayramov"))
q6.check(cite_word)

# %% [markdown]
# ## Question 7: Can we call it 'the Azerbaijani view'?
#
# *open — no automatic check; compare with the model answer*
#
# Source criticism. A classmate wants to quote `anon-2025-pezeshkian-visit` in an essay as "the Azerbaijani view" of
# the April 2025 visit. In 80–150 words: what do we know and not know about this source, and how should it
# be cited? Support each point with a citation (`doc_id ¶p.s`).

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
The text names neither outlet nor author: the kit identified the outlet from an identical copy on
caspian-alpine.org (identified, not stated; see its notes), the author is unknown, and the title is supplied
by the kit. The date is an estimate: the text calls
the Baku meeting "recent" (anon-2025-pezeshkian-visit ¶4.1) and mentions the Bandar Abbas explosion
(anon-2025-pezeshkian-visit ¶4.2). Its Azerbaijani perspective is inferred from its words, e.g. "Official
Baku" (anon-2025-pezeshkian-visit ¶2.3) and "Second Karabakh War" (anon-2025-pezeshkian-visit ¶8.3), not
stated. Cite it as an unsigned text written from an Azerbaijani perspective, quote it with its citation,
and find a second source for its facts — and check that one too: the Financial Tribune's "more than 50
agreements" (ftribune-2025-araghchi-baku ¶9.2) is disputed, the public record counts seven documents signed.
It is not "the Azerbaijani view".
"""
q7.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. Three of the four documents are dated by inference. Which of those inferences would you trust most, and why?
# 2. The Financial Tribune's outlet is *identified* from a published copy, not *stated* in the text. How should
#    a footnote show the difference?
# 3. When an opinion column quotes words without saying whose they are (mehr-2021-korybko ¶1.6), what can you
#    still say about them?
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex01')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex01'), araz.exercises.results('ex01')
print('All checks of ex01 pass.')
