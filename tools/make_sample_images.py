"""Write the synthetic sample parts (the only images QC Station ships) to a folder.

    python tools/make_sample_images.py OUT_DIR [--good 30] [--size 256]

Layout: OUT_DIR/train/good, OUT_DIR/test/{good,scratch,dent,chip,stain}, OUT_DIR/ng (all defects).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from camera.synthetic import write_sample_set  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", help="output folder")
    p.add_argument("--good", type=int, default=30, help="good training images")
    p.add_argument("--test-good", type=int, default=10)
    p.add_argument("--per-defect", type=int, default=4)
    p.add_argument("--size", type=int, default=256)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    folders = write_sample_set(args.out, args.good, args.test_good, args.per_defect, args.size, args.seed)
    for key, path in folders.items():
        print(f"{key}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
