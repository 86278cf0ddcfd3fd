"""Run axe-core (vendored, tests/browser/vendor/axe-core) in a Playwright page.

The site's CSP (script-src 'self') blocks `page.add_script_tag(content=...)`: an inline
script. `page.evaluate` runs through the DevTools protocol, which the page's CSP does not
govern, so the library is evaluated that way and the site's CSP stays as in production.
"""

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE_VERSION = "4.14.1"
AXE_FILE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA plus axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@cache
def axe_source() -> str:
    return AXE_FILE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[str]:
    """One line per violation and node: rule id, impact, selector, summary."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    assert page.evaluate("axe.version") == AXE_VERSION
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
