# Two commands for a newcomer:  `make run`  (set up + start the app)  and  `make test`  (set up + run the tests).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench setup sysdeps clean

run: $(STAMP)
	$(PY) main.py

test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/bench_core.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_gui.py

# desktop-file-validate checks the launcher in the tests (Debian/Ubuntu package desktop-file-utils).
sysdeps:
	@command -v desktop-file-validate >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" != none ] && command -v apt-get >/dev/null; then \
	    $$SUDO apt-get update -qq >/dev/null && $$SUDO apt-get install -y -qq desktop-file-utils >/dev/null; \
	  fi; \
	  command -v desktop-file-validate >/dev/null || \
	    echo "note: desktop-file-utils is not installed; the launcher validation test is skipped"; }

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
