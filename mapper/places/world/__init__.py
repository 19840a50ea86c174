"""The world gazetteer: GeoNames places shipped in PyPI packages, indexed once, memory-mapped."""

from .index import WorldGazetteer

__all__ = ["WorldGazetteer"]
