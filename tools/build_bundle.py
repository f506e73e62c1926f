"""Builds the download: a one-folder bundle packed as ``dist/itb-coach-<version>-<os>-<arch>.tar.gz``.

    .venv/bin/pip install -e ".[bundle]"
    .venv/bin/python tools/build_bundle.py

PyInstaller runs packaging/itb-coach.spec (work files under build/bundle/); the folder
becomes ``dist/itb-coach-<version>/`` with a README.txt on top and is packed beside it. The
version is itbgui.__version__, and the built executable must say the same (``--version``)
before anything is packed. Prints the time taken and the sizes, unpacked and packed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "itb-coach.spec"
sys.path.insert(0, str(ROOT))

from itbgui import APP_NAME, __version__  # noqa: E402


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower().replace('amd64', 'x86_64')}"


def archive_name() -> str:
    return f"itb-coach-{__version__}-{platform_tag()}.tar.gz"


def folder_size(folder: Path) -> int:
    """Bytes of the files, a symlink counted as the link (as tar and du --apparent-size do)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; the bundle folder it made."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "work"), str(SPEC)],
                   check=True, cwd=ROOT)
    return work / "dist" / "itb-coach"


def check_version(executable: Path) -> None:
    """The executable's --version must name the version the archive is named after."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([str(executable), "--version"], capture_output=True, text=True,
                         env=env, timeout=60).stdout.strip()
    if out != f"{APP_NAME} {__version__}":
        raise SystemExit(f"build_bundle: {executable} --version says {out!r}, not {__version__}")


def pack(folder: Path, archive: Path) -> None:
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the result goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="PyInstaller's work folder")
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    built = build(args.dist, args.work)
    name = f"itb-coach-{__version__}"
    folder = args.dist / name
    if folder.exists():
        shutil.rmtree(folder)
    args.dist.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), folder)
    readme = (ROOT / "packaging" / "README.txt").read_text(encoding="utf-8")
    (folder / "README.txt").write_text(readme.replace("{version}", __version__), encoding="utf-8")
    check_version(folder / ("itb-coach.exe" if sys.platform == "win32" else "itb-coach"))
    built_in = time.perf_counter() - t0
    print(f"{folder}: {folder_size(folder) / 1e6:.1f} MB unpacked, built in {built_in:.0f} s")
    if not args.no_archive:
        archive = args.dist / archive_name()
        pack(folder, archive)
        print(f"{archive}: {archive.stat().st_size / 1e6:.1f} MB packed, "
              f"{time.perf_counter() - t0:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
