# Two commands for a newcomer:  `make run`  (set up + start the app)  and  `make test`  (set up + run the tests).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pytest-xdist processes for `make test`: one per core, at most 4 (GUI tests start windows and threads of their own)
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)

.PHONY: run test bench setup sysdeps clean translations

run: $(STAMP)
	$(PY) main.py

test: $(STAMP) sysdeps
	@if command -v xvfb-run >/dev/null; then \
	  echo "Keyboard shortcuts under a real X server (xvfb, xcb):"; \
	  xvfb-run -a env QT_QPA_PLATFORM=xcb $(PY) -m pytest -q -p no:cacheprovider $(X_TESTS); \
	else echo "note: xvfb-run is not installed; the shortcut tests ran offscreen only"; fi
	@echo "The suite, offscreen, in $(TEST_WORKERS) processes; then the tests that measure time, alone:"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) -m "not serial"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m serial

bench: $(STAMP)
	$(PY) benchmarks/bench_core.py
	$(PY) benchmarks/bench_fast.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_gui.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_network.py

# System packages the tests use (Debian/Ubuntu): desktop-file-validate checks the launcher; Xvfb and the X libraries
# Qt's xcb platform needs run the keyboard-shortcut tests under a real X server; fonts-noto-cjk draws Korean (Hangul)
# in the window and its exports. Installed when apt can (as root or with sudo); otherwise those tests are skipped with
# a note.
SYSDEPS := desktop-file-utils xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-shape0 libxcb-render-util0 libxcb-image0 fonts-noto-cjk
X_TESTS := tests/ui/test_keys.py tests/ui/test_what_runs.py

sysdeps:
	@missing=$$(for p in $(SYSDEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done 2>/dev/null); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" != none ]; then \
	    $$SUDO apt-get update -qq >/dev/null 2>&1; \
	    $$SUDO apt-get install -y -qq $$missing >/dev/null 2>&1 || echo "note: could not install $$missing"; \
	  fi; \
	fi; \
	command -v desktop-file-validate >/dev/null || \
	  echo "note: desktop-file-utils is not installed; the launcher validation test is skipped"; \
	{ command -v fc-list >/dev/null && [ -n "$$(fc-list :lang=ko family)" ]; } || \
	  echo "note: no font with Hangul is installed (fonts-noto-cjk); Korean shows as boxes and its font test is skipped"

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The translations (thermogui/resources/i18n): collect every string the sources mark for translation into each
# thermogui_<lang>.ts (new ones unfinished, vanished ones dropped), then compile the .qm the package ships. Both are in
# git, so an install from git needs no Qt tools; tests/ui/test_i18n.py checks both are up to date. New translations can
# also come as JSON fragments in tools/i18n/ (tools/i18n_fill.py merges them), so several translators work at once.
I18N := thermogui/resources/i18n

translations: $(STAMP)
	@exec 9>"$${TMPDIR:-/tmp}/thermogui-translations.lock"; flock 9 2>/dev/null || true; \
	for ts in $(I18N)/thermogui_*.ts; do \
	  $(VENV)/bin/pyside6-lupdate -locations none -no-obsolete $$(find thermogui -name '*.py' | sort) -ts $$ts && \
	  $(PY) tools/i18n_fill.py $$ts $$(ls tools/i18n/*.json 2>/dev/null) | tail -1 && \
	  $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; \
	done

clean:
	rm -rf $(VENV) build *.egg-info

# ---- the self-contained app: PyInstaller onedir folder, trimmed, packed as dist/ThermoGUI-<version>-linux-x86_64.tar.gz
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: dist test-packaging

dist: $(DIST_STAMP)
	$(PY) packaging/build.py

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install -q -c constraints.txt -e '.[test,dist]'
	touch $(DIST_STAMP)

# The wheel in a fresh venv, and the archive unpacked and run (window offscreen, `fit --json`), sizes printed.
test-packaging: dist
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s --slow tests/test_packaging.py
