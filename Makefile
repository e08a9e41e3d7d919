# Utväg — the README's two commands are `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?=

.PHONY: run test lint bench bench-quick demo install translations screenshots dist clean reliability

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/python -m devtools.build_translations

run: install
	$(BIN)/utvag

demo: install
	$(BIN)/python -m devtools.demo_launcher

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy storage sync desktop ui devtools

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

# Smaller sizes (a few minutes): the same pairs and ratios, written to
# build/benchmarks-quick.md (docs/benchmarks.md stays the page of record).
bench-quick: install
	QT_QPA_PLATFORM=offscreen UTVAG_BENCH_BUNDLE_MB=64 UTVAG_BENCH_BUNDLE_BIG_MB=256 \
	UTVAG_BENCH_CASES=2000 UTVAG_BENCH_IMPORT_CASES=1000 UTVAG_BENCH_NO_BUILD=1 \
	UTVAG_BENCH_OUT=build/benchmarks-quick.md $(BIN)/python -m benchmarks.run

screenshots: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m devtools.screenshots docs/screenshots

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache

# The one-folder frozen app in dist/utvag/ (build.spec; PyInstaller comes from the `build`
# extra). Writes only build/ and dist/.
dist: install
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,dev,build]'
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build build.spec

# The long reliability runs (hundreds of SIGKILLs, a kill at every fsync/rename/write of six
# commands, large fuzz budgets; about an hour;
# as root also the tmpfs variant of the full-disk tests); rewrites docs/reliability.md.
reliability: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/reliability_report.py
