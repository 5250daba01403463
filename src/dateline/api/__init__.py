"""The JSON API and web pages over an archive, in one FastAPI app: ``create_app(store_url)``."""

from dateline.api.app import create_app

__all__ = ["create_app"]
