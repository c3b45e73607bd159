"""Araz at scale: the kit against the tools a user would pick instead.

``python -m benchmarks`` (or ``make bench``) generates synthetic corpora in the user-corpus
format, runs every measured step in a fresh subprocess, and writes
``benchmarks/out/results.md`` and ``benchmarks/out/scaling.png``. See ``benchmarks/README.md``.

This package imports only the standard library at the top level, so that a child process
can time ``import araz`` from a cold start.
"""
