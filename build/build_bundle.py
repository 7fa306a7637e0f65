"""Build the one-folder bundle `build/out/qcstation/` from a clean checkout.

Steps, each needed for a PC with no Python and no network:
1. compile the translations (.ts -> .qm) into resources/i18n/ and cut the Noto Sans CJK subsets for
   zh_CN/ja/ko into resources/fonts/ (build/cjk_font.py; needs fonttools and fonts-noto-cjk);
2. generate the synthetic sample images and train the bundled sample model into resources/;
3. run PyInstaller on build/qcstation.spec;
4. strip torch's own large libraries (debug symbols: ~90 MB) — not the auditwheel-patched ones;
5. smoke-test the result (`qcstation --help` imports torch, numpy, cv2) and print its size.

    python build/build_bundle.py [--skip-sample] [--clean] [--cjk-source DIR] [--no-cjk-font]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "out"
WORK = ROOT / "build" / "work"
sys.path.insert(0, str(ROOT))


def compile_translations() -> list[Path]:
    from ui.i18n import compile_translations as compile_ts

    return compile_ts(ROOT / "resources" / "i18n")


def build_sample() -> Path:
    """Synthetic parts drawn by QC Station itself: the only images we may ship."""
    from station.samples import ensure_sample_model

    return ensure_sample_model(ROOT / "resources" / "samples")


def run_pyinstaller(clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(OUT), "--workpath", str(WORK)]
    if clean:
        cmd.append("--clean")
    cmd.append(str(ROOT / "build" / "qcstation.spec"))
    subprocess.run(cmd, check=True, cwd=ROOT)
    return OUT / "qcstation"


STRIP = ("torch/lib/libtorch_cpu.so", "torch/lib/libtorch_python.so", "torch/lib/libtorch_cuda.so",
         "torch/lib/libc10.so", "torch/lib/libc10_cuda.so")


def strip_libraries(bundle: Path) -> int:
    """Strip debug symbols from torch's libraries; returns bytes saved (0 without `strip`)."""
    strip = shutil.which("strip")
    if strip is None:
        print("strip not found: torch libraries left as they are")
        return 0
    saved = 0
    for rel in STRIP:
        lib = bundle / "_internal" / rel
        if not lib.is_file():
            continue
        before = lib.stat().st_size
        subprocess.run([strip, "--strip-unneeded", str(lib)], check=True)
        saved += before - lib.stat().st_size
    return saved


def smoke_test(bundle: Path) -> None:
    """The frozen program must judge a part with the bundled sample model, or the bundle is useless."""
    samples = bundle / "_internal" / "resources" / "samples"
    images = sorted((samples / "test" / "good").glob("*.png"))[:1] + sorted((samples / "ng").glob("*.png"))[:1]
    cmd = [str(bundle / "qcstation"), "predict", "--model", str(samples / "sample-part.qcs"),
           *map(str, images), "--json"]
    probe = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if probe.returncode != 0 or not images:
        raise SystemExit(f"bundle smoke test failed (exit {probe.returncode}):\n{(probe.stdout + probe.stderr)[-3000:]}")
    print(f"smoke test: predicted {len(images)} sample images with the bundled model")
    qm = bundle / "_internal" / "resources" / "i18n"
    missing = [ts.stem for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")) if not (qm / f"{ts.stem}.qm").is_file()]
    if missing:  # zh_CN, ja, ko: a catalogue left out of the bundle would silently show English
        raise SystemExit(f"bundle lacks compiled translations: {', '.join(missing)}")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def report(bundle: Path) -> None:
    total = folder_size(bundle)
    print(f"bundle: {bundle}  {total / 2**20:.0f} MiB")
    internal = bundle / "_internal"
    parts = sorted(((folder_size(p) if p.is_dir() else p.stat().st_size, p.name)
                    for p in internal.iterdir()), reverse=True)[:8]
    for size, name in parts:
        print(f"  {size / 2**20:7.1f} MiB  {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-sample", action="store_true", help="reuse resources/samples as is")
    ap.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    ap.add_argument("--cjk-source", type=Path, help="folder with NotoSansCJK-Regular.ttc (default: system)")
    ap.add_argument("--no-cjk-font", action="store_true",
                    help="ship no CJK font (the target PCs have fonts-noto-cjk or another CJK font)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    print("compiled:", ", ".join(p.name for p in compile_translations()))
    if not args.no_cjk_font:
        sys.path.insert(0, str(ROOT / "build"))
        from cjk_font import FontBuildError, build_fonts

        try:
            fonts = build_fonts(source=args.cjk_source)
        except FontBuildError as exc:  # a bundle that shows tofu on a fresh PC is not a bundle to ship
            print(f"CJK font: {exc} (or pass --no-cjk-font)", file=sys.stderr)
            return 2
        print("CJK fonts:", ", ".join(f"{p.name} {p.stat().st_size // 1024} KiB" for p in fonts))
    if not args.skip_sample:
        print("sample model:", build_sample())
    if args.clean and OUT.exists():
        shutil.rmtree(OUT)
    bundle = run_pyinstaller(args.clean)
    print(f"stripped torch libraries: {strip_libraries(bundle) / 2**20:.0f} MiB saved")
    smoke_test(bundle)
    report(bundle)
    print(f"built in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
