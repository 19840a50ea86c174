"""The ``mapper`` command line: a thin layer over the library (``mapper.pipeline``)."""

from .main import main

__all__ = ["main"]
