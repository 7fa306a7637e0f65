"""The engine subcommands run in-process through main.main: exit codes, messages, JSON shape."""

from __future__ import annotations

import json
import shutil

import pytest

import main

REPORT_KEYS = {"image_auroc", "pixel_auroc", "miss_rate", "over_detection_rate", "threshold", "n_ok", "n_ng",
               "latency_ms_median", "train_seconds", "model", "expected_over_detection", "synthetic_catch_rate"}


@pytest.fixture(scope="module")
def small_mvtec(tmp_path_factory, bottle_images):
    """A tiny MVTec-style category (6 train, 3 OK + 3 NG test) built from bottle images."""
    root = tmp_path_factory.mktemp("mini") / "mini_bottle"
    for sub, files in (("train/good", bottle_images["train"][:6]), ("test/good", bottle_images["ok"][:3]),
                       ("test/broken", bottle_images["ng"][:3])):
        (root / sub).mkdir(parents=True)
        for f in files:
            shutil.copy(f, root / sub / f.name)
    return root


def test_train_writes_model_and_reports_calibration(tmp_path, small_mvtec, capsys):
    out = tmp_path / "m.qcs"
    rc = main.main(["--device", "cpu", "train", "--ok", str(small_mvtec / "train/good"), "--ng",
                    str(small_mvtec / "test/broken"), "--out", str(out), "--param", "coreset_ratio=0.02"])
    cap = capsys.readouterr()
    assert rc == 0, cap.err
    assert out.is_file()
    assert str(out) in cap.out and "threshold" in cap.out and "precision" in cap.out
    assert "%" in cap.err  # progress bar
    assert "NG head" in cap.out and "expected over-detection" in cap.out and "synthetic self-check" in cap.out


def test_train_with_an_unknown_mask_folder_is_bad_input(tmp_path, small_mvtec, capsys):
    rc = main.main(["--device", "cpu", "train", "--ok", str(small_mvtec / "train/good"), "--ng",
                    str(small_mvtec / "test/broken"), "--ng-masks", str(tmp_path / "nowhere"), "--out",
                    str(tmp_path / "m.qcs")])
    assert rc == 2 and "mask folder not found" in capsys.readouterr().err
    assert not (tmp_path / "m.qcs").exists()


def test_evaluate_json_and_csv(tmp_path, trained_model_path, small_mvtec, capsys):
    js, csv_path = tmp_path / "r.json", tmp_path / "r.csv"
    rc = main.main(["--device", "cpu", "evaluate", "--model", str(trained_model_path), "--dataset", str(small_mvtec),
                    "--json", str(js), "--csv", str(csv_path)])
    assert rc == 0, capsys.readouterr().err
    rep = json.loads(js.read_text())
    assert set(rep) >= REPORT_KEYS
    assert rep["n_ok"] == 3 and rep["n_ng"] == 3
    assert rep["pixel_auroc"] is None  # no masks here
    assert rep["train_seconds"] is None
    assert rep["synthetic_catch_rate"] is not None and rep["expected_over_detection"] is not None
    assert set(rep["model"]) >= {"id", "algorithm", "parameters"}
    assert 0.0 <= rep["image_auroc"] <= 1.0
    lines = csv_path.read_text().splitlines()
    assert lines[0].split(",")[:4] == ["file name", "label", "prediction", "anomaly score"]
    assert len(lines) == 7


def test_fit_eval_json(tmp_path, small_mvtec, capsys):
    js = tmp_path / "fe.json"
    rc = main.main(["--device", "cpu", "fit-eval", "--dataset", str(small_mvtec), "--json", str(js),
                    "--param", "coreset_ratio=0.02"])
    assert rc == 0, capsys.readouterr().err
    rep = json.loads(js.read_text())
    assert set(rep) >= REPORT_KEYS
    assert rep["train_seconds"] > 0
    assert rep["model"]["algorithm"] == "patchcore"
    assert 0.0 <= rep["synthetic_catch_rate"] <= 1.0  # the model's self-check travels with the report
    assert 0.0 <= rep["expected_over_detection"] <= 1.0
    lo, hi = rep["expected_over_detection_interval"]
    assert lo <= hi


def test_predict_table_and_json(trained_model_path, bottle_images, capsys):
    imgs = [str(bottle_images["ok"][0]), str(bottle_images["ng"][0])]
    assert main.main(["predict", "--model", str(trained_model_path), *imgs]) == 0
    table = capsys.readouterr().out
    assert "verdict" in table and bottle_images["ng"][0].name in table
    assert main.main(["predict", "--model", str(trained_model_path), "--json", *imgs]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["verdict"] for r in data["results"]] == ["OK", "NG"]
    assert {"score", "normalized_score", "confidence", "regions", "defect_count"} <= set(data["results"][0])


@pytest.mark.parametrize(
    "argv, reason",
    [
        (["train", "--ok", "{tmp}/missing", "--out", "{tmp}/m.qcs"], "not found"),
        (["train", "--ok", "{tmp}/empty", "--out", "{tmp}/m.qcs"], "no images"),
        (["train", "--ok", "{tmp}/empty"], "--out"),
        (["evaluate", "--model", "{tmp}/nope.qcs", "--dataset", "{tmp}"], "model file not found"),
        (["evaluate", "--model", "{tmp}/broken.qcs", "--dataset", "{tmp}"], "not a zip"),
        (["predict", "--model", "{tmp}/broken.qcs", "x.png"], "not a zip"),
        (["fit-eval", "--dataset", "{tmp}/missing"], "not found"),
        (["fit-eval", "--dataset", "{tmp}/empty"], "neither"),
        (["train", "--ok", "{tmp}/bad", "--out", "{tmp}/m.qcs"], "not a readable image"),
        (["train", "--ok", "{tmp}/bad", "--out", "{tmp}/m.qcs", "--param", "coreset_ratio=7"], "coreset_ratio"),
    ],
)
def test_bad_input_exits_nonzero_with_one_line(tmp_path, argv, reason, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.png").write_bytes(b"not a png")
    (tmp_path / "bad" / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    (tmp_path / "broken.qcs").write_bytes(b"garbage")
    rc = main.main(["--device", "cpu", *[a.format(tmp=tmp_path) for a in argv]])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2
    assert err and err[-1].startswith("error: ") and reason in err[-1], err


def test_predict_unreadable_image(trained_model_path, tmp_path, capsys):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"nope")
    assert main.main(["predict", "--model", str(trained_model_path), str(bad)]) == 2
    assert "x.png" in capsys.readouterr().err


def test_list_algorithms(capsys):
    assert main.main(["train", "--list-algorithms"]) == 0
    algos = json.loads(capsys.readouterr().out)
    assert algos[0]["name"] == "patchcore"
    assert any(p["name"] == "coreset_ratio" for p in algos[0]["parameters"])
