"""factcheck: find checkable claims in news articles, keep their provenance, cross-check them across sources."""

__version__ = "0.1.0"
