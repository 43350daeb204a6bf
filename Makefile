# callsim — two commands on a fresh Debian machine: `make run` and `make test`.
SWIFT ?= swift
PYTHON ?= python3
SCENARIO ?= Scenarios/mmc-check.yaml
BIN := .build/release/callsim
# A small run whose results the plot scripts are tested on.
PLOT_CHECK_SCENARIO ?= Scenarios/seoul-120/base.yaml

.PHONY: live-load-test live-screenshot run test test-fast python-test python-check layers deps pydeps build plots bench profile sweep-bench slurm-test sweep-example sanitize asan tsan fuzz ci clean
FUZZ_SECONDS ?= 300

## Install what is missing: GSL and GLPK (apt, one `apt-get update` for both) and the plot
## scripts' Python packages (pip). GLPK has no pkg-config file on Debian: its header is checked.
deps:
	@pkgs=""; \
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gsl; then pkgs="$$pkgs libgsl-dev pkg-config"; fi; \
	if [ ! -f /usr/include/glpk.h ]; then pkgs="$$pkgs libglpk-dev"; fi; \
	if [ -n "$$pkgs" ]; then \
	  echo "Installing$$pkgs with apt-get"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$pkgs; \
	fi

pydeps:
	@$(PYTHON) -c "import matplotlib, pandas" 2>/dev/null || $(PYTHON) -m pip install -q -r plot-scripts/requirements.txt

build: deps
	$(SWIFT) build -c release

## Build in release mode and run the default example scenario.
run: build
	$(BIN) run $(SCENARIO)

## No folder of the CallSim module uses a layer above it (Sources/CallSim/LAYERS.md).
layers:
	$(PYTHON) scripts/check-layers.py

## Build and run the whole test suite (statistical validation runs on the release build).
## `swift test` builds the binary too (the CLI tests depend on it): a `swift build` before it
## compiled everything a second time, with the flags of a non-test build (4–5 minutes).
## The tests must leave the checkout as they found it (a test once redrew a case-study
## figure from its own two-replication results): git's view of the tree before and after.
TREE_STATE = git status --porcelain --untracked-files=no 2>/dev/null
test: deps pydeps layers
	@mkdir -p .build && $(TREE_STATE) > .build/tree-before
	$(SWIFT) test -c release
	$(BIN) run $(PLOT_CHECK_SCENARIO) --replications 2 --quiet --out .build/plot-check
	$(PYTHON) plot-scripts/test_plots.py .build/plot-check
	$(MAKE) --no-print-directory python-check
	@$(TREE_STATE) | cmp -s - .build/tree-before || { echo "make test changed tracked files:"; $(TREE_STATE); exit 1; }

## The Python package (python/, docs/python.md): `pip install ./python` into a fresh virtual
## environment (seeing the plot scripts' pandas and matplotlib), then its tests, run from
## outside the source tree against the installed copy and the repository's binary.
PYVENV := .build/python-venv
python-test: build pydeps python-check

## python-test without building first (make test calls it after `swift test` built the binary:
## `swift build` there would compile everything again, with the flags of a non-test build).
python-check:
	rm -rf $(PYVENV) && $(PYTHON) -m venv --system-site-packages $(PYVENV)
	$(PYVENV)/bin/python -m pip install -q ./python
	@$(PYVENV)/bin/python -c "import pytest" 2>/dev/null || $(PYVENV)/bin/python -m pip install -q pytest
	cd $(PYVENV) && env -u CALLSIM bin/python -c "import callsim; assert 'site-packages' in callsim.__file__, callsim.__file__"
	cd $(PYVENV) && env -u CALLSIM bin/python -m pytest -q -p no:cacheprovider $(CURDIR)/python/tests

## A quick subset while working (see README, Two commands): every suite but the statistical
## validations against theory, the Seoul case, the planner's end-to-end plans and the bench, the signal tests
## and the every-scenario conservation run. `make test` is what CI and a landing run.
FAST_SKIP := BenchCommandTests|TheoryValidationTests|RoutingValidationTests|PolicyValidationTests|CallBackOfferValidationTests|MessageValidationTests|Seoul|PlanCommandTests|PlanLevelTests|PlanPeopleTests|SinusoidalDayTests|ScenarioConservationTests|InterruptionTests|CompareCommandTests
test-fast: deps layers
	$(SWIFT) test -c release --skip '$(FAST_SKIP)'

plots: build pydeps
	$(BIN) run Scenarios/seoul-120/base.yaml --replications 3 --out Results/seoul-120-base
	$(PYTHON) plot-scripts/hourly.py Results/seoul-120-base
	$(PYTHON) plot-scripts/waits.py Results/seoul-120-base

## Speed and memory against the C reference loop and SimPy (see docs/performance.md).
bench: build
	@$(PYTHON) -c "import simpy" 2>/dev/null || $(PYTHON) -m pip install -q -r bench/requirements.txt
	$(BIN) bench --repetitions 3

## Instructions per call (valgrind --tool=callgrind) of the reference case, whole process, against
## the C reference loop on the same calls, and the top functions (bench/profile.sh; docs/performance.md).
## PROFILE_SCENARIO=file profiles that scenario instead. Needs valgrind (apt-get install valgrind).
PROFILE_SCENARIO ?=
profile: build
	bench/profile.sh $(BIN) $(PROFILE_SCENARIO)

## Speed-up of `callsim sweep` from one thread to two (see docs/sweeps.md).
sweep-bench: build
	bench/sweep-bench.sh $(BIN)

## The Slurm job-array scripts on a single-node Slurm cluster started here (root; installs
## slurmctld slurmd slurm-client munge with apt-get if missing; about 20 s once installed).
## Not part of `make test`: it installs packages and starts daemons.
slurm-test: build
	cluster/slurm-test.sh

## The example sweep and its figure (docs/three-fields-modes.png).
sweep-example: build pydeps
	$(BIN) sweep Scenarios/sweeps/three-fields-modes.yaml --out Results/three-fields-modes
	$(PYTHON) plot-scripts/sweep.py Results/three-fields-modes

## 50 server-sent-event clients for 30 s on loopback against `callsim live` (see
## docs/live.md). Not part of `make test`.
LIVE_SCENARIO ?= Scenarios/seoul-120/split.yaml
live-load-test: build
	$(PYTHON) live/load-test.py --binary $(BIN) --scenario $(LIVE_SCENARIO) --clients 50 --seconds 30

## The manual's screenshot of the wallboard (docs/live-wallboard.png), with Debian's chromium
## (installed with apt-get when missing).
live-screenshot: build
	live/screenshot.sh $(BIN) $(LIVE_SCENARIO) docs/live-wallboard.png

## The test suite under AddressSanitizer and ThreadSanitizer (separate build folders).
sanitize: asan tsan

# The sanitizer and fuzz builds leave the web stack out (CALLSIM_CORE_ONLY, see Package.swift).
asan: deps pydeps
	CALLSIM_CORE_ONLY=1 LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan-suppressions.txt \
	  $(SWIFT) test -c release --sanitize=address --scratch-path .build-asan

tsan: deps pydeps
	CALLSIM_CORE_ONLY=1 TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test -c release --sanitize=thread --scratch-path .build-tsan

## Fuzz with libFuzzer for FUZZ_SECONDS in all (see Fuzz/README.md): half on the scenario
## decoder (ScenarioFuzz), half on `callsim erlang` options and rate tables (ErlangFuzz).
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
FUZZ_RUN := -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
fuzz: deps
	CALLSIM_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product ScenarioFuzz $(FUZZ_FLAGS)
	CALLSIM_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product ErlangFuzz $(FUZZ_FLAGS)
	rm -rf .build-fuzz/corpus .build-fuzz/erlang-corpus && mkdir -p .build-fuzz/corpus .build-fuzz/erlang-corpus
	find Scenarios Fuzz/corpus -name '*.yaml' -exec cp {} .build-fuzz/corpus/ \;
	cp Fuzz/erlang-corpus/* .build-fuzz/erlang-corpus/
	cd .build-fuzz && ./release/ScenarioFuzz -max_total_time=$$(( $(FUZZ_SECONDS) - $(FUZZ_SECONDS) / 2 )) $(FUZZ_RUN) corpus
	cd .build-fuzz && ./release/ErlangFuzz -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) $(FUZZ_RUN) erlang-corpus

## What CI runs: the fuzzer and sanitizers, then the whole suite.
ci: fuzz sanitize test

clean:
	rm -rf .build
