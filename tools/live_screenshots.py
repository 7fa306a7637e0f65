"""Screenshots of the Live page's machine states in the real window, for a visual check.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/live_screenshots.py OUTDIR [--lang en zh_CN]

Operator mode (F11, full screen) with live verdicts, REVIEWING (a past NG part held), SOURCE LOST
(the folder being played is removed: reason and reconnect countdown), CHANGEOVER and the normal
layout, for each language. Uses ``tools/screenshots.py``'s data (a bottle model trained on 20 real
good images, cached under OUTDIR/_work). Prints the share of the screen the tile's colour covers in
operator mode (target: at least a quarter of 1920×1080). The PNGs are for looking at, never committed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshots import free_port, shoot_languages, tool_args, wait, wait_until  # noqa: E402


def shoot(out: Path, lang: str, settings, category: Path) -> list[Path]:
    import numpy as np
    from PySide6.QtGui import QGuiApplication

    from composition import close_gui, open_gui

    settings = settings.override(**{"ui.language": lang, "server.port": free_port()})
    shell = open_gui(settings)
    win = shell.window
    live = win.pages["live"]
    saved: list[Path] = []

    def grab(name: str, screen: bool = False, settle_ms: int = 500) -> Path:
        wait(settle_ms)
        path = out / f"{lang}_{name}.png"
        pix = QGuiApplication.primaryScreen().grabWindow(0) if screen else win.grab()
        pix.save(str(path))
        saved.append(path)
        print("saved", path, flush=True)
        return path

    line = out / "_work" / f"line_{lang}"
    shutil.rmtree(line, ignore_errors=True)
    shutil.copytree(category / "test", line)
    try:
        win.showNormal()
        win.resize(1920, 1080)
        live.play_folder(line, interval_ms=500, shuffle=True)
        wait_until(lambda: live.counters.counts()[2] >= 2 and live.banner.verdict() == "NG", 240)
        grab("live_normal_1920")

        win.move(0, 0)  # no window manager under Xvfb: start full screen from the corner
        win.toggle_operator_mode()  # F11
        wait(1500)  # let the full-screen window reach the screen's corner
        wait_until(lambda: live.banner.verdict() == "NG", 60, step_ms=20)
        path = grab("operator_mode", screen=True, settle_ms=0)
        from PySide6.QtGui import QImage

        img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
        red = (arr[..., 2] == 0xD9) & (arr[..., 1] == 0x30) & (arr[..., 0] == 0x25)  # #d93025 NG tile
        cols = np.flatnonzero(red.sum(axis=0) > 300)  # the tile's columns (the score bar is 26 px tall)
        rows = np.flatnonzero(red[:, cols].sum(axis=1) > 300) if len(cols) else cols
        if not len(rows):
            rows = cols = np.array([0])
        w, h = cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1
        print(f"operator mode: NG tile on the screenshot {w}×{h} px = {w * h / (img.width() * img.height()):.1%} of "
              f"{img.width()}×{img.height()} (its colour alone {red.sum() / (img.width() * img.height()):.1%}); "
              f"tile widget {live.banner.width()}×{live.banner.height()}", flush=True)

        keys = live.ng_strip.keys()
        live.bridge.settings_store.update({"ui.review_timeout_s": 120.0, "ui.review_new_ng_returns": False},
                                          save=False)
        if keys:
            live.show_ng_part(keys[-1])
            grab("operator_reviewing", screen=True, settle_ms=1000)
            live.back_to_live()
        win.toggle_operator_mode()
        if keys:
            live.show_ng_part(keys[-1])
            grab("reviewing_normal")
            live.back_to_live()

        station = live.bridge.station
        station.machine.begin_changeover(station.model_info.name, "bottle-line-3 v2")
        grab("changeover")
        station.machine.end_changeover()

        shutil.rmtree(line)  # the folder vanishes under the running source
        wait_until(lambda: live.banner.state() == "SOURCE_LOST", 60)
        wait(1200)
        grab("source_lost")
        win.toggle_operator_mode()
        grab("operator_source_lost", screen=True, settle_ms=1500)
        win.toggle_operator_mode()
        live.stop()
    finally:
        close_gui(shell, save=False)
    return saved


def main() -> int:
    args = tool_args(__doc__, nargs="+", default=["en", "zh_CN"])
    return shoot_languages(shoot, args, args.lang)


if __name__ == "__main__":
    sys.exit(main())
