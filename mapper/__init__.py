"""strike-mapper: map where military strikes happened, from news articles.

The stages, one module each: ingest -> toponyms -> resolve -> events & casualties
-> sites -> export.  ``mapper.pipeline.run`` chains them; the CLI is a thin layer
over it.  Heavy modules (geopandas, folium) are imported inside the functions
that need them so that importing this package stays cheap.
"""

__version__ = "0.1.0"
