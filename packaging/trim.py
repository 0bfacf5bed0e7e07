"""What the bundle leaves out, and the clean-up after PyInstaller (used by thermogui.spec and build.py).

    python packaging/trim.py build/pyinstaller/dist/ThermoGUI     # trim a built folder again and print what it did

Left out at analysis time (`keep`, on PyInstaller's TOC destination names): torch's C++ tests and test libraries,
headers, CMake files and build tools (torch/test, torch/include, torch/share, torch/bin except torch_shm_manager,
which `import torch` starts for shared memory), and Python modules a user never runs (test frameworks, tkinter…).
After the build (`finish`): torch's shared libraries lose their symbol tables (`strip --strip-unneeded`; the wheels
ship them unstripped: libtorch_cpu.so 434 → 345 MB), and byte-identical copies of one shared library (a library
collected both from a package's folder and as another one's dependency) become relative symlinks to one copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

# Python modules never used by the app (pytest & co. are in the dev venv; torch's test helpers import them).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "pydoc_data",
    "lib2to3",
    "pytest",
    "_pytest",
    "pluggy",
    "hypothesis",
    "pytestqt",
    "expecttest",
    "ruff",
    "pip",
    "setuptools",
    "pkg_resources",
    "distutils",
    "PyInstaller",
    "IPython",
    "matplotlib",
    "pandas",
    "scipy",
    "cupy",
    "h5py",
    "pyqtgraph.examples",
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
    "torch.utils.tensorboard",
    "torch.utils.benchmark",  # (not torch.testing._internal: torch.utils.checkpoint uses it)
]

_DROPPED_DIRS = ("torch/test/", "torch/include/", "torch/share/", "torch/bin/")
_KEPT = {"torch/bin/torch_shm_manager"}  # `import torch` needs it (shared-memory manager for tensors across processes)
_TEST_LIBS = {
    "libjitbackend_test.so",
    "libtorchbind_test.so",
    "libbackend_with_compiler.so",
    "libaoti_custom_ops.so",
}  # built for torch's own C++/JIT tests; nothing links them


def keep(dest_name: str) -> bool:
    """Does a collected file (its path inside the bundle, as PyInstaller's TOC names it) belong in the bundle?"""
    name = str(PurePosixPath(dest_name.replace("\\", "/")))
    if name in _KEPT:
        return True
    if name.startswith(_DROPPED_DIRS):
        return False
    parts = name.split("/")
    if len(parts) >= 2 and parts[0] == "torch" and parts[-1] in _TEST_LIBS:
        return False
    return True


def filter_toc(toc):
    """A PyInstaller TOC (list of (dest_name, src_name, typecode)) without what `keep` refuses."""
    return [entry for entry in toc if keep(entry[0])]


def _is_shared_library(path: Path) -> bool:
    name = path.name
    return (
        (name.endswith((".so", ".dll", ".dylib", ".pyd")) or ".so." in name)
        and path.is_file()
        and not path.is_symlink()
    )


def _strip(folder: Path, log) -> int:
    """Remove the symbol tables of torch's shared libraries (Linux). Bytes saved."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return 0
    saved = 0
    for lib in sorted(folder.rglob("torch/lib/*")):
        if not _is_shared_library(lib):
            continue
        before = lib.stat().st_size
        out = subprocess.run([strip, "--strip-unneeded", str(lib)], capture_output=True, text=True)
        if out.returncode != 0:
            log(f"  strip failed for {lib.name}: {out.stderr.strip()}")
            continue
        saved += before - lib.stat().st_size
    log(f"  stripped torch's libraries: {saved / 2**20:.0f} MB saved")
    return saved


def _dedupe(folder: Path, log) -> int:
    """Replace byte-identical copies of a shared library by relative symlinks to the first one. Bytes saved."""
    if not sys.platform.startswith("linux"):  # (a macOS .app is signed; Windows has no symlinks to spare)
        return 0
    by_key: dict[tuple[int, str], Path] = {}
    saved = 0
    for path in sorted(folder.rglob("*"), key=lambda p: (len(p.parts), str(p))):
        if not _is_shared_library(path):
            continue
        size = path.stat().st_size
        if size < 64 * 1024:
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        first = by_key.setdefault((size, digest), path)
        if first == path:
            continue
        path.unlink()
        path.symlink_to(os.path.relpath(first, path.parent))
        saved += size
        log(f"  duplicate {path.relative_to(folder)} -> {first.relative_to(folder)}")
    log(f"  duplicate shared libraries: {saved / 2**20:.0f} MB saved")
    return saved


def _remove_leftovers(folder: Path, log) -> int:
    """Whatever `keep` refuses that still got in (a hook that copies files itself). Bytes saved."""
    saved = 0
    contents = next((p for p in (folder / "_internal", folder) if (p / "torch").is_dir()), folder)
    for path in sorted(contents.rglob("*"), reverse=True):  # (a folder's files before the folder)
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()) and path.relative_to(contents).as_posix().startswith("torch/"):
                path.rmdir()
            continue
        if not keep(path.relative_to(contents).as_posix()):
            saved += path.lstat().st_size
            path.unlink()
    if saved:
        log(f"  left-overs removed: {saved / 2**20:.0f} MB")
    return saved


def finish(folder: Path, log=print) -> int:
    """Trim a built onedir folder in place. Bytes saved."""
    folder = Path(folder)
    return _remove_leftovers(folder, log) + _strip(folder, log) + _dedupe(folder, log)


def folder_size(folder: Path) -> int:
    """Bytes the folder takes once unpacked (files counted once; symlinks as links)."""
    return sum(p.lstat().st_size for p in Path(folder).rglob("*") if p.is_file() or p.is_symlink())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/pyinstaller/dist/ThermoGUI")
    before = folder_size(target)
    finish(target)
    print(f"{target}: {before / 2**20:.0f} MB -> {folder_size(target) / 2**20:.0f} MB")
