# The kit's own repository: the demo party's site at the root is what the kit's template makes, so
# its Makefile is the template's (src/branchsites/site_template/site/Makefile, kept equal by
# tests/test_site_template.py). What the kit's development adds lives here, where a party's site
# keeps its own targets: the kit installed from this checkout, the kit's tests, lint, bench, budget.

# The demo site takes the kit from this checkout (editable: src/ on the path, and the checkout's
# plugins and theme); a party's site has the kit in requirements.txt.
RUNTIME_DEPENDS = pyproject.toml
KIT_INSTALL = "$(VENV)/bin/pip" install --quiet --disable-pip-version-check --no-deps -e "$(BASEDIR)"
KIT_SCRIPTS = $(BASEDIR)/scripts

DEV_STAMP = $(VENV)/.dev-installed
TEST_TOOLS_STAMP = $(VENV)/.test-tools-installed
# `make test` runs the kit's tests (pytest, browsers), not a site's unittest folder
TEST_SETUP = $(DEV_STAMP) $(TEST_TOOLS_STAMP)
TEST_COMMAND = "$(VENV)/bin/python" -m pytest $(PYTEST_ARGS)

define SITE_HELP
@echo ''
@echo "The kit's development (site.mk):"
@echo '   make lint                 ruff check and format check'
@echo '   make format               ruff format and fix'
@echo '   make bench [BENCH_ARGS=]  build a synthetic 650-branch site and measure it against one plain pelican and Hugo'
@echo '   make budget               page weight per page type, hero pictures, search data, calendar sizes, against budgets'
@echo '   make translations-extract the interface'"'"'s strings into theme/translations/messages.pot'
@echo '   make translations-update  bring the cy and gd catalogs up to date with messages.pot'
@echo '   make translations-compile compile every catalog into .cache/translations/, failing on any error'
endef

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	"$(VENV)/bin/pip" install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(TEST_TOOLS_STAMP): scripts/ensure-test-tools.sh
	@scripts/ensure-test-tools.sh
	@touch $@

.PHONY: lint format bench budget translations-extract translations-update translations-compile

# The interface's catalogs (interface_language, docs/translations.md): the build reads the .po
# files itself; these keep them in step with the theme and plugins, and check them.
TRANSLATIONS = PYTHONPATH="$(BASEDIR)/plugins:$(BASEDIR)/src" "$(VENV)/bin/python" -m interface_language.catalog_tools
translations-extract: $(RUNTIME_STAMP)
	$(TRANSLATIONS) extract

translations-update: $(RUNTIME_STAMP)
	$(TRANSLATIONS) update

translations-compile: $(RUNTIME_STAMP)
	$(TRANSLATIONS) compile --cache "$(BASEDIR)/.cache"

budget: html $(DEV_STAMP) $(TEST_TOOLS_STAMP)
	"$(VENV)/bin/python" -m bench.page_budget "$(OUTPUTDIR)"
	"$(VENV)/bin/python" -m bench.picture_budget "$(OUTPUTDIR)"
	"$(VENV)/bin/python" -m bench.search_budget "$(OUTPUTDIR)"
	"$(VENV)/bin/python" -m bench.feed_budget "$(OUTPUTDIR)"

# BENCH_ARGS: --branches N --news N --events N --pages N --seed N --skip-plain --skip-hugo --naive
#   --naive-sample N --shards N --kit-only --work DIR --keep
# Hugo, the second baseline, from Debian's packages (scripts/ensure-bench-tools.sh: when missing,
# each time, as it is quick; never for the tests)
bench: $(DEV_STAMP) $(TEST_TOOLS_STAMP) $(NODE_STAMP)
	@scripts/ensure-bench-tools.sh
	"$(VENV)/bin/python" -m bench.run $(BENCH_ARGS)

lint: $(DEV_STAMP)
	"$(VENV)/bin/ruff" check .
	"$(VENV)/bin/ruff" format --check .

format: $(DEV_STAMP)
	"$(VENV)/bin/ruff" format .
	"$(VENV)/bin/ruff" check --fix .
