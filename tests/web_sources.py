"""A local web server for the fetching tests (127.0.0.1 only) and the pages it serves.

Every story here is invented for dateline's tests. Routes cover what the fetcher must survive:
a redirect, a redirect loop, a 404, a slow server, a server that drips bytes, a huge page, a
PDF, a "feed" that is not XML, and a robots.txt that forbids a folder.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
ROBOTS = "User-agent: *\nDisallow: /private/\n"
FEED_ETAG = '"feed-v1"'


def page(title: str, *paragraphs: str, lang: str = "en") -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a> | <a href='/news/'>News</a></nav><article><h1>{title}</h1>\n"
        f"{body}</article><footer>Copyright Test Gazette</footer></body></html>"
    ).encode()


PAGES = {
    "/news/ferry.html": page(
        "Ferry service to Lindholm resumes after storm repairs",
        "PORT AVERY, June 9 - The ferry between Port Avery and Lindholm island sailed again on Monday "
        "after three weeks of repairs to its damaged pier, the harbour authority said.",
        '"We are glad to have the boat back," said harbour master Tomas Reyes, who added that the '
        "timetable would return to normal by the end of the week.",
        "The storm in May tore away a section of the pier and left about 400 islanders relying on a "
        "smaller boat run by volunteers.",
    ),
    "/news/night-bus.html": page(
        "Council votes to extend the night bus trial",
        "The city council of Port Avery voted 7-2 on Monday to extend a trial of night buses until the "
        "end of the year, citing rising use by hospital staff.",
        "Councillor Amina Farouk said the buses carried more than 1,200 passengers in May, twice the "
        "number in the first month of the trial.",
    ),
    "/news/drought.html": page(
        "Drought forces farmers in the Orlen valley to cut herds",
        "Farmers in the Orlen valley have begun selling part of their herds after the driest spring in "
        "forty years, the regional farmers' union said on Wednesday.",
        "The union asked the provincial government for emergency feed subsidies and said prices for hay "
        "had doubled since March.",
    ),
    "/news/peche.html": page(
        "Les pêcheurs de Port-Lavande manifestent contre les quotas",
        "Plusieurs centaines de pêcheurs ont défilé mardi dans les rues de Port-Lavande pour protester "
        "contre la baisse des quotas de pêche décidée par le ministère, a-t-on appris auprès des organisateurs.",
        "Les représentants du syndicat ont demandé à être reçus par le préfet avant la fin de la semaine.",
        lang="fr",
    ),
    "/private/memo.html": page("Internal memo", "This page is not for robots to read, says robots.txt."),
}


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that gave up: expected here
        pass


class Site:
    """The server: ``site.url(path)``; ``site.hits`` lists the paths requested, in order."""

    def __init__(self, robots: str = ROBOTS) -> None:
        self.robots = robots
        self.hits: list[str] = []
        self.agents: list[str] = []
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def feed(self, name: str) -> bytes:
        return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", self.base).encode("utf-8")


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            site.hits.append(path)
            site.agents.append(self.headers.get("User-Agent", ""))
            if path == "/robots.txt":
                return self._send(200, "text/plain", site.robots.encode()) if site.robots else self._send(404)
            if path in PAGES:
                return self._send(200, "text/html; charset=utf-8", PAGES[path])
            if path in ("/feed.xml", "/atom.xml", "/feed.json"):
                kind = {
                    "/feed.xml": "application/rss+xml",
                    "/atom.xml": "application/atom+xml",
                    "/feed.json": "application/feed+json",
                }[path]
                if self.headers.get("If-None-Match") == FEED_ETAG:
                    return self._send(304)
                return self._send(
                    200, kind, site.feed(path.lstrip("/").replace("feed.xml", "rss2.xml")), {"ETag": FEED_ETAG}
                )
            if path == "/news/nightbus.html":
                return self._redirect("/news/night-bus.html")
            if path == "/loop":
                return self._redirect("/loop")
            if path == "/slow.html":
                time.sleep(3)
                return self._send(200, "text/html", PAGES["/news/ferry.html"])
            if path == "/drip.html":
                return self._drip()
            if path == "/huge.html":
                return self._send(200, "text/html", b"<html><body><p>" + b"word " * 1_300_000 + b"</p></body></html>")
            if path == "/huge-chunked.html":
                return self._drip(chunk=b"word " * 200_000, count=8, pause=0.0, length=False)
            if path == "/report.pdf":
                return self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
            if path == "/bad-feed.xml":
                return self._send(200, "application/rss+xml", b"this is not XML, whatever its type says")
            return self._send(404, "text/html", b"<html><body>not here</body></html>")

        def _send(
            self, status: int, kind: str = "text/plain", body: bytes = b"", headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, to: str) -> None:
            self.send_response(301)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _drip(
            self, chunk: bytes = b"<p>slow</p>", count: int = 40, pause: float = 0.1, length: bool = True
        ) -> None:
            """Send the page in small pieces: each read is quick, the whole page is not."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if length:
                self.send_header("Content-Length", str(len(chunk) * count))
            self.end_headers()
            try:
                for _ in range(count):
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    time.sleep(pause)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler
