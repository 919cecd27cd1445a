"""Side-by-side comparison of two sources."""

from gui.compare.view import CompareView

__all__ = ["CompareView"]
