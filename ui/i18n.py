"""UI translations: build ``.qm`` files from the committed ``.ts`` sources and install them.

Why compile at build or run time: ``.qm`` files are generated, so they are never committed.
The bundle build calls :func:`compile_translations` on ``resources/i18n``; a checkout that was
never built compiles the missing (or stale) file into the user's cache folder on first start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN", "ja", "ko")
PREFIX = "qcstation_"
_installed: list[QTranslator] = []


class TranslationError(RuntimeError):
    """lrelease is missing or failed; the message says which file and why."""


def find_lrelease() -> Path | None:
    """``pyside6-lrelease`` next to the interpreter, or the ``lrelease`` PySide6 ships."""
    exe = ".exe" if os.name == "nt" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-lrelease{exe}"]
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        candidates += [pkg / f"lrelease{exe}", pkg / "Qt" / "libexec" / f"lrelease{exe}",
                       pkg / "Qt" / "bin" / f"lrelease{exe}"]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def compile_translations(folder: str | Path, out_dir: str | Path | None = None) -> list[Path]:
    """Compile every ``*.ts`` in ``folder`` to ``.qm`` (beside it, or in ``out_dir``); the written paths."""
    folder = Path(folder)
    sources = sorted(folder.glob("*.ts"))
    if not sources:
        return []
    tool = find_lrelease()
    if tool is None:
        raise TranslationError("lrelease not found (install PySide6 with its tools)")
    target = Path(out_dir) if out_dir is not None else folder
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sources:
        qm = target / (ts.stem + ".qm")
        proc = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                              text=True, timeout=120)
        if proc.returncode != 0 or not qm.is_file():
            raise TranslationError(f"lrelease failed on {ts.name}: {(proc.stderr or proc.stdout).strip()}")
        written.append(qm)
    return written


def resolve_language(language: str) -> str:
    """``auto`` → the system locale when we have it, else English."""
    if language and language != "auto":
        return language
    name = QLocale.system().name()  # e.g. "zh_CN", "de_DE"
    if name in LANGUAGES:
        return name
    if name.startswith("zh"):
        return "zh_CN"
    for lang in ("ja", "ko"):  # ja_JP, ko_KR
        if name.split("_")[0] == lang:
            return lang
    return "en"


def cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("QCS_CACHE_DIR") or platformdirs.user_cache_dir("qcstation")) / "i18n"


def qm_file(language: str) -> Path | None:
    """The compiled catalogue for ``language``: the bundled one if fresh, else compiled into the cache."""
    bundled = resource_path("i18n", f"{PREFIX}{language}.qm")
    ts = resource_path("i18n", f"{PREFIX}{language}.ts")
    ts_time = ts.stat().st_mtime if ts.is_file() else 0.0
    if bundled.is_file() and bundled.stat().st_mtime >= ts_time:
        return bundled
    if not ts.is_file():
        return bundled if bundled.is_file() else None
    # The cached file is named after the catalogue's content, so an edited .ts never reuses an old build.
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    cached = cache_dir() / f"{PREFIX}{language}-{digest}.qm"
    if cached.is_file():
        return cached
    try:
        tmp = cache_dir() / "build"
        tool = find_lrelease()
        if tool is None:
            raise TranslationError("lrelease not found")
        tmp.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(tmp / bundled.name)],
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise TranslationError((proc.stderr or proc.stdout).strip())
        os.replace(tmp / bundled.name, cached)
        for old in cache_dir().glob(f"{PREFIX}{language}-*.qm"):  # earlier builds of this language
            if old != cached:
                old.unlink(missing_ok=True)
        return cached
    except (OSError, subprocess.SubprocessError, TranslationError) as exc:
        log.warning("translations for %s could not be compiled: %s", language, exc)
        return bundled if bundled.is_file() else None


def install_translator(language: str, app: QCoreApplication | None = None) -> str:
    """Install the catalogue for ``language`` (``auto`` or one of :data:`LANGUAGES`); the language in effect."""
    app = app or QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    lang = resolve_language(language)
    if lang == "en":
        return "en"
    qm = qm_file(lang)
    if qm is None:
        log.warning("no translations for %s; English it is", lang)
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        log.warning("translation file %s did not load; English it is", qm)
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt_base = QTranslator(app)  # Qt's own dialogs (file dialogs, message box buttons) when shipped
    if qt_base.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return lang
