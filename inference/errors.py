"""Engine errors: each carries a one-line reason that the GUI, the HTTP API and the CLI show as is."""


class EngineError(Exception):
    """Base class of every error the engine raises on purpose."""


class ImageDecodeError(EngineError):
    """The bytes or file are not an image the engine can read (or the image is absurdly large)."""


class ModelFileError(EngineError):
    """A model bundle is missing, damaged, hostile or of an unknown version."""


class TrainingCancelled(EngineError):
    """The caller's cancel event was set while training or evaluating."""


class TrainingError(EngineError):
    """Training cannot proceed with the given images or parameters."""
