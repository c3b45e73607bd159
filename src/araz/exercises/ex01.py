"""``from araz.exercises.ex01 import q1, q2`` — the questions of :mod:`araz.exercises.ex01_sources`."""
from .ex01_sources import *  # noqa: F401,F403
from .ex01_sources import EX, __all__  # noqa: F401
