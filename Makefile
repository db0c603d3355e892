# Two entry points for people: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean bench-quality bench browser soak

# Re-install only when the dependency pins or the package metadata change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build examples -o out/graph.trig
	$(BIN)/kg viz out/graph.trig -o out/graph.html
	$(BIN)/kg stats out/graph.trig
	$(BIN)/kg query @who_works_for_whom --data out/graph.trig

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used). As root
# with apt, install it; otherwise say so, and those tests skip with the same reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "could not install chromium: the browser tests will skip"; \
	  else echo "no chromium and no root apt-get: the browser tests will skip (apt-get install chromium)"; fi; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache

# Extraction quality on the public dev sets in ../shared (prints the scores; not part of make test).
CONLL04 ?= ../shared/data/conll04/conll04_dev.json
CARB ?= ../shared/data/carb
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench-quality: $(BENCH_STAMP)
	$(BIN)/kg eval gold tests/gold/examples.jsonl
	$(BIN)/kg eval conll04 $(CONLL04)
	$(BIN)/kg eval conll04 $(CONLL04) --raw-spans
	$(BIN)/kg eval conll04 $(CONLL04) --system pairs
	$(BIN)/kg eval carb $(CARB)/dev.txt $(CARB)/dev.tsv
	$(BIN)/kg eval carb $(CARB)/dev.txt $(CARB)/dev.tsv --system textacy

# Speed, not asserted anywhere: kg's words/s over raw spaCy's on the first N BBC articles (1 and 2
# processes), then query timings on a store of the whole BBC corpus (built once into out/, then reused).
BENCH_N ?= 300
BBC ?= ../shared/data/news/bbc.jsonl
bench: $(STAMP) browser
	$(BIN)/python -m kg.bench throughput -n $(BENCH_N) --workers 1
	$(BIN)/python -m kg.bench throughput -n $(BENCH_N) --workers 2
	/usr/bin/env time -v $(BIN)/kg build $(BBC) --store out/bbc-store --workers 2 2>&1 | grep -E "built|Maximum resident|Elapsed"
	$(BIN)/python -m kg.bench queries out/bbc-store
	$(BIN)/python -m kg.bench viz out/bbc-store


# The reliability tests run longer than `make test` runs them: more SIGKILLs at a fresh random seed,
# more made-up texts through the pipeline, and a longer load test; each prints what it did. Then every
# real corpus in ../shared is built whole (kg/soak.py: counts, refusals with reasons, slowest documents).
SOAK_KILLS ?= 100
SOAK_TEXTS ?= 2000
SOAK_QUERIES ?= 2000
soak: $(STAMP) browser
	KG_CRASH_TRIALS=$(SOAK_KILLS) KG_CRASH_SEED=$$(date +%s) KG_FUZZ_EXAMPLES=$(SOAK_TEXTS) KG_LOAD_QUERIES=$(SOAK_QUERIES) \
	  $(BIN)/python -m pytest -q -s tests/test_crash_safety.py tests/test_properties.py tests/test_hostile_inputs.py \
	  tests/test_untrusted_queries.py "tests/test_serve.py::test_twenty_clients_times_two_hundred_queries_answer_without_an_error"
	$(BIN)/python -m kg.soak --workers 2
