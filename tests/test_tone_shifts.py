"""Tone over time with article-bootstrap intervals, and shifts that must hold (araz.tone.shifts).

Series are constructed: invented articles ``a-<year>-<half>-<k>`` with labels drawn at
known rates, so whether a real shift exists is known.
"""
import numpy as np
import pandas as pd
import pytest

import araz
from araz.tone import shifts


def series(shift_at: int | None, seed: int, per_period: int = 5, sentences: int = 8) -> pd.DataFrame:
    """12 half-years 2020–2025; from period ``shift_at`` on, cooperation gives way to conflict."""
    rng = np.random.default_rng(seed)
    rows = []
    for t in range(12):
        year, half = 2020 + t // 2, t % 2
        after = shift_at is not None and t >= shift_at
        p = [0.15, 0.7, 0.15] if after else [0.7, 0.15, 0.15]
        for k in range(per_period):
            aid = f"a-{year}-{half + 1}-{k}"
            for _ in range(sentences):
                rows.append({"article_id": aid, "published": f"{year}-{1 + 6 * half:02d}-15",
                             "tone": rng.choice(["coop", "conf", "neutral"], p=p),
                             "voice": rng.choice(["author", "quoted"]), "side": "Example side"})
    return pd.DataFrame(rows)


def test_a_real_shift_is_found_where_it_is():
    for seed in range(3):
        found = shifts.shifts(series(6, seed))
        assert "2023-H1" in list(found["at"]), seed
        row = found.set_index("at").loc["2023-H1"]
        assert row["difference"] < -0.5 and row["ci_high"] < 0
        assert len(row["drivers"]) > 0 and all(d.startswith("a-") for d in row["drivers"])


def test_no_shift_is_reported_in_a_series_without_one():
    alarms = sum(len(shifts.shifts(series(None, seed))) for seed in range(20))
    assert alarms <= 1  # at alpha 0.05 with the search accounted for, false alarms are rare


def test_candidates_that_do_not_hold_are_shown_only_when_asked():
    s = series(None, 3)
    assert len(shifts.shifts(s, only_holding=False)) >= 1
    allc = shifts.shifts(s, only_holding=False)
    assert (allc["holds"] == ((allc["ci_low"] > 0) | (allc["ci_high"] < 0)) & (allc["p_value"] < 0.05 / len(allc))).all()


def test_drivers_are_the_articles_that_make_the_difference():
    s = series(None, 0)
    # one invented article in 2024 turns wholly conflictual and long: it should drive any change found
    extra = pd.DataFrame([{"article_id": "loud-2024", "published": "2024-03-01", "tone": "conf", "voice": "author",
                           "side": "Example side"}] * 60)
    out = shifts.shifts(pd.concat([s, extra]), only_holding=False, max_shifts=1)
    assert "loud-2024" in out["drivers"].iloc[0]


def test_period_tone_carries_n_and_intervals_resampled_by_article():
    s = series(6, 1)
    t = shifts.period_tone(s, voice="all")
    assert list(t.columns) == shifts.PERIOD_COLUMNS
    assert (t["n_articles"] == 5).all() and (t["n_sentences"] == 40).all()
    assert ((t["ci_low"] <= t["net_tone"]) & (t["net_tone"] <= t["ci_high"])).all()
    # one article per period: no interval can be drawn, and none is invented
    one = s[s["article_id"].str.endswith("-0")]
    t1 = shifts.period_tone(one, voice="all")
    assert t1["ci_low"].isna().all() and (t1["n_articles"] == 1).all()


def test_own_and_quoted_voice_are_kept_apart():
    t = shifts.period_tone(series(6, 2), voice="apart")
    assert set(t["voice"]) == {"author", "quoted"}
    assert t.groupby("period")["n_sentences"].sum().eq(40).all()


def test_intervals_are_wider_when_articles_disagree_among_themselves():
    # same sentence-level mix, but in A each article is uniform (all coop or all conf): articles, not
    # sentences, are the unit, so A's interval must be wider
    rows_a, rows_b = [], []
    for k in range(10):
        for i in range(10):
            rows_a.append({"article_id": f"u{k}", "published": "2022-03-01", "tone": "coop" if k % 2 else "conf"})
            rows_b.append({"article_id": f"m{k}", "published": "2022-03-01", "tone": "coop" if i % 2 else "conf"})
    wa = shifts.period_tone(pd.DataFrame(rows_a), voice="all").eval("ci_high - ci_low").item()
    wb = shifts.period_tone(pd.DataFrame(rows_b), voice="all").eval("ci_high - ci_low").item()
    assert wa > wb


def test_unknown_labels_and_voices_are_named():
    s = series(None, 0).assign(tone="hostile")
    with pytest.raises(araz.ScopeError, match="holds \\['hostile'\\]"):
        shifts.period_tone(s)
    with pytest.raises(araz.ScopeError, match="voice='loud' is unknown"):
        shifts.period_tone(series(None, 0), voice="loud")
