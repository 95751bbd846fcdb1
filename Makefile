# Marsad — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/corpus/seed-iraq-us-coalition.txt

.PHONY: install demo test eval eval-flips bench bench-api bench-scale serve clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: install
	$(BIN)/marsad ingest $(SEED) --published 2024-01-11
	$(BIN)/marsad show seed-iraq-us-coalition

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python bench/eval.py --shared $(SHARED)
	$(BIN)/python eval/flips/run.py --shared $(SHARED)

# Cross-document flips on the development flips gold (eval/flips): ingest, `marsad flips`, flips_score.py.
eval-flips: install
	$(BIN)/python eval/flips/run.py --shared $(SHARED)

bench: install
	$(BIN)/python bench/throughput.py --shared $(SHARED)

# p50/p95 of a document page and a filtered event query on loopback (store of the 4,000 dev articles).
bench-api: install
	$(BIN)/python bench/api.py --shared $(SHARED)

serve: install
	$(BIN)/marsad serve

# Ingest speed-up: one process, --jobs 2 and --dask local:2 on the same 2,000 articles.
bench-scale: install
	$(BIN)/python bench/scale.py --shared $(SHARED)

clean:
	rm -rf $(VENV) marsad.db marsad.db-* .pytest_cache build *.egg-info
