# Every target creates its own virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench eval screenshots stress tools clean

# The install compiles reader/analysis with mypyc (setup.py), so it reruns when they change.
$(STAMP): pyproject.toml setup.py reader/model.py reader/compiled.py $(wildcard reader/analysis/*.py)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -c 'from reader.compiled import check_build; check_build()'
	# An editable install writes no bytecode, and a shell with PYTHONDONTWRITEBYTECODE never
	# does: every process would compile our modules again (~30 ms of each launch).
	$(BIN)/python -m compileall -q reader
	touch $(STAMP)

## run: open the app on the bundled sample articles (ARGS=... to pass paths/flags)
run: $(STAMP)
	$(BIN)/newsreader $(ARGS)

## test: lint, layer contract, type check, then the whole suite (needs tmux, xvfb, xclip)
test: $(STAMP) tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not stress" $(PYTEST_ARGS)

## tools: say which system package is missing for the tests
tools:
	@sh .ci/check-tools

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: speed numbers, printed as tables
bench: $(STAMP)
	$(BIN)/python -m benchmarks

## eval: detection quality on ../shared/eval and the user's gold sample
eval: $(STAMP)
	$(BIN)/python -m benchmarks.eval

## screenshots: regenerate screenshots/*.svg by driving the app with Pilot
screenshots: $(STAMP)
	$(BIN)/python -m benchmarks.screenshots

## stress: the long crash loops (more iterations than CI)
stress: $(STAMP)
	NEWSREADER_STRESS=1 $(BIN)/python -m pytest -q -m stress tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache
