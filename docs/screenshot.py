"""Make docs/geneva-talks.png, docs/geneva-talks-claims.png and docs/geneva-talks-events.png:
the seed article's HTML report in headless Chromium, with the mouse on a date so its hover
details show, the claims table, and the events timeline and table.

    python docs/screenshot.py          # needs chromium, chromium-driver and selenium

It drives the browser exactly as tests/test_browser.py does (same flags, same driver).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_browser import chromium, missing  # noqa: E402


def main() -> int:
    reason = missing()
    if reason:
        print(f"screenshot.py: {reason}", file=sys.stderr)
        return 1
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "geneva-talks.html"
        subprocess.run([sys.executable, "-m", "claimx", "extract", "samples/geneva-talks.txt",
                        "--format", "html", "-o", str(page)], check=True, cwd=ROOT)
        with chromium(width=1100, height=1250) as driver:
            driver.get(page.as_uri())
            date = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".claim.date")
                        if e.text == "the 10th")
            ActionChains(driver).move_to_element(date).perform()  # in view from the top: no scrolling
            driver.save_screenshot(str(ROOT / "docs" / "geneva-talks.png"))
            table = driver.find_element(By.CSS_SELECTOR, "table.claims")
            driver.execute_script("arguments[0].scrollIntoView()", table)
            driver.save_screenshot(str(ROOT / "docs" / "geneva-talks-claims.png"))
            events = driver.find_element(By.ID, "events")
            driver.execute_script("arguments[0].scrollIntoView()", events)
            driver.save_screenshot(str(ROOT / "docs" / "geneva-talks-events.png"))
    print("wrote docs/geneva-talks.png, docs/geneva-talks-claims.png and docs/geneva-talks-events.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
