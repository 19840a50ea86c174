"""What the map's browser tests and its benchmark share: Debian's chromium, the flags it
runs headless with, and a count of the sites on screen.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"  # installed by scripts/ensure-chromium.sh
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# the sites of a kind ("struck", "mentioned") on screen: markers, plus the counts their
# clusters show; -1 before the map has a marker pane
COUNT_JS = """
(kind) => {
  const pane = document.querySelector('.leaflet-marker-pane');
  if (!pane) { return -1; }
  let n = pane.querySelectorAll('.sm-' + kind).length;
  pane.querySelectorAll('.sm-cluster-' + kind).forEach((c) => {
    n += parseInt(c.textContent, 10);
  });
  return n;
}
"""
