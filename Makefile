# Quick start: `make serve` (live preview) and `make test` (everything CI checks).
# Each target sets up what it needs: a virtualenv with the locked packages,
# and Debian's chromium for the browser tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build check publish fix import new render bench-deps test lint typecheck unit browser-deps schema bench fuzz clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# The preview's port: make serve PORT=8001 when 8000 is taken.
PORT ?= 8000

serve: setup
	$(BIN)/procsite serve --port $(PORT)

build: setup
	$(BIN)/procsite build

# Builds, writes site.csp.conf and copies the site: make publish TO=/srv/procsite/site (or TO=host:/srv/procsite/site).
publish: setup
	$(BIN)/procsite publish --to "$(TO)"

check: setup
	$(BIN)/procsite check

# A new agency's folder, ready to check and build: make new TO=../xa-moi, then PROCEDURES=../xa-moi make serve.
new: setup
	$(BIN)/procsite new "$(TO)"

# The site as plain Markdown with a config per language, for a site builder without hooks (Zensical):
# make render OUT=../rendered, then build that folder with the commands it prints.
render: setup
	$(BIN)/procsite render --out "$(OUT)"

# Imports national records (JSON), the portal's Word exports and ISO processes (Word) into the procedures
# folder: make import FROM="downloads" (files or folders; PROCEDURES=folder for another agency).
import: setup
	$(BIN)/procsite import $(FROM)

# Rewrites the procedure sources in the form check requires: UTF-8 without BOM, LF, NFC, no Word paste.
fix: setup
	$(BIN)/procsite fix

schema: setup
	$(BIN)/procsite schema

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); }
	@test -x /usr/sbin/nginx || { \
	  echo "Installing Debian's nginx for the serving tests (deploy/nginx.conf)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null); }

lint: setup
	$(BIN)/ruff check procsite hooks tests bench
	$(BIN)/ruff format --check procsite hooks tests bench

typecheck: setup
	$(BIN)/mypy

test: setup browser-deps lint typecheck
	$(BIN)/pytest -q

# About 45 minutes on 2 cores: N=6,000 (vanilla Material at 2,000), search per kind of query beside Pagefind,
# Lighthouse mobile budgets per kind of page at N=200 and 6,000 (npm packages installed under .bench/node).
bench: setup browser-deps bench-deps
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/preview.py
	$(BIN)/python bench/body.py

bench-deps:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for Lighthouse and Pagefind"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null); }

# Mutates one file of a valid folder per case, 3,000 cases: prints the counts per class and mutator,
# saves a reproducer of each failure under test-output/fuzz/; fails when any case failed.
fuzz: setup
	$(BIN)/python -m tests.fuzz --cases 3000

clean:
	rm -rf site .site-* test-output .bench
