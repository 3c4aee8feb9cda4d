# Tandem: the single entry point. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := build

OCF_ROOT ?= /usr/lib/ocf
DESTDIR ?=
PROVIDER_DIR := $(DESTDIR)$(OCF_ROOT)/resource.d/tandem
# The agents `make install` puts under resource.d/tandem (each a Swift executable target).
AGENTS ?= floating-ip
SWIFT ?= swift
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_BIN = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)

.PHONY: help deps build release test install uninstall bench demo clean

help:
	@echo "make deps       install the Debian packages Tandem needs (root)"
	@echo "make build      debug build"
	@echo "make release    release agents, Swift runtime linked in statically"
	@echo "make test       everything CI runs: deps, release build, the test suite"
	@echo "make install    install agents to \$$DESTDIR\$$OCF_ROOT/resource.d/tandem (OCF_ROOT=$(OCF_ROOT))"
	@echo "make uninstall  remove them again"
	@echo "make bench      benchmarks (scripts/bench-*: floating-ip vs. IPaddr2, …)"
	@echo "make demo       a local demo cluster showing failover (coming with the namespace-cluster work)"

deps:
	@scripts/install-deps

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps release
	TANDEM_BIN_DIR="$(RELEASE_BIN)" $(SWIFT) test 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

install: release
	install -d -m 0755 "$(PROVIDER_DIR)"
	@for agent in $(AGENTS); do \
		echo "install $(RELEASE_BIN)/$$agent -> $(PROVIDER_DIR)/$$agent"; \
		install -m 0755 "$(RELEASE_BIN)/$$agent" "$(PROVIDER_DIR)/$$agent" || exit 1; \
	done

uninstall:
	@for agent in $(AGENTS); do rm -f "$(PROVIDER_DIR)/$$agent"; done
	-rmdir "$(PROVIDER_DIR)" 2>/dev/null || true

bench: deps release
	scripts/bench "$(RELEASE_BIN)"

demo:
	@echo "make demo: the namespace demo cluster is not built yet (see the README)." >&2
	@exit 2

clean:
	rm -rf .build
