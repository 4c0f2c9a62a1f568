# The two commands: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
HOST ?= 127.0.0.1
DATABASE ?= support-portal.db
PHASE ?= live
BACKEND := target/debug/support-backend

.PHONY: run test setup setup-test app backend lint unit wasm-test browser-test size bench load clean

## run: install what is missing, build, and serve the portal with demo data at http://$(HOST):$(PORT)
run: setup app backend
	$(BACKEND) --host $(HOST) --port $(PORT) --database $(DATABASE) --phase $(PHASE) --demo --static-dir dist \
		--demo-agent --chat-hours always --demo-history 300

## test: install what is missing and run every check and test; fails on the first failure
test: setup-test app backend lint unit wasm-test browser-test

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The release bundle in dist/, split by page (size-tuned profile, wasm-split, wasm-opt);
# `trunk build` or `trunk serve` makes a plain unsplit one for development.
app:
	node scripts/build.mjs

backend:
	cargo build -p support-backend

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p support-portal --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy -p support-client -p support-chat-widget --target wasm32-unknown-unknown --all-targets -- -D warnings

# Native tests: contract, app domain/i18n/routes, backend and the OpenAPI drift check.
unit:
	cargo test --workspace

# Component tests in headless Chromium through wasm-bindgen-test-runner and chromedriver.
wasm-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	cargo test -p support-portal --target wasm32-unknown-unknown --test components

# The size budgets of the release bundle (deterministic: no timing), then the conformance suite
# and the end-to-end journeys against real reference backends.
browser-test:
	node scripts/size.mjs dist --check
	npx playwright test

## size: the release bundle's sizes (raw, gzip, brotli), its budgets, and its bytes by crate and item
size: app
	command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	node scripts/size.mjs dist --items

## bench: bundle sizes, then startup, case-list, chat, chat-widget and help-search figures in headless Chromium (figures only, no pass/fail)
bench: setup-test app backend
	node scripts/size.mjs dist
	npx playwright test -c tests/bench

## load: the load benchmark: LOAD_USERS (200) people for LOAD_SECONDS (300) against the release backend on loopback, then 25 MiB uploads beside small requests (figures only, no pass/fail)
load: setup-test
	cargo build --release -p support-backend
	npm run --silent bench:load

clean:
	rm -rf dist target/playwright test-results
