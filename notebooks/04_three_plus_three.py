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
# # 04 · The 3+3 format: who is in it, who proposed it — according to whom
#
# The "3+3" is a regional platform that brings the three South Caucasus states together with three of
# their neighbours. Two of the four articles talk about it — four years apart — and they do not describe
# it the same way. This notebook reads what each source says, with the kit's text rules, and sets the
# statements side by side.
#
# **Learning goals** (about 40 minutes)
#
# - find every mention of the format in any spelling, including "this format" and "six countries", and
#   say why the rule counts some and not others;
# - compare how the sources **group** the six states, computed from the text;
# - tell apart **who proposed** the format in each source, **who says so** (the author or a quoted
#   speaker), and a proposal to *host a meeting*;
# - list what each source says the format is **for**, and set it against the public record.

# %%
import araz
from araz import formats, gazetteer
import pandas as pd

pd.set_option("display.max_colwidth", 110)
corpus = araz.load_corpus()
t = formats.three_plus_three(corpus)

# %% [markdown]
# ## 1. What the format is
#
# In the corpus, the Financial Tribune gives a one-sentence definition:

# %%
print(corpus.cite("ftribune-2025-araghchi-baku ¶6.1"), "— ftribune-2025-araghchi-baku ¶6.1")

# %% [markdown]
# The kit's gazetteer entry adds the public record, with its sources (it is *not* in the corpus):

# %%
entry = gazetteer.load_gazetteer().entity("three-plus-three")
print(entry["role"], "\n")
print("Note:", entry["note"], "\n")
print("Sources:", entry["source"])

# %% [markdown]
# ## 2. Every mention, in any spelling
#
# Explicit mentions come from the gazetteer ("3+3", "3 + 3 format", "“3+3” regional format"…). Anaphors
# ("this format", "the other five countries", "all six … countries") count only within two sentences
# after an explicit mention — so "solid formats of cooperation" in an article that never names the 3+3
# is not counted.

# %%
t.mentions[["citation", "surface", "how", "rule"]]

# %%
for doc_id, g in t.mentions.groupby("doc_id", sort=False):
    print(f"{doc_id}: {(g.how == 'explicit').sum()} explicit, {(g.how == 'anaphor').sum()} anaphoric mentions")
absent = [d for d in corpus.doc_ids if d not in set(t.mentions.doc_id)]
print("No mention in:", ", ".join(absent))

# %% [markdown]
# ## 3. Who is in it — according to whom
#
# A membership statement is a sentence near a mention that names at least three of the six states; the
# states are split into the groups the sentence makes (hyphen chains, lists, brackets).

# %%
t.membership[["citation", "group", "members", "label", "voice", "asserted_by"]]

# %%
t.groupings[["doc_id", "date_label", "grouping", "south_caucasus_together"]]

# %%
for r in t.groupings.itertuples():
    where = "one group" if r.south_caucasus_together else "split across the two groups"
    print(f"{r.doc_id} ({r.citation}): Armenia, Azerbaijan and Georgia are {where}.")
print("The sources group the six states differently:", t.sources_group_differently)

# %% [markdown]
# Notice *what* differs. Both sources name the same six states, but the 2021 Mehr column puts Russia with
# Azerbaijan and Armenia (the two parties to the war, and the state that brokered its ceasefire) and
# Georgia with Iran and Turkey; the 2025 report groups the three South Caucasus states against three
# "neighboring powers". A grouping is an argument about what the format is for.
#
# ## 4. Who proposed it — according to whom

# %%
t.proposer[["citation", "proposer", "resolved_person", "proposal_kind", "voice", "asserted_by", "evidence"]]

# %%
origin = t.proposer[t.proposer.proposal_kind == "origin of the format"]
for r in origin.itertuples():
    who = r.proposer + (f" (= {r.resolved_person}, from the gazetteer's role years)" if r.resolved_person else "")
    print(f"{r.citation}: proposed by {who} — says {r.asserted_by} ({r.voice})")
host = t.proposer[t.proposer.proposal_kind == "hosting a meeting"]
for r in host.itertuples():
    print(f"{r.citation}: {r.proposer} proposes {r.what} — a proposal to host, not the origin of the format")
print("The origin is credited to more than one actor:", t.proposal_attributed_differently)

# %% [markdown]
# Be precise about three things:
#
# - in the Mehr column the *quoted ambassador* credits the President of Azerbaijan, while the *columnist*,
#   in his own voice, calls it Iran's proposal — the article contradicts itself, and the voice column shows
#   where;
# - "the President of Azerbaijan" is resolved to a person from the gazetteer's role years for the
#   document's date — the text itself does not name him;
# - the Financial Tribune says nothing about who proposed the format: "Azerbaijan's proposal" there is a
#   proposal to host the next meeting.
#
# The claims ledger records the same disagreement, and what the public record says:

# %%
from araz import claims
led = claims.ledger(corpus)
led[led.topic == "3+3/proposer"][["citation", "asserted_by", "stance", "note"]]

# %% [markdown]
# ## 5. What the sources say it is for

# %%
t.purpose[["citation", "marker", "purpose", "voice", "asserted_by"]]

# %% [markdown]
# Notice the shift: in 2021 the column (and the ambassador it quotes) speaks of ending the war and of a bigger role in China's Belt and
# Road; in 2025 the report speaks of peace, security, economic cooperation and "stability across the South
# Caucasus". Purposes come from explicit markers ("to end", "to discuss", "would contribute to"…) in the
# sentences around a mention — the rule is in `help(formats)`.
#
# ## 6. One row per source

# %%
t.summary()

# %% [markdown]
# ## Discussion questions
#
# 1. The Mehr column calls the format both the Azerbaijani president's proposal and Iran's. Why might an
#    Iranian state outlet's columnist claim it for Iran in 2021?
# 2. What does grouping Russia with Azerbaijan and Armenia (rather than with Iran and Turkey) say about how
#    the author sees the post-war region?
# 3. The Financial Tribune mentions meetings in Baku and then Yerevan. What would hosting signal, and to
#    whom?
# 4. Georgia is in every list of members but, in the public record, has not attended. Should a briefing
#    note call it a member? How would you word it?
# 5. The anaphor rule counts "this format" only within two sentences of "3+3". Find a case where that
#    window would be too short or too long in a longer article.
# 6. Which purpose statements are the author's, and which are a quoted or reported speaker's? Does it
#    matter for a briefing note?
#
# **Exercise:** `exercises/ex04_three_plus_three.ipynb` — membership and proposer claims, by source and by
# voice (`from araz.exercises import ex04`).
