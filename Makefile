# The party's sites. `make html` and `make test` do all the set-up they need.
# Targets and variables follow pelican-quickstart's Makefile; ours sit beside them.

PY ?= python3
VENV ?= $(CURDIR)/.venv
PELICAN ?= $(VENV)/bin/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py

# Deploying (scripts/deploy.sh, docs/hosts.md). pelican-quickstart's SSH_* names still work.
# DEPLOY_PATH (or SSH_TARGET_DIR), the site's folder on the host, has no default: deploy.sh refuses
# to deploy until the site sets it, here, in the environment or in CI's variables.
SSH_HOST ?= localhost
SSH_PORT ?= 22
SSH_USER ?= deploy
SSH_TARGET_DIR ?=
DEPLOY_HOST ?= $(SSH_USER)@$(SSH_HOST)
DEPLOY_PATH ?= $(SSH_TARGET_DIR)
KEEP_RELEASES ?= 5
DEPLOY_METHOD ?= releases
# BRANCH=slug: that branch alone, on its own domain, in output.branch-<slug>/
BRANCH ?=
PUBLISHDIR = $(if $(BRANCH),$(BASEDIR)/output.branch-$(BRANCH),$(OUTPUTDIR))
DEPLOY_ENV = DEPLOY_HOST="$(DEPLOY_HOST)" DEPLOY_PATH="$(DEPLOY_PATH)" SSH_PORT="$(SSH_PORT)" \
	KEEP_RELEASES="$(KEEP_RELEASES)" DEPLOY_METHOD="$(DEPLOY_METHOD)"

PORT ?= 8000
DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif
RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif
# A build that logs an error fails: nothing half-built is ever published.
PELICANOPTS += --fatal errors

# ---- set-up (a virtualenv with pinned packages) -------------------------------
RUNTIME_STAMP = $(VENV)/.runtime-installed
DEV_STAMP = $(VENV)/.dev-installed

# In the kit's own repository the demo site takes the kit from this checkout (editable: src/ on the
# path, and the checkout's plugins and theme); a party's site has the kit in requirements.txt.
KIT_CHECKOUT = $(wildcard $(BASEDIR)/src/branchsites/__init__.py)

$(RUNTIME_STAMP): requirements.txt $(if $(KIT_CHECKOUT),pyproject.toml)
	@scripts/ensure-venv.sh "$(PY)" "$(VENV)"
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(if $(KIT_CHECKOUT),$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e "$(BASEDIR)")
	@touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# npm packages from the lockfile; install scripts off (vnu-jar's would fetch a JRE)
NODE_STAMP = node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@scripts/ensure-node.sh
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

TEST_TOOLS_STAMP = $(VENV)/.test-tools-installed
$(TEST_TOOLS_STAMP): scripts/ensure-test-tools.sh
	@scripts/ensure-test-tools.sh
	@touch $@

.PHONY: help setup html clean regenerate serve serve-global devserver publish rsync_upload \
	deploy upload rollback releases test lint format check bench budget codeowners new-branch new-post new-event \
	trust-review

help:
	@echo 'Makefile for the party sites'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                 set up (first time) and build the sites into output/'
	@echo '   make test                 set up and run every test'
	@echo '   make check                check all content, build nothing (FORMAT=github for CI)'
	@echo '   make clean                remove the generated files'
	@echo '   make regenerate           rebuild the sites when a file changes'
	@echo '   make serve [PORT=8000]    serve output/ at http://localhost:8000'
	@echo '   make devserver [PORT=8000] serve and rebuild on change'
	@echo '   make publish [BRANCH=slug] build with publishconf.py into a fresh folder, then swap it in'
	@echo '   make deploy               publish, upload as a new release, switch to it (= rsync_upload)'
	@echo '   make upload               upload what is built (no build), as a new release'
	@echo '   make rollback             switch the host back to the release before'
	@echo '   make releases             list the releases on the host'
	@echo '   make new-post BRANCH=slug  write a news post (asks for the title; or TITLE=... DATE=...)'
	@echo '   make new-event BRANCH=slug write an event (asks; or TITLE=... START="2027-03-01 19:00")'
	@echo '   make new-branch           start a branch folder (asks; or NAME=... NATION=... AREAS=...)'
	@echo '   make codeowners           write CODEOWNERS from every branch.yaml (editors review their branch)'
	@echo '   make trust-review BASE=ref fail if a branch.yaml key the national team reviews changed since ref'
	@echo '   make lint                 ruff check and format check'
	@echo '   make bench [BENCH_ARGS=]  build a synthetic 650-branch site and measure it against a naive baseline'
	@echo '   make budget               page weight per page type, search data, calendar sizes, against budgets'
	@echo ''
	@echo 'Set DEBUG=1 for debugging output, RELATIVE=1 for relative links;'
	@echo 'DEPLOY_HOST, DEPLOY_PATH, SSH_PORT, KEEP_RELEASES, DEPLOY_METHOD for deploying.'

setup: $(DEV_STAMP)

html: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"
	rm -rf "$(BASEDIR)/.cache"

regenerate: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT)

serve-global: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT) -b 0.0.0.0

# Pelican's -lr watches only content/; live_preview watches branches/, the theme and plugins too,
# rebuilds (unchanged branches are skipped) and reloads the page in the browser.
devserver: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(VENV)/bin/python" -m live_preview --settings "$(CONFFILE)" --output "$(OUTPUTDIR)" --port $(PORT)

publish: $(RUNTIME_STAMP) $(NODE_STAMP)
	PELICAN="$(PELICAN)" PYTHON="$(VENV)/bin/python" SETTINGS="$(PUBLISHCONF)" INPUTDIR="$(INPUTDIR)" \
		PELICANOPTS="$(PELICANOPTS)" scripts/publish.sh "$(PUBLISHDIR)" "$(BRANCH)"

rsync_upload deploy: publish
	$(DEPLOY_ENV) scripts/deploy.sh upload "$(PUBLISHDIR)"

upload:
	$(DEPLOY_ENV) scripts/deploy.sh upload "$(PUBLISHDIR)"

rollback:
	$(DEPLOY_ENV) scripts/deploy.sh rollback $(RELEASE)

releases:
	$(DEPLOY_ENV) scripts/deploy.sh list

check: $(RUNTIME_STAMP) $(NODE_STAMP)
	PYTHONPATH="$(BASEDIR)/plugins" "$(VENV)/bin/python" -m editor_checks --settings "$(CONFFILE)" --format "$(or $(FORMAT),text)"

SCAFFOLD = PYTHONPATH="$(BASEDIR)/plugins:$(BASEDIR)" "$(VENV)/bin/python" -m scaffold --settings "$(CONFFILE)"
SCAFFOLD_VARS = --branch "$(BRANCH)" --title "$(TITLE)" --date "$(DATE)" --summary "$(SUMMARY)" --tags "$(TAGS)" \
	--start "$(START)" --end "$(END)" --duration "$(DURATION)" --location "$(LOCATION)" --online "$(ONLINE)" \
	--name "$(NAME)" --slug "$(SLUG)" --kind "$(KIND)" --nation "$(NATION)" --region "$(REGION)" \
	--areas "$(AREAS)" --contact "$(CONTACT)" --editors "$(EDITORS)"

new-branch new-post new-event: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(SCAFFOLD) $@ $(SCAFFOLD_VARS)

codeowners: $(RUNTIME_STAMP)
	PYTHONPATH="$(BASEDIR)/plugins" "$(VENV)/bin/python" -m branch_subsites.codeowners_cli --settings "$(CONFFILE)"

trust-review: $(RUNTIME_STAMP)
	PYTHONPATH="$(BASEDIR)/plugins" "$(VENV)/bin/python" -m branch_subsites.trust_review --base "$(BASE)" \
		--format "$(or $(FORMAT),text)"

test: $(DEV_STAMP) $(TEST_TOOLS_STAMP) $(NODE_STAMP)
	"$(VENV)/bin/python" -m pytest $(PYTEST_ARGS)

budget: html $(DEV_STAMP) $(TEST_TOOLS_STAMP)
	"$(VENV)/bin/python" -m bench.page_budget "$(OUTPUTDIR)"
	"$(VENV)/bin/python" -m bench.search_budget "$(OUTPUTDIR)"
	"$(VENV)/bin/python" -m bench.feed_budget "$(OUTPUTDIR)"

# BENCH_ARGS: --branches N --news N --events N --pages N --seed N --naive-sample N --kit-only --work DIR --keep
bench: $(DEV_STAMP) $(TEST_TOOLS_STAMP) $(NODE_STAMP)
	"$(VENV)/bin/python" -m bench.run $(BENCH_ARGS)

lint: $(DEV_STAMP)
	"$(VENV)/bin/ruff" check .
	"$(VENV)/bin/ruff" format --check .

format: $(DEV_STAMP)
	"$(VENV)/bin/ruff" format .
	"$(VENV)/bin/ruff" check --fix .
