"""QC Station entry point: the GUI by default, or a headless subcommand.

    python main.py                      # the station window
    python main.py serve --model M.qcs  # the HTTP endpoint only (headless line PC)
    python main.py train --ok DIR --out M.qcs
    python main.py evaluate --model M.qcs --dataset DIR
    python main.py fit-eval --dataset DIR
    python main.py predict --model M.qcs IMAGE...
    python main.py api-client add NAME  # machine-API client (prints its secret once)

Wiring only: the engine subcommands live in ``station.commands``; ``serve`` and the window are
started by ``composition`` (settings store, station, endpoint, window).
"""

from __future__ import annotations

import argparse
import sys


def _tune_process() -> None:
    # Before torch is imported anywhere: glibc malloc settings halve batch latency on CPU.
    from inference.runtime import tune_malloc

    tune_malloc()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qcstation", description="QC Station - offline visual inspection")
    p.add_argument("--config", help="settings file (default: the user's config dir)")
    p.add_argument("--data-dir", help="where history, images and models are kept")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], help="inference device")
    p.add_argument("--lang", help="UI language: auto, en, zh_CN, ja or ko")
    sub = p.add_subparsers(dest="command")

    t = sub.add_parser("train", help="train a model from a folder of OK images")
    t.add_argument("--ok", help="folder of OK (good) images (required)")
    t.add_argument("--ng", help="optional folder of NG images: NG-aware head and cost-based threshold")
    t.add_argument("--ng-masks", help="optional folder of defect masks for the NG images (NAME_mask.png or NAME)")
    t.add_argument("--out", help="model file to write (.qcs) (required)")
    t.add_argument("--name", help="model name (default: the OK folder's name)")
    t.add_argument("--algorithm", default="patchcore")
    t.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="algorithm parameter, repeatable (see --list-algorithms)")
    t.add_argument("--list-algorithms", action="store_true", help="print the algorithms and parameters as JSON")

    e = sub.add_parser("evaluate", help="evaluate a model on a labelled folder (MVTec or OK/NG)")
    e.add_argument("--model", required=True)
    e.add_argument("--dataset", required=True)
    e.add_argument("--json", dest="json_out", help="write the report as JSON here")
    e.add_argument("--csv", dest="csv_out", help="write one row per image here")

    f = sub.add_parser("fit-eval", help="train on DIR/train/good and evaluate on DIR/test")
    f.add_argument("--dataset", required=True)
    f.add_argument("--json", dest="json_out")
    f.add_argument("--csv", dest="csv_out")
    f.add_argument("--out", help="also save the trained model here")
    f.add_argument("--algorithm", default="patchcore")
    f.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")

    pr = sub.add_parser("predict", help="judge images with a model")
    pr.add_argument("--model", required=True)
    pr.add_argument("images", nargs="+")
    pr.add_argument("--json", action="store_true", help="print JSON instead of a table")

    s = sub.add_parser("serve", help="run the HTTP endpoint without a window")
    s.add_argument("--model", help="model file (default: the settings' active model)")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--api-key")
    s.add_argument("--db", help="history database file")

    from station.cli_clients import add_parser

    add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _tune_process()
    if args.command in ("train", "evaluate", "fit-eval", "predict"):
        from station.commands import run_engine_command

        return run_engine_command(args)
    if args.command == "api-client":
        from station.cli_clients import run_api_client

        return run_api_client(args)
    if args.command == "serve":
        from composition import run_serve

        return run_serve(args)
    from composition import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
