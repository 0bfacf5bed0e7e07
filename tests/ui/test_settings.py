"""What the app remembers (QSettings): every key in thermogui.ui.files.settings, read back with its declared type.

The recent-files bug: on Linux QSettings stores a one-item list as a plain line ("recent=/tmp/a.csv") and hands it
back after a restart as a str, so code that iterated it remembered single characters."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from thermogui.ui.files import settings
from thermogui.ui.files.settings import (
    ALL,
    FILES_RECENT,
    RUN_SPEED,
    Setting,
    add_recent,
    last_dir,
    recent_files,
    set_last_dir,
)


def no_characters(paths) -> None:
    assert all(len(p) > 1 and os.path.isabs(p) for p in paths), paths


def test_recent_files_are_whole_paths_newest_first(tmp_path):
    a, b, c = (str(tmp_path / name) for name in ("big2.thermogui.json", "readings.csv", "c.csv"))
    assert recent_files() == []
    add_recent(a)
    assert recent_files() == [a] and recent_files(QSettings()) == [a]
    add_recent(b)
    assert recent_files() == [b, a]
    assert recent_files(QSettings()) == [b, a]  # a fresh QSettings object
    add_recent(c)
    add_recent(b)  # opened again: moves to the top, listed once
    assert recent_files() == [b, c, a]
    assert FILES_RECENT.get(QSettings()) == [b, c, a]
    no_characters(recent_files())


def test_recent_files_keep_at_most_max(tmp_path):
    paths = [str(tmp_path / f"{i}.csv") for i in range(12)]
    for p in paths:
        add_recent(p)
    assert recent_files() == paths[::-1][:8]
    assert add_recent(tmp_path / "new.csv", max=3) == [str(tmp_path / "new.csv")] + paths[::-1][:2]


def test_a_one_item_list_read_back_as_a_string_is_still_one_path(tmp_path):
    ini = tmp_path / "thermogui.conf"
    ini.write_text("[files]\nrecent=/tmp/work/big2.thermogui.json\nlast_dir=/tmp\n")  # as written for ["…"]
    store = QSettings(str(ini), QSettings.IniFormat)
    assert store.value("files/recent") == "/tmp/work/big2.thermogui.json"  # what Qt hands back
    assert recent_files(store) == ["/tmp/work/big2.thermogui.json"]
    assert add_recent("/tmp/work/b.csv", store=store) == ["/tmp/work/b.csv", "/tmp/work/big2.thermogui.json"]


def test_a_list_spoilt_by_the_old_bug_is_cleaned(tmp_path):
    ini = tmp_path / "thermogui.conf"
    ini.write_text("[files]\nrecent=big2.thermogui.json, /, t, m, p, /tmp/real.csv\n")
    store = QSettings(str(ini), QSettings.IniFormat)
    assert recent_files(store) == ["/tmp/real.csv"]


def test_recent_files_survive_a_restart_of_the_app(tmp_path):
    """Three runs of the app, each in its own process (a restart: no QSettings cache carried over)."""
    a, b = str(tmp_path / "a.thermogui.json"), str(tmp_path / "b.csv")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    code = (
        "import json, sys\nfrom thermogui.app import _application\napp = _application()\n"
        "from thermogui.ui.files import settings\n"
        "for p in sys.argv[1:]:\n    settings.add_recent(p)\n"
        "print(json.dumps(settings.recent_files()))\n"
    )

    def run(*paths):
        out = subprocess.run(
            [sys.executable, "-c", code, *paths],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).parents[2],
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout.strip().splitlines()[-1])

    assert run(a) == [a]
    assert run() == [a]  # one file, read back after a restart
    assert run(b) == [b, a]
    assert run() == [b, a]


def test_last_dir_defaults_to_home_and_remembers_a_folder(tmp_path):
    assert last_dir() == str(Path.home())
    set_last_dir(tmp_path)
    assert last_dir() == str(tmp_path) and last_dir(QSettings()) == str(tmp_path)
    set_last_dir(tmp_path / "gone")
    assert last_dir() == str(Path.home())  # a folder that no longer exists is not offered


def test_values_come_back_with_their_type_or_the_default(tmp_path):
    ini = tmp_path / "thermogui.conf"
    ini.write_text("[run]\nspeed=2\n[x]\nflag=true\nbad=abc\nratio=0.25\n")
    store = QSettings(str(ini), QSettings.IniFormat)
    assert RUN_SPEED.get(store) == 2
    assert settings.get_int("x/bad", 7, store) == 7
    assert settings.get_bool("x/flag", store=store) is True
    assert settings.get_float("x/ratio", store=store) == 0.25
    assert settings.get_str("x/missing", "d", store) == "d"
    assert settings.get_list("run/speed", store) == ["2"]
    assert Setting("window/geometry", QByteArray).get(store) is None


def test_every_key_is_named_once():
    keys = [s.key for s in ALL]
    assert len(keys) == len(set(keys))
    assert {"window/geometry", "run/config", "run/speed", "files/last_dir", "files/recent", "export/last_dir"} <= set(
        keys
    )


@pytest.mark.parametrize("path", ["thermogui/ui/export/dialog.py"])
def test_modules_use_the_settings_module_not_raw_keys(path):
    text = (Path(__file__).parents[2] / path).read_text()
    assert '.value("' not in text and '.setValue("' not in text
