# photoconsent: library, command, tests.
#
#   make            build the library (.a, versioned .so) and the command
#   make test       install what is missing, then build and run every test,
#                   then the same suites under AddressSanitizer + UBSan
#   make demo       install what is missing, build, run the tool on samples/
#   make analyze    install what is missing, then cppcheck and clang-tidy
#                   over every C file; any finding fails
#   make install    PREFIX=/usr/local DESTDIR= : binary, library, headers, .pc
#   make V=1        show the commands
#   make SANITIZE=address,undefined BUILD=build/san   a sanitizer build

VERSION   := 0.1.0
SOVERSION := 0
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
SANITIZE  ?=
CORPUS    ?= ../shared/corpus/real
# Photos read with each allocation failed in turn.
TORTURE_PHOTOS := $(wildcard samples/*.jpg)
# Photos judged so: one for each kind of rule (a refusal, ambiguous and
# unknown tags with an event by date, a no_name pupil in the caption, a name
# in the file name, GPS, unnamed faces and a flat keyword, no_photo).
TORTURE_JUDGED := samples/sports-day-digikam.jpg samples/nativity-name-variants.jpg \
	samples/book-week-iptc-utf8.jpg samples/sophie-wright-book-week.jpg \
	samples/zoo-trip-gps.jpg samples/science-fair-apple-photos.jpg \
	samples/book-week-caption-bridge.jpg
# A folder scanned so: photos judged each way, a sidecar, a file that is
# not a photo.
TORTURE_SCANNED := samples/sports-day-digikam.jpg samples/nativity-name-variants.jpg \
	samples/playground-untagged.jpg samples/harvest-digikam-sidecar.jpg \
	samples/harvest-digikam-sidecar.jpg.xmp samples/README.md
# Criterion's own runner leaks a small block of its own now and then when
# it runs tests in parallel; under LeakSanitizer they run one at a time.
UNIT_JOBS := $(if $(findstring address,$(SANITIZE)),1,2)
PKG_CONFIG ?= pkg-config
CC        ?= cc

LIB_PKGS  := libexif expat libutf8proc sqlite3 libjpeg
TEST_PKGS := criterion

WARNINGS := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wvla -Wwrite-strings \
	-Wpointer-arith -Wformat=2 -Wundef -Wnull-dereference \
	-Wimplicit-fallthrough -Wdouble-promotion
CFLAGS   ?= -O2 -g
BASE_CFLAGS := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(WARNINGS) $(CFLAGS) -Ilib/include
ifneq ($(SANITIZE),)
BASE_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif

# Flags from pkg-config, asked once per make run (and only when building).
pkg_cflags = $(shell $(PKG_CONFIG) --cflags $(1))
pkg_libs   = $(shell $(PKG_CONFIG) --libs $(1))
ifneq ($(filter-out deps test demo bench clean lint headertest analyze,$(or $(MAKECMDGOALS),all)),)
LIB_CFLAGS := $(call pkg_cflags,$(LIB_PKGS))
# libcsv ships no pkg-config file.
LIB_LIBS   := $(call pkg_libs,$(LIB_PKGS)) -lcsv -lpthread -lm
endif
ifneq ($(filter check check-suites $(BUILD)/tests/% $(BUILD)/bench/% bench-run analyze-run,$(MAKECMDGOALS)),)
TEST_CFLAGS := $(call pkg_cflags,$(TEST_PKGS))
TEST_LIBS   := $(call pkg_libs,$(TEST_PKGS))
endif

ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

STAGES   := base read store judge report scan
LIB_SRC  := $(sort $(wildcard $(STAGES:%=lib/%/*.c)))
LIB_HDR  := $(wildcard $(STAGES:%=lib/%/*.h))
STAGE_INC := -Ilib
CMD_SRC  := $(sort $(wildcard cmd/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
MIGRATIONS := $(sort $(wildcard consent-db/migrations/*.sql))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o
CMD_OBJ  := $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

STATIC_LIB := $(BUILD)/libphotoconsent.a
SHARED_LIB := $(BUILD)/libphotoconsent.so.$(VERSION)
BIN        := $(BUILD)/photoconsent
UNIT_BIN   := $(BUILD)/tests/unit-tests
TOOLS      := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/%)
TORTURE    := $(BUILD)/tests/torture
BENCH_SRC  := $(sort $(wildcard bench/*.c))
# A benchmark of several files is a folder with a main.c: bench/NAME/*.c.
BENCH_DIRS := $(patsubst bench/%/main.c,%,$(wildcard bench/*/main.c))
# The fuzz targets, tests/fuzz/fuzz_NAME.c (`make fuzz`); `make test`
# replays the inputs they found through the same code without libFuzzer.
FUZZERS    := photo csv_import reports preview sidecar
REPLAY_BIN := $(FUZZERS:%=$(BUILD)/tests/fuzz-%)
BENCHES    := $(sort $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%) $(BENCH_DIRS:%=$(BUILD)/bench/%))

.PHONY: all deps deps-build test check check-suites demo install clean lint headertest valgrind fuzz fuzz-seeds \
	bench analyze analyze-run
.DEFAULT_GOAL := all

all: $(STATIC_LIB) $(SHARED_LIB) $(BIN)

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR) $(wildcard lib/include/photoconsent/*.h) Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) -fPIC -fvisibility=hidden \
		-DPC_BUILDING_LIBRARY -c -o $@ $<

# The schema's migrations, compiled in as strings so that the library needs
# no files at run time: one C string per .sql file, in file-name order.
$(BUILD)/gen/migrations.c: $(MIGRATIONS) build-aux/embed-sql.sh Makefile
	$(call say,GEN,$@)
	@mkdir -p $(@D)
	$(Q)sh build-aux/embed-sql.sh $(MIGRATIONS) > $@

$(BUILD)/gen/migrations.o: $(BUILD)/gen/migrations.c
	$(call say,CC,$<)
	$(Q)$(CC) $(BASE_CFLAGS) $(STAGE_INC) -fPIC -fvisibility=hidden -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c $(wildcard cmd/*.h lib/include/photoconsent/*.h) Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_HDR) $(wildcard lib/include/photoconsent/*.h) Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_CFLAGS) $(TEST_CFLAGS) $(STAGE_INC) -c -o $@ $<

$(STATIC_LIB): $(LIB_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(SHARED_LIB): $(LIB_OBJ)
	$(call say,LD,$@)
	$(Q)$(CC) -shared -Wl,-soname,libphotoconsent.so.$(SOVERSION) $(LDFLAGS) \
		-o $@ $^ $(LIB_LIBS)
	$(Q)ln -sf libphotoconsent.so.$(VERSION) $(BUILD)/libphotoconsent.so.$(SOVERSION)
	$(Q)ln -sf libphotoconsent.so.$(SOVERSION) $(BUILD)/libphotoconsent.so

# The command links the static library, so it runs from the build folder.
$(BIN): $(CMD_OBJ) $(STATIC_LIB)
	$(call say,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(STATIC_LIB) $(LIB_LIBS)

$(UNIT_BIN): $(UNIT_OBJ) $(STATIC_LIB)
	$(call say,LD,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(STATIC_LIB) $(LIB_LIBS) $(TEST_LIBS)

# Test tools; csv_table reads CSV with libcsv, as the import does.
$(BUILD)/tests/%: tests/tools/%.c Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $< -lcsv

# The library's own allocations go through the torture test's wrappers.
$(TORTURE): tests/torture/torture.c $(STATIC_LIB) Makefile
	$(call say,LD,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LDFLAGS) \
		-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup \
		-o $@ $< $(STATIC_LIB) $(LIB_LIBS)

# Benchmarks link the static library and may use its private headers.
$(BUILD)/bench/%: bench/%.c $(STATIC_LIB) Makefile
	$(call say,LD,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) $(LDFLAGS) -o $@ $< $(STATIC_LIB) $(LIB_LIBS)

# A benchmark of several files: each compiled on its own, its objects under
# BUILD/bench/obj/NAME/ (BUILD/bench/NAME is the program), then linked.
$(BUILD)/bench/obj/%.o: bench/%.c $(wildcard bench/*/*.h) $(LIB_HDR) \
		$(wildcard lib/include/photoconsent/*.h) Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) -c -o $@ $<

define bench_program
$(BUILD)/bench/$(1): $(patsubst bench/%.c,$(BUILD)/bench/obj/%.o,$(wildcard bench/$(1)/*.c)) $(STATIC_LIB)
	$$(call say,LD,$$@)
	$(Q)$$(CC) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(STATIC_LIB) $$(LIB_LIBS)
endef
$(foreach b,$(BENCH_DIRS),$(eval $(call bench_program,$(b))))

# ---------------------------------------------------------------- set-up

# Installs the Debian packages the build and the tests need (as root), or
# says which to install; deps-build only what the build and the demo need.
deps:
	@sh build-aux/deps.sh test

deps-build:
	@sh build-aux/deps.sh build

# ---------------------------------------------------------------- tests

# The README's test command: set-up, the suites, then again under sanitizers.
test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/san SANITIZE=address,undefined \
		CFLAGS='-O1 -g' check-suites
	@$(MAKE) --no-print-directory headertest lint

# The benchmarks are built here (not run, and once: not again under the
# sanitizers), so that they never fall behind the library's interface.
check: check-suites valgrind $(BENCHES)
	@sh tests/e2e/agree.sh $(BIN) $(CORPUS)

check-suites: all $(UNIT_BIN) $(TOOLS) $(TORTURE) $(REPLAY_BIN)
	@echo "== unit tests ($(if $(SANITIZE),sanitize=$(SANITIZE),plain build))"
	$(Q)$(UNIT_BIN) --jobs $(UNIT_JOBS) --short-filename
	@echo "== inputs the fuzzers found, replayed ($(if $(SANITIZE),sanitize=$(SANITIZE),plain build))"
	$(Q)for f in $(FUZZERS); do [ -d tests/fuzz/regressions/$$f ] || continue; \
		$(BUILD)/tests/fuzz-$$f tests/fuzz/regressions/$$f || exit 1; done
	@echo "== every allocation failed in turn ($(if $(SANITIZE),sanitize=$(SANITIZE),plain build))"
	$(Q)$(TORTURE) $(TORTURE_PHOTOS) >$(BUILD)/torture.log || { cat $(BUILD)/torture.log; exit 1; }
	@tail -n 1 $(BUILD)/torture.log
	$(Q)$(TORTURE) --import tests/torture/import.csv >$(BUILD)/torture-import.log || \
		{ cat $(BUILD)/torture-import.log; exit 1; }
	@head -n 1 $(BUILD)/torture-import.log
	$(Q)$(TORTURE) --import tests/e2e/excel/excel-semicolon.csv >$(BUILD)/torture-excel.log || \
		{ cat $(BUILD)/torture-excel.log; exit 1; }
	@head -n 1 $(BUILD)/torture-excel.log
	$(Q)$(TORTURE) --judge consent-db/demo.csv $(TORTURE_JUDGED) >$(BUILD)/torture-judge.log || \
		{ cat $(BUILD)/torture-judge.log; exit 1; }
	@head -n 1 $(BUILD)/torture-judge.log
	$(Q)rm -rf $(BUILD)/torture-scan && mkdir -p $(BUILD)/torture-scan && \
		cp $(TORTURE_SCANNED) $(BUILD)/torture-scan/
	$(Q)$(TORTURE) --scan consent-db/demo.csv $(BUILD)/torture-scan >$(BUILD)/torture-scan.log || \
		{ cat $(BUILD)/torture-scan.log; exit 1; }
	@head -n 1 $(BUILD)/torture-scan.log
	@echo "== end-to-end tests ($(if $(SANITIZE),sanitize=$(SANITIZE),plain build))"
	$(Q)sh tests/e2e/run.sh $(BUILD)

valgrind: all $(TOOLS)
	@echo "== valgrind: inspect and scan --html over samples/ and the hostile files"
	$(Q)sh tests/e2e/valgrind.sh $(BUILD)

# The public header must stand alone as strict C17.
headertest:
	@mkdir -p $(BUILD)
	$(Q)for h in lib/include/photoconsent/*.h; do \
		printf '#include <photoconsent/%s>\nint main(void) { return 0; }\n' \
			"$${h##*/}" > $(BUILD)/headertest.c && \
		$(CC) -std=c17 -pedantic -Wall -Wextra -Werror -Ilib/include \
			-fsyntax-only $(BUILD)/headertest.c || exit 1; \
		echo "headertest: $${h##*/} compiles alone as C17"; \
	done

# Functions that invite overflows or silent failures have no place here.
lint:
	@if grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok)\s*\(' \
		$(LIB_SRC) $(LIB_HDR) cmd/*.c cmd/*.h; then \
		echo "lint: use the bounded or checked alternative"; exit 1; \
	else echo "lint: no banned functions"; fi
	@sh build-aux/check-stages.sh
	@# The check must be able to fail: a store file that looks up at the judge.
	$(Q)rm -rf $(BUILD)/stages-probe && mkdir -p $(BUILD)/stages-probe/lib/store \
		$(BUILD)/stages-probe/lib/judge && \
	printf '#include "judge/snapshot.h"\n' > $(BUILD)/stages-probe/lib/store/up.c && \
	touch $(BUILD)/stages-probe/lib/judge/snapshot.h && \
	if sh build-aux/check-stages.sh $(BUILD)/stages-probe >/dev/null; then \
		echo "lint: the stage check passed an include that goes up"; exit 1; \
	else echo "lint: the stage check refuses an include that goes up"; fi

# ---------------------------------------------------------------- analysis

# cppcheck and clang-tidy (its checks in .clang-tidy) over every C file of
# the tree, each file with the flags it is built with, from a compile command
# list written from this Makefile's own flags. Any finding fails; one that is
# not a fault is suppressed where it stands, with the reason.
ANALYZE_GROUPS := \
	'$(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) -fPIC -fvisibility=hidden -DPC_BUILDING_LIBRARY' \
		$(LIB_SRC) -- \
	'$(BASE_CFLAGS)' $(CMD_SRC) $(TOOL_SRC) tests/torture/torture.c -- \
	'$(BASE_CFLAGS) $(LIB_CFLAGS) $(TEST_CFLAGS) $(STAGE_INC)' $(UNIT_SRC) -- \
	'$(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC)' $(BENCH_SRC) $(wildcard bench/*/*.c) -- \
	'$(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) -DPC_BUILDING_LIBRARY' $(wildcard tests/fuzz/*.c)
# cppcheck knows C11 at most (C17 changed no rule it checks). Its checks
# turned off, each for the whole tree:
#   variableScope: a function's locals may be declared together at its top;
#   readdirCalled: readdir_r is the deprecated one, and each directory
#     stream here belongs to one thread;
#   usleepCalled: the tests' waits of a few milliseconds need no more.
CPPCHECK_FLAGS := --std=c11 --enable=warning,style,performance,portability \
	--library=posix --library=gnu --library=sqlite3 \
	--library=build-aux/cppcheck-criterion.cfg \
	--inline-suppr --error-exitcode=1 --quiet -j 2 \
	--suppress=missingIncludeSystem --suppress=variableScope \
	--suppress=readdirCalled --suppress=usleepCalled

analyze: deps
	@$(MAKE) --no-print-directory analyze-run

analyze-run:
	@mkdir -p $(BUILD)/analyze
	$(Q)sh build-aux/compile-db.sh $(CC) $(ANALYZE_GROUPS) > $(BUILD)/analyze/compile_commands.json
	@echo "== cppcheck"
	$(Q)cppcheck $(CPPCHECK_FLAGS) --project=$(BUILD)/analyze/compile_commands.json
	@echo "cppcheck: no findings"
	@echo "== clang-tidy"
	$(Q)sed -n 's/.*"file": "\([^"]*\)".*/\1/p' $(BUILD)/analyze/compile_commands.json | \
		xargs -P 2 -n 1 clang-tidy -p $(BUILD)/analyze --quiet \
		>$(BUILD)/analyze/clang-tidy.log 2>&1 || \
		{ grep -v 'warnings\? generated\.$$' $(BUILD)/analyze/clang-tidy.log; \
		  echo "clang-tidy: findings above (all of it: $(BUILD)/analyze/clang-tidy.log)"; exit 1; }
	@echo "clang-tidy: no findings in $$(grep -c '"file"' $(BUILD)/analyze/compile_commands.json) files"

# ---------------------------------------------------------------- benchmarks

# Figures, not tests: each benchmark prints what it measured against its
# named baseline.
bench: deps
	@$(MAKE) --no-print-directory bench-run

bench-run: all $(BENCHES)
	$(Q)for b in $(BENCHES); do echo "== $$b"; $$b || exit 1; done

# ---------------------------------------------------------------- demo

demo: deps-build
	@$(MAKE) --no-print-directory all
	@sh build-aux/demo.sh $(BIN)

# ---------------------------------------------------------------- install

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/photoconsent $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/photoconsent
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libphotoconsent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libphotoconsent.so.$(SOVERSION)
	ln -sf libphotoconsent.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libphotoconsent.so
	install -m 644 lib/include/photoconsent/*.h $(DESTDIR)$(PREFIX)/include/photoconsent/
	install -m 644 man/photoconsent.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@REQUIRES@|$(LIB_PKGS)|' \
		build-aux/photoconsent.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/photoconsent.pc

clean:
	rm -rf $(BUILD)

# ---------------------------------------------------------------- fuzzing

# libFuzzer (clang, ASan + UBSan) on each target tests/fuzz/fuzz_NAME.c in
# turn, FUZZ_SECONDS each (60 by default); not part of `make test`, which
# replays the inputs kept in tests/fuzz/regressions/NAME/. Each target's
# corpus grows in BUILD/fuzz/NAME/corpus and is kept from run to run; the
# seeds are read where they are (FUZZ_CORPUS, when present, is only read).
.PHONY: $(FUZZERS:%=fuzz-%)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_CORPUS  ?= ../shared/corpus
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := $(filter-out -O2,$(BASE_CFLAGS)) -O1 $(FUZZ_SAN) $(STAGE_INC) -Itests/fuzz
FUZZ_OBJ     := $(LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_DIR)/obj/migrations.o
# Kept between runs, although only pattern rules name them.
.SECONDARY: $(FUZZ_OBJ)
# The import's target moves "today" by wrapping time().
FUZZ_LDFLAGS_csv_import := -Wl,--wrap=time
# Each target's seeds, and the longest input it is given.
FUZZ_HOSTILE := $(FUZZ_DIR)/hostile
FUZZ_SEEDS_photo      := samples $(FUZZ_HOSTILE) $(wildcard $(FUZZ_CORPUS))
FUZZ_SEEDS_reports    := samples $(FUZZ_HOSTILE) $(wildcard $(FUZZ_CORPUS))
FUZZ_SEEDS_preview    := samples $(FUZZ_HOSTILE) $(wildcard $(FUZZ_CORPUS))
FUZZ_SEEDS_csv_import := consent-db tests/e2e/excel tests/torture
FUZZ_SEEDS_sidecar    := $(FUZZ_DIR)/sidecar-seeds
FUZZ_MAX_LEN := 262144
FUZZ_MAX_LEN_csv_import := 65536
FUZZ_MAX_LEN_sidecar := 131072
FUZZ_MAX_LEN_reports := 65536
FUZZ_BIN     := $(FUZZERS:%=$(FUZZ_DIR)/fuzz_%)

$(FUZZ_DIR)/obj/lib/%.o: lib/%.c $(LIB_HDR) $(wildcard lib/include/photoconsent/*.h) Makefile
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(LIB_CFLAGS) \
		-DPC_BUILDING_LIBRARY -c -o $@ $<

$(FUZZ_DIR)/obj/migrations.o: $(BUILD)/gen/migrations.c
	$(call say,CC,$<)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h $(FUZZ_OBJ)
	$(call say,LD,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(LIB_CFLAGS) $(FUZZ_LDFLAGS_$*) -o $@ \
		$< tests/fuzz/fuzz_common.c $(FUZZ_OBJ) $(LIB_LIBS)

$(BUILD)/tests/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h \
		tests/fuzz/replay.c $(STATIC_LIB)
	$(call say,LD,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_CFLAGS) $(STAGE_INC) -Itests/fuzz $(LDFLAGS) \
		$(FUZZ_LDFLAGS_$*) -o $@ $< tests/fuzz/fuzz_common.c tests/fuzz/replay.c \
		$(STATIC_LIB) $(LIB_LIBS)

# The seeds made here: the hostile files, and the sidecars on their own.
fuzz-seeds: $(BUILD)/tests/make_hostile
	$(Q)rm -rf $(FUZZ_HOSTILE) $(FUZZ_SEEDS_sidecar) && \
		mkdir -p $(FUZZ_HOSTILE) $(FUZZ_SEEDS_sidecar) && \
		$(BUILD)/tests/make_hostile $(FUZZ_HOSTILE) >/dev/null && \
		cp samples/*.xmp $(FUZZ_SEEDS_sidecar)/

define fuzz_run
	@echo "== fuzz $(1) ($(FUZZ_SECONDS) s)"
	@mkdir -p $(FUZZ_DIR)/$(1)/corpus
	$(Q)TMPDIR=$(FUZZ_TMP) nice -n $(FUZZ_NICE) $(FUZZ_DIR)/fuzz_$(1) -max_total_time=$(FUZZ_SECONDS) \
		-max_len=$(or $(FUZZ_MAX_LEN_$(1)),$(FUZZ_MAX_LEN)) -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/$(1)/ \
		$(if $(wildcard tests/fuzz/$(1).dict),-dict=tests/fuzz/$(1).dict) \
		$(FUZZ_DIR)/$(1)/corpus $(FUZZ_SEEDS_$(1))

endef
FUZZ_NICE ?= 10
# The targets' scratch databases and files: in memory where there is a
# tmpfs, since SQLite syncs each commit.
FUZZ_TMP  ?= $(if $(wildcard /dev/shm/.),/dev/shm,$(or $(TMPDIR),/tmp))

# Every target in turn; `make fuzz-NAME` runs one.
fuzz: $(FUZZ_BIN) fuzz-seeds
	$(foreach f,$(FUZZERS),$(call fuzz_run,$(f)))

$(FUZZERS:%=fuzz-%): fuzz-%: $(FUZZ_DIR)/fuzz_% fuzz-seeds
	$(call fuzz_run,$*)
