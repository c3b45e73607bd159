"""Build notebooks/06_explorer.ipynb and the explorer app's notebook (no outputs).

    python tools/notebooks/06_explorer.py

The app notebook (``src/araz/_app/explorer.ipynb``) is what ``python -m araz.app`` / ``make app``
serves with Voilà: one Markdown cell and one code cell, whose code Voilà hides.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbbuild import code, md, write  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

cells = [
    md("""
# 06 · Exploring the documents: the explorer and the tone lab

The earlier notebooks each asked one question of the corpus. The **explorer** lets you ask your own:
filter the sentences by outlet, perspective, date, actor, corridor, the 3+3 format, tone and voice;
search the text; open any sentence in its document with its provenance card; compare two sources side
by side; chart the tone of what you selected; and export it with its citations.

**Learning goals** (about 45 minutes)

- use the explorer to answer a question about the corpus, and cite the sentences that answer it;
- know that every view of the explorer is a plain function of `araz.explore` — the same answer is one
  line of code, so a finding can be checked and repeated;
- read a sentence in context, with its source's provenance, before quoting it;
- change the tone lexicon in the tone lab and see how the agreement with hand labels moves.

The same explorer runs as a web page without any code: `make app` (see the end of this notebook).
"""),
    code("""
import araz
from araz import explore
from araz.widgets import explorer, tone_lab
import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.max_colwidth", 110)
corpus = araz.load_corpus()
corpus
"""),
    md("""
## 1. The explorer

Run the next cell. The top half holds the filters: choose one or more **outlets**, **actors** or
**corridors** (the numbers are how many sentences mention each), tick **the 3+3 format**, pick **tone**
labels and **voice** (the outlet's own voice or quoted speakers), narrow the **publication dates**, or
type a **search** — words, `"a phrase"`, a prefix such as `corrid*`, and `AND` / `OR` / `NOT` — and
press Enter. The count above the tabs changes with every choice.

- **Results**: the matching sentences (or paragraphs), best first, a page at a time; *keyword in
  context* lines the query up in the middle. The button on each row opens it in the reader.
- **Reader**: the provenance card, then the whole document with actors, corridors and the 3+3 format
  marked in colour, each sentence tinted by its tone, and the chosen sentence outlined.
- **Compare**: two or more outlets or documents side by side.
- **Tone over time**: the tone of the current selection by publication date, with n per point.
- **Export**: the selection to CSV, the chart to PNG.
"""),
    code("""
app = explorer(corpus)
app
"""),
    md("""
## 2. Every click is a function call

What the explorer shows is computed by `araz.explore`. The filters are a plain dictionary; `select`
returns one page of results as a DataFrame, with the total count in `attrs`. This is the same call the
explorer makes when you choose *Israel* in the actors list:
"""),
    code("""
israel = explore.select(corpus, {"actors": ["israel"]})
print(f"{israel.attrs['total']} sentences mention Israel (by any name) in "
      f"{israel['doc_id'].nunique()} documents")
israel[["citation", "outlet", "text"]].head(8)
"""),
    md("""
Setting a control from Python gives the same number — this is how the kit's tests drive the widget:
"""),
    code("""
app.controls["actors"].value = ("israel",)
print(app.total, "sentences in the explorer;", explore.count(corpus, {"actors": ["israel"]}), "from explore.count")
app.controls["actors"].value = ()
"""),
    md("""
## 3. Thread by thread

### Actors: who names Israel, and how?

The gazetteer counts "Tel Aviv" and "the Israeli regime" as mentions of Israel (notebook 02). Which
outlets speak of Israel at all, and in which words? Compare the four sources:
"""),
    code("""
outlets = explore.options(corpus)["outlets"]["value"].tolist()
cmp = explore.compare(corpus, outlets)
cmp["actors"]
"""),
    code("""
words = (explore.index(corpus).mentions
         .query("entity_id == 'israel'")
         .assign(outlet=lambda d: d["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"]))
         .groupby(["outlet", "surface"]).size().rename("mentions").reset_index())
words
"""),
    md("""
**Explore:** in the explorer, choose *Israel* and open each result in the reader. Is Israel the subject
of the sentence, or the one acted upon? Which outlet names it by its capital, and what does that do?

### Corridors: which route, in whose words?

Select the corridors one at a time. The competing routes through Armenia (Zangezur, TRIPP) and through
Iran (Aras/Araz) are named by different sources:
"""),
    code("""
routes = ["zangezur-corridor", "tripp", "aras-corridor"]
known = set(explore.options(corpus)["corridors"]["entity_id"])
rows = explore.table(corpus, {"corridors": [r for r in routes if r in known]})
rows[["citation", "outlet", "corridors", "text"]]
"""),
    md("""
**Explore:** search `corridor` and switch *Show* to *paragraph*. Which paragraphs name a corridor without
saying where it runs? Which call the same route by two names?

### The 3+3 format

Tick *mentions the 3+3 format*, or search `"3+3"`. The keyword-in-context view lines every mention up:
"""),
    code("""
three = explore.select(corpus, {"three_plus_three": True})
print(f"{three.attrs['total']} sentences mention the 3+3 format, in {three['doc_id'].nunique()} documents")
explore.kwic(corpus, {"query": '"3+3"'}, window=10)[["citation", "left", "match", "right"]]
"""),
    md("""
Open one of them in the reader: the provenance card says who published it and how its date is known —
which matters when two sources disagree about who proposed the format (notebook 04).
"""),
    code("""
page = explore.reader(corpus, three["citation"].iloc[0])
print(page["card"]["outlet"], "·", page["card"]["date_label"])
print("mentions in this document:", page["legend"])
"""),
    md("""
### Tone and voice

The tone filter uses the lexicon of notebook 05; the voice filter separates the outlet's own voice from
the people it quotes. Count confrontational sentences in each voice:
"""),
    code("""
counts = pd.DataFrame({
    voice: {label: explore.count(corpus, {"tone": [label], "voice": [voice]}) for label in explore.TONE_LABELS}
    for voice in explore.VOICES
})
counts
"""),
    md("""
The chart tab draws the tone of the current selection over time. With four articles the kit says, on
the chart, that this is an anecdote and not a trend:
"""),
    code("""
fig, ax = plt.subplots(figsize=(9, 4))
explore.chart(ax, corpus, {"voice": ["author"]})
plt.show()
"""),
    md("""
## 4. The tone lab

Pick a sentence, or type one, to see its score and the words that drove it. Then edit the lexicon:
add a term, give one a new weight or remove it, and watch the agreement with the hand-coded labels
(macro-F1 and the confusion matrix) change. Nothing is saved until you press *Save lexicon* and name a
file; `araz.tone.load_lexicon("that_file.csv")` reads it back.
"""),
    code("""
lab = tone_lab(corpus)
lab
"""),
    md("""
The lab's two functions are in `araz.explore` too:
"""),
    code("""
print(explore.lab_score(corpus, "Tehran is ready for cooperation instead of confrontation."))
"""),
    code("""
agreement = explore.lab_agreement(corpus)
agreement.summary
"""),
    md("""
## 5. Export, and the explorer as a web page

The export tab writes the current selection (every page, with citations, outlet, date, tone, voice
and the entities mentioned) to a CSV file under `exports/`, and the chart to PNG. From code:
"""),
    code("""
import tempfile

path = explore.export_csv(corpus, {"actors": ["iran"], "tone": ["conf"]}, folder=tempfile.mkdtemp())
print(path.name, "—", len(pd.read_csv(path)), "rows")
"""),
    md("""
For a seminar projected on a wall, or for readers who should not see code, run the explorer as a web
page from a terminal in the kit's folder:

```
make app                      # the shipped corpus on http://127.0.0.1:8866/
make app PORT=9000 CORPUS=my_documents/
```

A user corpus is checked first; if a document is broken, `make app` prints the validation report
(file, line, field, what to do) and serves nothing.

## Discussion questions

1. Choose an actor and read every sentence that mentions it in the reader. Is the count of mentions a
   fair summary of how much each source *cares* about that actor? What does counting miss?
2. Filter on the 3+3 format and open each sentence. Which sources present the format as theirs, and
   which as someone else's? Cite the sentences.
3. Compare the author's voice with the quoted voice for one outlet. Does the outlet let its sources say
   what it does not say itself?
4. In the tone lab, find one change to the lexicon that raises the agreement on the *tune* split but
   lowers it on the *test* split. What does that teach about tuning a measure on the data you report?
5. The explorer ranks search results by relevance. When could the ranking hide an important sentence,
   and how would you make sure you have seen them all?

**Exercise:** the questions marked *Explore* above are this session's exercise — answer each with the
citations you found. For more practice with the tone measure, `exercises/ex05_tone.ipynb`.
"""),
]

app_cells = [
    md("""
Filter, search and read the articles on Iran–Azerbaijan relations. Every result carries its citation
(`document ¶paragraph.sentence`); open one to read it in its document, with its provenance.
"""),
    code("""
import os

import araz
from araz.widgets import explorer

corpus = araz.load_corpus(os.environ.get("ARAZ_CORPUS") or None)
explorer(corpus)
"""),
]

if __name__ == "__main__":
    out = ROOT / "notebooks" / "06_explorer.ipynb"
    write(str(out), cells)
    print(f"wrote {out}")
    app = ROOT / "src" / "araz" / "_app" / "explorer.ipynb"
    app.parent.mkdir(parents=True, exist_ok=True)
    write(str(app), app_cells)
    import nbformat

    nb = nbformat.read(str(app), as_version=4)
    nb.metadata["title"] = "Araz explorer"  # the page title Voilà shows
    nbformat.write(nb, str(app))
    print(f"wrote {app}")
