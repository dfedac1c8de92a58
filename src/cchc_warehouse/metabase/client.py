"""A thin wrapper over `metabase-api` that raises on any error (the package returns False or a status code)."""

from __future__ import annotations

from typing import Any


class MetabaseError(RuntimeError):
    pass


class MetabaseClient:
    """Authenticates with an API key (X-API-KEY) or a user and password (session, renewed on 401 by
    metabase-api), and sends every request through `metabase-api`'s REST methods in raw mode."""

    def __init__(self, url: str, api_key: str | None = None, user: str | None = None, password: str | None = None):
        from metabase_api import Metabase_API

        if not api_key and not (user and password):
            raise MetabaseError("cần CCHC_METABASE_API_KEY, hoặc CCHC_METABASE_USER và CCHC_METABASE_PASSWORD")
        try:
            self.api = Metabase_API(url, email=user, password=password, api_key=api_key)
        except Exception as exc:     # the package raises bare Exception(Response) or ValueError
            raise MetabaseError(f"không đăng nhập được Metabase tại {url}: {exc}") from None

    def _call(self, method: str, endpoint: str, **kwargs: Any) -> Any:
        res = getattr(self.api, method)(endpoint, "raw", **kwargs)
        if not res.ok:
            raise MetabaseError(f"{method.upper()} {endpoint}: HTTP {res.status_code} {res.text[:300]}")
        return res.json() if res.content else None

    def get(self, endpoint: str, **params: Any) -> Any:
        return self._call("get", endpoint, params=params or None)

    def post(self, endpoint: str, body: dict) -> Any:
        return self._call("post", endpoint, json=body)

    def put(self, endpoint: str, body: dict) -> Any:
        return self._call("put", endpoint, json=body)

    def delete(self, endpoint: str) -> Any:
        return self._call("delete", endpoint)
