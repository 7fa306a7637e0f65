"""Issue 12 item 14: training while the line runs goes through the backbone's one lock, so the
line's scores equal those of a quiet run and the line keeps judging meanwhile."""

from __future__ import annotations

import shutil
import threading

import numpy as np

from camera.sources import FolderSource
from camera.worker import CaptureWorker
from inference.backbone import backbone_lock, get_backbone
from station.core import Station
from tests.api.conftest import make_settings


def test_training_during_a_running_folder_source_leaves_scores_unchanged(trained_model, bottle_images, tmp_path):
    import torch

    from inference import train

    folder = tmp_path / "line"
    folder.mkdir()
    parts = bottle_images["ok"][:3] + bottle_images["ng"][:3]
    for i, p in enumerate(parts):
        shutil.copy(p, folder / f"{i:02d}_{p.name}")
    names = sorted(p.name for p in folder.iterdir())
    threads_before = torch.get_num_threads()

    settings = make_settings(tmp_path, **{"storage.save_images": "none", "inference.device": "cpu"})
    scores: dict[str, list[float]] = {}
    lock = threading.Lock()

    def run_line(rounds: int, during=None) -> None:
        with Station(settings, model=trained_model) as station:
            def on_result(event):
                insp = getattr(event, "inspection", None)
                if insp is not None:
                    with lock:
                        scores.setdefault(insp.record.name, []).append(float(insp.result.score))

            station.events.subscribe(on_result)
            source = FolderSource(folder, interval_s=0.0, loop=True)
            worker = CaptureWorker(source, lambda f: station.inspect(f.image, source="folder", name=f.name))
            worker.start(supervise=station.supervise)
            trainer = threading.Thread(target=during) if during else None
            if trainer:
                trainer.start()
            import time

            end = time.monotonic() + 300
            while time.monotonic() < end:
                with lock:
                    enough = all(len(scores.get(n, [])) >= rounds for n in names)
                if enough and (trainer is None or not trainer.is_alive()):
                    break
                time.sleep(0.05)
            worker.stop()
            if trainer:
                trainer.join(300)

    run_line(1)
    quiet = {n: scores[n][0] for n in names}
    scores.clear()
    trained: list = []
    run_line(2, during=lambda: trained.append(train(bottle_images["train"][:12], name="during", device="cpu")))
    assert trained, "the training did not finish"
    for n in names:
        assert len(scores[n]) >= 1
        np.testing.assert_allclose(scores[n], [quiet[n]] * len(scores[n]), rtol=1e-5, err_msg=n)
    assert torch.get_num_threads() == threads_before  # the coreset's single-thread phase was undone


def test_every_model_on_a_backbone_shares_its_one_lock(trained_model):
    fx = get_backbone(trained_model.info.backbone, "cpu")
    assert backbone_lock(fx) is backbone_lock(get_backbone(trained_model.info.backbone, "cpu"))
    assert trained_model._core.fx is fx
