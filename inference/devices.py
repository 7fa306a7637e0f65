"""Which compute devices this PC has, asked without loading torch where that can be avoided.

Qt-free so the Settings page (off its GUI thread), the command line and the API can all refuse
``device="cuda"`` on a PC without a GPU with the same answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cuda_available() -> bool:
    """Whether torch sees a CUDA GPU, without freezing the window (call it off the GUI thread).

    Importing torch loads ~600 MB of libraries while holding the GIL, which stalls the GUI thread
    for a second even from a worker. So: no NVIDIA driver on the machine means no CUDA without
    importing anything; torch not imported yet is asked in a child process; else ask it here.
    """
    if "torch" not in sys.modules:
        if not _nvidia_driver_present():
            return False
        if not getattr(sys, "frozen", False):
            try:
                out = subprocess.run([sys.executable, "-c", "import torch; print(int(torch.cuda.is_available()))"],
                                     capture_output=True, timeout=120, check=False)
                return out.stdout.strip() == b"1"
            except (OSError, subprocess.SubprocessError):
                return False
    try:
        import torch

        return bool(torch.cuda.is_available())
    except Exception:  # noqa: BLE001 - no torch / broken driver: no CUDA
        return False


def _nvidia_driver_present() -> bool:
    if sys.platform.startswith("linux"):
        return Path("/proc/driver/nvidia/version").exists() or Path("/dev/nvidiactl").exists()
    if sys.platform == "win32":
        return (Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32" / "nvcuda.dll").exists()
    return False  # macOS: no CUDA
