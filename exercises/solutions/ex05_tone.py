# ---
# jupyter:
#   araz:
#     exercise: ex05
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
# # Exercise 5 — Tone: the codebook, the lexicon and VADER
#
# Goes with `notebooks/05_tone.ipynb` and session 5 of the seminar guide. About **60 minutes**.
#
# **Learning goals**
#
# - code sentences by a written codebook, and compare your coding with a hand-coded reference;
# - read how the kit's lexicon scores a sentence, and why a general sentiment tool (VADER) misreads diplomatic text;
# - report agreement honestly: macro-F1 on sentences the lexicon was not tuned on;
# - extend the lexicon and test the extension on new sentences;
# - keep the outlet's voice apart from the voices it quotes.
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
from araz.exercises.ex05 import q1, q2, q3, q4, q5, q6, q7

# %% [markdown]
# First read the codebook — `data/lexicons/CODEBOOK.md` in the kit (open it in JupyterLab) — then code these five
# sentences **before** looking at any score:

# %%
from araz.exercises.ex05 import TO_CODE

for citation in TO_CODE:
    print(citation, "—", corpus.cite(citation))

# %% [markdown]
# ## Question 1: Code five sentences by hand
#
# *data — answer with a value computed with araz*
#
# **Code five sentences by the codebook** (`data/lexicons/CODEBOOK.md`), *before* you look at the kit's
# scores or the hand labels: for each, `coop`, `conf`, `mixed` or `neutral`. Answer with a dict citation → label.
# Coders disagree at the margins, so the check passes when you agree with the kit's hand coding on at least
# 4 of the 5.

# %% tags=["student"]
answer = {
    "ftribune-2025-araghchi-baku ¶2.1": ____,
    "ftribune-2025-araghchi-baku ¶4.1": ____,
    "ftribune-2025-araghchi-baku ¶7.2": ____,
    "alwaght-2025-araghchi-baku ¶8.1": ____,
    "alwaght-2025-araghchi-baku ¶11.3": ____,
}
q1.check(answer)

# %% tags=["student"]
# q1.hint()
# q1.hint(2)
# q1.solution()

# %% tags=["solution"]
answer = {
    "ftribune-2025-araghchi-baku ¶2.1": "coop",
    "ftribune-2025-araghchi-baku ¶4.1": "mixed",
    "ftribune-2025-araghchi-baku ¶7.2": "conf",
    "alwaght-2025-araghchi-baku ¶8.1": "neutral",
    "alwaght-2025-araghchi-baku ¶11.3": "conf",
}
q1.check(answer)

# %% [markdown]
# Now the machine. The kit's lexicon explains every score — each matched word, its class and contribution:

# %%
print(araz.tone.explain(corpus, "alwaght-2025-araghchi-baku ¶11.1"))

# %% [markdown]
# ## Question 2: VADER on a diplomatic sentence
#
# *data — answer with a value computed with araz*
#
# "Tehran is ready for cooperation instead of confrontation" (alwaght-2025-araghchi-baku ¶11.1). The kit's lexicon labels
# it `coop`. Which label does **VADER** give it (`araz.tone.score_vader(corpus)`)?

# %% tags=["student"]
v = araz.tone.score_vader(corpus)

answer = ____
q2.check(answer)

# %% tags=["student"]
# q2.hint()
# q2.hint(2)
# q2.solution()

# %% tags=["solution"]
v = araz.tone.score_vader(corpus)
answer = v[v.citation == "alwaght-2025-araghchi-baku ¶11.1"].vader_label.iloc[0]
q2.check(answer)

# %%
cmp = araz.tone.compare(corpus)
cmp[["citation", "label", "vader_label", "hand_label", "split"]].head(10)

# %% [markdown]
# ## Question 3: A cooperative sentence VADER misreads
#
# *reading — answer with a citation*
#
# VADER was not built for diplomatic text. Find a sentence that the hand coder labelled **coop** but VADER
# labels **conf** or **mixed** (other than alwaght-2025-araghchi-baku ¶11.1). Several are right.

# %% tags=["student"]
answer = ____
q3.check(answer)

# %% tags=["student"]
# q3.hint()
# q3.hint(2)
# q3.solution()

# %% tags=["solution"]
print(cmp[(cmp.hand_label == "coop") & cmp.vader_label.isin(["conf", "mixed"])].citation.tolist())

answer = "ftribune-2025-araghchi-baku ¶3.1"
q3.check(answer)

# %% [markdown]
# ## Question 4: The lexicon's macro-F1 on the held-back sentences
#
# *data — answer with a value computed with araz*
#
# How well does the lexicon agree with the hand labels on the **held-back test split** — the sentences it
# was not tuned on? Give its **macro-F1** (a number between 0 and 1; two decimals are enough). Use
# `araz.tone.validate(corpus)`.

# %% tags=["student"]
v = araz.tone.validate(corpus)
v.summary

answer = ____
q4.check(answer)

# %% tags=["student"]
# q4.hint()
# q4.hint(2)
# q4.solution()

# %% tags=["solution"]
v = araz.tone.validate(corpus)
print(v.summary)

answer = v.summary.query("method == 'ours' and split == 'test'").macro_f1.iloc[0]
q4.check(answer)


# %% [markdown]
# ## Question 5: Teach the lexicon new words
#
# *coding — write a function; it is tested on cases you have not seen*
#
# **Extend the lexicon.** It has no entry for mediating (verbal cooperation in CAMEO) nor for embargoes and
# boycotts (material conflict: CAMEO's 'impose embargo, boycott, or sanctions'). Write `extend(lexicon)` that adds
# terms so that *mediate, mediation, mediator* count as `verbal_cooperation` and *embargo, boycott, boycotted* as
# `material_conflict`, and returns the lexicon. It will be run on sentences you have not seen.
#
# `araz.tone.load_lexicon().table` shows the terms; your function receives a copy, so the kit's own lexicon is not changed.

# %% tags=["student"]
def extend(lexicon):
    # lexicon.add(term, cls, weight) ...
    return ____

q5.check(extend)


# %% tags=["student"]
# q5.hint()
# q5.hint(2)
# q5.solution()

# %% tags=["solution"]
def extend(lexicon):
    lexicon.add("mediat*", "verbal_cooperation", 1.0, note="CAMEO 04: mediate")
    lexicon.add("embargo*", "material_conflict", 1.5, note="CAMEO 16: impose embargo")
    lexicon.add("boycott*", "material_conflict", 1.5, note="CAMEO 16: boycott")
    return lexicon

mine = extend(araz.tone.load_lexicon().copy())
print(araz.tone.score_text("Turkey offered to mediate between the two neighbours.", mine).label)
q5.check(extend)

# %% [markdown]
# An extended lexicon must be validated again: `araz.tone.validate(corpus, lexicon=mine)` — agreement with the hand
# labels should not drop.

# %% [markdown]
# ## Question 6: Quoted voice in the Financial Tribune report
#
# *data — answer with a value computed with araz*
#
# The kit keeps the outlet's own voice apart from the voices it reports. How many sentences of the Financial
# Tribune report does `araz.tone.score_sentences(corpus)` mark as **quoted** voice?

# %% tags=["student"]
s = araz.tone.score_sentences(corpus)

answer = ____
q6.check(answer)

# %% tags=["student"]
# q6.hint()
# q6.hint(2)
# q6.solution()

# %% tags=["solution"]
s = araz.tone.score_sentences(corpus)
print(s[s.doc_id == "ftribune-2025-araghchi-baku"][["citation", "voice", "voice_reason"]])
answer = int(((s.doc_id == "ftribune-2025-araghchi-baku") & (s.voice == "quoted")).sum())
q6.check(answer)

# %% [markdown]
# ## Question 7: Is there a trend?
#
# *open — no automatic check; compare with the model answer*
#
# A classmate writes: "Tone between Iran and Azerbaijan improved from 2021 to 2025 — the lexicon proves it."
# In 100–180 words, say what the kit can and cannot support here, with at least two citations.

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
The corpus has four documents of different kinds and dates: an opinion column from 2021, an unsigned
celebratory text, an analysis and a news report from 2025, all with estimated dates. A difference in tone
between them is a difference of genre and occasion as much as of time, and the kit's over-time chart warns that
four articles are an anecdote, not a trend. Much of the cooperative language in the December 2025 report is
Araghchi's, quoted (ftribune-2025-araghchi-baku ¶4.1), not the outlet's, which also writes that relations "have
faced strains in recent years" (ftribune-2025-araghchi-baku ¶7.1). A trend would need many comparable documents
per period, with the outlet's own voice scored apart from the voices it quotes.
"""
q7.check(answer)

# %% [markdown]
# ## Discussion
#
# 1. Where did your coding differ from the hand coding, and which rule of the codebook decided it?
# 2. VADER reads "stressed" as stress. Which other words of diplomatic reporting would a general tool misread?
# 3. The lexicon beats VADER on the held-back sentences. Does that make it right? What would you need to trust it
#    on a corpus of your own?
#
# Your progress so far:

# %% tags=["student"]
araz.exercises.progress()

# %% tags=["solution"]
araz.exercises.progress('ex05')

# %% tags=["solution"]
# Every automatic check above passed and every open question was answered in this run:
assert araz.exercises.all_passed('ex05'), araz.exercises.results('ex05')
print('All checks of ex05 pass.')
