# The two commands of the README, and a few more for developers.
#   make demo   install what is missing, build, run the main example
#   make test   install what is missing, build, run every test
#   make fuzz   clang fuzz build (the `fuzz` preset), replay the corpora, run
#               each libFuzzer target FUZZ_SECONDS (30) on its corpus
.PHONY: all deps build test demo asan fuzz bench install clean

PRESET ?= dev
BUILD_DIR := build/$(PRESET)

all: build

deps:
	@scripts/install-deps

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET)

test: build
	ctest --preset $(PRESET)

demo: build
	@scripts/demo $(BUILD_DIR)

asan:
	@scripts/install-deps
	cmake --workflow --preset asan

FUZZ_SECONDS ?= 30
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	ctest --preset fuzz
	tests/fuzz/run_fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench: deps
	cmake --preset bench
	cmake --build --preset bench
	@scripts/run-benchmarks build/bench

install: build
	cmake --install $(BUILD_DIR) --prefix $(or $(PREFIX),/usr/local)

clean:
	rm -rf build
