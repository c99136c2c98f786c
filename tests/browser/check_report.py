#!/usr/bin/env python3
"""The demo report checked as a reader would see it (issue: a report fit for
a committee paper). Builds the demo report's HTML with the timescales CLI,
then, in headless Chromium:

1. prints it to PDF and checks every page is A4 and there are at most
   MAX_PAGES of them (pages counted by parsing the PDF's /Type /Page
   objects);
2. checks every KPI section of the HTML holds a chart (an inline <svg>);
3. checks no element is wider than the printed page: a test-only harness page
   (the report itself runs no script) holds the report in an iframe as wide
   as the A4 text block (210 mm less the 12 mm margins), applies the report's
   own print rules to it, and lists every element whose box passes the
   right edge; Chromium's --dump-dom prints the list.

Exit 77 (ctest's skip) when Chromium is not installed.
"""

import argparse
import html
import os
import re
import shutil
import subprocess
import sys

MAX_PAGES = 6
A4_POINTS = (595.0, 842.0)  # 210 x 297 mm
# The text block of a printed page in CSS pixels: (210 - 2 x 12) mm.
PRINT_WIDTH_PX = round((210 - 24) / 25.4 * 96)

HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="report" style="border:0;width:%dpx;height:2000px"
 srcdoc="%s"></iframe>
<pre id="result">not run</pre>
<script>
const frame = document.getElementById('report');
function check() {
  const doc = frame.contentDocument;
  // The report's print rules, applied on screen.
  for (const sheet of Array.from(doc.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
        for (const inner of Array.from(rule.cssRules)) {
          sheet.insertRule(inner.cssText, sheet.cssRules.length);
        }
      }
    }
  }
  for (const d of Array.from(doc.querySelectorAll('details'))) d.open = true;
  const width = doc.documentElement.clientWidth;
  const over = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      over.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && el.className.baseVal === undefined
                     ? '.' + el.className : '') +
                ' right=' + box.right.toFixed(1));
    }
  }
  if (doc.documentElement.scrollWidth > width) {
    over.push('page scrolls sideways: ' + doc.documentElement.scrollWidth);
  }
  document.getElementById('result').textContent =
      'width=' + width + '\\n' + (over.length ? over.join('\\n') : 'OK');
}
if (frame.contentDocument && frame.contentDocument.readyState === 'complete' &&
    frame.contentDocument.body && frame.contentDocument.body.firstChild) {
  check();
} else {
  frame.addEventListener('load', check);
}
</script></body></html>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser, *args):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu",
           "--no-first-run", "--no-default-browser-check"] + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def pdf_pages(pdf):
    """The page objects of a PDF and their MediaBoxes (inherited from the
    page tree when a page has none)."""
    data = open(pdf, "rb").read()
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.\s]+)\]", data)
    sizes = []
    for box in boxes:
        x0, y0, x1, y1 = (float(v) for v in box.split())
        sizes.append((x1 - x0, y1 - y0))
    return len(pages), sizes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--max-pages", type=int, default=MAX_PAGES)
    args = ap.parse_args()

    browser = chromium()
    if browser is None:
        print("SKIP: chromium is not installed (Debian package 'chromium', "
              "installed by scripts/install-deps); the printed report was "
              "not checked")
        return 77

    os.makedirs(args.work, exist_ok=True)
    page = os.path.join(args.work, "report-2019-20.html")
    pdf = os.path.join(args.work, "report-2019-20.pdf")
    data = args.data
    made = subprocess.run(
        [args.cli, "report", "--ssda903", os.path.join(data, "ssda903"),
         "--cin", os.path.join(data, "cin"),
         "--meetings", os.path.join(data, "meetings.csv"),
         "--config", os.path.join(data, "config.json"),
         "--period", "2019-20", "--format", "html", "--output", page],
        capture_output=True, text=True)
    if made.returncode not in (0, 3) or not os.path.exists(page):
        print("the CLI failed:", made.returncode, made.stderr)
        return 1
    text = open(page, encoding="utf-8").read()
    failures = []

    # 2. A chart in every KPI section, and a section for every KPI tile.
    sections = re.findall(r'<section class="kpi" id="kpi-([^"]+)">(.*?)</section>',
                          text, re.S)
    tiles = text.count('<article class="tile')
    if not sections or len(sections) != tiles:
        failures.append("%d KPI sections for %d scorecard tiles"
                        % (len(sections), tiles))
    for kpi, body in sections:
        if "<svg" not in body:
            failures.append("KPI %s has no chart" % kpi)
    if re.search(r"<script|\bsrc=|https?://", text):
        failures.append("the page fetches or runs something")

    # 1. A4, at most MAX_PAGES pages.
    if os.path.exists(pdf):
        os.remove(pdf)
    printed = run_browser(browser, "--no-pdf-header-footer",
                          "--print-to-pdf=" + pdf, "file://" + page)
    if not os.path.exists(pdf):
        print("chromium did not print:", printed.returncode, printed.stderr)
        return 1
    pages, sizes = pdf_pages(pdf)
    print("printed %d pages (at most %d)" % (pages, args.max_pages))
    if pages == 0 or pages > args.max_pages:
        failures.append("%d printed pages, more than %d"
                        % (pages, args.max_pages))
    for w, h in sizes:
        if abs(w - A4_POINTS[0]) > 2 or abs(h - A4_POINTS[1]) > 2:
            failures.append("a page is %.0f x %.0f points, not A4" % (w, h))
            break

    # 3. Nothing wider than the printed page.
    harness = os.path.join(args.work, "overflow-harness.html")
    with open(harness, "w", encoding="utf-8") as f:
        f.write(HARNESS % (PRINT_WIDTH_PX, html.escape(text, quote=True)))
    dumped = run_browser(browser, "--dump-dom", "--virtual-time-budget=5000",
                         "file://" + harness)
    result = re.search(r'<pre id="result">(.*?)</pre>', dumped.stdout, re.S)
    if result is None or result.group(1).startswith("not run"):
        failures.append("the overflow check did not run: "
                        + dumped.stderr[-500:])
    else:
        lines = html.unescape(result.group(1)).splitlines()
        print("overflow check at", lines[0], "px:", ", ".join(lines[1:])[:300])
        if lines[1:] != ["OK"]:
            failures.append("elements wider than the page: "
                            + "; ".join(lines[1:11]))

    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("OK: %d KPIs, each with a chart; %d A4 pages; nothing wider "
              "than the page" % (len(sections), pages))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
