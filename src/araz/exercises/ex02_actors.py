"""Exercise 2 — actors: who is spoken about, and how (names, metonyms, labels).

Notebook: ``exercises/ex02_actors.ipynb`` (after ``notebooks/02_actors.ipynb``).
"""
from __future__ import annotations

from pathlib import Path

from ._core import (
    BLANK, CitationQuestion, CustomQuestion, Exercise, OpenQuestion, Outcome, ValueQuestion, Wrong,
)
from ._core import corpus as shipped_corpus
from ._core import ALWAGHT, FTRIBUNE, ANON, MEHR  # noqa: F401

EX = Exercise("ex02", "Actors: names, metonyms, labels", "ex02_actors.ipynb")



def _mentions(corpus):
    from araz import actors

    return actors.mentions(corpus)


# ---- q1 --------------------------------------------------------------------------------


def _iran_in_alwaght(corpus):
    m = _mentions(corpus)
    return int(((m["doc_id"] == ALWAGHT) & (m["entity_id"] == "iran")).sum())


def _iran_names_only(corpus):
    m = _mentions(corpus)
    return int(((m["doc_id"] == ALWAGHT) & (m["entity_id"] == "iran") & (m["kind"] == "name")).sum())


q1 = EX.add(ValueQuestion(
    """How many times does the Alwaght article mention **Iran**, counting every form the gazetteer knows —
the name, metonyms such as "Tehran", demonyms such as "Iranian", labels such as "the Islamic Republic"?
Use `araz.actors.mentions(corpus)`.""",
    title="Every mention of Iran in the Alwaght article",
    expected=_iran_in_alwaght, compare="number", what="number of mentions",
    diagnose=[
        (lambda a, e: a == _iran_names_only(shipped_corpus()),
         "That is the number of times the *name* 'Iran' is used. The question counts every form: keep all "
         "alias kinds (the `kind` column), not only 'name'."),
        (lambda a, e: a == shipped_corpus()[ALWAGHT].text.count("Iran"),
         "You counted the letters 'Iran' in the text: that also finds 'Iranian' inside longer words and misses "
         "'Tehran'. Count the rows of the mentions table instead."),
        (lambda a, e: a == int((_mentions(shipped_corpus())["entity_id"] == "iran").sum()),
         "That is Iran in all four documents. Keep only the rows of the Alwaght article (`doc_id`)."),
    ],
    hints=[
        "The mentions table has one row per mention, with the document (`doc_id`) and the actor (`entity_id`).",
        "Filter on two columns: `doc_id == \"alwaght-2025-araghchi-baku\"` and `entity_id == \"iran\"`. Do not filter on `kind`.",
        "m = araz.actors.mentions(corpus); answer = len(m[(m.doc_id == \"alwaght-2025-araghchi-baku\") & (m.entity_id == \"iran\")])",
    ],
    solution=lambda: (
        f"{_iran_in_alwaght(shipped_corpus())}\n\n"
        "m = araz.actors.mentions(corpus)\n"
        "len(m[(m.doc_id == \"alwaght-2025-araghchi-baku\") & (m.entity_id == \"iran\")])\n\n"
        f"Of these, {_iran_names_only(shipped_corpus())} use the name; the rest are 'Tehran' and 'Iranian' — e.g. "
        "the two sentences below."),
    cites=[f"{ALWAGHT} ¶9.3", f"{ALWAGHT} ¶2.1"],
))


# ---- q2 --------------------------------------------------------------------------------


def _metonym_share(corpus):
    m = _mentions(corpus)
    st = m[m["entity_type"] == "state"]
    return (st.groupby("doc_id")["kind"].apply(lambda k: float((k == "metonym").mean()))).to_dict()


def _metonym_share_all(corpus):
    m = _mentions(corpus)
    m = m[m["category"] == "actor"]
    return (m.groupby("doc_id")["kind"].apply(lambda k: float((k == "metonym").mean()))).to_dict()


def _close(a, b, tol=0.005):
    return set(map(str, a)) == set(map(str, b)) and all(
        isinstance(a[k], (int, float)) and abs(a[k] - b[k]) <= tol for k in b)


def _most_least(corpus):
    share = _metonym_share(corpus)
    hi, lo = max(share, key=share.get), min(share, key=share.get)
    outlet = corpus.documents.set_index("doc_id")["outlet"]
    return (f"{hi} ({outlet[hi]}) speaks of states through their capitals most often, {lo} ({outlet[lo]}) least. "
            "Two such sentences:")


q2 = EX.add(ValueQuestion(
    """For each document: what share of its mentions of **states** (`entity_type == "state"`) are metonyms
("Tehran", "Baku", "Official Baku", "Tel Aviv"…)? Answer with a dict or a Series, `doc_id` → share between
0 and 1.""",
    title="How often a capital stands for a state, per document",
    expected=_metonym_share, compare="mapping", tol=0.005, what="document",
    diagnose=[
        (lambda a, e: all(v > 1 for v in a.values() if isinstance(v, (int, float))) and any(a.values()),
         "Give shares between 0 and 1, not percentages or counts."),
        (lambda a, e: _close(a, _metonym_share_all(shipped_corpus())),
         "You divided by all actor mentions (people, organisations…). The question asks about states only: "
         "keep the rows with entity_type == \"state\" first."),
    ],
    hints=[
        "Keep the state mentions, then, per document, compare the number of metonyms with the number of all state mentions.",
        "`st = m[m.entity_type == \"state\"]`; `(st.kind == \"metonym\")` is True/False per row — the mean of True/False is a share.",
        "st.groupby(\"doc_id\").kind.apply(lambda k: (k == \"metonym\").mean())",
    ],
    solution=lambda: (
        "m = araz.actors.mentions(corpus)\n"
        "st = m[m.entity_type == \"state\"]\n"
        "st.groupby(\"doc_id\").kind.apply(lambda k: (k == \"metonym\").mean())\n\n"
        + "\n".join(f"  {k}: {v:.3f}" for k, v in sorted(_metonym_share(shipped_corpus()).items(), key=lambda kv: -kv[1]))
        + "\n\n" + _most_least(shipped_corpus())),
    cites=[f"{ALWAGHT} ¶9.3", f"{ALWAGHT} ¶11.3"],
))


# ---- q3 --------------------------------------------------------------------------------


def _metonym_subjects(corpus):
    from araz import actors

    mt = actors.metonyms(corpus)
    return set(mt.loc[mt["as_subject"], "citation"])


def _metonym_not_subject(corpus):
    from araz import actors

    mt = actors.metonyms(corpus)
    out = {}
    for r in mt[~mt["as_subject"]].itertuples():
        out.setdefault(r.citation, f"'{r.surface}' here is a metonym — but it is not the one acting in the sentence "
                                   f"(it is named, owned or visited). Find a sentence where the city itself does "
                                   f"something: concludes, detects, continues, needs.")
    return out


q3 = EX.add(CitationQuestion(
    """Find a sentence in which a capital city stands for a government **as the grammatical subject** — the
city itself does something ("… continues to prioritize …", "… has concluded …"). Several sentences are
right.""",
    title="A capital city as the subject of a sentence",
    accept=_metonym_subjects, near=_metonym_not_subject,
    wrong="There is no capital standing for a government here, or it is not the subject. Look for 'Tehran', "
          "'Baku' or 'Official Baku' followed by a verb.",
    hints=[
        "A metonym names a government by its capital: 'Tehran' for Iran's government. Which rows of the mentions table have kind 'metonym'?",
        "`araz.actors.metonyms(corpus)` lists every metonym with an `as_subject` column and the verb that follows.",
        "Look in the Alwaght article, paragraph 9, or at how the April 2025 article opens its paragraph 2.",
    ],
    solution=(
        f"\"{ANON} ¶2.3\" or, for example, \"{ALWAGHT} ¶9.3\": a city name is the subject of a verb. Writing "
        "'Official Baku continues…' or 'Tehran has concluded…' presents a state as one person with one will — "
        "no minister, ministry or official is named, so the reader cannot tell who concluded what."),
    cites=[f"{ANON} ¶2.3", f"{ALWAGHT} ¶9.3"],
))


# ---- q4 --------------------------------------------------------------------------------


def _israel_labels(corpus):
    m = _mentions(corpus)
    return set(m.loc[(m["entity_id"] == "israel") & (m["kind"] == "label"), "citation"])


def _israel_near(corpus):
    m = _mentions(corpus)
    out = {}
    for r in m[(m["entity_id"] == "israel") & (m["kind"] != "label")].itertuples():
        what = {"metonym": "a metonym (a city for a government)", "demonym": "a demonym (the people or adjective)",
                "name": "the state's plain name"}.get(r.kind, f"a {r.kind}")
        out.setdefault(r.citation, f"'{r.surface}' is {what}, not a label. A label describes the state by what the "
                                   "writer thinks of it. Keep looking in the same article.")
    return out


q4 = EX.add(CitationQuestion(
    """Israel is named in several ways in the corpus. Find the sentence where it is named with a **label** — a
phrase that describes the state by what the writer thinks of it, rather than by its name.""",
    title="Israel named with a label",
    accept=_israel_labels, near=_israel_near,
    wrong="Israel is not named with a label in this sentence. Filter the mentions table on Israel.",
    hints=[
        "Filter the mentions on `entity_id == \"israel\"` and look at the `kind` column.",
        "The kinds are name, metonym, demonym, label…: you want the one row of kind 'label'.",
        "It is in the Alwaght article, in the paragraph about the 12-day war and reports from 'media and intelligence sources'.",
    ],
    solution=(
        f"\"{ALWAGHT} ¶12.1\" — 'the Israeli regime'. The same article also says 'Tel Aviv' (a metonym, ¶11.3), "
        "while the Financial Tribune writes 'Israel' (¶8.1). `araz.claims.names(corpus)` lists these variants "
        "and who uses which."),
    cites=[f"{ALWAGHT} ¶12.1", f"{ALWAGHT} ¶11.3", f"{FTRIBUNE} ¶8.1"],
))


# ---- q5: extend the gazetteer --------------------------------------------------------------

_UNSEEN = [
    ("An explosion hit the port of Bandar Abbas on Saturday.", "Bandar Abbas", "the name in a new sentence"),
    ("Officials in Bandar-e Abbas gave no figures.", "Bandar-e Abbas", "the Persian transliteration"),
    ("BANDAR ABBAS port reopened.", "BANDAR ABBAS", "the name in capitals"),
    ("Bandar Abbas’s dockworkers waited.", "Bandar Abbas", "a possessive"),
]


def _gazetteer_files(answer) -> list[Path]:
    if isinstance(answer, (str, Path)):
        p = Path(answer).expanduser()
        if p.is_dir():
            files = [f for f in (p / "actors.csv", p / "actor_aliases.csv") if f.exists()]
            if not files:
                raise Wrong(f"There is no actors.csv or actor_aliases.csv in {p}. Write both files into that folder.")
            return files
        if p.is_file():
            return [p]
        raise Wrong(f"{p} does not exist. Pass the folder you wrote the two CSV files into.")
    if isinstance(answer, (list, tuple)) and all(isinstance(x, (str, Path)) for x in answer):
        return [Path(x).expanduser() for x in answer]
    from ._core import _describe

    raise Wrong(f"Pass the folder that holds your actors.csv and actor_aliases.csv (a path); you gave {_describe(answer)}.")


def _grade_gazetteer(answer):
    from araz import errors, gazetteer

    files = _gazetteer_files(answer)
    for f in files:
        if "____" in f.read_text(encoding="utf-8", errors="replace"):
            return Outcome(BLANK, f"Not answered yet: your {f.name} still contains ____. Fill in the rows, write the files "
                                  "again, then run the check.")
    names = {f.name for f in files}
    if "actor_aliases.csv" not in names:
        raise Wrong("An entity needs aliases to be found: write actor_aliases.csv too.")
    try:
        gaz = gazetteer.load_gazetteer(extra=files)
    except errors.TableError as exc:
        raise Wrong("The kit cannot load your files — it says:\n" + str(exc) +
                    "\nFix the row it names (compare your columns with data/gazetteer/actors.csv).") from None
    ent = gaz.entities[gaz.entities["file"].isin([str(f) for f in files])]
    if ent.empty:
        raise Wrong("Your files add no entity: actors.csv needs one row for Bandar Abbas.")
    for text, surface, about in _UNSEEN:
        found = gazetteer.find(text, gaz)
        hit = found[(found["surface"] == surface) & (found["category"] == "actor")]
        if hit.empty:
            raise Wrong(f"On a sentence you have not seen ({about}) your gazetteer finds nothing for '{surface}'. "
                        "Which alias row is missing — or is it marked case-sensitive?")
        row = gaz.entity(hit.iloc[0]["entity_id"])
        if row["country"] != "IRN":
            raise Wrong(f"'{surface}' is found as {row['entity_id']!r}, whose country is {row['country']!r}. "
                        "Bandar Abbas is in Iran: country \"IRN\" (ISO 3166 alpha-3).")
        if row["type"] != "other":
            raise Wrong(f"Bandar Abbas is a city, not a {row['type']}: give it type \"other\", as the gazetteer does "
                        "for places (see the row for Astara).")
    check = gazetteer.find("Tehran and Baku met.", gaz)
    if sorted(check["entity_id"]) != ["azerbaijan", "iran"]:
        raise Wrong("Your files change how existing names are matched ('Tehran', 'Baku'): add rows, do not redefine them.")
    c = shipped_corpus()
    span = c.locate(f"{ANON} ¶4.2")
    found = gazetteer.find(span.text, gaz)
    if not (found["surface"] == "Bandar Abbas").any():  # pragma: no cover - covered by the unseen cases
        raise Wrong("Bandar Abbas is still not found in the corpus sentence that names it.")
    return (f"Your gazetteer finds Bandar Abbas in all {len(_UNSEEN)} unseen sentences — in capitals, as a "
            f"possessive, in its Persian transliteration — and in the corpus: {ANON} ¶4.2.")


q5 = EX.add(CustomQuestion(
    """**Extend the gazetteer.** `araz.actors.candidates(corpus)` lists names no gazetteer knows, among them
*Bandar Abbas*, the Iranian port city named in the April 2025 article. Write two CSV files into a folder of
your own (not into the kit's `data/`):

- `actors.csv` — one row: `entity_id` `bandar-abbas`, `label` `Bandar Abbas`, `type` `other`, `country` `IRN`,
  a `role` (what it is), a `source` (where the fact comes from);
- `actor_aliases.csv` — the name `Bandar Abbas` (kind `name`) and the Persian transliteration
  `Bandar-e Abbas` (kind `transliteration`), not case-sensitive, not ambiguous.

Then `q5.check(folder)`: your files are loaded with `araz.gazetteer.load_gazetteer(extra=...)` and run on
sentences you have not seen.""",
    title="Teach the gazetteer a new place",
    grader=_grade_gazetteer,
    hints=[
        "Copy the header line of data/gazetteer/actors.csv and of actor_aliases.csv; look at the rows for 'astara' as a model.",
        "actor_aliases.csv needs one row per alias: entity_id, alias, kind, lang, case_sensitive, ambiguous, note — "
        "`false` for both flags so that 'BANDAR ABBAS' is found too.",
        "actors.csv: `bandar-abbas,Bandar Abbas,other,IRN,port city on the Strait of Hormuz,,<your source>,` and two alias "
        "rows `bandar-abbas,Bandar Abbas,name,en,false,false,` and `bandar-abbas,Bandar-e Abbas,transliteration,en,false,false,`.",
    ],
    solution=(
        "folder = Path(tempfile.mkdtemp())\n"
        "(folder / \"actors.csv\").write_text(\n"
        "    \"entity_id,label,type,country,role,role_years,source,note\\n\"\n"
        "    \"bandar-abbas,Bandar Abbas,other,IRN,port city on the Strait of Hormuz (Hormozgan province),,\"\n"
        "    \"\\\"Encyclopædia Iranica, 'BANDAR-E ʿABBAS(I)', online edition 2014; corpus: anon-2025-pezeshkian-visit ¶4.2\\\",\\n\")\n"
        "(folder / \"actor_aliases.csv\").write_text(\n"
        "    \"entity_id,alias,kind,lang,case_sensitive,ambiguous,note\\n\"\n"
        "    \"bandar-abbas,Bandar Abbas,name,en,false,false,\\n\"\n"
        "    \"bandar-abbas,Bandar-e Abbas,transliteration,en,false,false,Persian ezafe form\\n\")\n"
        "q5.check(folder)\n\n"
        "A lecturer who adds documents does the same: candidates() shows what the gazetteer does not know yet, and "
        "a corpus folder can carry its own gazetteer/ tables."),
    cites=[f"{ANON} ¶4.2"],
))


# ---- q6 --------------------------------------------------------------------------------


def _az_israel(corpus):
    from araz import actors

    e = actors.cooccurrence(corpus)
    row = e[((e["source"] == "azerbaijan") & (e["target"] == "israel")) | ((e["source"] == "israel") & (e["target"] == "azerbaijan"))]
    return int(row["weight"].iloc[0]) if len(row) else 0


def _israel_sentences(corpus):
    m = _mentions(corpus)
    return int(m.loc[m["entity_id"] == "israel", "citation"].nunique())


def _az_israel_where(corpus):
    from araz import actors

    e = actors.cooccurrence(corpus)
    row = e[(e["source"] == "azerbaijan") & (e["target"] == "israel")]
    cits = list(row["citations"].iloc[0]) if len(row) else []
    docs = {}
    for c in cits:
        d = c.split(" ¶")[0]
        docs[d] = docs.get(d, 0) + 1
    return ("They are in " + ", ".join(f"{d} ({n})" for d, n in docs.items()) + ": "
            + ", ".join(cits) + ". Two of them:")


q6 = EX.add(ValueQuestion(
    """In how many sentences of the corpus are **Azerbaijan and Israel** both mentioned (in any form)? Use
`araz.actors.cooccurrence(corpus)` — or count it yourself from the mentions.""",
    title="Azerbaijan and Israel in the same sentence",
    expected=_az_israel, compare="number", what="number of sentences",
    diagnose=[
        (lambda a, e: a == _israel_sentences(shipped_corpus()),
         "That is the number of sentences that mention Israel at all. Keep only those that mention Azerbaijan too."),
    ],
    hints=[
        "The co-occurrence table has one row per pair of actors named in the same sentence, with a `weight`.",
        "Each pair appears once, with the two ids in alphabetical order in `source` and `target`.",
        "e = araz.actors.cooccurrence(corpus); e[(e.source == \"azerbaijan\") & (e.target == \"israel\")].weight",
    ],
    solution=lambda: (
        f"{_az_israel(shipped_corpus())}\n\n"
        "e = araz.actors.cooccurrence(corpus)\n"
        "e[(e.source == \"azerbaijan\") & (e.target == \"israel\")].weight.iloc[0]\n\n"
        + _az_israel_where(shipped_corpus())),
    cites=[f"{ALWAGHT} ¶12.1", f"{FTRIBUNE} ¶8.1"],
))


# ---- q7 --------------------------------------------------------------------------------

q7 = EX.add(OpenQuestion(
    """"Tehran has concluded that…", "Official Baku continues to prioritize…". In 80–150 words: what does
writing a capital city as the subject of a sentence do to what the reader learns — and how would you
report such a sentence in a briefing? Cite at least two sentences.""",
    title="What a metonym does",
    min_words=60,
    model_answer=f"""
A metonym turns a government into a single actor with one will: "Tehran has concluded that a significant
portion of these hostile activities originated along its northern border" ({ALWAGHT} ¶9.3) names no
minister, body or evidence, so the reader cannot tell who concluded it or how. "Official Baku continues to
prioritize strong partnerships" ({ANON} ¶2.3) lends a policy statement the authority of the state while the
text itself is unsigned. Metonyms also make sources look like speakers: the Alwaght sentence reads as an
Iranian official position, but it is the outlet's own voice. In a briefing I would attribute it — "Alwaght
writes that Tehran has concluded…" — keep the citation, and not restate it as an official finding unless an
official source says so.
""",
    rubric=[
        ("Explains that a metonym presents a state as one actor and hides who acts or speaks", 3),
        ("Notices that the voice is the outlet's, not an official's (or that no source is named)", 2),
        ("Says how to report it: attribute to the outlet, keep the citation, do not restate as fact", 3),
        ("Cites at least two sentences correctly", 2),
    ],
    hints=[
        "Read alwaght ¶9.3 aloud and ask: who, exactly, concluded this? How do we know?",
        "Compare a metonym with a named official: what does the reader lose, and whose voice is it really?",
        "Think about a briefing note: 'Alwaght writes that…' vs 'Tehran concluded that…'.",
    ],
))

__all__ = ["EX", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
