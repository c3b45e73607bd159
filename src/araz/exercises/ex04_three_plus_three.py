"""Exercise 4 — the 3+3 format: who is in it and who proposed it, according to whom.

Notebook: ``exercises/ex04_three_plus_three.ipynb`` (after ``notebooks/04_three_plus_three.ipynb``).
"""
from __future__ import annotations

from ._core import Case, CitationQuestion, Exercise, FunctionQuestion, OpenQuestion, ValueQuestion, norm_text
from ._core import corpus as shipped_corpus
from ._core import FTRIBUNE, MEHR  # noqa: F401

EX = Exercise("ex04", "The 3+3 format: members and proposer, according to whom", "ex04_three_plus_three.ipynb")



def _t(corpus):
    from araz import formats

    return formats.three_plus_three(corpus)


def _proposers(corpus, proposer_id):
    p = _t(corpus).proposer
    p = p[(p["proposal_kind"] == "origin of the format") & (p["proposer_id"] == proposer_id)]
    return set(p["citation"])


# ---- q1, q2 --------------------------------------------------------------------------------

q1 = EX.add(CitationQuestion(
    """Who proposed the 3+3 format? The Mehr column gives two answers. Find the sentence that credits
**Azerbaijan's president**.""",
    title="The 3+3 proposal credited to Azerbaijan's president",
    accept=lambda c: _proposers(c, "azerbaijan"), docs=[MEHR],
    near={
        f"{MEHR} ¶1.7": "This sentence credits Iran ('Iran's proposal'), not Azerbaijan's president — keep it for the next question.",
        f"{MEHR} ¶1.19": "This sentence credits Iran ('its 3+3 format proposal'), not Azerbaijan's president — keep it for the next question.",
        f"{MEHR} ¶1.10": "Aliyev is named here, but for what he believes, not for proposing the format.",
    },
    wrong="This sentence does not say who proposed the format. Look for 'proposed by'.",
    hints=[
        "Look for the words 'proposed' or 'proposal' near '3+3' or '3 + 3' in the Mehr column.",
        "`araz.formats.three_plus_three(corpus).proposer` lists every attribution with its citation and the words used.",
        "It is the sentence with the format's name in its spaced spelling, inside quotation marks.",
    ],
    solution=(
        f"\"{MEHR} ¶1.6\" — 'The 3 + 3 format proposed by the President of Azerbaijan'. The words are inside "
        "quotation marks: the ambassador's, as the claims ledger records (voice 'quoted')."),
    cites=[f"{MEHR} ¶1.6"],
))

q2 = EX.add(CitationQuestion(
    """The same column also credits **Iran** with the proposal. Find a sentence that does (more than one is
right).""",
    title="The 3+3 proposal credited to Iran",
    accept=lambda c: _proposers(c, "iran"),
    near={
        f"{MEHR} ¶1.6": "That sentence credits the President of Azerbaijan. Find one where the proposal is Iran's.",
        f"{FTRIBUNE} ¶5.2": "Here Azerbaijan proposes to *host* the next meeting — a proposal about a meeting, not "
                            "about creating the format. And it is not Iran. Look in the Mehr column.",
        f"{MEHR} ¶1.8": "This shows Iran supporting the format (Zarif's trip), not proposing it.",
    },
    wrong="This sentence does not credit Iran with proposing the format. Look for 'Iran's proposal' or 'its … proposal'.",
    hints=[
        "A possessive can carry the attribution: 'X's proposal'.",
        "In the Mehr column, look right after the sentence of question 1, and again near the end.",
        "Paragraph 1 of the Mehr column, sentences 7 and 19 — read both and pick one.",
    ],
    solution=(
        f"\"{MEHR} ¶1.7\" ('how visionary Iran's proposal was at the time') or \"{MEHR} ¶1.19\" ('its 3+3 format "
        "proposal', where 'its' is Iran). Both are in the author's own voice, while ¶1.6 credits Azerbaijan's president "
        "in quoted words; ¶1.7 reconciles the two: 'great leaders think alike'. The claims "
        "ledger's note gives the public record: the platform is usually credited to Ilham Aliyev and Recep Tayyip "
        "Erdoğan (late 2020)."),
    cites=[f"{MEHR} ¶1.7", f"{MEHR} ¶1.19"],
))


# ---- q3, q4 --------------------------------------------------------------------------------


def _state_id(x):
    from araz import gazetteer

    t = norm_text(x)
    ent = gazetteer.load_gazetteer().entities
    states = ent[ent["type"] == "state"]
    if t in set(states["entity_id"]):
        return t
    hit = states[states["label"].map(norm_text) == t]
    if len(hit):
        return hit["entity_id"].iloc[0]
    found = gazetteer.find(str(x))
    found = found[found["entity_type"] == "state"]
    return found["entity_id"].iloc[0] if len(found) == 1 else t


def _first_troika(corpus):
    mem = _t(corpus).membership
    row = mem[(mem["doc_id"] == MEHR) & (mem["group"] == 1)].iloc[0]
    return list(row["member_ids"])


def _ftribune_local(corpus):
    mem = _t(corpus).membership
    row = mem[(mem["doc_id"] == FTRIBUNE) & (mem["group"] == 1)].iloc[0]
    return list(row["member_ids"])


q3 = EX.add(ValueQuestion(
    f"""According to the Mehr column ({MEHR} ¶1.9), which three states form the **first troika** of the
format? Answer with a list of state names.""",
    title="The first troika, according to the 2021 column",
    expected=_first_troika, compare="set", normalize=_state_id, what="states",
    diagnose=[
        (lambda a, e: {_state_id(x) for x in a} == set(_ftribune_local(shipped_corpus())),
         "That is how the Financial Tribune groups them in 2025 (the three South Caucasus states). Read what the "
         "2021 column says in ¶1.9."),
    ],
    hints=[
        "Read mehr-2021-korybko ¶1.9 with corpus.cite(...).",
        "The sentence names two groups joined by hyphens; the first is 'the first troika'.",
        "`araz.formats.three_plus_three(corpus).membership` has one row per group, with `members`.",
    ],
    solution=lambda: (
        f"{_first_troika(shipped_corpus())} — Azerbaijan, Russia and Armenia; the 'second one' is Iran, Turkey and "
        "Georgia. This is not the usual grouping (the three South Caucasus states and their three neighbours), which "
        "is the one the Financial Tribune gives."),
    cites=[f"{MEHR} ¶1.9", f"{FTRIBUNE} ¶6.1"],
))


def _together(corpus):
    g = _t(corpus).groupings
    return g.loc[g["south_caucasus_together"], "doc_id"].iloc[0]


def _outlet_synonyms(corpus):
    return {r.outlet: r.doc_id for r in corpus.documents.itertuples() if r.outlet != "unknown"}


q4 = EX.add(ValueQuestion(
    """Which document puts the three **South Caucasus** states (Armenia, Azerbaijan, Georgia) together in one
group? Answer with its `doc_id` (or its outlet).""",
    title="Which source groups the South Caucasus together",
    expected=_together, compare="text", synonyms=_outlet_synonyms, what="document",
    diagnose=[
        (lambda a, e: norm_text(_outlet_synonyms(shipped_corpus()).get(a, a)) == MEHR,
         "The Mehr column puts Azerbaijan with Russia and Armenia, and Georgia with Iran and Turkey: the South "
         "Caucasus is split. Look at the other membership statement."),
    ],
    hints=[
        "Only two documents say who is in the format.",
        "`three_plus_three(corpus).groupings` has a column `south_caucasus_together`.",
        "The 2025 report describes 'three local countries' and 'three neighboring powers'.",
    ],
    solution=lambda: (
        f"\"{_together(shipped_corpus())}\": 'three local countries (Armenia, Azerbaijan, Georgia) and three "
        "neighboring powers (Iran, Turkey, Russia)'. The two sources group the same six states differently — "
        "computed, not typed: `three_plus_three(corpus).sources_group_differently`."),
    cites=[f"{FTRIBUNE} ¶6.1", f"{MEHR} ¶1.9"],
))


# ---- q5 --------------------------------------------------------------------------------


def _format_mentions(corpus):
    return _t(corpus).mentions.groupby("doc_id").size().astype(int).to_dict()


def _explicit_only(corpus):
    m = _t(corpus).mentions
    return m[m["how"] == "explicit"].groupby("doc_id").size().astype(int).to_dict()


q5 = EX.add(ValueQuestion(
    """How many times is the format mentioned in each document, counting both explicit names ("3+3", "3 + 3")
and phrases that refer back to it ("this format", "the other five countries")? Answer with a dict or Series,
`doc_id` → count.""",
    title="Mentions of the format per document",
    expected=_format_mentions, compare="mapping", what="document",
    diagnose=[
        (lambda a, e: {k: v for k, v in a.items() if v} == _explicit_only(shipped_corpus()),
         "You counted the explicit names only. Phrases such as 'this format' refer back to it too: keep the "
         "anaphors (`how == \"anaphor\"`)."),
    ],
    hints=[
        "`three_plus_three(corpus).mentions` has one row per mention; `how` says explicit or anaphor.",
        "Group the rows by `doc_id` and count them — all of them.",
        "araz.formats.three_plus_three(corpus).mentions.groupby(\"doc_id\").size()",
    ],
    solution=lambda: (
        "araz.formats.three_plus_three(corpus).mentions.groupby(\"doc_id\").size()\n\n"
        + "\n".join(f"  {k}: {v}" for k, v in _format_mentions(shipped_corpus()).items())
        + "\n\nThe other two documents never mention the format. An anaphor such as 'this format' is counted only "
          "within two sentences after an explicit name (the `rule` column says so)."),
    cites=[f"{MEHR} ¶1.8", f"{FTRIBUNE} ¶6.1"],
))


# ---- q6 --------------------------------------------------------------------------------


def _ref_same(a, b):
    return {frozenset(g) for g in a} == {frozenset(g) for g in b} and len(a) == len(b)


def _cases():
    mehr = [["Azerbaijan", "Russia", "Armenia"], ["Iran", "Turkey", "Georgia"]]
    ft = [["Armenia", "Azerbaijan", "Georgia"], ["Iran", "Turkey", "Russia"]]
    cases = [
        Case((mehr, ft), False, "the groupings of the two sources"),
        Case((ft, [["Iran", "Russia", "Turkey"], ["Georgia", "Armenia", "Azerbaijan"]]), True,
             "the same groups, listed in another order"),
        Case((ft, ft), True, "a grouping compared with itself"),
        Case(([["A", "B"], ["C", "D"]], [["A", "C"], ["B", "D"]]), False, "two groups of two, members swapped"),
        Case(([["A", "B", "C"]], [["C", "B", "A"]]), True, "one group, shuffled"),
        Case(([["A", "B"], ["C"]], [["A"], ["B", "C"]]), False, "groups of different sizes"),
        Case(([["A", "B"], ["C", "D"]], [["D", "C"], ["B", "A"]]), True, "both groups and members reversed"),
    ]
    for c in cases:
        c.expected = _ref_same(*c.args)
    return cases


q6 = EX.add(FunctionQuestion(
    """Write `same_grouping(a, b)`: each argument is a grouping — a list of groups, each a list of state names —
and the function returns `True` when both put the same states together, whatever the order of the groups
and of the names inside them, else `False`. It will be run on groupings you have not seen.""",
    title="Do two groupings agree?",
    cases=_cases, signature="same_grouping(a, b)", compare=lambda r, e: type(r).__name__ in ("bool", "bool_") and bool(r) == e,
    hints=[
        "Order must not matter, at two levels: which group comes first, and which name comes first in a group.",
        "A `set` ignores order, but a set of lists is not allowed — lists cannot go in a set. A `frozenset` can.",
        "return {frozenset(g) for g in a} == {frozenset(g) for g in b}",
    ],
    solution=(
        "def same_grouping(a, b):\n"
        "    return {frozenset(g) for g in a} == {frozenset(g) for g in b}\n\n"
        "On the two sources, same_grouping(mehr, ftribune) is False: they put the same six states into different "
        "groups (the sentences below)."),
    cites=[f"{MEHR} ¶1.9", f"{FTRIBUNE} ¶6.1"],
))


# ---- q7 --------------------------------------------------------------------------------

q7 = EX.add(OpenQuestion(
    """What do the sources expect of the 3+3 format, and how do their expectations differ between 2021 and 2025?
Answer in 100–180 words with at least three citations. (`three_plus_three(corpus).purpose` lists what each
source says it is for.)""",
    title="What the format is for, according to whom",
    min_words=80,
    model_answer=f"""
In 2021 the Mehr column frames the format as part of ending the war and as a grand project: the quoted words
link it to "Iran's regional cooperation plan to end the Nagorno-Karabakh war once and for all" ({MEHR} ¶1.6), and
the author expects "supercontinental strategic consequences if the 3+3 format is successful" ({MEHR} ¶1.22), with
a greater role in China's Belt & Road Initiative ({MEHR} ¶1.11). The tone is promotional and Iran is cast as its
champion ({MEHR} ¶1.8). In December 2025 the Financial Tribune describes it soberly as an initiative "to discuss
peace, security, and economic cooperation" ({FTRIBUNE} ¶6.1) and reports Araghchi saying that strengthening it
"would contribute to stability across the South Caucasus" ({FTRIBUNE} ¶5.2) — a mechanism for meetings in Baku
and Yerevan rather than a transformation of Eurasia. Both are Iranian outlets, so the difference is one of genre
(opinion vs news report) and moment (after the 2020 war vs after the 2025 tensions), not of national perspective.
""",
    rubric=[
        ("States what each source expects, with a verbatim quote or close paraphrase", 3),
        ("Identifies the change in scale/register between 2021 and 2025", 2),
        ("Separates the author's voice from quoted speakers (the ambassador, Araghchi)", 2),
        ("Notes that both sources are Iranian outlets (genre and date, not perspective, differ)", 1),
        ("At least three correct citations; no invented facts", 2),
    ],
    hints=[
        "Start from `three_plus_three(corpus).purpose`: the `purpose` column, with `voice` and `asserted_by`.",
        "Compare the size of the expectations: 'supercontinental' vs 'stability across the South Caucasus'.",
        "Check the provenance of both documents: what kind of text is each, and when was it written?",
    ],
))

__all__ = ["EX", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
