"""``araz tone-record``: check, evaluate and chart the 2020–2025 tone record from the command line."""
from __future__ import annotations


def _run(args) -> int:
    import pandas as pd

    from . import crossval, record, shifts

    rec = record.load(args.folder)
    if args.action == "check":
        print(f"OK: {rec!r}")
        return 0
    if args.action == "agreement":
        print(record.agreement(rec).to_string(index=False, float_format=lambda x: f"{x:.2f}"))
        return 0
    if args.action == "validate":
        print(crossval.evaluate(rec, final=args.final, n_splits=args.folds))
        return 0
    if args.action == "shifts":
        with pd.option_context("display.width", 200, "display.max_colwidth", 200):
            out = shifts.record_shifts(rec, label=args.label, by=args.by, voice=args.voice)
            if out.empty:
                print("no shift holds under the intervals")
            for r in out.itertuples(index=False):
                print(f"{r.group} ({r.voice}): shift at {r.at}: {r.before:+.2f} → {r.after:+.2f} "
                      f"(difference {r.difference:+.2f}, {r.level:.1%} interval {r.ci_low:+.2f}…{r.ci_high:+.2f}, "
                      f"p={r.p_value:.3f}); driven by:")
                for d in r.drivers:
                    print(f"    {d}")
        return 0
    return 2


def register(sub) -> None:
    p = sub.add_parser("tone-record", help="check, evaluate (out of article) and find shifts in the tone record",
                       description="The 2020-2025 tone record in data/tone_record/: 'check' its integrity, "
                                   "'agreement' between the coders (Krippendorff's alpha), 'validate' the measure "
                                   "out of article (grouped CV; --final adds the held-back test articles), "
                                   "'shifts' that hold under article-bootstrap intervals.")
    p.add_argument("action", choices=["check", "agreement", "validate", "shifts"])
    p.add_argument("--folder", default=None, help="a tone record folder (default: data/tone_record)")
    p.add_argument("--final", action="store_true", help="also score the held-back test articles (look once, at the end)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--label", default="tone", choices=["tone", "rules", "model"])
    p.add_argument("--by", default=None, help="a column to split by, e.g. side or outlet")
    p.add_argument("--voice", default="all", choices=["all", "author", "quoted"])
    p.set_defaults(func=_run)
