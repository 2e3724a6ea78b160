# qunpipe: one Makefile, no configure.  make help lists the targets.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man/man1
LOCALEDIR ?= $(PREFIX)/share/locale
MAN7DIR	?= $(PREFIX)/share/man/man7

CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -Wall -Wextra -Wshadow -Wmissing-prototypes -Wformat=2 -Wvla
CPPFLAGS += -Iinclude -Istages/ingest -Istages/report -Istages/cohort -D_GNU_SOURCE \
	    -DLOCALEDIR='"$(LOCALEDIR)"'
LDLIBS	?= -lcsv -lz -lisal -larchive -lxxhash -lsodium -lpthread -lm

-include config.mk

# Every build flavour lives in its own directory: build/ for the programs in
# bin/, build/asan for the sanitizer run, build/fuzz for libFuzzer targets.
B	?= build
BIN	?= bin

PROGS	= qp-cat qp-ingest qp-dedupe qp-sessionize qp-cohort qp-funnel qp-report
LIBSRC	= $(wildcard stages/lib/*.c)
LIBOBJ	= $(LIBSRC:stages/lib/%.c=$(B)/lib/%.o)
# qp-ingest's input walker and parsers, one file per format, in stages/ingest/.
INGOBJ	= $(patsubst stages/%.c,$(B)/%.o,$(wildcard stages/ingest/*.c))
# qp-report's sections and their helpers, one file each, in stages/report/.
RPTOBJ	= $(patsubst stages/%.c,$(B)/%.o,$(wildcard stages/report/*.c))
# qp-cohort's check-ins and groups file, in stages/cohort/.
COHOBJ	= $(patsubst stages/%.c,$(B)/%.o,$(wildcard stages/cohort/*.c))
# qp-funnel's step parser, apart so that it can be fuzzed.
FUNOBJ	= $(B)/funnel_steps.o
# qp-report's translations: po/LANG.po, built beside the programs.
MOS	= $(patsubst po/%.po,$(BIN)/locale/%/LC_MESSAGES/qunpipe.mo,$(wildcard po/*.po))
UNITS	= $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
FUZZERS	= $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
HDRS	= $(wildcard include/*.h stages/lib/*.h stages/*.h stages/ingest/*.h \
	    stages/report/*.h stages/cohort/*.h)

.PHONY: all test check unit asan fuzz fuzz-run demo bench install clean regen help pot
.SUFFIXES:

all: $(PROGS:%=$(BIN)/%) $(MOS)

help:
	@echo 'make            build the programs into $(BIN)/'
	@echo 'make test       unit, golden and property tests, then all again under ASan+UBSan'
	@echo 'make check      the tests once, without sanitizers'
	@echo 'make asan       the tests under AddressSanitizer + UBSan only'
	@echo 'make fuzz       build libFuzzer targets (clang) into build/fuzz'
	@echo 'make demo       run the pipeline on samples/ into out/'
	@echo 'make bench      generate 1M and 10M messages and time every program'
	@echo 'make install    install programs, monthly-report, man pages (qp-*.1, monthly-report.1, qunpipe.7) and translations under PREFIX'
	@echo 'make regen      rewrite golden expectations (review the diff!)'
	@echo 'make pot        update po/qunpipe.pot and merge it into po/*.po'

$(B)/lib/%.o: stages/lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(B)/libqp.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: stages/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(B)/ingest.a: $(INGOBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN)/qp-ingest: $(B)/qp-ingest.o $(B)/ingest.a $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/ingest.a $(B)/libqp.a $(LDLIBS)

$(BIN)/locale/%/LC_MESSAGES/qunpipe.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

# The report's strings for translators; new ones then show in each po/*.po.
pot:
	xgettext -k_ -kN_ -c'TRANSLATORS' --from-code=UTF-8 --package-name=qunpipe \
	    --no-location -o po/qunpipe.pot stages/qp-report.c stages/report/*.c
	for p in po/*.po; do msgmerge -q -U --backup=none $$p po/qunpipe.pot || exit 1; done

$(B)/report.a: $(RPTOBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN)/qp-report: $(B)/qp-report.o $(B)/report.a $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/report.a $(B)/libqp.a $(LDLIBS)

$(B)/cohort.a: $(COHOBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN)/qp-cohort: $(B)/qp-cohort.o $(B)/cohort.a $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/cohort.a $(B)/libqp.a $(LDLIBS)

$(BIN)/qp-funnel: $(B)/qp-funnel.o $(FUNOBJ) $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(FUNOBJ) $(B)/libqp.a $(LDLIBS)

$(BIN)/%: $(B)/%.o $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libqp.a $(LDLIBS)

$(B)/unit/%: tests/unit/%.c tests/unit/test.h $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(WARN) -o $@ $< $(B)/libqp.a $(LDLIBS)

$(B)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(B)/ingest.a $(FUNOBJ) $(B)/libqp.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Istages $(CFLAGS) $(WARN) -o $@ $< tests/fuzz/replay.c $(B)/ingest.a $(FUNOBJ) $(B)/libqp.a $(LDLIBS)

unit: $(UNITS:%=$(B)/unit/%) $(FUZZERS:%=$(B)/replay/%) $(B)/gen-chat

# The test suite against the programs in $(BIN) and tests in $(B).
check: all unit
	@B=$(B) BIN=$(BIN) sh tests/run

SAN	= -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# -O1 lets gcc see other things than -O2 (format truncation): make test
# holds that build to -Werror too.
asan:
	@$(MAKE) --no-print-directory B=build/asan BIN=build/asan/bin \
	    CFLAGS='-O1 -g $(SAN) $(ASANWERROR)' LDFLAGS='$(SAN)' check

test:
	@$(MAKE) --no-print-directory CFLAGS='$(CFLAGS) -Werror' check
	@$(MAKE) --no-print-directory ASANWERROR=-Werror asan

# libFuzzer targets; needs clang.
FUZZFLAGS = -O1 -g -fsanitize=fuzzer,address,undefined
fuzz:
	@command -v clang >/dev/null || { echo 'make fuzz: needs clang' >&2; exit 1; }
	@mkdir -p build/fuzz
	@$(MAKE) --no-print-directory B=build/fuzz/obj CC=clang \
	    CFLAGS='-O1 -g -fsanitize=fuzzer-no-link,address,undefined' build/fuzz/obj/libqp.a
	@$(MAKE) --no-print-directory B=build/fuzz/obj CC=clang \
	    CFLAGS='-O1 -g -fsanitize=fuzzer-no-link,address,undefined' build/fuzz/obj/ingest.a \
	    build/fuzz/obj/funnel_steps.o
	@for f in $(FUZZERS); do \
	    echo "clang $$f"; \
	    clang $(CPPFLAGS) -Istages $(FUZZFLAGS) -o build/fuzz/$$f tests/fuzz/$$f.c \
	        build/fuzz/obj/ingest.a build/fuzz/obj/funnel_steps.o \
	        build/fuzz/obj/libqp.a $(LDLIBS) || exit 1; \
	done
	@echo 'run one: build/fuzz/fuzz_stream tests/fuzz/corpus/stream -max_total_time=60'

demo: all
	@sh scripts/demo

bench: all
	@sh scripts/bench

regen: all unit
	@B=$(B) BIN=$(BIN) QP_REGEN=1 sh tests/run

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(MAN7DIR)
	for p in $(PROGS); do \
	    install -m 755 $(BIN)/$$p $(DESTDIR)$(BINDIR)/$$p && \
	    install -m 644 stages/$$p.1 $(DESTDIR)$(MANDIR)/$$p.1 || exit 1; \
	done
	for m in $(MOS); do \
	    l=$${m#$(BIN)/locale/}; \
	    install -D -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l || exit 1; \
	done
	install -m 644 stages/qunpipe.7 $(DESTDIR)$(MAN7DIR)/qunpipe.7
	install -m 755 scripts/monthly-report $(DESTDIR)$(BINDIR)/monthly-report
	install -m 644 scripts/monthly-report.1 $(DESTDIR)$(MANDIR)/monthly-report.1

clean:
	rm -rf build bin

.PRECIOUS: $(B)/%.o $(B)/lib/%.o $(B)/ingest.a $(B)/report.a $(B)/cohort.a

$(B)/gen-chat: scripts/gen-chat.c $(B)/libqp.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -o $@ $< $(B)/libqp.a $(LDLIBS) -lm

$(B)/csv-floor: scripts/csv-floor.c
	$(CC) $(CFLAGS) $(WARN) -o $@ $< -lcsv
