"""Exercise 3 — corridors: which source talks about which route, in which words, and the map.

Notebook: ``exercises/ex03_corridors.ipynb`` (after ``notebooks/03_corridors.ipynb``).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ._core import (
    BLANK, Case, CitationQuestion, CustomQuestion, Exercise, FunctionQuestion, OpenQuestion, Outcome, ValueQuestion, Wrong,
    _describe, norm_text,
)
from ._core import corpus as shipped_corpus
from ._core import ALWAGHT, ANON, MEHR  # noqa: F401

EX = Exercise("ex03", "Corridors: routes, names and the map", "ex03_corridors.ipynb")



def _table():
    from araz import corridors

    return corridors.load_corridors()


def _to_id(x):
    """Map a corridor id, label or alias (any case) to its entity_id; unknown text is kept."""
    from araz import corridors

    t = norm_text(x)
    table = _table()
    for r in table.itertuples():
        if t in (norm_text(r.entity_id), norm_text(r.label)):
            return r.entity_id
    al = corridors.aliases()
    hit = al[al["alias"].map(norm_text) == t]
    return hit["entity_id"].iloc[0] if len(hit) else t


# ---- q1 --------------------------------------------------------------------------------


def _alwaght_routes(corpus):
    from araz import corridors

    b = corridors.by_source(corpus)
    return sorted(b.loc[b["doc_id"] == ALWAGHT, "entity_id"])


def _missing_unnamed(a, e):
    got = {_to_id(x) for x in a}
    return "tripp" in e and "tripp" not in got and set(e) - {"tripp"} <= got


q1 = EX.add(ValueQuestion(
    """Which routes does the Alwaght article talk about? Answer with a list of the routes' `entity_id`s (their
labels work too). Use `araz.corridors.by_source(corpus)`.""",
    title="The routes in the Alwaght article",
    expected=_alwaght_routes, compare="set", normalize=_to_id, what="routes",
    diagnose=[
        (_missing_unnamed,
         "One route is there without its name. Read ¶15.2: 'the envisioned transit route between Azerbaijan and "
         "Armenia' is counted by the gazetteer as the US-brokered route (TRIPP), although Alwaght never names it."),
    ],
    hints=[
        "`by_source` has one row per (document, route) pair.",
        "Keep the rows whose `doc_id` is the Alwaght article and list their `entity_id`.",
        "b = araz.corridors.by_source(corpus); list(b[b.doc_id == \"alwaght-2025-araghchi-baku\"].entity_id) — "
        "and read the `surfaces` column to see the words used.",
    ],
    solution=lambda: (
        f"{_alwaght_routes(shipped_corpus())}\n\n"
        "b = araz.corridors.by_source(corpus)\n"
        "list(b[b.doc_id == \"alwaght-2025-araghchi-baku\"].entity_id)\n\n"
        "Note the route across southern Armenia: Alwaght names the 'Zangezur Corridor' in quotation marks (¶16.2) "
        "and describes the US-brokered route without its name (¶15.2)."),
    cites=[f"{ALWAGHT} ¶15.2", f"{ALWAGHT} ¶16.2", f"{ALWAGHT} ¶17.1", f"{ALWAGHT} ¶18.1"],
))


# ---- q2 --------------------------------------------------------------------------------


def _route_traced(corpus):
    from araz import corridors

    places = set(corridors.waypoints().query("entity_id == 'aras-corridor'")["place"])
    out = set()
    for r in corpus.sentences.itertuples():
        if sum(p in r.text for p in places) >= 2:
            out.add(r.citation)
    return out


q2 = EX.add(CitationQuestion(
    """Find the sentence that traces the **Aras corridor on the ground** — where it starts, what it crosses and
where it ends.""",
    title="Where the Aras corridor runs",
    accept=_route_traced,
    near={
        f"{ALWAGHT} ¶17.1": "This sentence names the corridor and the agreement, but not where it runs. The next one does.",
        f"{ANON} ¶10.2": "This names the 'Araz Corridor' and what it is for, not its route. Look in the other article that names it.",
    },
    wrong="This sentence does not say where the route runs. Look for place names: a village, a district, a region.",
    hints=[
        "Two articles name this corridor, each differently ('Araz', 'Aras River Transit'). Which one describes it in detail?",
        "The gazetteer's waypoints for the route are `araz.corridors.waypoints().query(\"entity_id == 'aras-corridor'\")`: look for a sentence with those places.",
        "It is in the Alwaght article, in the paragraph that begins 'Last year, Tehran and Baku had already reached an agreement…' "
        "(a dating the claims ledger marks as disputed: the memorandum on the route was signed in March 2022).",
    ],
    solution=(
        f"\"{ALWAGHT} ¶17.2\": from Aghband in Zangilan district, through Iran's East Azerbaijan province, to the "
        "Ordubad region in Nakhchivan — a route that stays out of Armenia. Aghband and Ordubad are waypoints in the "
        "gazetteer (data/gazetteer/waypoints.csv, with their sources). The end point is Alwaght's: the claims ledger "
        "marks it disputed (cl-031), since Trend has the road end at Julfa."),
    cites=[f"{ALWAGHT} ¶17.2", f"{ALWAGHT} ¶17.1"],
))


# ---- q3: the map -------------------------------------------------------------------------

MAP_ROUTES = ["zangezur-corridor", "tripp", "aras-corridor"]


def _grade_map(ax):
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        if hasattr(ax, "axes") and isinstance(getattr(ax, "axes", None), list):
            raise Wrong("You passed a Figure; pass its Axes: `fig, ax = plt.subplots()` and then `q3.check(ax)`.")
        raise Wrong(f"Pass the matplotlib Axes you drew on (the `ax` of `fig, ax = plt.subplots()`); you gave {_describe(ax)}.")
    drawn = {str(line.get_gid())[len("corridor:"):] for line in ax.get_lines()
             if str(line.get_gid() or "").startswith("corridor:")}
    if not drawn:
        return Outcome(BLANK, "Not answered yet: no route is drawn on this Axes. Call "
                              "`araz.plots.corridor_map(ax, [...], extent=...)` on it, then run the check again.")
    missing = [r for r in MAP_ROUTES if r not in drawn]
    extra = sorted(drawn - set(MAP_ROUTES))
    if extra:
        raise Wrong(f"Your map draws {len(extra)} route{'s' if len(extra) != 1 else ''} too many ({', '.join(extra)}). "
                    "Pass only the three competing routes, as a list of entity ids.")
    if missing:
        raise Wrong(f"{len(missing)} of the three routes {'is' if len(missing) == 1 else 'are'} missing. The question "
                    "names them: the Zangezur corridor, TRIPP and the Aras corridor.")
    x0, x1 = sorted(ax.get_xlim())
    if x1 - x0 > 6:
        raise Wrong("The three routes are drawn — now zoom in on the Aras valley and Nakhchivan with extent=\"aras\", "
                    "so that the routes can be told apart.")
    return ("Your map shows the three competing routes in the Aras valley: two across southern Armenia (Zangezur, "
            "TRIPP) and one through Iran (Aras).")


q3 = EX.add(CustomQuestion(
    """**The map.** Draw the three routes that compete to link mainland Azerbaijan with Nakhchivan — the Zangezur
corridor, TRIPP and the Aras corridor — and only those, zoomed in on the Aras valley (`extent="aras"`), with
`araz.plots.corridor_map`. Pass the Axes to the check.""",
    title="Map the competing routes",
    kind="coding task", grader=_grade_map,
    hints=[
        "`fig, ax = plt.subplots(figsize=(8, 6))` makes an Axes; `araz.plots.corridor_map(ax, ...)` draws on it.",
        "The second argument of corridor_map is a list of route ids; `extent` zooms the map. `help(araz.plots.corridor_map)` lists both.",
        "araz.plots.corridor_map(ax, [\"zangezur-corridor\", \"tripp\", \"aras-corridor\"], extent=\"aras\"); then q3.check(ax).",
    ],
    solution=(
        "import matplotlib.pyplot as plt\n\n"
        "fig, ax = plt.subplots(figsize=(8, 6))\n"
        "araz.plots.corridor_map(ax, [\"zangezur-corridor\", \"tripp\", \"aras-corridor\"], extent=\"aras\")\n"
        "q3.check(ax)\n\n"
        "The lines are schematic: straight segments between real places (waypoints.csv, each with its source)."),
    cites=[f"{ALWAGHT} ¶16.2", f"{ALWAGHT} ¶17.2"],
))


# ---- q4 --------------------------------------------------------------------------------


def _instead_of_armenia(corpus):
    t = _table().set_index("entity_id")["states"]
    aras = set(t["aras-corridor"].split("|"))
    zangezur = set(t["zangezur-corridor"].split("|"))
    (code,) = aras - zangezur
    return code


def _country_names(corpus):
    from araz import gazetteer

    ent = gazetteer.load_gazetteer().entities
    states = ent[ent["type"] == "state"]
    return {r.label: r.country for r in states.itertuples() if r.country}


q4 = EX.add(ValueQuestion(
    """By the gazetteer (the `states` column of `araz.corridors.load_corridors()`), the Zangezur corridor crosses
Azerbaijan and Armenia. Which state does the **Aras corridor** cross instead of Armenia? Answer with its
three-letter code or its name.""",
    title="The state the Aras corridor crosses instead",
    expected=_instead_of_armenia, compare="text", synonyms=_country_names, what="state",
    diagnose=[
        (lambda a, e: norm_text(a) in ("aze", "azerbaijan"),
         "Both routes cross Azerbaijan — they link its mainland with Nakhchivan. Which *other* state does the Aras "
         "corridor cross?"),
        (lambda a, e: norm_text(a) in ("arm", "armenia"),
         "Armenia is what the Zangezur corridor crosses; the question asks which state the Aras corridor crosses "
         "*instead*."),
    ],
    hints=[
        "Look at the row of 'aras-corridor' in load_corridors(): its `states` are separated by '|'.",
        "Compare the two rows: which code is in the Aras corridor's `states` but not in the Zangezur corridor's?",
        "t = araz.corridors.load_corridors().set_index(\"entity_id\").states; set(t[\"aras-corridor\"].split(\"|\")) - set(t[\"zangezur-corridor\"].split(\"|\"))",
    ],
    solution=lambda: (
        f"\"{_instead_of_armenia(None)}\" (Iran). The Aras corridor runs south of the river, through Iran's East "
        "Azerbaijan province, so it bypasses Armenia. Alwaght reports an agreement in principle on it (¶17.1) and "
        "traces its route (¶17.2); the claims ledger marks its dating ('last year') as disputed — the memorandum was "
        "signed on 11 March 2022."),
    cites=[f"{ALWAGHT} ¶17.1", f"{ALWAGHT} ¶17.2"],
))


# ---- q5 --------------------------------------------------------------------------------


def _border_condition(corpus):
    from araz import claims

    led = claims.ledger(corpus)
    rows = led[led["topic"].str.startswith("corridors/")]
    return {c for c in rows["citation"] if "border" in corpus.cite(c)}


q5 = EX.add(CitationQuestion(
    """Alwaght reports a condition Iran sets for any transit route between Azerbaijan and Armenia. Find a sentence
that states it.""",
    title="Iran's condition for a transit route",
    accept=_border_condition, docs=[ALWAGHT],
    near={
        f"{ALWAGHT} ¶16.2": "This says the 'Zangezur Corridor' is a matter of 'supreme national security sensitivity' — "
                            "but not what Iran asks for. The condition is in a neighbouring sentence.",
        f"{ALWAGHT} ¶15.3": "Close: this explains *why* Iran is sensitive (territorial integrity). Find the sentence "
                            "that says what must or must not happen.",
    },
    wrong="This sentence does not state a condition about routes. Look in the paragraphs under the heading "
          "'Common interests in joint corridor'.",
    hints=[
        "Conditions sound like 'must', 'must not', 'would not be violated'.",
        "The claims ledger has topics starting with 'corridors/': `ledger[ledger.topic.str.startswith(\"corridors/\")]`.",
        "It is about borders: paragraphs 15 and 16 of the Alwaght article.",
    ],
    solution=(
        f"\"{ALWAGHT} ¶16.3\" — 'any transit project must not lead to the manipulation of internationally "
        f"recognized borders'; ¶15.4 says the same of the US plan (Armenia's sovereignty not violated, Iran's "
        "border intact). Both are in the claims ledger under corridors/zangezur, stance borders-must-stay-intact."),
    cites=[f"{ALWAGHT} ¶16.3", f"{ALWAGHT} ¶15.4"],
))


# ---- q6: coding --------------------------------------------------------------------------


def _naming_reference(corpus, entity_id):
    from araz import corridors

    m = corridors.mentions(corpus)
    m = m[m["entity_id"] == entity_id]
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    out: dict[str, list[str]] = {}
    for r in m.itertuples():
        out.setdefault(outlets[r.doc_id], [])
        if r.surface not in out[outlets[r.doc_id]]:
            out[outlets[r.doc_id]].append(r.surface)
    return {k: sorted(v) for k, v in out.items()}


def _cases():
    import araz

    shipped = araz.load_corpus()
    tmp = Path(tempfile.mkdtemp(prefix="araz-ex03-"))
    try:
        (tmp / "a.md").write_text("---\ntitle: A\noutlet: Example Daily\npublished: 2024-05-01\n---\n"
                                  "The Zangezur corridor was discussed. Critics said the Zangezur corridor was a "
                                  "threat.\nThe Middle Corridor grew.\n", encoding="utf-8")
        (tmp / "b.md").write_text("---\ntitle: B\noutlet: Example Weekly\npublished: 2024-06-01\n---\n"
                                  "Officials spoke of the Zangazur corridor and of the Middle Corridor.\n", encoding="utf-8")
        (tmp / "c.md").write_text("---\ntitle: C\noutlet: Example Daily\npublished: 2024-07-01\n---\n"
                                  "Nothing about routes here.\n", encoding="utf-8")
        small = araz.load_corpus(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        Case((shipped, "aras-corridor"), _naming_reference(shipped, "aras-corridor"), "the shipped corpus, the Aras corridor"),
        Case((shipped, "khudafarin-bridges"), _naming_reference(shipped, "khudafarin-bridges"),
             "the shipped corpus, the Khudafarin bridges (two words in one outlet)"),
        Case((shipped, "btk-railway"), {}, "a route no document mentions (the answer is an empty dict)"),
        Case((small, "zangezur-corridor"), _naming_reference(small, "zangezur-corridor"),
             "a new corpus: one outlet uses the same words twice, another a different spelling"),
        Case((small, "middle-corridor"), _naming_reference(small, "middle-corridor"), "a new corpus, the Middle Corridor"),
    ]


def _same_naming(result, expected):
    if not isinstance(result, dict):
        return False
    return {str(k): sorted(map(str, v)) for k, v in result.items()} == expected


q6 = EX.add(FunctionQuestion(
    """Write `naming(corpus, entity_id)`: for one route, a dict mapping each **outlet** that mentions it to the
sorted list of the distinct words it uses for it (the `surface` of its mentions). For the Aras corridor on the
shipped corpus: `{"Alwaght": ["Aras River Transit Corridor"], "unknown": ["Araz Corridor"]}`. It will be run on
routes and corpora you have not seen.""",
    title="Who calls a route what",
    cases=_cases, signature="naming(corpus, entity_id)", compare=_same_naming,
    hints=[
        "`araz.corridors.mentions(corpus)` has one row per mention with `doc_id`, `entity_id` and `surface`; "
        "`corpus.documents` maps each `doc_id` to its `outlet`.",
        "Filter the mentions on the route, add the outlet of each row, then group by outlet and collect the distinct surfaces.",
        "m = m[m.entity_id == entity_id]; m = m.assign(outlet=m.doc_id.map(corpus.documents.set_index(\"doc_id\").outlet)); "
        "return {o: sorted(set(g.surface)) for o, g in m.groupby(\"outlet\")}",
    ],
    solution=(
        "def naming(corpus, entity_id):\n"
        "    m = araz.corridors.mentions(corpus)\n"
        "    m = m[m.entity_id == entity_id]\n"
        "    outlet = corpus.documents.set_index(\"doc_id\").outlet\n"
        "    m = m.assign(outlet=m.doc_id.map(outlet))\n"
        "    return {o: sorted(set(g.surface)) for o, g in m.groupby(\"outlet\")}\n\n"
        "naming(corpus, \"aras-corridor\") shows the same route named 'Araz Corridor' by the Azerbaijani-perspective "
        "text and 'Aras River Transit Corridor' by Alwaght:"),
    cites=[f"{ANON} ¶10.2", f"{ALWAGHT} ¶17.1"],
))


# ---- q7 --------------------------------------------------------------------------------

q7 = EX.add(OpenQuestion(
    """Why is naming a route political? Using the Zangezur corridor / TRIPP / Aras corridor, explain in 100–180
words how the words a source uses for a route position it, with at least three citations.""",
    title="Why naming a route is political",
    min_words=80,
    model_answer=f"""
The same stretch of southern Armenia can be called the "Zangezur Corridor", a name tied to Azerbaijani claims and
rejected in Armenia, or described as a US-backed transit route (TRIPP). Alwaght uses the first name in quotation
marks and presents it as "a matter of supreme national security sensitivity" ({ALWAGHT} ¶16.2), insisting that
"any transit project must not lead to the manipulation of internationally recognized borders" ({ALWAGHT} ¶16.3).
When it turns to the US plan it avoids the name: "the envisioned transit route between Azerbaijan and Armenia"
({ALWAGHT} ¶15.2). For the route through Iran it uses a neutral, geographic name — the "Aras River Transit
Corridor" ({ALWAGHT} ¶17.1) — while the Azerbaijani-perspective text calls it the "Araz Corridor"
({ANON} ¶10.2), the Azerbaijani form of the river's name. So the choice of a name signals whose route it is,
whose sovereignty it touches, and which alternative the writer prefers; an analyst should quote the names with
their sources rather than pick one as neutral.
""",
    rubric=[
        ("Identifies at least two names for the same route and who uses them", 3),
        ("Explains what each name implies (sovereignty, ownership, alternative routes)", 3),
        ("Notes the avoidance of a name or the quotation marks as a signal", 2),
        ("At least three correct citations; no invented facts", 2),
    ],
    hints=[
        "Start from `araz.claims.names(corpus)`: the concept 'the route across southern Armenia' has several variants.",
        "Compare alwaght ¶15.2, ¶16.2 and ¶17.1: named, in quotation marks, or described without a name?",
        "Ask of each name: whose word is it, and what does it assume about who controls the road?",
    ],
))

__all__ = ["EX", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
