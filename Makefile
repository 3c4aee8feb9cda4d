# Tandem: the single entry point. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := build

OCF_ROOT ?= /usr/lib/ocf
DESTDIR ?=
PROVIDER_DIR := $(DESTDIR)$(OCF_ROOT)/resource.d/tandem
MANDIR ?= /usr/share/man
MAN7_DIR := $(DESTDIR)$(MANDIR)/man7
# The agents `make install` puts under resource.d/tandem (each a Swift executable target).
AGENTS ?= drbd floating-ip lvm
SWIFT ?= swift

# Release agents start fast (~2 ms; an agent runs every few seconds on every node):
# - the Swift runtime linked in (--static-swift-stdlib), libstdc++ and libgcc too (a
#   linker script named libstdc++.so that points at the static archive), no PIE, no rpath;
# - libxml2 and libqb are dlopen'ed when first needed (CTandem), so the link must not
#   name them: pkg-config files with their Cflags and no Libs stand in for the real ones.
LINK_DIR := $(CURDIR)/.build/link-static
PKGCONFIG_DIR := $(CURDIR)/.build/pkgconfig-headers
RELEASE_FLAGS := -c release --static-swift-stdlib --disable-local-rpath \
	-Xswiftc -Xclang-linker -Xswiftc -no-pie -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
	-Xlinker -L$(LINK_DIR) -Xlinker --gc-sections
RELEASE_ENV := PKG_CONFIG_PATH=$(PKGCONFIG_DIR)
RELEASE_BIN = $(shell $(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)

.PHONY: help deps build release test install install-files uninstall bench demo clean \
	lab-deps lab-image lab-up lab-down lab-ssh lab-status lab-test lab-fixtures

help:
	@echo "make deps       install the Debian packages Tandem needs (root)"
	@echo "make build      debug build"
	@echo "make release    release agents, Swift runtime linked in statically"
	@echo "make test       everything CI runs: deps, release build, the test suite"
	@echo "make install    install agents to \$$DESTDIR\$$OCF_ROOT/resource.d/tandem (OCF_ROOT=$(OCF_ROOT))"
	@echo "make uninstall  remove them again"
	@echo "make bench      benchmarks (crm_mon parse vs. bare libxml2; agent start-up vs. Dummy; VIP failover)"
	@echo "make demo       a 2-node Pacemaker cluster in network namespaces: failover of the floating IP (root)"
	@echo "make lab-test   the storage lab: boots qemu guests s1 s2 c1, runs lab/cases, tears down"
	@echo "make lab-image  build the lab guest image (cached in /var/tmp/tandem-lab by recipe hash)"
	@echo "make lab-up     boot the lab and leave it running; make lab-down stops it"
	@echo "make lab-ssh GUEST=s1 CMD='cat /proc/drbd'   run a command on a guest (no CMD: a shell)"
	@echo "make lab-fixtures  re-capture Tests/Fixtures/drbd-lab from real DRBD in the lab"

deps:
	@scripts/install-deps

build:
	$(SWIFT) build

release: $(LINK_DIR)/libstdc++.so $(PKGCONFIG_DIR)/libxml-2.0.pc $(PKGCONFIG_DIR)/libqb.pc
	$(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS)

$(LINK_DIR)/libstdc++.so:
	@mkdir -p $(@D)
	echo "INPUT($$(g++ -print-file-name=libstdc++.a))" > $@

$(PKGCONFIG_DIR)/%.pc:
	@mkdir -p $(@D)
	printf 'Name: %s\nDescription: headers only, the library is dlopen-ed\nVersion: %s\nCflags: %s\nLibs:\n' \
		"$*" "$$(pkg-config --modversion $*)" "$$(pkg-config --cflags $* | sed 's/-pthread//')" > $@

# The cluster tests (Tests/ClusterIntegrationTests) run the installed agents under a real
# Pacemaker, so the agents are installed first (never from inside `swift test`: a build
# there would wait on the build directory lock held by the running test).
test: deps release
	scripts/check-style
	$(MAKE) --no-print-directory install-files BIN_DIR="$(RELEASE_BIN)"
	TANDEM_BIN_DIR="$(RELEASE_BIN)" $(SWIFT) test 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# Where install-files takes the agents from (tests point it at a build of their own).
BIN_DIR ?= $(RELEASE_BIN)

install: release
	$(MAKE) install-files

install-files:
	install -d -m 0755 "$(PROVIDER_DIR)"
	@for agent in $(AGENTS); do \
		echo "install $(BIN_DIR)/$$agent -> $(PROVIDER_DIR)/$$agent"; \
		install -m 0755 "$(BIN_DIR)/$$agent" "$(PROVIDER_DIR)/$$agent" || exit 1; \
		install -d -m 0755 "$(MAN7_DIR)" && \
		"$(BIN_DIR)/$$agent" --man-page > "$(MAN7_DIR)/ocf_tandem_$$agent.7" || exit 1; \
	done

uninstall:
	@for agent in $(AGENTS); do rm -f "$(PROVIDER_DIR)/$$agent" "$(MAN7_DIR)/ocf_tandem_$$agent.7"; done
	-rmdir "$(PROVIDER_DIR)" 2>/dev/null || true

bench: deps release
	scripts/bench "$(RELEASE_BIN)"

# A 2-node cluster in network namespaces: promotable clone + floating IP, power-off of the
# active node, measured failover, rejoin, teardown (scripts/demo; root).
demo: deps release
	$(MAKE) --no-print-directory install-files BIN_DIR="$(RELEASE_BIN)"
	scripts/demo "$(RELEASE_BIN)"

clean:
	rm -rf .build

# --- The storage lab (lab/, README "Storage lab"): Debian 12 guests under qemu with real
# DRBD, LVM, LIO, open-iscsi and multipath. State and image live in $(TANDEM_LAB_DIR).
LAB_ENV = TANDEM_LAB_BIN="$(RELEASE_BIN)" TANDEM_LAB_AGENTS="$(AGENTS)"
GUEST ?= s1
CMD ?=

lab-deps:
	@scripts/install-deps --lab

lab-image: lab-deps
	lab/labctl image

lab-up: lab-deps release
	$(LAB_ENV) lab/labctl up

lab-down:
	lab/labctl down

lab-ssh:
	lab/labctl ssh $(GUEST) $(CMD)

lab-status:
	lab/labctl status

lab-test: lab-deps release
	$(LAB_ENV) lab/run-tests

lab-fixtures: lab-deps release
	$(LAB_ENV) lab/capture-drbd-fixtures
