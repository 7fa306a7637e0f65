"""Algorithm registry: every anomaly algorithm with its parameters, types, ranges and defaults.

The registry is data, so the HTTP ``algorithms`` endpoint, the GUI's training form and the CLI's
``--param KEY=VALUE`` all read (and validate against) the same list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ParamType = Literal["int", "float", "bool", "choice"]


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: ParamType
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        """Value from JSON or a CLI string, converted and range-checked; ValueError says why."""
        bad = ValueError(f"{self.name} must be a {self.type} (got {value!r})")
        if self.type == "choice":
            if str(value) not in self.choices:
                raise ValueError(f"{self.name} must be one of {', '.join(self.choices)} (got {value!r})")
            return str(value)
        if self.type == "bool":
            if isinstance(value, str):
                low = value.strip().lower()
                if low not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise bad
                return low in ("1", "true", "yes", "on")
            if not isinstance(value, (bool, int)):
                raise bad
            return bool(value)
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise TypeError
            if self.type == "int":
                if isinstance(value, float) and not value.is_integer():
                    raise TypeError
                value = int(value)
            else:
                value = float(value)
                if value != value or value in (float("inf"), float("-inf")):
                    raise TypeError
        except (TypeError, ValueError):
            raise bad from None
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.name} must be >= {self.minimum} (got {value})")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{self.name} must be <= {self.maximum} (got {value})")
        return value

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["choices"] = list(self.choices)
        return d


@dataclass(frozen=True)
class AlgorithmSpec:
    name: str
    title: str
    description: str
    parameters: tuple[ParamSpec, ...] = field(default_factory=tuple)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.parameters}

    def resolve(self, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """Defaults updated with ``overrides``; unknown names and bad values raise ValueError."""
        known = {p.name: p for p in self.parameters}
        out = self.defaults()
        for key, value in (overrides or {}).items():
            if key not in known:
                raise ValueError(f"unknown parameter {key!r} for {self.name}; known: {', '.join(known)}")
            out[key] = known[key].coerce(value)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "parameters": [p.to_dict() for p in self.parameters]}


# Calibration and self-check settings every algorithm shares (inference.calibration, .selfcheck and
# .ng_head see only scores, maps and patch features): an algorithm's SPEC appends them.
CALIBRATION_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("ok_reject_rate", "float", 0.02, "target share of good parts judged NG (false rejects); the "
              "threshold comes from a tail fitted to the OK scores", 0.001, 0.2),
    ParamSpec("miss_cost", "float", 10.0, "with NG images: a missed defect costs this many rejected good parts "
              "(sets the threshold)", 1.0, 1000.0),
    ParamSpec("max_ok_reject_rate", "float", 0.05, "with NG images: they may lower the threshold only until this "
              "share of good parts is expected to be judged NG", 0.001, 0.5),
    ParamSpec("ng_head", "bool", True, "with NG images: learn a small defect classifier on the patch features, "
              "combined with the anomaly map"),
    ParamSpec("synthetic_check", "bool", True, "after training, paste synthetic defects on held-out OK images and "
              "report how many the model catches"),
)


def registry() -> list[AlgorithmSpec]:
    """All algorithms the engine can train, default first."""
    from inference.algorithms.csflow import SPEC as CSFLOW
    from inference.algorithms.patchcore import SPEC as PATCHCORE

    return [PATCHCORE, CSFLOW]


def get_spec(name: str) -> AlgorithmSpec:
    for spec in registry():
        if spec.name == name:
            return spec
    raise ValueError(f"unknown algorithm {name!r}; known: {', '.join(s.name for s in registry())}")


__all__ = ["CALIBRATION_PARAMS", "AlgorithmSpec", "ParamSpec", "get_spec", "registry"]
