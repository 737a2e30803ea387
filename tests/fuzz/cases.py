"""A case: a copy of a valid procedures folder with one seeded mutation."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

from . import entries, mutators
from .mutators import MINIMAL, SAMPLE, Mutation, NothingToMutate

Mutator = Callable[[random.Random, Path], Mutation]

MUTATORS: dict[str, Mutator] = {
    "lines": mutators.lines,
    "indent": mutators.indent,
    "value": mutators.value,
    "value2": mutators.value,  # the widest family: twice the weight
    "laughs": mutators.laughs,
    "recursive-alias": mutators.recursive_alias,
    "duplicate-key": mutators.duplicate_key,
    "unknown-key": mutators.unknown_key,
    "body": mutators.body,
    "rename": entries.rename,
    "special": entries.special,
    "form-file": entries.form_file,
    "bytes": entries.flip,
    "truncate": entries.truncate,
    "encoding": entries.encoding,
}
"""Mutator families, chosen with equal weight."""

SAMPLE_SHARE = 0.25
"""Share of the cases that start from the 21-procedure sample rather than the minimal fixture."""


def materialize(seed: int, index: int, parent: Path) -> tuple[Path, Mutation]:
    """Write case ``index`` of ``seed`` as ``parent/procedures``; the folder and what was changed."""
    rng = random.Random(f"{seed}:{index}")
    corpus = SAMPLE if rng.random() < SAMPLE_SHARE else MINIMAL
    root = parent / "procedures"
    for attempt in range(20):
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(corpus, root, symlinks=True)
        name = rng.choice(list(MUTATORS)) if attempt < 10 else "lines"
        try:
            return root, MUTATORS[name](rng, root)
        except NothingToMutate:
            continue
    raise RuntimeError(f"case {seed}:{index}: no mutator found anything to change")
