"""Demo data: realistic, clearly fictional case files for newcomers and benchmarks."""
