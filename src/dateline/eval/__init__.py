"""Evaluation on public benchmarks, apart from the unit tests. Each module reads one
benchmark format, runs dateline and prints the benchmark's standard metrics."""
