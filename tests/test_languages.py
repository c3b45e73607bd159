"""araz.languages: which analyses apply to which language; unmeasured documents stay visible."""
import pandas as pd
import pytest

import araz
from araz.errors import ScopeError
from araz.languages import analyses_for, blank_unmeasured, measurable, not_measured_note, primary
from conftest import make_corpus


def test_tone_is_english_only_and_other_analyses_apply_everywhere():
    assert "tone" in analyses_for("en") and "tone" in analyses_for("en-GB")
    for lang in ("fa", "az", "az-Cyrl", "ru", "tr", "hy"):
        assert "tone" not in analyses_for(lang) and {"search", "actors"} <= analyses_for(lang)
    assert primary("az-Cyrl") == "az" and primary("unknown") == primary("") == "en"


def test_measurable_and_blank_unmeasured(tmp_path):
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "t", "outlet": "Example Daily", "published": "2025-01-01", "language": "en"}, "Talks went well."),
        "b.md": ({"title": "t", "outlet": "Example Daily", "published": "2025-01-02", "language": "fa"}, "گفتگوها خوب پیش رفت."),
        "c.md": ({"title": "t", "outlet": "Example Daily", "published": "2025-01-03"}, "No language recorded.")})
    corpus = araz.load_corpus(folder)
    m = measurable(corpus, "tone")
    assert m.to_dict() == {"a": True, "b": False, "c": True}
    table = pd.DataFrame({"doc_id": ["a", "b", "c"], "score": [0.5, 0.0, -0.2]})
    out = blank_unmeasured(table, corpus, "tone", ["score"])
    assert out["score"].isna().tolist() == [False, True, False]  # never a neutral 0.0
    assert out["note"].tolist() == ["", "tone not measured (Persian)", ""]
    assert table["score"].tolist() == [0.5, 0.0, -0.2]  # the input is not changed
    assert not_measured_note("tone", "az-Cyrl") == "tone not measured (Azerbaijani)"
    with pytest.raises(ScopeError, match="'sentiment' is not an analysis; use one of: search"):
        measurable(corpus, "sentiment")
