"""A thin wrapper over `metabase-api` that raises on any error (the package returns False or a status code).

Authentication, as Metabase documents it: an API key goes in the `x-api-key` header of every request (no session,
no login); otherwise `POST /api/session` with a user and password gives a session id sent as `X-Metabase-Session`,
renewed by metabase-api when Metabase answers 401. The wrapper never lets metabase-api prompt for a password
(its constructor calls `getpass` when given a user without one): credentials are checked before it is built."""

from __future__ import annotations

from typing import Any

TIMEOUT = 60


class MetabaseError(RuntimeError):
    pass


def missing_credentials(api_key: str | None, user: str | None, password: str | None) -> str | None:
    """The Vietnamese message for incomplete credentials, or None when they are enough."""
    if api_key:
        return None
    if user and not password:
        return "đã đặt CCHC_METABASE_USER nhưng thiếu CCHC_METABASE_PASSWORD (hoặc dùng CCHC_METABASE_API_KEY)"
    if password and not user:
        return "đã đặt CCHC_METABASE_PASSWORD nhưng thiếu CCHC_METABASE_USER (hoặc dùng CCHC_METABASE_API_KEY)"
    if not user:
        return "thiếu thông tin đăng nhập Metabase: đặt CCHC_METABASE_API_KEY, hoặc CCHC_METABASE_USER và " \
               "CCHC_METABASE_PASSWORD"
    return None


class MetabaseClient:
    """With an API key: the `x-api-key` header only (a user or password also set are not used). Otherwise a
    session from the user and password. Every request goes through `metabase-api`'s REST methods in raw mode."""

    def __init__(self, url: str, api_key: str | None = None, user: str | None = None, password: str | None = None):
        from metabase_api import Metabase_API

        if problem := missing_credentials(api_key, user, password):
            raise MetabaseError(problem)
        self.url = url.rstrip("/")
        try:
            if api_key:
                # email=None: metabase-api then neither logs in nor prompts, and checks the key with one GET
                self.api = Metabase_API(self.url, api_key=api_key)
                self.api.header = {"x-api-key": api_key}
            else:
                self.api = Metabase_API(self.url, email=user, password=password)
        except ValueError:                     # raised by metabase-api for an API key answered 401
            raise MetabaseError(f"Metabase tại {self.url} từ chối khóa API (CCHC_METABASE_API_KEY): HTTP 401") \
                from None
        except Exception as exc:               # the package raises a bare Exception(Response) on a failed login
            res = exc.args[0] if exc.args else None
            status = getattr(res, "status_code", None)
            detail = f"HTTP {status}" if status is not None else str(exc)
            raise MetabaseError(f"không đăng nhập được Metabase tại {self.url} với CCHC_METABASE_USER: {detail}") \
                from None

    def _call(self, method: str, endpoint: str, **kwargs: Any) -> Any:
        try:
            res = getattr(self.api, method)(endpoint, "raw", timeout=TIMEOUT, **kwargs)
        except Exception as exc:               # session renewal failed, or the connection did
            raise MetabaseError(f"{method.upper()} {endpoint}: {exc}") from None
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
