"""cchc: keep, track and report a Vietnamese department's CCHC plan."""

__version__ = "0.1.0"
