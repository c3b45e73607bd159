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
# # 05 · Shifts in tone: an explainable cooperation–conflict measure
#
# Do the sources describe Iran–Azerbaijan relations as cooperative or confrontational — and does
# that change over time? This notebook builds a measure you can read aloud, checks it against
# sentences coded by hand, and shows why a general-purpose sentiment tool is the wrong instrument.
#
# **Learning goals** (about 45 minutes)
#
# - say what "tone" means here (cooperation vs conflict between actors, after the CAMEO event
#   classes) and why it is not *sentiment*;
# - explain a sentence's score word by word, including negation ("instead of confrontation");
# - keep the outlet's own voice apart from the voices it quotes;
# - read agreement figures (accuracy, macro-F1, confusion matrix) against hand labels, for our
#   lexicon and for the VADER baseline, on a held-back split;
# - say why four articles cannot show a trend, and what would.

# %%
import araz
from araz import tone

corpus = araz.load_corpus()
corpus

# %% [markdown]
# ## 1. Why a sentiment tool reads diplomatic text badly
#
# VADER is a good, widely used sentiment analyser for social media. It knows that "ready" is
# pleasant and "confrontation" unpleasant — but it has never heard of "cooperation", and it
# thinks "security" is a good thing in itself. Here it is on the sentence this notebook keeps
# coming back to, and on a single word.

# %%
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

vader = SentimentIntensityAnalyzer()
for text in ["Tehran is ready for cooperation instead of confrontation.", "security", "cooperation"]:
    print(f"{text!r:62} VADER compound {vader.polarity_scores(text)['compound']:+.2f}")

# %% [markdown]
# VADER's compound score runs from −1 to +1 and its authors call anything below +0.05
# "neutral". Notice how close the first sentence comes to that line, that "cooperation" scores
# nothing, and that "security" — a word that in this corpus usually comes with threats — scores as
# positive. Our measure reads the same sentence like this:

# %%
print(tone.score_text("Tehran is ready for cooperation instead of confrontation."))

# %% [markdown]
# "Confrontation" is the alternative the sentence *rejects*: the contrast cue "instead of" flips
# it, so it counts for cooperation. The sentence is in the corpus; here is the same explanation
# with its citation, the hand label it was given, and VADER's verdict beside it:

# %%
print(tone.explain(corpus, "alwaght-2025-araghchi-baku ¶11.1"))

# %% [markdown]
# ## 2. The lexicon and the codebook
#
# The measure has two written parts, both in `data/lexicons/`:
#
# - `tone.csv` — the **lexicon**: each term or phrase, its class after the CAMEO *quad classes*
#   (verbal / material cooperation, verbal / material conflict), a weight and a note. Two more
#   classes: `labelling` (hostile labels for an actor, such as "Zionist regime", counted apart
#   from tone) and `neutral` (names that contain a tone word, such as "Shanghai Cooperation
#   Organization", which must not count).
# - `CODEBOOK.md` — the **rules** a person follows to code a sentence `coop`, `conf`, `mixed` or
#   `neutral`, and to decide its **voice** (`author` or `quoted`), with examples from the corpus.

# %%
lexicon = tone.load_lexicon()
print(lexicon)
lexicon.table.groupby("class").size().rename("terms")

# %%
lexicon.table[lexicon.table["class"].isin(["labelling", "neutral"])].head(12)

# %% [markdown]
# The rules that turn matched words into a label (all in `araz.tone`, all visible in `explain`):
# negation and contrast cues flip the next tone word within a few words (`tone.SCOPE`, printed
# below); "not X but Y" corrects
# rather than rejects; a concessive clause ("despite such strains, …") counts half and does not
# decide the label; a title or a name in quotation marks is not scored.

# %%
print("negation cues:   ", ", ".join(tone.NEGATORS[:14]), "…")
print("contrast cues:   ", ", ".join(tone.CONTRASTS))
print("de-escalation:   ", ", ".join(tone.RESOLVERS[:10]), "…")
print("not negations:   ", ", ".join(tone.KEEPERS[:8]), "…")
print("concessive:      ", ", ".join(tone.CONCESSIVES))
print(f"scope: {tone.SCOPE} words · concession ×{tone.CONCESSION} · mixed when the weaker side ≥ {tone.MIXED_RATIO} of the stronger")

# %% [markdown]
# ## 3. Explaining sentences
#
# Read each explanation aloud. Which words drove the score? Would you have coded it the same way?
# The first is a direct quotation with both cooperation and disagreement in it; the second shows a
# hostile label counted apart from tone; the third a "not X but Y" correction.

# %%
for citation in ["ftribune-2025-araghchi-baku ¶4.1", "alwaght-2025-araghchi-baku ¶12.1", "anon-2025-pezeshkian-visit ¶13.1"]:
    print(tone.explain(corpus, citation), end="\n\n")

# %% [markdown]
# Every sentence at once: `score_sentences` returns one row per sentence with its voice, the
# cooperation and conflict weights, the net `score` (−1 … +1), the `label`, hostile `labelling`,
# and the matched words in `terms`.

# %%
scores = tone.score_sentences(corpus)
scores[["citation", "voice", "coop", "conf", "score", "label", "labelling", "terms"]].head(8)

# %% [markdown]
# ### Whose voice?
#
# A news report is full of other people's words. A sentence is `quoted` when it holds a direct
# quotation, or reports speech with a verb of saying and a **named** speaker ("Araghchi stressed
# that…"); "some observers accused…" stays in the outlet's own voice, because the outlet relays
# it without a name. How much of each article is quoted speech?

# %%
voices = scores.groupby(["doc_id", "voice"]).size().unstack(fill_value=0)
voices["share quoted"] = (voices["quoted"] / voices.sum(axis=1)).round(2)
voices

# %% [markdown]
# ## 4. Tone through each article
#
# How does tone move from the first paragraph to the last? Green bars rise with each paragraph's
# cooperation weight, red bars fall with its conflict weight, black dots give the net tone, and
# "q" marks quoted speech. The Mehr article is a single paragraph, so it is drawn sentence by
# sentence.

# %%
import matplotlib.pyplot as plt

fig, axes = plt.subplots(4, 1, figsize=(10, 15))
for ax, doc_id in zip(axes, corpus.doc_ids):
    araz.plots.tone_by_paragraph(ax, corpus, doc_id)
fig.tight_layout()

# %% [markdown]
# Look for the turn in each article: where does the Financial Tribune report move from meetings
# to strains, and where does Alwaght's analysis bring in the drills and the 12-day war? Cite the
# paragraphs (`doc_id ¶p`) when you answer.

# %%
tone.by_document(corpus)[["doc_id", "outlet", "date_label", "n", "score", "n_coop", "n_conf", "n_mixed", "n_neutral", "labelling"]]

# %% [markdown]
# ## 5. Over time, by outlet — and why this is not a trend
#
# Each outlet's mean net tone, for its own voice and for the voices it quotes, is drawn against the
# publication date. None of the shipped articles prints its date (see `date_label` in
# `corpus.documents`): each date is a *range* inferred from the text, so it is drawn as a bar over
# the whole range, never as a point in the middle. Every bar carries its n.

# %%
fig, ax = plt.subplots(figsize=(11, 4.5))
araz.plots.tone_over_time(ax, corpus, by="outlet", voice="both")
fig.tight_layout()

# %%
over = tone.over_time(corpus, by="outlet", voice="both")
over[["group", "voice", "start", "end", "estimate", "n_docs", "n", "score"]]

# %%
docs = corpus.documents
print(tone.trend_warning(len(docs), over[["start", "end"]].drop_duplicates().shape[0],
                         n_estimated=int(docs["date_estimate"].sum())))

# %% [markdown]
# A handful of articles, each from a different source, in a few date ranges, is an anecdote:
# a difference between the 2021 bar and the 2025 bars could be a change of *source*
# (an opinion piece versus a news report), of *genre*, or of *voice* as easily as a change of
# relations. A trend would need many documents per period from the **same** outlets, with exact
# dates — the warning above says how many.
#
# ## 6. Validation: does the measure agree with a careful reader?
#
# Every sentence of the corpus was coded by hand against the codebook (label and voice), **before**
# the lexicon was written. A share of each document's sentences was held back as a `test` split
# (counted below); the lexicon and its rules were tuned on the `tune` split only. `validate` reports
# accuracy, macro-F1 (the mean F1 over the four labels, so rare labels count as much as common
# ones), per-label precision and recall, and confusion matrices — for our lexicon and for VADER,
# mapped to the same labels with documented thresholds.

# %%
labels = tone.load_labels(corpus)
labels.assign(document=labels["citation"].str.split(" ¶").str[0]).pivot_table(
    index="document", columns="split", values="citation", aggfunc="count")

# %%
v = tone.validate(corpus)
print(v)

# %%
v.summary.round(2)

# %% [markdown]
# Rows are the hand labels, columns what the method predicted, on the held-back test split.
# Where does each method go wrong?

# %%
from IPython.display import display

for method in ("ours", "vader"):
    print(f"{method}, test split")
    display(v.confusion[(method, "test")])

# %%
v.per_class[v.per_class["split"] == "test"].round(2)

# %% [markdown]
# How VADER's scores were turned into our four labels (its authors' ±0.05 threshold for the
# compound score; `mixed` when both its positive and negative shares reach a set level, chosen on
# the tune split as our own settings were):

# %%
print(f"coop when compound ≥ {tone.VADER_POS}, conf when compound ≤ {tone.VADER_NEG}, "
      f"mixed when pos ≥ {tone.VADER_MIXED} and neg ≥ {tone.VADER_MIXED}, neutral otherwise")

# %% [markdown]
# The sentences where our measure and the hand label disagree — read them: which are the
# measure's fault, and which might be the coder's?

# %%
v.errors[["citation", "split", "hand_label", "label", "vader_label", "terms"]]

# %% [markdown]
# ## 7. Limits
#
# - **Quoted vs authorial voice.** An outlet can report hostile words it does not share, or
#   praise it does. Compare the two voices before saying what an outlet "thinks":

# %%
import pandas as pd

pd.concat({"author": tone.by_outlet(corpus, voice="author").set_index("outlet")[["n", "score"]],
           "quoted": tone.by_outlet(corpus, voice="quoted").set_index("outlet")[["n", "score"]]}, axis=1)

# %% [markdown]
# - **Target of the tone.** A lexicon sees words, not who they are about. The Financial Tribune
#   calls Azerbaijan's partnership with Israel "a source of friction": a reader hears conflict
#   between Iran and Azerbaijan; the lexicon also counts the partnership as cooperation.

# %%
print(tone.explain(corpus, "ftribune-2025-araghchi-baku ¶8.1"))

# %% [markdown]
# - **Register.** Diplomatic prose hides conflict in euphemism ("a significant point of
#   discussion", "ups and downs"); a lexicon only sees the phrases someone has written into it.
# - **One coder.** The hand labels come from one coder, who also wrote the lexicon (see the
#   codebook, section 6): there is no inter-coder agreement yet, and the test score is an
#   optimistic estimate. A second coder and new documents are the honest next step.
# - **A tiny corpus.** A handful of articles: no trend (section 5), and per-label figures resting
#   on a few sentences — look at the `support` column before trusting a precision.
#
# ## 8. Your turn: edit the lexicon
#
# The lexicon is a table you can change. Edit a copy in memory and every function re-scores at
# once — the same thing the tone lab widget does. Try adding a term you think is missing, then
# check the agreement on the **tune** split before you look at test.

# %%
mine = tone.load_lexicon().copy()
mine.add("contributing", "verbal_cooperation", 0.5, note="my edit: joint contribution")
print(tone.explain(corpus, "anon-2025-pezeshkian-visit ¶6.1", mine))
print()
print(tone.validate(corpus, mine))

# %%
import tempfile
from pathlib import Path

saved = mine.save(Path(tempfile.mkdtemp()) / "my_tone.csv")
print("saved to", saved, "— load it again with tone.load_lexicon(path)")

# %% [markdown]
# ## Discussion questions
#
# 1. VADER calls "security" positive. Find the sentences of the corpus that use the word
#    (`corpus.sentences[corpus.sentences.text.str.contains("security")]`). In which is it about
#    threat rather than safety? What would a sentiment tool conclude from them?
# 2. The codebook codes "Tehran is ready for cooperation instead of confrontation" as `coop`. Is
#    a sentence that *mentions* confrontation, even to reject it, really free of conflict? What
#    would you change in the rules, and what would that do to the figures in section 6?
# 3. Compare the outlet's own voice with the voices it quotes (section 7). In which article do
#    they differ most, and what does that tell you about how the outlet frames the visit?
# 4. The Mehr article speaks of Iran's "foes" and "enemies" (`mehr-2021-korybko ¶1.3`, `¶1.4`);
#    Alwaght writes "Israeli regime" (`alwaght-2025-araghchi-baku ¶12.1`). The lexicon counts the
#    first as conflict tone and the second as labelling, apart from tone. Is that the right line?
#    Argue both ways.
# 5. What corpus would you need to say that Iranian media's tone towards Azerbaijan changed
#    between the Mehr article and the Alwaght one? Name the outlets, the number of articles and
#    how you would date them.
#
# **Exercise:** `exercises/ex05_tone.ipynb` — code ten sentences yourself against the codebook,
# compare your labels with the hand labels and with the lexicon, and propose one lexicon edit,
# justified on the tune split.
