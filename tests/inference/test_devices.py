"""inference.devices: the CUDA question is answered without importing torch when no driver exists."""

from __future__ import annotations

import subprocess
import sys

from inference import devices


def test_no_driver_means_no_cuda_without_importing_torch(monkeypatch):
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr(devices, "_nvidia_driver_present", lambda: False)

    def no_child(*_a, **_k):
        raise AssertionError("no child process may be started without a driver")

    monkeypatch.setattr(subprocess, "run", no_child)
    assert devices.cuda_available() is False
    assert "torch" not in sys.modules


def test_a_driver_without_torch_loaded_asks_a_child_process(monkeypatch):
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr(devices, "_nvidia_driver_present", lambda: True)
    asked: list[list[str]] = []

    def child(cmd, **_k):
        asked.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, stdout=b"1\n", stderr=b"")

    monkeypatch.setattr(subprocess, "run", child)
    assert devices.cuda_available() is True
    assert asked and "torch.cuda.is_available()" in asked[0][-1]
