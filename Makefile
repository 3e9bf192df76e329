# standing — developer entry points. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
RUN := $(UV) run --frozen
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: help setup native demo serve test lint fmt typecheck pytest test-browser bench cedict-words world-cities japanese-names clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# bytecode is compiled at install: every command starts in half the time, also where
# PYTHONDONTWRITEBYTECODE keeps Python from caching it on first import
$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

# screening's hot modules compiled with mypyc (standing/screening/native.py): the build
# compares a digest of the screening package's sources with the one it was made from, and
# compiles again only when they differ; the Python source runs whenever they do
native: $(VENV)/.synced ## compile screening's hot modules (when the source changed since)
	@$(RUN) python -m standing.screening.build_native

setup: $(VENV)/.synced native ## create .venv, install the locked dependencies, compile screening

demo: setup ## load the demo scenario into ./var/standing.db and serve on http://127.0.0.1:8000
	$(RUN) standing demo

serve: setup ## serve the app on the configured database
	$(RUN) standing serve

lint: setup ## ruff format check and lint
	$(RUN) ruff format --check standing tests bench
	$(RUN) ruff check standing tests bench

fmt: setup ## format and fix what ruff can
	$(RUN) ruff format standing tests bench
	$(RUN) ruff check --fix standing tests bench

typecheck: setup ## mypy (strict) on the package
	$(RUN) mypy

# the suite runs in TEST_WORKERS processes (pytest-xdist), a test file to a process, so a
# module's fixtures are made once; every test has databases of its own
TEST_WORKERS ?= 2

pytest: setup ## the test suite (SQLite; PostgreSQL too when STANDING_TEST_POSTGRES_URL is set)
	STANDING_NATIVE_REQUIRED=1 $(RUN) pytest -n $(TEST_WORKERS) --dist loadfile

test: lint typecheck pytest ## everything CI runs

bench: setup ## benchmarks (bench/*.py): JSON + summary tables in bench/results/
	@mkdir -p bench/results
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON) --group bench
	bash bench/setup_nomenklatura.sh
	@set -e; for b in propagation import gate screening guard dsa_export audit notify portal; do \
	  if [ -f bench/$$b.py ]; then echo "== bench/$$b.py"; $(RUN) python bench/$$b.py $$( [ $$b = screening ] && echo --fresh ) | tee bench/results/$$b.json; fi; \
	done

# CC-CEDICT (optional group "cedict", not in the default install) -> the screening glossary's
# Chinese words, and the Chinese company words in pinyin for romanised names; regenerating from
# the same locked package gives the same bytes
cedict-words: $(UV) ## rewrite data/cedict_words.tsv, pinyin_words.tsv and han_syllables.tsv from CC-CEDICT
	$(UV) run --frozen --group cedict python bench/make_cedict_words.py

# GeoNames' cities (optional group "geonames", not in the default install) -> the world's large
# cities and capitals, places of their countries in organisations' names
world-cities: $(UV) ## rewrite data/world_cities.tsv from GeoNames
	$(UV) run --frozen --group geonames python bench/make_world_cities.py

# JMnedict and JMdict (optional group "jmdict", not in the default install) -> the names in
# English of Japanese organisations, for Japanese names in kanji and kana and romanised ones, and
# the company words of Japanese names in Hepburn, and Japan's prefectures and cities
japanese-names: $(UV) ## rewrite data/japanese_names.tsv, japanese_words.tsv and japanese_places.tsv from JMnedict and JMdict
	$(UV) run --frozen --group jmdict python bench/make_japanese_names.py

clean: ## remove the virtualenvs, caches and the compiled screening modules
	rm -rf $(VENV) $(TOOLS) .bench-venv .mypy_cache .ruff_cache .pytest_cache standing/screening/_native
