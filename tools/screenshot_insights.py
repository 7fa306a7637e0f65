"""Screenshot of the Statistics page with the defect-location map and a real drift warning.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshot_insights.py OUTDIR [--lang en]

Uses tools/screenshots.py's cached model and history (OUTDIR/_work), then inspects 40 unseen good
bottles and brightened copies of them through the station (a lamp change) until the drift
monitor raises its warning, plus the defective test bottles (for the map), opens the window and
saves the Statistics page (and the Live page's banner) at 1366×768 and 1920×1080. Not committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.screenshots import SIZES, free_port, shoot_languages, tool_args, wait, wait_until  # noqa: E402


def inspect_lighting_change(settings, category: Path) -> None:
    import cv2

    from inference.imageio import list_images, read_image
    from station.core import Station

    with Station(settings) as station:
        if station.drift.status().drifting:
            return
        good = [read_image(p) for p in list_images(category / "train" / "good")[20:60]]
        for i, img in enumerate(good):
            station.inspect(img, source="http", name=f"BTL-{i:03d}.png", part_id=f"BTL-{i:03d}").result(300)
        for sub in sorted(p for p in (category / "test").iterdir() if p.is_dir() and p.name != "good"):
            for p in list_images(sub):
                station.inspect(read_image(p), source="http", name=p.name, part_id=f"NGX-{p.stem}").result(300)
        for i, img in enumerate(good * 2):
            bright = cv2.convertScaleAbs(img, alpha=1.0, beta=60)
            station.inspect(bright, source="http", name=f"BTL-L{i:03d}.png", part_id=f"LMP-{i:03d}").result(300)
            if station.drift.status().drifting:
                break
        print("drift:", station.drift.status().to_dict(), flush=True)


def shoot(out: Path, lang: str, settings, category: Path) -> list[Path]:
    from composition import close_gui, open_gui

    inspect_lighting_change(settings, category)
    settings = settings.override(**{"ui.language": lang, "server.port": free_port()})
    shell = open_gui(settings)
    win = shell.window
    saved: list[Path] = []

    def grab(name: str) -> None:
        path = out / f"{lang}_{name}.png"
        win.grab().save(str(path))
        saved.append(path)
        print("saved", path, flush=True)

    try:
        for w, h in SIZES:
            win.showNormal()
            win.resize(w, h)
            wait(300)
            win.show_page("statistics")
            page = win.pages["statistics"]
            page.set_period("15d")
            wait_until(lambda p=page: p.insights is not None and p.insights_panel.map_image is not None, 60)
            wait(1500)
            grab(f"statistics_insights_{w}")
            win.show_page("live")
            wait(600)
            grab(f"live_drift_{w}")
    finally:
        close_gui(shell, save=False)
    return saved


def main() -> int:
    args = tool_args(__doc__, default="en", choices=["en", "zh_CN"])
    return shoot_languages(shoot, args, [args.lang])


if __name__ == "__main__":
    sys.exit(main())
