.DEFAULT_GOAL := help
VENV ?= .venv
BIN := $(VENV)/bin

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/bluebook:
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e '.[test]'

install: $(BIN)/bluebook ## Create the venv and install the app with its test tools

run: install ## Open the app on the bundled library
	$(BIN)/bluebook

test: install ## Run the test suite
	$(BIN)/pytest

lint: install ## ruff lint and format check, mypy
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

format: install ## Format the code with ruff
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

snapshots-update: install ## Accept new app snapshots (look at them first)
	$(BIN)/pytest tests/test_app_snapshots.py --snapshot-update

content: install ## Regenerate content/*.md from content/*.txt
	for source in content/*.txt; do $(BIN)/bluebook ingest "$$source" --edition "$$(basename "$$source" .txt)" --force; done

bench: install ## Run every benchmark
	for bench in benchmarks/bench_*.py; do echo "== $$bench"; $(BIN)/python "$$bench"; done

ci: ## What CI runs, on this checkout
	bash .ci/run

.PHONY: help install run test lint format snapshots-update content bench ci
