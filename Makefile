# Two commands for a newcomer: `make generate` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPEC ?= spec
OUT ?= generated

.PHONY: generate validate check typecheck browser test fuzz bench review mock clean

# The virtualenv is (re)built when missing or when the project's requirements change.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

generate: $(BIN)/.installed
	$(BIN)/maizuo-gen generate --spec $(SPEC) --out $(OUT)

validate: $(BIN)/.installed
	$(BIN)/maizuo-gen validate --spec $(SPEC)

# Fast checks: generated/ equals what spec/ produces; code style of everything.
check: $(BIN)/.installed
	$(BIN)/maizuo-gen check --spec $(SPEC) --out $(OUT)
	$(BIN)/ruff check generator tests $(OUT)
	$(BIN)/black --quiet --check generator tests $(OUT)

typecheck: $(BIN)/.installed
	$(BIN)/mypy
	cd $(OUT) && ../$(BIN)/mypy --cache-dir ../.mypy_cache/generated damai_maizuo

# Headless Chromium and a font with Chinese glyphs, for the browser tests of the HTML site
# (tests/docs/test_site_browser.py): installed from Debian where missing (as root, as on CI).
browser:
	@if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh family 2>/dev/null | grep -q .; then :; else \
		echo "installing chromium and fonts-wqy-zenhei (apt-get)"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends chromium fonts-wqy-zenhei; \
	fi

test: check typecheck browser
	$(BIN)/python -m pytest -q

fuzz: $(BIN)/.installed
	MAIZUO_FUZZ=long $(BIN)/python -m pytest -q -m fuzz tests

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

# The spec change's report for reviewers; fails on a breaking change.
BASE ?= origin/main
review: $(BIN)/.installed
	$(BIN)/maizuo-gen diff --base $(BASE) --fail-on breaking

mock: $(BIN)/.installed
	$(BIN)/maizuo-gen mock --spec $(SPEC)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache dist build
