"""``from araz.exercises.ex03 import q1, q2`` — the questions of :mod:`araz.exercises.ex03_corridors`."""
from .ex03_corridors import *  # noqa: F401,F403
from .ex03_corridors import EX, __all__  # noqa: F401
