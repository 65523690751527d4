# A thin wrapper around CMake.  `make demo` and `make test` install what is
# missing from Debian's packages (tools/deps.sh), configure, build and run.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_Q     = cmake -S . -B

.PHONY: all deps build demo test install test-asan fuzz bench coverage clean

all: build

deps:
	@sh tools/deps.sh

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory -s

demo: build
	@sh examples/demo.sh $(call sq,$(BUILD)/planc) $(call sq,$(BUILD))

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# PREFIX/bin/planc, PREFIX/lib/planc/planc-llvm.so, the manual page and
# the documents (docs/UNATTENDED.md §1); DESTDIR stages them for a package.
# Each is one word to the shell whatever it holds (blanks, quotes):
# quoted as $(call sq,VALUE) quotes.
PREFIX ?= /usr/local
sq = '$(subst ','\'',$(1))'
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
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DPLANC_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) -- --no-print-directory -s
	@cd $(ASAN_BUILD) && $(ASAN_ENV) \
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
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DPLANC_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target planc -- --no-print-directory -s
	@python3 tests/fuzz/fuzz.py --planc $(ASAN_BUILD)/planc --secs $(FUZZ_SECS) --cases $(FUZZ_CASES) \
	  $(if $(FUZZ_SEED),--seed $(FUZZ_SEED)) --out $(ASAN_BUILD)/fuzz-findings $(FUZZ_ARGS)

BENCH_BUILD ?= build-bench

# The benchmark (docs/PERFORMANCE.md): a Release build of planc and
# planc-bench, then tests/bench/run.sh; pandas for its comparison (e).
# Not part of `make test`.
# `make bench BENCH_ARGS=--quick` for a short run.
bench: deps
	@sh tools/deps.sh python3-pandas
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target planc planc-bench -- --no-print-directory -s
	@sh tests/bench/run.sh $(BENCH_BUILD) $(BENCH_ARGS)

# Line coverage of planc's sources by the whole suite (tools/coverage.sh:
# a Debug build with gcc's --coverage, ctest, gcov), least covered first;
# the list is also in $(COV_BUILD)/coverage.txt.  Not part of `make test`.
COV_BUILD ?= build-cov
coverage: deps
	@JOBS=$(JOBS) sh tools/coverage.sh $(COV_BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD) $(COV_BUILD)
