# A thin wrapper around CMake.  `make demo` and `make test` install what is
# missing from Debian's packages (tools/deps.sh), configure, build and run.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

# Every directory and path a user may set (BUILD, PREFIX, DESTDIR, ...) is
# one word to the shell whatever it holds (blanks, quotes): written as
# $(call sq,VALUE), a single-quoted word.  No make target is named after
# one, since make splits target names at blanks.
sq = '$(subst ','\'',$(1))'

.PHONY: all deps build demo test install test-asan fuzz bench coverage clean

all: build

deps:
	@sh tools/deps.sh

# Configured once (a build directory holding CMakeCache.txt is reused as it is).
build: deps
	@test -f $(call sq,$(BUILD)/CMakeCache.txt) || \
	  cmake -S . -B $(call sq,$(BUILD)) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(call sq,$(BUILD)) -j $(JOBS) -- --no-print-directory -s

demo: build
	@sh examples/demo.sh $(call sq,$(BUILD)/planc) $(call sq,$(BUILD))

test: build
	@cd $(call sq,$(BUILD)) && ctest --output-on-failure -j $(JOBS)

# PREFIX/bin/planc, PREFIX/lib/planc/planc-llvm.so, the manual page and
# the documents (docs/UNATTENDED.md §1); DESTDIR stages them for a package.
PREFIX ?= /usr/local
install: build
	@DESTDIR=$(call sq,$(DESTDIR)) cmake --install $(call sq,$(BUILD)) --prefix $(call sq,$(PREFIX)) >/dev/null

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer with
# leak detection; any report fails the run.  intercept_tls_get_addr=0:
# the sanitizer runtime of gcc 12 guesses the layout of a dlopened
# library's thread-local block (LLVM's, in planc-llvm.so) from its
# address and, when the address happens to look like glibc 2.19's, scans
# a bogus range and crashes in LeakSanitizer at exit ("Tracer caught
# signal 11"; google/sanitizers#1322).  Whether it happens depends on the
# memory layout, e.g. on the length of a file's path.
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0
test-asan: deps
	@cmake -S . -B $(call sq,$(ASAN_BUILD)) -DCMAKE_BUILD_TYPE=Debug -DPLANC_SANITIZE=ON >/dev/null
	@cmake --build $(call sq,$(ASAN_BUILD)) -j $(JOBS) -- --no-print-directory -s
	@cd $(call sq,$(ASAN_BUILD)) && $(ASAN_ENV) \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# The fuzzer (tests/fuzz/fuzz.py) on the ASan build: mutated rules, data
# files and workbooks through check, run (both engines) and explain, for FUZZ_SECS seconds
# or FUZZ_CASES cases (whichever ends first; 0 = no limit), from FUZZ_SEED
# (default: printed, taken from the clock).  A reproducer per finding, line-
# minimised, goes to $(ASAN_BUILD)/fuzz-findings/NNN-KIND/repro.sh.
FUZZ_SECS  ?= 600
FUZZ_CASES ?= 0
FUZZ_SEED  ?=
fuzz: deps
	@cmake -S . -B $(call sq,$(ASAN_BUILD)) -DCMAKE_BUILD_TYPE=Debug -DPLANC_SANITIZE=ON >/dev/null
	@cmake --build $(call sq,$(ASAN_BUILD)) -j $(JOBS) --target planc -- --no-print-directory -s
	@python3 tests/fuzz/fuzz.py --planc $(call sq,$(ASAN_BUILD)/planc) --secs $(FUZZ_SECS) --cases $(FUZZ_CASES) \
	  $(if $(FUZZ_SEED),--seed $(FUZZ_SEED)) --out $(call sq,$(ASAN_BUILD)/fuzz-findings) $(FUZZ_ARGS)

BENCH_BUILD ?= build-bench

# The benchmark (docs/PERFORMANCE.md): a Release build of planc and
# planc-bench, then tests/bench/run.sh; pandas for its comparison (e).
# Not part of `make test`.
# `make bench BENCH_ARGS=--quick` for a short run.
bench: deps
	@sh tools/deps.sh python3-pandas
	@cmake -S . -B $(call sq,$(BENCH_BUILD)) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(call sq,$(BENCH_BUILD)) -j $(JOBS) --target planc planc-bench -- --no-print-directory -s
	@sh tests/bench/run.sh $(call sq,$(BENCH_BUILD)) $(BENCH_ARGS)

# Line coverage of planc's sources by the whole suite (tools/coverage.sh:
# a Debug build with gcc's --coverage, ctest, gcov), least covered first;
# the list is also in $(COV_BUILD)/coverage.txt.  Not part of `make test`.
COV_BUILD ?= build-cov
coverage: deps
	@JOBS=$(JOBS) sh tools/coverage.sh $(call sq,$(COV_BUILD))

clean:
	rm -rf $(call sq,$(BUILD)) $(call sq,$(ASAN_BUILD)) $(call sq,$(BENCH_BUILD)) $(call sq,$(COV_BUILD))
