"""``python -m tests.fuzz --cases 3000``: run the fuzzer, print the counts; exit 1 on any failure.

``python -m tests.fuzz --seed S --replay N --keep DIR`` writes case N's folder into DIR/procedures
(what a reproducer's ``repro.sh`` does); without ``--keep`` it checks the case and prints its result.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .campaign import run_all, stderr_progress
from .cases import materialize
from .report import SAVE
from .runner import run_case


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000, help="how many cases (default: 3000)")
    parser.add_argument("--seed", type=int, default=1, help="the seed of the cases (default: 1)")
    parser.add_argument("--workers", type=int, default=2, help="parallel checks (default: 2)")
    parser.add_argument("--builds", type=int, default=150, help="accepted cases to build at most (default: 150)")
    parser.add_argument("--save", type=Path, default=SAVE, help=f"reproducers' folder (default: {SAVE})")
    parser.add_argument("--replay", type=int, help="write or run only this case")
    parser.add_argument("--keep", type=Path, help="with --replay: write the case's folder here and stop")
    args = parser.parse_args(argv)
    if args.replay is not None:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            root, mutation = materialize(args.seed, args.replay, args.keep)
            print(f"{root}: {mutation}")
            return 0
        result = run_case(args.seed, args.replay)
        print(f"{result.mutation}\n{result.outcome}: {result.failures}\n{result.stderr}{result.stdout}")
        return 1 if result.failures else 0
    summary = run_all(args.cases, args.seed, args.workers, args.builds, args.save, stderr_progress)
    print(summary.text())
    if summary.failed():
        print(f"\nReproducers: {args.save}/<class>/<case>/ (case.txt, the mutated file, repro.sh).")
    return 1 if summary.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
