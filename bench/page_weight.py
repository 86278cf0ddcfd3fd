"""Page weight: the gzip size of a page's HTML and of its same-origin CSS and JavaScript.

    python bench/page_weight.py http://127.0.0.1:8000 /clinics/ --budget-kb 60

fetches the page, finds `<link rel="stylesheet" href>` and `<script src>`, fetches each
same-origin one, compresses every body with gzip level 6 and prints the sizes and the total
in KB (1 KB = 1,000 bytes). The total counts the HTML document too (`--assets-only` leaves it
out). Exits 1 when the total is above the budget, 2 when a fetch fails. Images, fonts and
icons are not counted. Cross-origin references are listed and not counted (the CSP forbids
them anyway).

From a test, with pytest-django's live server:

    from bench.page_weight import measure
    assert measure(live_server.url, "/clinics/").total_kb <= 60
"""

from __future__ import annotations

import argparse
import gzip
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

GZIP_LEVEL = 6
DEFAULT_BUDGET_KB = 60.0
TIMEOUT_SECONDS = 30


class AssetFinder(HTMLParser):
    """Collects stylesheet and script URLs, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.assets: list[tuple[str, str]] = []  # (kind, url as written)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").lower().split():
            if values.get("href"):
                self.assets.append(("css", values["href"]))
        elif tag == "script" and values.get("src"):
            self.assets.append(("js", values["src"]))


@dataclass
class Resource:
    kind: str  # html, css or js
    url: str
    raw_bytes: int
    gzip_bytes: int

    @property
    def gzip_kb(self) -> float:
        return self.gzip_bytes / 1000


@dataclass
class PageWeight:
    url: str
    resources: list[Resource] = field(default_factory=list)
    cross_origin: list[str] = field(default_factory=list)
    assets_only: bool = False

    @property
    def counted(self) -> list[Resource]:
        return [r for r in self.resources if not (self.assets_only and r.kind == "html")]

    @property
    def total_kb(self) -> float:
        return sum(r.gzip_bytes for r in self.counted) / 1000


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "saisei-page-weight"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        body: bytes = response.read()
        return body


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def measure(base_url: str, path: str, assets_only: bool = False) -> PageWeight:
    """Fetch the page at base_url + path and its same-origin CSS and JS."""
    page_url = urljoin(base_url.rstrip("/") + "/", path.lstrip("/"))
    html = fetch(page_url)
    weight = PageWeight(page_url, assets_only=assets_only)
    weight.resources.append(Resource("html", page_url, len(html), gzip_size(html)))
    finder = AssetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    seen: set[str] = set()
    for kind, href in finder.assets:
        url = urljoin(page_url, href)
        if url in seen:
            continue
        seen.add(url)
        if origin(url) != origin(page_url):
            weight.cross_origin.append(url)
            continue
        body = fetch(url)
        weight.resources.append(Resource(kind, url, len(body), gzip_size(body)))
    return weight


def report(weight: PageWeight, budget_kb: float) -> str:
    lines = [f"{weight.url}  (gzip level {GZIP_LEVEL}, 1 KB = 1,000 bytes)"]
    lines.append(f"  {'kind':<5} {'raw KB':>8} {'gzip KB':>8}  resource")
    for r in weight.resources:
        counted = "" if r in weight.counted else "  (not counted)"
        lines.append(
            f"  {r.kind:<5} {r.raw_bytes / 1000:>8.1f} {r.gzip_kb:>8.1f}  "
            f"{urlsplit(r.url).path}{counted}"
        )
    for url in weight.cross_origin:
        lines.append(f"  cross-origin, not counted: {url}")
    verdict = "over budget" if weight.total_kb > budget_kb else "within budget"
    lines.append(f"  total {weight.total_kb:.1f} KB gzip; budget {budget_kb:g} KB: {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="gzip size of a page's HTML and same-origin CSS and JS"
    )
    parser.add_argument("base_url", help="e.g. http://127.0.0.1:8000")
    parser.add_argument("path", nargs="?", default="/", help="e.g. /clinics/ (default /)")
    parser.add_argument("--budget-kb", type=float, default=DEFAULT_BUDGET_KB)
    parser.add_argument(
        "--assets-only", action="store_true", help="count the CSS and JS only, not the HTML"
    )
    args = parser.parse_args(argv)
    try:
        weight = measure(args.base_url, args.path, args.assets_only)
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        print(f"page_weight: {error}", file=sys.stderr)
        return 2
    print(report(weight, args.budget_kb))
    return 1 if weight.total_kb > args.budget_kb else 0


if __name__ == "__main__":
    sys.exit(main())
