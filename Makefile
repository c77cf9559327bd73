# A party's sites, over the branchsites kit. `make html` and `make test` do all the set-up they need.
# Targets and variables follow pelican-quickstart's Makefile; ours sit beside them.
# This file is the kit template's: `make upgrade` updates it. Put the site's own targets and
# variables in site.mk (read after the kit's variables and set-up rules, if it is there), not here.

PY ?= python3
VENV ?= $(CURDIR)/.venv
PELICAN ?= $(VENV)/bin/pelican
PELICANOPTS ?=
# the kit's commands (branchsites --help): check, new-branch, new-post, codeowners, preview...
BRANCHSITES ?= "$(VENV)/bin/python" -m branchsites

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py

# Deploying (the kit's scripts/deploy.sh, its docs/hosts.md). pelican-quickstart's SSH_* names still work.
# DEPLOY_PATH (or SSH_TARGET_DIR), the site's folder on the host, has no default: deploy.sh refuses
# to deploy until the site sets it, in site.mk, in the environment or in CI's variables.
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
# SHARD=i/N (make html): the i-th of N slices of the branches alone, with their build records and no
# national page, one CI runner each; `make assemble` then builds the national site from all of them
# (docs/ci.md, "Splitting the build across runners"). Any settings file (CONFFILE), the same for both.
SHARD ?=
SHARD_CHECK = s="$(SHARD)"; case "$$s" in '') exit 0;; *[!0-9/]*|*/*/*|/*|*/|0*|*/0*) ;; \
	*/*) [ "$${s%/*}" -le "$${s\#*/}" ] && exit 0;; esac; \
	echo "make: SHARD=$$s: write it as i/N, the i-th of N shards (i from 1 to N), e.g. SHARD=2/4" >&2; exit 2
PUBLISHDIR = $(if $(BRANCH),$(BASEDIR)/output.branch-$(BRANCH),$(OUTPUTDIR))
DEPLOY_ENV = DEPLOY_HOST="$(DEPLOY_HOST)" DEPLOY_PATH="$(DEPLOY_PATH)" SSH_PORT="$(SSH_PORT)" \
	KEEP_RELEASES="$(KEEP_RELEASES)" DEPLOY_METHOD="$(DEPLOY_METHOD)"
# publish.sh and deploy.sh come with the kit (asked for only when a recipe runs)
KIT_SCRIPTS = $(shell "$(VENV)/bin/python" -c "from branchsites.paths import kit_folder; print(kit_folder('scripts'))")

PORT ?= 8000
# make devserver BIND=0.0.0.0 inside a container whose port is forwarded (docs/set-up.md)
BIND ?= 127.0.0.1
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

# The site's tests (tests/): the kit's checks of every file, then the site's own
TEST_SETUP ?=
TEST_COMMAND ?= "$(VENV)/bin/python" -m unittest discover --start-directory tests
# More set-up after requirements.txt is installed (and what it depends on), for site.mk to set
KIT_INSTALL ?=
RUNTIME_DEPENDS ?=
SITE_HELP ?=

RUNTIME_STAMP = $(VENV)/.runtime-installed
NODE_STAMP = node_modules/.installed
# package.json's devDependencies too, for the tests (the kit's: axe-core, the Nu checker, ical.js)
NODE_TEST_STAMP = node_modules/.installed-with-dev
# The version requirements.txt locks the kit to: `make upgrade` takes the template of that version.
KIT_VERSION = $(shell sed -n 's/^branchsites *\(==\|@.*@v\)\([0-9][0-9.]*\).*/\2/p' requirements.txt)

.DEFAULT_GOAL := help
# The site's own targets and variables (the kit's own repository keeps its development targets there)
-include site.mk

# ---- set-up (a virtualenv with pinned packages) -------------------------------
$(RUNTIME_STAMP): requirements.txt $(RUNTIME_DEPENDS)
	@sh scripts/ensure-venv.sh "$(PY)" "$(VENV)"
	"$(VENV)/bin/pip" install --quiet --disable-pip-version-check -r requirements.txt
	$(KIT_INSTALL)
	@touch $@

# npm packages from the lockfile, install scripts off. A build needs only package.json's
# dependencies (lunr.js for search); the tests also need its devDependencies, and an install of
# everything serves a build too. npm ci empties node_modules/ first, and these stamps with it.
$(NODE_STAMP): package.json package-lock.json
	@sh scripts/ensure-node.sh
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(NODE_TEST_STAMP): package.json package-lock.json
	@sh scripts/ensure-node.sh
	npm ci --include=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP) $@

.PHONY: help setup html assemble clean regenerate serve serve-global devserver publish rsync_upload \
	deploy upload rollback releases test check codeowners new-branch new-post new-event trust-review server-config upgrade import-wordpress import-calendar \
	preview-build preview-upload preview-remove preview-prune

help:
	@echo 'Makefile for the party sites'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                 set up (first time) and build the sites into output/'
	@echo '   make html SHARD=i/N       build only the i-th of N slices of the branches (one CI runner each)'
	@echo '   make assemble             build the national site from every shard'"'"'s output and records'
	@echo '   make test                 set up and run the tests in tests/'
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
	@echo '   make import-wordpress FILE=export.xml [BRANCH=slug]  a Squarespace export as posts, pages, redirects'
	@echo '   make import-calendar FEED=file-or-https [BRANCH=slug] a calendar as events (again: updates them)'
	@echo '   make trust-review BASE=ref fail if a branch.yaml key the national team reviews changed since ref'
	@echo '   make server-config SERVER=nginx  write the web server configuration (or apache, caddy; OUT=file)'
	@echo '   make upgrade              after raising the kit version in requirements.txt: update the template files'
	@echo ''
	@echo 'Set DEBUG=1 for debugging output, RELATIVE=1 for relative links;'
	@echo 'DEPLOY_HOST, DEPLOY_PATH, SSH_PORT, KEEP_RELEASES, DEPLOY_METHOD for deploying.'
	$(SITE_HELP)

setup: $(RUNTIME_STAMP) $(NODE_STAMP)

html: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(SHARD_CHECK)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)$(if $(SHARD), -e BRANCH_SHARD='"$(SHARD)"')

# After every `make html SHARD=i/N`, their output/ and .cache/branches/ gathered here: the national site,
# no branch built; it stops, naming them, if any branch has no record or changed since its shard ran.
assemble: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -e BRANCH_ASSEMBLE=true

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"
	rm -rf "$(BASEDIR)/.cache"

regenerate: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT)

serve-global: $(RUNTIME_STAMP) $(NODE_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT) -b 0.0.0.0

# Pelican's -lr watches only content/; the kit's preview watches branches/, the theme and plugins too,
# rebuilds (unchanged branches are skipped) and reloads the page in the browser.
devserver: $(RUNTIME_STAMP) $(NODE_STAMP)
	$(BRANCHSITES) preview --settings "$(CONFFILE)" --output "$(OUTPUTDIR)" --port $(PORT) --bind "$(BIND)"

publish: $(RUNTIME_STAMP) $(NODE_STAMP)
	PELICAN="$(PELICAN)" PYTHON="$(VENV)/bin/python" SETTINGS="$(PUBLISHCONF)" INPUTDIR="$(INPUTDIR)" \
		PELICANOPTS="$(PELICANOPTS)" sh "$(KIT_SCRIPTS)/publish.sh" "$(PUBLISHDIR)" "$(BRANCH)"

rsync_upload deploy: publish
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" upload "$(PUBLISHDIR)"

upload: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" upload "$(PUBLISHDIR)"

rollback: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" rollback $(RELEASE)

releases: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" list

# A pull request's preview (docs/ci.md): PR=number. preview-build builds for SITEURL/previews/PR/
# (SITEURL: the live address, from the environment or publishconf.py) with noindex on every page,
# no sitemap or robots.txt, no branch domains and no browser editor (a preview shares the live site's
# origin, so it gets no page that signs in); preview-upload puts it in DEPLOY_PATH/previews/PR.
PREVIEWDIR ?= $(BASEDIR)/preview-output
PREVIEW_DAYS ?= 14
preview-build: $(RUNTIME_STAMP) $(NODE_STAMP)
	@case "$(PR)" in ''|0*|*[!0-9]*) echo "make preview-build: PR must be the pull request's number, digits only (e.g. PR=21)" >&2; exit 2;; esac
	rm -rf "$(PREVIEWDIR)"
	PREVIEW_PR="$(PR)" "$(PELICAN)" "$(INPUTDIR)" -o "$(PREVIEWDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS) \
		-e BRANCH_OWN_DOMAINS=false SITE_FILES=false SITE_FILES_NOINDEX=true 'CMS_REPO=""'

preview-upload: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" preview-upload "$(PR)" "$(PREVIEWDIR)"

preview-remove: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" preview-remove "$(PR)"

preview-prune: $(RUNTIME_STAMP)
	$(DEPLOY_ENV) bash "$(KIT_SCRIPTS)/deploy.sh" preview-prune "$(or $(DAYS),$(PREVIEW_DAYS))"

check: $(RUNTIME_STAMP) $(NODE_STAMP)
	$(BRANCHSITES) check --settings "$(CONFFILE)" --format "$(or $(FORMAT),text)"

SCAFFOLD_VARS = --branch "$(BRANCH)" --title "$(TITLE)" --date "$(DATE)" --summary "$(SUMMARY)" --tags "$(TAGS)" \
	--start "$(START)" --end "$(END)" --duration "$(DURATION)" --location "$(LOCATION)" --online "$(ONLINE)" \
	--name "$(NAME)" --slug "$(SLUG)" --kind "$(KIND)" --nation "$(NATION)" --region "$(REGION)" \
	--areas "$(AREAS)" --contact "$(CONTACT)" --editors "$(EDITORS)"

new-branch new-post new-event: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(BRANCHSITES) $@ --settings "$(CONFFILE)" $(SCAFFOLD_VARS)

# Moving in (docs/migrating.md): FORCE=1 replaces files and redirects an import would keep
IMPORT_VARS = --settings "$(CONFFILE)" --branch "$(BRANCH)" $(if $(filter 1,$(FORCE)),--force)
import-wordpress: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(BRANCHSITES) import-wordpress $(IMPORT_VARS) $(if $(OLD_SITE),--old-site "$(OLD_SITE)") "$(FILE)"
import-calendar: $(RUNTIME_STAMP) $(NODE_STAMP)
	@$(BRANCHSITES) import-calendar $(IMPORT_VARS) "$(FEED)"

codeowners: $(RUNTIME_STAMP)
	$(BRANCHSITES) codeowners --settings "$(CONFFILE)"

trust-review: $(RUNTIME_STAMP)
	$(BRANCHSITES) trust-review --base "$(BASE)" --format "$(or $(FORMAT),text)"

# The web server's configuration from publishconf.py and every branch.yaml (docs/hosts.md): SERVER=nginx,
# apache or caddy; OUT=file to write it (default: print it). The live folder comes from DEPLOY_PATH.
SERVER ?= nginx
SERVER_ROOT = $(if $(DEPLOY_PATH),$(DEPLOY_PATH)$(if $(filter direct,$(DEPLOY_METHOD)),,/current))
server-config: $(RUNTIME_STAMP)
	@$(BRANCHSITES) server-config --server "$(SERVER)" --settings "$(PUBLISHCONF)" --root "$(SERVER_ROOT)" \
		$(if $(OUT),--output "$(OUT)")

test: $(RUNTIME_STAMP) $(NODE_TEST_STAMP) $(TEST_SETUP)
	$(TEST_COMMAND)

# Step 2 of an upgrade (docs/upgrading.md), after raising the kit's version in requirements.txt:
# install it, then merge the template of that version into the files the template made,
# keeping the site's own edits. Review `git diff`, run `make test`, commit.
upgrade: $(RUNTIME_STAMP)
	"$(VENV)/bin/copier" update --defaults --vcs-ref "v$(KIT_VERSION)" --data kit_version="$(KIT_VERSION)"
