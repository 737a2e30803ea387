"""Synthetic agencies of any size, for the benchmarks and the fuzz tests (``procsite synth N``)."""
