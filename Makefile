# Saisei: `make run` serves the site, `make test` runs every test.
SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
REGISTRY_DATA := data/registry/plans.csv data/registry/prices.csv
RATES_DATA := data/rates/eurofxref.csv data/rates/supplementary.csv
VISA_DATA := saisei/journeys/data/visa_exemptions.csv
RATES_SOURCE := Approximate sample rates bundled with Saisei (not an official publication)

.PHONY: run prepare test check lint typecheck format messages clean

$(PY):
	@python=$${PYTHON:-$$(scripts/find-python)} || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"

# One stamp per dependency set, remade whenever pyproject.toml changes.
$(VENV)/.run-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e . --group dev
	@touch $@ $(VENV)/.run-installed

var:
	@mkdir -p var

messages: $(VENV)/.run-installed
	$(PY) manage.py compile_catalogues

# Everything `run` needs except the server; safe to repeat.
prepare: $(VENV)/.run-installed var messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py import_registry $(REGISTRY_DATA)
	$(PY) manage.py import_rates $(RATES_DATA) --source "$(RATES_SOURCE)"
	$(PY) manage.py import_visa_rules $(VISA_DATA)
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_outcomes
	$(PY) manage.py load_demo_reviews

run: prepare
	HOST=$(HOST) PORT=$(PORT) exec scripts/serve

test: $(VENV)/.dev-installed var messages
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(VENV)/bin/mypy .

check: lint typecheck
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles
