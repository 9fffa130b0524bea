# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install install-dev migrate seed serve worker beat lint format lock translations messages check

$(VENV)/.base: requirements/base.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.txt
	$(PIP) install --quiet -r requirements/dev.txt
	touch $@

install: $(VENV)/.base translations

install-dev: $(VENV)/.dev translations

translations: $(VENV)/.base
	$(MANAGE) compiletranslations

migrate: install
	@echo "Migrating the database (the first run takes a minute)..."
	$(MANAGE) migrate --noinput --verbosity 0

seed: migrate
	$(MANAGE) seed_demo

## Run the platform on the embedded default (SQLite, tasks run in-process).
run: seed
	$(MANAGE) runserver $(HOST):$(PORT)

## Install the dev dependencies and run the whole suite.
test: install-dev
	$(PY) -m pytest -n 2 -m "not committing" $(PYTEST_ARGS)
	$(PY) -m pytest -n 0 -m committing $(PYTEST_ARGS)

worker: install
	$(VENV)/bin/celery -A learning worker --loglevel=info

beat: install
	$(VENV)/bin/celery -A learning beat --loglevel=info

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Regenerate the lock files from pyproject.toml.
lock: install-dev
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra dev --output-file requirements/dev.txt pyproject.toml

## Extract UI strings into the .po files (needs GNU gettext).
## Every app with its own `<app>/locale/`; the project's `locale/` holds templates/ and learning/.
LOCALE_APPS = $(patsubst %/locale,%,$(wildcard */locale))
messages: install
	for app in $(LOCALE_APPS); do \
		(cd $$app && ../$(PY) ../manage.py makemessages -l fi -l sv -l en --no-obsolete); done
	$(MANAGE) makemessages -l fi -l sv -l en --no-obsolete --ignore=.venv --ignore=tests \
		--ignore=media --ignore=static_collected $(addprefix --ignore=,$(LOCALE_APPS))
