# Newcomer contract: on a fresh machine with Python 3.11, `make site` then `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Every command imports the pipeline again: keep its byte-compiled modules (__pycache__/, ignored by
# git) even where the environment turns writing them off.
unexport PYTHONDONTWRITEBYTECODE
# Reproducible builds: fixed dates in the sitemap and the zip unless the caller sets one.
export SOURCE_DATE_EPOCH ?= 1735689600
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help venv docs check site build-site mkdocs-build system-deps bundle pdf serve test test-deps lint linkcheck bench mutants review clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

venv: $(BIN)/.installed ## Create the virtual environment and install the pinned packages

docs: venv ## Convert sources/ into docs/ (Markdown)
	$(BIN)/python -m tools build

check: venv ## Fail if docs/ is stale
	$(BIN)/python -m tools check

site: docs build-site ## Convert sources/, build site/ (both languages) and dist/ip-plans-offline.zip

# The MkDocs build and the bundle, from docs/ as it is (`make test` must not regenerate docs/
# before checking that the committed docs/ is fresh).
build-site: mkdocs-build system-deps
	$(BIN)/python -m tools pdf
	$(BIN)/python -m tools epub
	$(BIN)/python -m tools bundle

# The site build alone: what the tests read (they print the PDFs and zip the bundle themselves).
# ProperDocs (the maintained MkDocs 1.x) builds it, Material is the theme; -f names the config,
# so ProperDocs does not warn about the legacy file name (tools/site/engine.py says the same).
mkdocs-build: venv
	$(BIN)/properdocs build --strict --quiet -f mkdocs.yml

# Debian packages that the PDFs (`make site`) and the tests need: Chromium and its driver,
# Noto CJK fonts (embedded in the PDFs, converted to TrueType outlines at build time by fontTools from
# requirements.txt: tools/publish/printfont.py), poppler-utils (pdftotext, pdffonts, pdftoppm for the PDF tests).
system-deps: ## Install Chromium, CJK fonts and poppler-utils (apt) when missing
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/opentype/noto ] || [ ! -x /usr/bin/pdftotext ] || [ ! -e /usr/bin/epubcheck ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk poppler-utils epubcheck default-jre-headless >/dev/null; \
	fi

pdf: ## Print every plan page to PDF under site/pdf/ (after make site)
	$(BIN)/python -m tools pdf

bundle: ## Zip site/ into dist/ip-plans-offline.zip (after make site)
	$(BIN)/python -m tools bundle

serve: docs ## Preview at http://127.0.0.1:8000
	$(BIN)/properdocs serve -f mkdocs.yml -a 127.0.0.1:8000

$(BIN)/.test-installed: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# The Nu HTML Checker (npm vnu-jar, pinned in package-lock.json; its postinstall would fetch a Java)
# runs on Debian's default-jre-headless.
node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	@if [ ! -x /usr/bin/java ] || [ ! -x /usr/bin/npm ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless npm >/dev/null; \
	fi
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

test-deps: $(BIN)/.test-installed system-deps node_modules/vnu-jar/build/dist/vnu.jar ## Install test tools, Chromium, CJK fonts, poppler-utils, Java and vnu.jar

lint: test-deps ## ruff
	$(BIN)/ruff check tools tests bench

# Freshness first: docs/ is committed, and a stale copy must fail here, before anything rewrites it.
test: test-deps ## Everything: freshness of docs/, lint, site build, unit, site and browser tests
	$(BIN)/python -m tools check
	$(BIN)/ruff check tools tests bench
	env -u SITE_URL $(MAKE) --no-print-directory mkdocs-build
	BUILT_SITE=$(CURDIR)/site $(BIN)/python -m pytest -q -n 2 --dist worksteal --durations=15 tests

# LinkChecker with its AnchorCheck over the served site and the offline bundle: every #anchor too. It
# parses a page again per anchor (≈ 4 min a crawl here), so `make test` crawls without it and checks the
# anchors itself (tests/test_links.py); .ci/run runs this after `make test`.
linkcheck: test-deps ## LinkChecker with anchors, served and offline (slow; CI runs it)
	env -u SITE_URL $(MAKE) --no-print-directory mkdocs-build
	LINKCHECK_ANCHORS=1 BUILT_SITE=$(CURDIR)/site $(BIN)/python -m pytest -q -n 2 tests/test_linkcheck.py -k "served or offline"

# Mutation testing with mutmut 3 (setup.cfg [mutmut]): tools/ingest, tools/model and tools/annotate
# against the fast tests, two workers (7,168 mutants at 0.35–0.75 a second on the shared 2-core
# machine: three to six hours; `mutmut run "tools.ingest*"` takes one package). Not part of `make
# test`. The score goes into BENCHMARKS.md, the survivors with their review into dist/mutants.md.
MUTANT_WORKERS ?= 2
mutants: test-deps ## Mutation testing (mutmut): score in BENCHMARKS.md, survivors in dist/mutants.md
	$(BIN)/mutmut run --max-children $(MUTANT_WORKERS)
	$(BIN)/python -m tools bench --mutants

bench: test-deps ## Measure and write BENCHMARKS.md
	$(BIN)/python -m tools bench

review: venv ## Write the English review report to dist/review-en.md
	$(BIN)/python -m tools review

clean: ## Remove build outputs
	rm -rf site dist .bench
