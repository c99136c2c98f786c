# The two commands of the README, and a few more for developers.
#   make demo   install what is missing, build, run the main example
#   make test   install what is missing, build, run every test
.PHONY: all deps build test demo asan bench install clean

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

bench: deps
	cmake --preset bench
	cmake --build --preset bench
	@scripts/run-benchmarks build/bench

install: build
	cmake --install $(BUILD_DIR) --prefix $(or $(PREFIX),/usr/local)

clean:
	rm -rf build
