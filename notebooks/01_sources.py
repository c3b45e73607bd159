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
# # 01 · Reading the articles as sources
#
# Before we count actors or score tone, we read the four articles as **sources**: who wrote them, for
# whom, when, in what register — and where they disagree with each other and with the public record.
#
# **Learning goals** (about 60 minutes)
#
# - read a provenance card and say what is *stated*, what is *identified* from outside and what is *unknown*;
# - date an undated article from evidence inside it, and say how strong that evidence is;
# - tell an opinion column from a news report by its register, with evidence;
# - compare how two outlets tell the same event, claim by claim, with citations;
# - use the claims ledger, the disagreements table, the contested names and the timeline — and check a
#   claim against the public record.
#
# Every quote below carries its citation (`doc_id ¶paragraph.sentence`); `corpus.cite(...)` gives the
# exact words back.

# %%
import araz
from araz import claims, sources, timeline
from IPython.display import HTML, display
import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.max_colwidth", 120)
corpus = araz.load_corpus()
corpus

# %% [markdown]
# ## 1. Provenance cards
#
# A provenance card collects what we know about a document *as a source*: outlet, author, date,
# perspective, language, licence, size — and, for a date that is only estimated, the sentences that date
# it. `sources.cards(corpus)` gives one row per document.

# %%
cards = sources.cards(corpus)
cards[["doc_id", "outlet", "author", "date_label", "perspective", "licence", "n_words"]]

# %%
identified = corpus.documents["notes"].str.contains("identified, not stated").sum()
estimated = cards["date_estimate"].sum()
print(f"{estimated} of {len(cards)} documents have an estimated date; {identified} outlets are identified, not stated.")

# %% [markdown]
# Notice the difference between **stated** and **identified**. The Mehr column names its outlet, author
# and licence in its closing lines; the Financial Tribune report does not name its outlet at all — the
# kit identified it from a public copy of the same text, and the `notes` field says so. The April 2025
# article was identified the same way (an identical copy on caspian-alpine.org); it names no author, and its
# perspective is *inferred* from its vocabulary. A card for one document, as a notebook table (all text escaped):

# %%
display(HTML(sources.card_html(corpus, "ftribune-2025-araghchi-baku")))
print(corpus["ftribune-2025-araghchi-baku"].notes)

# %% [markdown]
# The `actors` and `corridors` rows come from the analyses of notebooks 02 and 03 (`araz.actors`,
# `araz.corridors`), counted per document; where those are not installed the card says *not available*
# rather than guessing. Already here they show what each text is about — and what it leaves out.
#
# ## 2. Dating an undated article from internal evidence
#
# None of the four texts prints its date. The unsigned article about the April 2025 presidential meeting
# is the hardest case. Its card quotes the sentences that date it, with their citations, and the
# reasoning:

# %%
card = sources.card(corpus, "anon-2025-pezeshkian-visit")
for q in card["date_evidence_quotes"]:
    print(f"“{q['quote']}”  ({q['citation']})")
print("\nReasoning:", card["date_reasoning"])
print("Front matter:", card["date_label"])

# %% [markdown]
# The kit can do the same reasoning from the timeline (`data/annotations/events.csv`): the **latest event
# the text reports** gives a date it cannot be older than (*terminus post quem*); the **first later event it
# does not mention** suggests a date before which it was probably written — an *argument from silence*,
# which is only as strong as our certainty that the author would have mentioned it.

# %%
w = timeline.date_window(corpus, "anon-2025-pezeshkian-visit")
display(w["mentioned"][["event_id", "date", "citations"]])
print(f"not before {w['not_before']} ({w['not_before_event']}); silent about {w['silent_after_event']} from {w['silent_after']}")

# %% [markdown]
# Would an article on Iran–Azerbaijan relations written *after* the June 2025 war stay silent about it,
# when the other December texts treat it as central? That is a judgement, not a proof — which is why the
# front matter marks the date as an estimate.
#
# The same method applied to every document, compared with the front matter:

# %%
rows = []
for doc_id in corpus.doc_ids:
    w = timeline.date_window(corpus, doc_id)
    start = corpus.documents.set_index("doc_id").loc[doc_id, "published_start"].date()
    rows.append({"doc_id": doc_id, "front matter": w["date_label"], "not before (events)": w["not_before"],
                 "front matter starts earlier": start < w["not_before"], "silent about": w["silent_after_event"]})
pd.DataFrame(rows)

# %% [markdown]
# A row where the front matter starts *earlier* than the events allow means the front matter should be
# tightened. The kit's own front matter went through this check: the Alwaght article says Araghchi arrived
# "two days after" a drill that ended on 5 December, but it also reports his meeting with President
# Aliyev, which the public record puts on Monday 8 December 2025 (see the event's `date_source` below) —
# so its range starts on 8 December, not on the day of arrival. For the 2021 column the timeline's next
# event is far away, so silence tells us little; a better upper bound comes from inside the text — it
# calls Zarif "Foreign Minister", so it was written while he held the office.

# %%
ev = timeline.events(corpus).set_index("event_id")
ev.loc[["sahand-2025", "araghchi-visit-2025-12"], ["date", "date_source", "note"]]

# %% [markdown]
# ## 3. Perspective and register
#
# A celebratory opinion column and a wire-style news report differ in *how* they say things. Three
# simple markers, computed per document: reporting verbs (said, stressed, noted …: attribution),
# evaluative words (visionary, wise, tragic …: the writer's own judgement), and the share of sentences
# with quotation marks. The word lists are short and printed in `sources.REPORTING_VERBS` and
# `sources.EVALUATIVE`: a starting point for discussion, not a classifier.

# %%
reg = sources.register(corpus)
reg[["doc_id", "perspective", "words_per_sentence", "headings", "quoted_sentences", "reporting_verbs_per_1k", "evaluative_per_1k"]]

# %%
top_eval = reg.sort_values("evaluative_per_1k", ascending=False).iloc[0]
top_rep = reg.sort_values("reporting_verbs_per_1k", ascending=False).iloc[0]
print(f"Most evaluative: {top_eval.doc_id} ({top_eval.evaluative_per_1k} per 1,000 words): {top_eval.evaluative_words}")
print(f"Most attribution: {top_rep.doc_id} ({top_rep.reporting_verbs_per_1k} reporting verbs per 1,000 words)")

# %% [markdown]
# Now read two sentences side by side — the register is audible:

# %%
for c in ["mehr-2021-korybko ¶1.7", "mehr-2021-korybko ¶1.20", "ftribune-2025-araghchi-baku ¶3.1", "ftribune-2025-araghchi-baku ¶8.3"]:
    print(f"{c}: {corpus.cite(c)}")

# %% [markdown]
# ## 4. The same event, told by two outlets
#
# Alwaght and the Financial Tribune both report Foreign Minister Araghchi's December 2025 visit to Baku.
# `claims.compare` lines up what each claims, topic by topic, from the claims ledger; an empty cell means
# that outlet makes no claim on the topic — itself worth noticing.

# %%
claims.compare(corpus, ["alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"], topic_prefix="visit-2025-12")

# %% [markdown]
# On the framing, the two positions side by side (each cell: quote — who asserts it (citation)):

# %%
claims.side_by_side(corpus, "visit-2025-12/framing")

# %% [markdown]
# Alwaght opens with the drill on Iran's side of the border and reads the visit as following "this firm
# demonstration of resolve"; the Financial Tribune leads with the talks and quotes Araghchi on dialogue.
# Alwaght also uses the *cooperation* frame — after the resolve. Notice, too, who is speaking: in the
# Financial Tribune most of the dialogue frame is Araghchi's reported or quoted speech, while in Alwaght
# the resolve frame is the outlet's own voice (`voice` column of the ledger).
#
# ## 5. The claims ledger and where sources disagree
#
# The ledger (`data/annotations/claims.csv`) holds claims from all four articles: topic, citation, the
# verbatim quote, who asserts it (the outlet's own voice or a speaker it quotes), a stance, and a note.

# %%
led = claims.ledger(corpus)
print(f"{len(led)} claims on {led['topic'].nunique()} topics")
led.groupby(["doc_id", "voice"]).size().unstack(fill_value=0)

# %% [markdown]
# **When do sources differ?** A *source* is a document plus who asserts the claim — the outlet's voice and
# a speaker it quotes count separately. A topic is listed when claims from different sources carry
# different `stance` values. No topic list is built in: add claims and the table changes.

# %%
dis = claims.disagreements(corpus)
print(f"{dis['topic'].nunique()} topics on which sources differ")
dis[["topic", "stance", "within_document", "outlets", "citations"]]

# %% [markdown]
# Two of them in detail. First, how the six states of the 3+3 format are grouped — the 2021 column and the
# December 2025 report:

# %%
claims.side_by_side(corpus, "3+3/membership")

# %% [markdown]
# Second, who proposed the format. Here the disagreement is *inside one article*: the ambassador, as
# quoted, credits the President of Azerbaijan, while the columnist's own voice calls it Iran's proposal.

# %%
claims.side_by_side(corpus, "3+3/proposer")

# %% [markdown]
# ### Checking claims against the public record
#
# Where the public record contradicts a claim (a count, a date, a participant list), the ledger keeps the
# claim and its `note` says what the record says, naming the public source. For example, the number of
# agreements signed during the April 2025 visit, and Alwaght's account of the Sahand-2025 drill:

# %%
checked = led[led["citation"].isin(["ftribune-2025-araghchi-baku ¶9.2", "alwaght-2025-araghchi-baku ¶7.2", "alwaght-2025-araghchi-baku ¶8.1"])]
for r in checked.itertuples():
    print(f"{r.citation} — “{r.quote}”\n  NOTE: {r.note}\n")

# %%
with_record = led["note"].str.contains("Public record")
print(f"{with_record.sum()} claims carry a note on the public record; {led['note'].str.contains('not verified').sum()} say what could not be verified.")

# %% [markdown]
# ## 6. Contested names
#
# The same thing goes by different names, and the choice of name is itself a position.
# `claims.names(corpus)` lists each variant with its occurrences (citations) and the outlets that use it;
# variants that are not in the corpus are listed as *context*, with a public source.

# %%
n = claims.names(corpus)
n[["concept", "variant", "listed_as", "n", "outlets", "citations"]].head(20)

# %%
m = claims.name_mentions(corpus)
pd.crosstab(m[m["concept"] == "Israel"]["variant"], m[m["concept"] == "Israel"]["outlet"])

# %% [markdown]
# Who writes "Tel Aviv" or "the Israeli regime", and who writes "Israel"? The same question for the
# 2020 war ("Patriotic War", "Second Karabakh War", "44-day war") and the route across southern Armenia
# ("Zangezur Corridor", TRIPP, "the route through Syunik"):

# %%
n[n["concept"].str.contains("2020 war|Syunik")][["concept", "variant", "listed_as", "outlets", "source"]]

# %% [markdown]
# ## 7. The timeline
#
# Events the corpus refers to (blue) and the documents' publication dates (red; hatched bars are
# estimated ranges) on one axis. Ranges stay ranges: an estimated date is never drawn as a point.

# %%
fig, ax = plt.subplots(figsize=(12, 7))
araz.plots.timeline(ax, corpus, start="2020-09")
fig.tight_layout()

# %%
fig, ax = plt.subplots(figsize=(12, 5))
araz.plots.timeline(ax, corpus, start="2025-04", end="2025-12")
fig.tight_layout()

# %% [markdown]
# Every event row in `timeline.events(corpus)` lists the corpus sentences that mention it and where its
# date comes from — a corpus citation when a text states it, otherwise a public source:

# %%
timeline.events(corpus)[["date", "event", "date_source"]]

# %% [markdown]
# **Your own corpus.** A folder of documents may bring `annotations/claims.csv` and
# `annotations/events.csv`; `claims.ledger(araz.load_corpus("my_folder"))` checks every row (unknown
# document, citation out of range, quote not at its citation) and names the file, line and column of
# each problem. All the tables above are DataFrames: `.to_csv("file.csv")` exports them.
#
# ## Discussion questions
#
# 1. The Financial Tribune's outlet is *identified* from a public copy, not stated in the text. How much
#    weight should that carry? What would change if the identification were wrong?
# 2. The April 2025 article is dated partly by what it does *not* mention. When is an argument from silence
#    persuasive, and when is it not? Find a sentence in another article that would make such an argument
#    fail.
# 3. Alwaght and the Financial Tribune report the same visit. List what each includes that the other
#    leaves out. Is omission a form of framing?
# 4. In the 3+3 "proposer" disagreement the ambassador and the columnist differ inside one article. Why
#    might an author print a quotation that contradicts his own claim?
# 5. Pick one contested name. Would you use it in a briefing note for a neutral reader? Which name would
#    you choose, and how would you flag the choice?
# 6. The ledger records that a count (agreements in April 2025) and a participant list (Sahand-2025) differ
#    from the public record. Does an error of fact in one sentence change how you read the rest of the
#    article?
#
# **Exercise:** `exercises/ex01_sources.ipynb` — provenance, dating an undated article from internal
# evidence, and who speaks (`from araz.exercises import ex01`).
