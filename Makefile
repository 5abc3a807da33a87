# Makefile for cto-assess.  Hand-written; GNU make.
#
#   make                 build ./cto-assess
#   make run             install build dependencies, build, start an assessment
#   make check           install test dependencies, build, run every test
#   make check-sanitize  the same tests built with ASan and UBSan
#   make coverage        the same tests, then line coverage per file (gcovr)
#   make install         install under $(DESTDIR)$(PREFIX)
#   make bench           timing figures (not a test)
#   make fuzz            fuzz the parsers with libFuzzer (FUZZ_SECONDS each)
#
# WERROR=1 turns warnings into errors (CI uses it).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/cto-assess
MANDIR   = $(PREFIX)/share/man
# Where bash-completion, zsh and fish look for completions of a command.
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS     = yaml-0.1 libcjson readline

BUILD   ?= build
# The program: ./cto-assess for the normal build, inside $(BUILD) otherwise.
PROG    ?= cto-assess

WARNINGS = -Wall -Wextra -Wpedantic -Wmissing-prototypes -Wstrict-prototypes \
	   -Wshadow -Wwrite-strings -Wformat=2 -Wvla -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
ifeq ($(SANITIZE),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
endif

CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) \
	     $(SANFLAGS) -Iinclude -I$(BUILD) \
	     $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS) $(CPPFLAGS)
LIBS     = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

SRCS     = $(sort $(wildcard src/*.c))
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
LIB_OBJS = $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ = $(BUILD)/obj/main.o
HEADERS  = $(wildcard include/*.h)

UNIT_SRCS  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS  = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_LIBS  = $(shell $(PKG_CONFIG) --libs cmocka)

MAN_PAGES  = man/cto-assess.1 man/cto-assess-questionnaire.5

.PHONY: all run check check-sanitize coverage test-all unit-tests deps \
	deps-test deps-coverage \
	install uninstall clean bench fuzz lint-man reports FORCE

all: $(PROG)

$(PROG): $(LIB_OBJS) $(MAIN_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Where the installed program finds its questionnaires.  Rewritten only when
# PREFIX (or DATADIR) changes, so that 'make install PREFIX=...' after a
# plain 'make' rebuilds what depends on it and nothing else.
$(BUILD)/config.h: FORCE
	@mkdir -p $(@D)
	@printf '#define CTO_ASSESS_DATADIR "%s"\n' '$(DATADIR)' >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/obj/assessment.o: $(BUILD)/config.h

FORCE:

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB_OBJS) $(UNIT_LIBS) $(LIBS)

unit-tests: $(UNIT_BINS)

# The two commands of the README's quick start.  Dependencies are installed
# first, in a separate step, so that pkg-config sees them when make re-reads
# this file.
run: deps
	@$(MAKE) --no-print-directory all
	$(abspath $(PROG)) run

check: deps-test
	@$(MAKE) --no-print-directory test-all

check-sanitize: deps-test
	@$(MAKE) --no-print-directory test-all BUILD=build-san \
		PROG=build-san/cto-assess SANITIZE=1 CFLAGS="-O1 -g"

# Line coverage of src/ by every test: a --coverage build of its own in
# build-cov (started afresh, so no count is left from an older run), the
# tests, then gcovr's table per file and the total, which must stay at or
# above COVERAGE_MIN percent.
COVERAGE_MIN ?= 90
coverage: deps-coverage
	@rm -rf build-cov
	@$(MAKE) --no-print-directory test-all BUILD=build-cov \
		PROG=build-cov/cto-assess CFLAGS="-O0 -g --coverage" \
		LDFLAGS=--coverage
	gcovr --root . --filter 'src/' --fail-under-line $(COVERAGE_MIN) \
		build-cov/obj

test-all: all unit-tests
	@CTO_ASSESS=$(abspath $(PROG)) UNIT_DIR=$(BUILD)/tests \
		tests/run-tests.sh

deps:
	@scripts/install-deps build

deps-test:
	@scripts/install-deps test

deps-coverage:
	@scripts/install-deps coverage

lint-man:
	mandoc -T lint -W warning $(MAN_PAGES)

# The bench's own programs (the bare parse, the cost of a save) link the
# objects the program is built from, so they cannot drift from it.
BENCH_BINS = $(BUILD)/bench/parse-floor $(BUILD)/bench/record-cost

$(BUILD)/bench/%: tests/bench/%.c $(LIB_OBJS) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

bench: all $(BENCH_BINS)
	@BENCH_DIR=$(abspath $(BUILD)/bench) \
		tests/bench/run-bench.sh $(abspath $(PROG))

# Coverage-guided fuzzing of the loaders, the condition language and the
# report (answers scored and rendered in every format) with
# clang's libFuzzer, ASan and UBSan; FUZZ_SECONDS per target.  Not part of
# 'make check' (it has no end of its own); run it after changing a parser.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = questionnaire answers expr report review tracking lens
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" SANITIZE=1 \
		$(patsubst %,build-fuzz/fuzz_%,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus-$$t; \
		case $$t in \
		questionnaire) seeds="tests/questionnaires/good tests/questionnaires/bad questionnaires";; \
		answers) seeds="tests/run tests/examples";; \
		report) seeds="tests/report/plan tests/report/basic";; \
		review) seeds="tests/reviews/good tests/reviews/bad tests/report/reviewed tests/examples/branded";; \
		tracking) seeds="tests/report/compare";; \
		lens) cp tests/import/lens-mini.json build-fuzz/corpus-$$t/; \
		      seeds="tests/import/bad";; \
		*) seeds="";; \
		esac; \
		echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
		build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=65536 -timeout=10 -print_final_stats=1 \
			build-fuzz/corpus-$$t $$seeds 2>&1 | \
			grep -E 'stat::number_of_executed_units|ERROR|SUMMARY' \
			|| exit 1; \
	done

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJS) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< \
		$(LIB_OBJS) $(LIBS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DATADIR)/questionnaires/areas
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/cto-assess
	install -m 644 man/cto-assess.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/cto-assess-questionnaire.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 questionnaires/*.yaml questionnaires/*.json \
		questionnaires/CHANGELOG.md \
		$(DESTDIR)$(DATADIR)/questionnaires/
	install -m 644 questionnaires/areas/*.yaml \
		$(DESTDIR)$(DATADIR)/questionnaires/areas/
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 644 scripts/completions/cto-assess.bash \
		$(DESTDIR)$(BASHCOMPDIR)/cto-assess
	install -m 644 scripts/completions/_cto-assess \
		$(DESTDIR)$(ZSHCOMPDIR)/_cto-assess
	install -m 644 scripts/completions/cto-assess.fish \
		$(DESTDIR)$(FISHCOMPDIR)/cto-assess.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cto-assess \
		$(DESTDIR)$(MANDIR)/man1/cto-assess.1 \
		$(DESTDIR)$(MANDIR)/man5/cto-assess-questionnaire.5 \
		$(DESTDIR)$(BASHCOMPDIR)/cto-assess \
		$(DESTDIR)$(ZSHCOMPDIR)/_cto-assess \
		$(DESTDIR)$(FISHCOMPDIR)/cto-assess.fish
	rm -rf $(DESTDIR)$(DATADIR)

# What a visitor sees in reports/: the checklists of the shipped
# questionnaires and the example reports of tests/examples/, with a
# screenshot of one and the first page of the branded example printed to
# PDF (tests/cli/checklists.sh and report_examples.sh fail while any
# report is stale).
reports: all
	$(abspath $(PROG)) list -q questionnaires/cto-readiness.yaml \
		--format md -o reports/cto-readiness-checklist.md --force
	$(abspath $(PROG)) list -q questionnaires/cto-quick.yaml \
		--format md -o reports/cto-quick-checklist.md --force
	SCREENSHOT=1 tests/examples/regen.sh reports $(abspath $(PROG))

clean:
	rm -rf build build-san build-cov build-fuzz cto-assess
