# Two commands do all set-up: `make run` and `make test`. Both build .venv on first use
# and are no-ops for the environment when pyproject.toml has not changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test lint contracts pytest test-postgresql demo screenshots guide-screenshots bench clean-venv \
        check-python installer installer-test translations

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Catena needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1). Use: make PYTHON=python3.12 ..."; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps record which install was done against which pyproject.toml (and setup.py, which
# compiles the one optional C module, db/_langid_walk.c, when a C compiler is there).
$(VENV)/.run-stamp: pyproject.toml setup.py db/_langid_walk.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-stamp: pyproject.toml setup.py db/_langid_walk.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,team]'
	@touch $@ $(VENV)/.run-stamp

$(VENV)/.packaging-stamp: pyproject.toml setup.py db/_langid_walk.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[packaging]'
	@touch $@ $(VENV)/.run-stamp

# The window's .qm and the dossier's .mo, compiled from the .ts/.po in git (tools/i18n.py);
# cheap, so every target that runs Catena rebuilds them.
translations: $(VENV)/.run-stamp
	$(BIN)/python -m tools.i18n build

run: $(VENV)/.run-stamp translations
	$(BIN)/catena gui $(ARGS)

demo: $(VENV)/.run-stamp translations
	$(BIN)/catena demo $(ARGS)

lint: $(VENV)/.test-stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

contracts: $(VENV)/.test-stamp
	$(BIN)/lint-imports

pytest: $(VENV)/.test-stamp translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The db and core suites again with every catalogue fixture on PostgreSQL (the team
# engine): needs CATENA_TEST_POSTGRES, an admin URL (.ci/run starts a server and sets
# it; see tests/pg_catalogues.py). Without it these tests fail saying so. Only the
# tests a catalogue fixture reaches run here; the rest would repeat the SQLite run
# unchanged (tests/engine_choice.py; the run's header says how many were left out).
test-postgresql: $(VENV)/.test-stamp translations
	CATENA_TEST_ENGINE=postgresql QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/db tests/core $(PYTEST_ARGS)

# The two runs go side by side, one per core, each printing its report when it ends:
# one after the other they would take about twice as long on a two-core machine.
test: lint contracts
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest test-postgresql

screenshots: $(VENV)/.test-stamp translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop.ui.screenshots docs/screenshots

# The user guide's pictures (docs/guide/images/): the script's output, never edited by hand.
guide-screenshots: $(VENV)/.test-stamp
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/guide_screenshots.py docs/guide/images

clean-venv:
	rm -rf $(VENV)

# Installers (never part of `make test`). Linux: a .deb in dist/, tested by installing it
# into a throw-away root; macOS: Catena.app and a .dmg. Windows has no make: run
# packaging/windows/build.ps1. Linux build tools: sudo packaging/linux/install-build-deps.sh
UNAME := $(shell uname -s)
INSTALLER_OS := $(if $(filter Darwin,$(UNAME)),macos,linux)
INSTALLER_TEST := $(if $(filter Darwin,$(UNAME)),test_dmg.sh,test_deb.sh)

installer: $(VENV)/.packaging-stamp translations
	PYTHON_BIN=$(abspath $(BIN)/python) packaging/$(INSTALLER_OS)/build.sh

installer-test:
	packaging/$(INSTALLER_OS)/$(INSTALLER_TEST)
