"""Fetching web pages politely: a user agent, robots.txt, a pause between requests to one host,
a timeout for the whole response and a size cap.

Every failure (refused by robots.txt, HTTP error, timeout, too big, too many redirects) is a
``BadInput`` naming the URL and the reason, never an exception. Redirects are followed here,
one hop at a time, so each hop is checked against its own host's robots.txt.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from dateline import __version__
from dateline.io.sources import MAX_BYTES, BadInput

USER_AGENT = f"dateline/{__version__} (news reader; obeys robots.txt)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds for one response, connection to last byte
    max_bytes: int = MAX_BYTES
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay if longer)
    max_redirects: int = 5
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters
    data: bytes
    fetched: str  # ISO 8601, UTC
    validators: dict[str, str] = field(default_factory=dict)  # for asking again: If-None-Match, ...


class Fetcher:
    """One polite HTTP client: keeps connections, robots.txt rules and per-host timing."""

    def __init__(self, settings: FetchSettings = FetchSettings()) -> None:
        import urllib3

        self.settings = settings
        self.pool = urllib3.PoolManager(retries=False)
        self._robots: dict[str, object] = {}
        self._last: dict[str, float] = {}
        self._validators: dict[str, dict[str, str]] = {}  # url -> If-None-Match / If-Modified-Since
        self._lock = threading.Lock()

    def get(self, url: str, *, conditional: bool = False) -> Page | BadInput:
        """The page at ``url`` (status 200, redirects followed), or why not. ``conditional``:
        ask with the validators of this URL's last answer; unchanged comes back as status 304
        with no data (a feed polled again costs the site almost nothing)."""
        asked = url
        for _ in range(self.settings.max_redirects + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                return BadInput(url, "not an http(s) URL")
            if self.settings.robots and (why := self._forbidden(url)):
                return BadInput(url, why)
            headers = self._validators.get(asked, {}) if conditional else {}
            result = self._request(url, self.settings.max_bytes, headers)
            if isinstance(result, BadInput):
                return result
            status, location, page = result
            if status in REDIRECTS and location:
                url = urljoin(url, location)
                continue
            if status == 304 and headers:
                return page
            if status != 200:
                return BadInput(url, f"HTTP status {status}")
            if conditional:
                self._validators[asked] = page.validators
            return page
        return BadInput(url, f"more than {self.settings.max_redirects} redirects")

    # -- one request -------------------------------------------------------------------
    def _request(
        self, url: str, max_bytes: int, headers: dict[str, str] | None = None
    ) -> tuple[int, str | None, Page] | BadInput:
        import urllib3

        self._wait_turn(url)
        limit = self.settings.timeout
        started = time.monotonic()
        try:
            resp = self.pool.request(
                "GET",
                url,
                redirect=False,
                preload_content=False,
                headers={"User-Agent": self.settings.user_agent, **(headers or {})},
                timeout=urllib3.Timeout(connect=limit, read=limit),
            )
        except urllib3.exceptions.HTTPError as exc:
            return BadInput(url, _reason(exc, limit))
        try:
            if resp.status in REDIRECTS or resp.status != 200:
                return resp.status, resp.headers.get("Location"), _page(url, resp, b"")
            size = resp.headers.get("Content-Length", "")
            if size.isdigit() and int(size) > max_bytes:
                return BadInput(
                    url, f"page is {int(size) / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.1f} MB limit"
                )
            body = bytearray()
            while chunk := resp.read1(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    return BadInput(url, f"page is over the {max_bytes / 1_048_576:.1f} MB limit")
                if time.monotonic() - started > limit:
                    return BadInput(url, f"timed out: no complete page after {limit:g} s")
            return resp.status, None, _page(url, resp, bytes(body))
        except urllib3.exceptions.HTTPError as exc:
            return BadInput(url, _reason(exc, limit))
        finally:
            resp.release_conn()

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's pause since the last request is over (Crawl-delay counts)."""
        host = urlsplit(url).netloc
        with self._lock:
            delay = max(self.settings.delay, self._crawl_delay(url))
            wait = self._last.get(host, -1e9) + delay - time.monotonic()
            self._last[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)

    # -- robots.txt --------------------------------------------------------------------
    def _forbidden(self, url: str) -> str | None:
        """Why robots.txt keeps us from ``url``, or None when it may be fetched."""
        rules = self._rules(url)
        if isinstance(rules, str):
            return f"robots.txt could not be read ({rules}), so the site is not fetched"
        if rules is not None and not rules.can_fetch(url, self.settings.user_agent):
            return "robots.txt forbids fetching this page"
        return None

    def _crawl_delay(self, url: str) -> float:
        rules = self._robots.get(_origin(url))
        delay = rules.crawl_delay(self.settings.user_agent) if hasattr(rules, "crawl_delay") else None
        return float(delay or 0.0)

    def _rules(self, url: str):
        """The site's robots.txt, fetched once: its rules; None (a 4xx: all allowed); or, when it
        cannot be read (no answer, 5xx), the reason, and nothing is fetched (RFC 9309 2.3.1.3-4)."""
        from protego import Protego

        origin = _origin(url)
        if origin not in self._robots:
            result = self._request(origin + "/robots.txt", ROBOTS_MAX_BYTES)
            if isinstance(result, BadInput):
                self._robots[origin] = result.reason
            elif result[0] >= 500:
                self._robots[origin] = f"HTTP status {result[0]}"
            elif result[0] == 200:
                self._robots[origin] = Protego.parse(result[2].data.decode("utf-8", "replace"))
            else:
                self._robots[origin] = None
        return self._robots[origin]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _page(url: str, resp, data: bytes) -> Page:
    media = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    validators = {
        ask: resp.headers[given]
        for given, ask in (("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since"))
        if resp.headers.get(given)
    }
    return Page(url=url, status=resp.status, content_type=media, data=data, fetched=now_iso(), validators=validators)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _reason(exc: Exception, limit: float) -> str:
    import urllib3

    if isinstance(exc, urllib3.exceptions.NewConnectionError):  # (a ConnectTimeoutError subclass)
        return "cannot connect"
    if isinstance(exc, urllib3.exceptions.TimeoutError) or "timed out" in str(exc).lower():
        return f"timed out after {limit:g} s"
    return f"cannot fetch ({type(exc).__name__})"
