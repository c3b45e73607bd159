"""araz.tone is a package of one-idea modules with the public face it had as one module."""
from pathlib import Path

import pytest

import araz
from araz import tone

PACKAGE = Path(tone.__file__).parent

#: every public name of the one-module araz.tone (before the split), still importable
PUBLIC = [
    "CLASSES", "TONE_CLASSES", "LABELS", "VOICES", "MAX_WEIGHT", "NEGATORS", "CONTRASTS", "RESOLVERS", "KEEPERS",
    "CONCESSIVES", "BREAKERS", "SCOPE", "MEANS", "CONCESSION", "MIXED_RATIO", "VADER_POS", "VADER_NEG", "VADER_MIXED",
    "REPORTING_VERBS", "TALK_VERBS", "REPORTING_PARTICIPLES", "normalise", "Lexicon", "load_lexicon", "MATCH_COLUMNS",
    "SENTENCE_COLUMNS", "TermMatch", "MatchList", "score_sentences", "matches", "score_text", "Explanation", "explain",
    "STAT_COLUMNS", "by_paragraph", "by_document", "by_outlet", "over_time", "MIN_PERIODS", "MIN_DOCS_PER_PERIOD",
    "trend_warning", "vader_label", "score_vader", "compare", "load_labels", "Validation", "validate",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_still_importable_from_araz_tone(name):
    assert getattr(tone, name) is not None
    exec(f"from araz.tone import {name}", {})


def test_no_module_is_over_700_lines():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert sizes and max(sizes.values()) <= 700, sizes


def test_every_module_says_what_it_holds():
    for p in PACKAGE.glob("*.py"):
        assert p.read_text(encoding="utf-8").lstrip().startswith('"""'), p.name


def test_a_setting_changed_through_the_package_reaches_the_scorer():
    text = "Tehran praised the talks but condemned the drills and the threats."
    before = tone.score_text(text).label
    old = tone.MIXED_RATIO
    try:
        tone.MIXED_RATIO = 5.0          # the weaker side can never reach 5x the stronger: no "mixed"
        assert tone.rules.MIXED_RATIO == 5.0
        assert tone.score_text(text).label != "mixed"
    finally:
        tone.MIXED_RATIO = old
    assert tone.score_text(text).label == before


def test_quad_class_and_intensity_follow_the_decisive_cue():
    assert (tone.score_text("Baku and Tehran agreed to end the war.").quad_class, tone.score_text(
        "Baku and Tehran agreed to end the war.").intensity) == ("material_cooperation", 5.0)
    ex = tone.score_text("Iran warned Azerbaijan and held military drills near the border.")
    assert ex.label == "conf" and ex.quad_class == "material_conflict" and ex.intensity < -5
    ex = tone.score_text("The report was published in three languages on Monday.")
    assert ex.quad_class == "none" and ex.intensity == 0


def test_sentence_table_has_quad_class_and_intensity():
    s = tone.score_sentences(araz.load_corpus())
    assert set(s["quad_class"]) <= set(tone.rules.QUAD_CLASSES)
    assert s["intensity"].between(-10, 10).all()
    # the decisive cue sits on the side of the label
    assert (s.loc[s["label"] == "coop", "intensity"] > 0).all()
    assert (s.loc[s["label"] == "conf", "intensity"] < 0).all()
    assert (s.loc[s["label"] == "neutral", "quad_class"] == "none").all()


def test_a_lexicon_intensity_against_its_class_is_refused():
    lex = tone.load_lexicon().copy()
    with pytest.raises(araz.ScopeError, match="does not fit class verbal_conflict"):
        lex.add("glare", "verbal_conflict", 1.0, intensity=3)
    lex.add("glare", "verbal_conflict", 1.0)
    assert lex.table.set_index("term").loc["glare", "intensity"] == tone.rules.CLASS_INTENSITY["verbal_conflict"]


@pytest.mark.parametrize("module", sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__main__",)))
def test_the_docstring_examples_run(module):
    import doctest
    import importlib

    name = "araz.tone" if module == "__init__" else f"araz.tone.{module}"
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
