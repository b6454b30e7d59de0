"""National-scale benchmarks. `make bench` (python -m benchmarks) prints ratios against baselines run alongside."""
