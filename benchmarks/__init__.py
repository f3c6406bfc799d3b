"""Speed and quality measurements; `make bench` runs every bench_*.py here."""
