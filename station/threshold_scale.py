"""The mapping between a threshold and an integer slider position, without Qt.

Both threshold sliders use it: the Models page spans multiples of the model's saved threshold,
the Evaluate page spans the evaluated scores. A position always maps back onto the same span, so
moving the slider never drifts the value the spin box shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SliderScale:
    """A linear map from ``[lo, hi]`` onto slider positions ``0 .. steps``."""

    lo: float = 0.0
    hi: float = 1.0
    steps: int = 1000

    @classmethod
    def around(cls, saved: float, span: tuple[float, float], steps: int = 1000) -> SliderScale:
        """From ``span[0]×`` to ``span[1]×`` the saved threshold (a zero threshold counts as tiny)."""
        base = max(float(saved), 1e-12)
        return cls(base * span[0], base * span[1], steps)

    def to_position(self, value: float) -> int:
        """The slider position of ``value``, clamped to the slider's range."""
        if self.hi <= self.lo:
            return 0
        rel = (float(value) - self.lo) / (self.hi - self.lo)
        return int(round(min(max(rel, 0.0), 1.0) * self.steps))

    def to_value(self, position: int) -> float:
        return self.lo + (self.hi - self.lo) * position / self.steps


def score_range(scores: Sequence[float], threshold: float, pad: float = 0.05) -> tuple[float, float]:
    """The span a threshold slider should cover: every score and the model's threshold, with a
    margin of ``pad`` of the span each side (0.5 when every value is the same)."""
    lo = float(min(min(scores), threshold)) if len(scores) else 0.0
    hi = float(max(max(scores), threshold)) if len(scores) else 1.0
    margin = (hi - lo) * pad or 0.5
    return lo - margin, hi + margin
