"""Screenshots of every page of the real station window, with real data, for a visual check.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py OUTDIR [--lang en|zh_CN|ja|ko|both]

What it sets up (under OUTDIR/_work, reused by the next run so it is fast): a model trained on 20
good bottles of the real industrial set (saved in the data folder's models/), a few dozen parts
inspected through the station (and two weeks of history built from them for the statistics), then
it opens the window as ``python main.py`` does, plays a folder of test bottles on the Live page and
saves a PNG of each page at 1366×768 and 1920×1080 (plus the first-run screen, the help dialog and
operator mode). The PNGs are for looking at, never committed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATASETS = Path(os.environ.get("QCS_DATASETS", ROOT.parent / "shared" / "datasets" / "real_industrial"))
SIZES = ((1366, 768), (1920, 1080))


def tool_args(doc: str, **lang: Any) -> argparse.Namespace:
    """The command line of every screenshot tool: OUTDIR, --category and --lang (``lang``: how
    that tool takes it, one language or several)."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder for the PNGs")
    p.add_argument("--lang", **lang)
    p.add_argument("--category", default="bottle", help="dataset category to train on and play")
    return p.parse_args()


def shoot_languages(shoot: Callable[[Path, str, Any, Path], list[Path]], args: argparse.Namespace,
                    languages: list[str]) -> int:
    """A screenshot tool's run: ``shoot(out, lang, settings, category)`` once per language on the
    shared work folder; returns the exit status."""
    category = DATASETS / args.category
    if not (category / "train" / "good").is_dir():
        print(f"dataset category not found: {category}", file=sys.stderr)
        return 2
    out = args.out.resolve()
    app, settings = start_work(out, category)
    saved: list[Path] = []
    for lang in languages:
        saved += shoot(out, lang, settings, category)
    app.processEvents()
    print(f"{len(saved)} screenshots in {out}")
    return 0


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(cond, timeout_s: float, step_ms: int = 100) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if cond():
            return True
        wait(step_ms)
    return cond()


def prepare_data(settings, category: Path):
    """The trained model (cached) and history records inserted through a real station; returns the
    settings with that model active."""
    from inference import train
    from inference.imageio import list_images, read_image
    from inference.runtime import configure_threads
    from station.core import Station

    configure_threads()
    model_path = settings.models_dir / f"{category.name}.qcs"
    if not model_path.is_file():
        print("training", category.name, "…", flush=True)
        model = train(list_images(category / "train" / "good")[:20], name=category.name, device="cpu")
        model_path.parent.mkdir(parents=True, exist_ok=True)
        model.save(model_path)
    settings = settings.override(**{"inference.model_path": str(model_path)})
    if settings.db_path.exists():
        return settings
    print("inspecting test images through the station …", flush=True)
    images: list[Path] = []
    for sub in sorted(p for p in (category / "test").iterdir() if p.is_dir()):
        images += list_images(sub)[:6]
    with Station(settings) as station:
        records = []
        for p in images:
            fut = station.inspect(read_image(p), source="folder", name=f"{p.parent.name}/{p.name}")
            records.append(fut.result(timeout=300).record)
        time.sleep(2)  # let the recorder save the images
        db = station.database
        records = [db.get(r.id) for r in records]
        rng = random.Random(1)
        now = datetime.now()
        history = []
        for day in range(14, 0, -1):
            for k in range(rng.randint(30, 70)):
                r = rng.choice(records)
                ts = (now - timedelta(days=day)).replace(hour=6, minute=0) + timedelta(minutes=rng.randint(0, 1200))
                history.append(replace(r, id=None, timestamp=ts, part_id=f"P{day:02d}{k:03d}"))
        db.insert_many(history)
    return settings


def start_work(out: Path, category: Path):
    """The set-up every screenshot tool shares: OUTDIR and its reusable _work folder (config, cache
    and data kept there, never in the user's own), the QApplication, and the settings with the cached
    model active and the history inspected (``prepare_data``). Returns ``(app, settings)``."""
    work = out / "_work"
    os.environ.setdefault("QCS_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("QCS_CACHE_DIR", str(work / "cache"))
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from station.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    return app, prepare_data(Settings().override(**{"storage.data_dir": str(work / "data")}), category)


def free_port(preferred: int = 8000) -> int:
    import socket

    for port in (preferred, 0):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    return 0


def shoot(out: Path, lang: str, settings, category: Path) -> list[Path]:
    from composition import close_gui, open_gui
    from ui.help_dialog import show_help

    settings = settings.override(**{"ui.language": lang, "server.port": free_port()})
    shell = open_gui(settings)
    win = shell.window
    saved: list[Path] = []

    def grab(name: str, widget=None) -> None:
        wait(400)
        path = out / f"{lang}_{name}.png"
        (widget or win).grab().save(str(path))
        saved.append(path)
        print("saved", path, flush=True)

    try:
        live = win.pages["live"]
        live.play_folder(category / "test", interval_ms=400, shuffle=True)
        wait_until(lambda: live.counters.counts()[2] >= 3 and live.counters.counts()[0] >= 8, 180)
        if live.shown is not None and live.shown.record.label != "NG":
            wait_until(lambda: live.shown is not None and live.shown.record.label == "NG", 30)
        live.stop()
        for w, h in SIZES:
            win.showNormal()
            win.resize(w, h)
            wait(300)
            win.show_page("live")
            grab(f"live_{w}")
            live.views.setCurrentWidget(live.first_run)
            grab(f"first_run_{w}")
            live.views.setCurrentWidget(live.live_view)
            keys = live.ng_strip.keys()
            if keys:
                live.show_ng_part(keys[-1])
                grab(f"live_ng_held_{w}")
                live.back_to_live()
            for key in ("history", "statistics", "models", "evaluate", "settings"):
                if not win.show_page(key):
                    print("page missing:", key, flush=True)
                    continue
                page = win.pages[key]
                if key == "history":
                    wait(1500)
                    if hasattr(page, "table"):
                        page.table.selectRow(1)
                    wait(1200)
                elif key == "statistics":
                    wait(2500)
                elif key == "models":
                    wait(800)
                    if hasattr(page, "use_last_inspection"):
                        page.use_last_inspection()
                    wait(2500)
                elif key == "evaluate" and getattr(page, "report", None) is None and hasattr(page, "start"):
                    page.folder_edit.setText(str(category))
                    page.start()
                    wait_until(lambda p=page: not p.is_running(), 300, 200)
                    wait(1500)
                    if hasattr(page, "table"):
                        page.table.selectRow(12)
                    wait(2000)
                grab(f"{key}_{w}")
            models = win.pages.get("models")
            if models is not None and hasattr(models, "open_train_dialog"):
                win.show_page("models")
                train = models.open_train_dialog()
                grab(f"train_dialog_{w}", train)
                train.close()
            win.show_page("live")
            dialog = show_help(win)
            grab(f"help_{w}", dialog)
            dialog.close()
        win.toggle_operator_mode()
        wait(800)
        grab("operator_fullscreen")
        win.toggle_operator_mode()
    finally:
        close_gui(shell, save=False)
    return saved


def main() -> int:
    args = tool_args(__doc__, default="both", choices=["en", "zh_CN", "ja", "ko", "both"])
    return shoot_languages(shoot, args, ["en", "zh_CN"] if args.lang == "both" else [args.lang])


if __name__ == "__main__":
    sys.exit(main())
