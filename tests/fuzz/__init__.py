"""A seeded mutation fuzzer for ``procsite check`` and ``procsite build``.

Each case copies a valid procedures folder (``tests/fixtures/minimal`` or the sample), changes one
file with a seeded mutator (``mutators.py``, values from ``payloads.py``), runs ``procsite check`` in
a subprocess with a time and memory limit and classifies the outcome (``runner.py``): accepted,
refused with every message at ``file:line``, or a failure (traceback, hang, crash, message without
``file:line``, silent drop, terminal escape in the output). Part of the accepted cases are then
built, and their pages and links checked (``site.py``).

``python -m tests.fuzz --cases 3000`` (``make fuzz``) prints the counts and saves a reproducer of
each failure under ``test-output/fuzz/<class>/<case>/``; ``tests/test_fuzz.py`` runs a short fixed
seed in ``make test``.
"""
