"""PatchCore's feature-adaptor parameters (the adaptor itself: inference.adaptor).

Their own module so that inference.adaptor needs nothing from the algorithm registry (no import cycle).
"""

from __future__ import annotations

from inference.algorithms import ParamSpec

ADAPTOR_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("adapt", "choice", "none", "adapt the patch features to this part before building the memory bank, "
              "learned from synthetic defects pasted on the OK images: reweight the feature channels (channels) "
              "or a full linear projection (linear); none = the plain backbone features",
              choices=("none", "channels", "linear")),
    ParamSpec("adapt_steps", "int", 300, "optimisation steps of the feature adaptor (adapt=channels or linear)", 1, 100000),
    ParamSpec("adapt_seconds", "float", 120.0, "wall-clock budget for training the feature adaptor (s); it stops at "
              "this budget or after adapt_steps, whichever comes first", 1.0, 3600.0),
    ParamSpec("adapt_views", "int", 2, "synthetic-defect copies of each OK image the feature adaptor learns from",
              1, 8),
)
