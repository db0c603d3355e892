"""Evaluation on public benchmarks and on kg's own gold format."""
