"""Charts: one function per chart; every chart takes a matplotlib ``ax`` first and returns it.

===========================  ===============================================
``timeline(ax, ...)``        events and publication dates (ranges as bars)
``tone_over_time(ax, ...)``  tone by publication date and outlet, n per point
``tone_by_paragraph(ax,..)`` how tone moves through one article
``tone_record(ax, ...)``     the tone record per half-year, intervals by article, shifts
``corridor_map(ax, ...)``    offline map of the corridors and their waypoints
``network(ax, ...)``         actor co-occurrence network
===========================  ===============================================
"""
from __future__ import annotations

import importlib

_WHERE = {
    "timeline": "_timeline",
    "tone_over_time": "_tone",
    "tone_by_paragraph": "_tone",
    "tone_record": "_record",
    "corridor_map": "_map",
    "network": "_actors",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        module = importlib.import_module(f".{_WHERE[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'araz.plots' has no attribute '{name}'")


def __dir__():
    return __all__
