import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests' settings, autosaves and recent files out of the user's home.
_home = tempfile.mkdtemp(prefix="thermogui-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")
os.environ["XDG_STATE_HOME"] = os.path.join(_home, "state")  # the error log
os.environ["XDG_CACHE_HOME"] = os.path.join(_home, "cache")
# The UI language follows the system's (thermogui.ui.i18n); the tests read the English texts on any desktop
# (tests/ui/test_i18n.py runs its Korean ones with a language of their own).
os.environ["LANGUAGE"] = "en"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    import pytest

    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
