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

# %% [markdown]
# ## 9. The 2020–2025 tone record: hand-coded tone over time, and the kit's measure beside it
#
# The four seed articles cannot show a trend. The **tone record** (`data/tone_record/`, see its
# data card) holds 98 public articles from 2020–2025, each sentence coded by two independent
# coders and adjudicated. The repository keeps no text from them: only positions, hashes, labels
# and text-free features (which of *our* lexicon and register words matched). So below you see
# citations, labels and the features that explain a label — read the sentence itself at the URL.
#
# Only the **development** articles are used here (`split == "dev"`). The articles held back in
# test rounds 1 and 2 were each scored once and then joined development; the next set of held-out
# test articles (round 3, `split == "test"`, coded by others) is looked at once, at the end, by the
# kit's maintainer: a notebook that showed them would let us tune on them without meaning to.

# %%
from araz.tone import crossval, record, shifts as tone_shifts

rec = record.load()
table = rec.table()
dev = table[table["split"] == "dev"].copy()
print(f"{dev['article_id'].nunique()} development articles, {len(dev)} coded sentences, "
      f"{dev['outlet'].nunique()} outlets, {dev['published'].min()} to {dev['published'].max()}")
dev.groupby("side")["article_id"].nunique().rename("articles").to_frame()

# %% [markdown]
# The kit's measure on these sentences is judged **out of article**: each article's sentences are
# labelled by a model fitted on *other* articles (grouped cross-validation). VADER is scored on
# the same sentences.

# %%
cv = crossval.evaluate(rec, seeds=False)
cv.summary[["method", "n", "macro_f1", "macro_f1_3", "recall_coop", "recall_conf", "recall_mixed", "recall_neutral"]].round(2)

# %%
keys = ["article_id", "paragraph", "sentence"]
dev = dev.merge(cv.predictions[keys + ["model"]], on=keys, how="left")
dev["voice"] = dev["voice"].where(dev["voice"] != "", dev["auto_voice"])  # hand-coded voice
hand = tone_shifts.period_tone(dev, label="tone", by="side", voice="all", n_boot=300)
kit = tone_shifts.period_tone(dev, label="model", by="side", voice="all", n_boot=300)
side_by_side = hand.merge(kit, on=["group", "period"], suffixes=("_hand", "_kit"))
side_by_side[["group", "period", "n_articles_hand", "n_sentences_hand", "net_tone_hand", "ci_low_hand",
              "ci_high_hand", "net_tone_kit"]].round(2)

# %% [markdown]
# Net tone is (cooperative − confrontational sentences) / all sentences of the period; the bar
# is a 95% interval from resampling **articles** (not sentences: an article's sentences are not
# independent), and the number beside a point is its number of articles. Periods with one
# article have no interval — read them as anecdotes.

# %%
import matplotlib.pyplot as plt
from araz import plots

both = pd.concat([hand.assign(group=hand["group"] + " · hand"), kit.assign(group=kit["group"] + " · kit")],
                 ignore_index=True)
fig, ax = plt.subplots(figsize=(10, 4.5))
plots.tone_record(ax, both, title="Net tone per half-year by side of the outlet: hand-coded and the kit's measure")
plt.show()

# %% [markdown]
# ### Where the measure and the coders disagree, and why
#
# Disagreement by side of the outlet, then the commonest kinds of error:

# %%
dis = crossval.disagreements(cv, rec)
rate = (dev.assign(wrong=dev["tone"] != dev["model"]).groupby("side")["wrong"].agg(["size", "mean"])
        .rename(columns={"size": "sentences", "mean": "share_disagreeing"}))
rate.round(2)

# %%
pd.crosstab(dis["hand"], dis["model"], rownames=["hand"], colnames=["kit's measure"])

# %% [markdown]
# For each disagreement the record keeps what the measure saw: the lexicon terms that matched
# (with flags: `f` flipped by negation, `c` conceded, `z` zeroed), the CAMEO quad class of the
# decisive cue and its intensity. A hand-coded `coop` or `conf` with **no terms at all** is the
# commonest miss: its tone comes from the event reported or the paragraph around it, which a
# sentence-level word measure cannot see.

# %%
dis["cue_less"] = dis["terms"].fillna("") == ""
print(f"{int(dis['cue_less'].sum())} of {len(dis)} disagreements have no lexicon term at all")
dis[["citation", "outlet", "hand", "model", "vader", "terms", "quad_class", "intensity"]].head(12)

# %% [markdown]
# And why the model gave one of those sentences its label — every feature, its value and how far
# it pushed (log-odds), from the model fitted on all development articles. Some features are the
# sentence's own words; the `article_…` and `paragraph_…` ones are its **context**, read from the
# other sentences of the same article (a sentence with no cue word of its own often takes its
# tone from them); the `lex_…` ones are **word cues learned from the record** (`araz.tone.learned`,
# `data/lexicons/learned_words.csv`), and the explanation names the learned words behind them:

# %%
from araz.tone import model as tone_model

fitted = tone_model.trained(rec)
first = dis.iloc[0]
row = dev[(dev["article_id"] + " ¶" + dev["paragraph"].astype(str) + "." + dev["sentence"].astype(str))
          == first["citation"]]
print(first["citation"], "— hand:", first["hand"], "— read it at", first["url"])
print(fitted.describe(dev, row.index[0]))  # the whole table: the context features read the article

# %% [markdown]
# ### Shifts: did tone change, and does the change hold?
#
# A shift is reported only when it holds under article-bootstrap intervals and a permutation test
# (`araz.tone.shifts`); the articles that drive it are cited. Here on the hand-coded labels,
# all sides together, and on the kit's measure:

# %%
meta = rec.articles.set_index("article_id")
cite = lambda a: f"{a} ({meta.loc[a, 'outlet']}, {meta.loc[a, 'published']})"
found = {lab: tone_shifts.shifts(dev, label=lab, voice="all", n_boot=400, n_perm=200, only_holding=False, cite=cite)
         for lab in ("tone", "model")}
pd.concat(found, names=["measure"])[["at", "before", "after", "difference", "ci_low", "ci_high", "p_value",
                                     "holds", "drivers"]].round(2)

# %% [markdown]
# ### Discussion questions on the record
#
# 6. The hand-coded lines differ by side of the outlet. Is that a difference in how the sides
#    *report* the relation, or in which events each side chose to cover? What would you need to
#    tell the two apart?
# 7. Find a period where the kit's measure and the coders disagree most. Open two of the cited
#    articles at their URLs: is the measure wrong, or could the coders be?
# 8. Most misses have no lexicon term. Would you add words to the lexicon, code whole paragraphs
#    instead of sentences, or accept the limit and report it? What does each choice cost?
# 9. A shift that does not "hold" may still be real. How many articles per half-year would you
#    need before you would believe a change of the size you see?
# 10. The figures above were obtained on articles the measure's authors had read while improving
#     it. Why is the held-back test part the honest figure, and why must nobody look at it twice?
# 11. Open `data/lexicons/learned_words.csv` and sort by `w_conf`, then by `w_neutral`. Which learned
#     cues would a coder recognise as tone, and which are traces of the 98 articles (page furniture,
#     one story told in several outlets)? Why must a sentence's learned features never come from a
#     lexicon that saw its own article?
