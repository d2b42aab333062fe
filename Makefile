# The two commands: `make run` starts Teamtafel (on a demo database when none
# exists yet), `make test` runs the whole test suite. Both build the virtualenv
# from requirements.txt first, so they work on a fresh Linux machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py --demo

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy models desktop views

bench: $(STAMP)
	$(PY) bench/bench_households.py
	$(PY) bench/bench_zrm.py
	$(PY) bench/bench_dossier.py
	$(PY) bench/bench_logchain.py
	$(PY) bench/bench_keyboard.py
	$(PY) bench/bench_minutes.py
	$(PY) bench/bench_gezinsplan.py
	$(PY) bench/bench_meetings.py
	$(PY) bench/bench_overview.py

# Every named screen, as the screen registry lists them (a new screen is registered once).
screenshots: $(STAMP)
	$(PY) main.py --db shots/demo.sqlite demo --households 300 --replace
	for screen in $$($(PY) main.py screenshot --lijst); do \
		$(PY) main.py --db shots/demo.sqlite screenshot $$screen --out shots/$$screen.png || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
