"""The preview server: output/ as it is on disk, plus a small script added to HTML responses that
reloads the page after each good build and, while the last build failed, shows its problems on the
open page (until the next good build reloads it).

The script, its stylesheet and the build's state are served from memory, so output/ stays exactly
what `make html` writes. No Content-Security-Policy here: it is a preview on the editor's own
machine; even so the script writes no markup, only elements and text (textContent).
"""

from __future__ import annotations

import functools
import http.server
import json
import threading

RELOAD_JS = b"""// live_preview: reload when a new build is ready; show a failed build's problems.
(() => {
  let seen = null;
  const show = (problems) => {
    let box = document.getElementById("live-preview-problems");
    if (!box) {
      box = document.createElement("section");
      box.id = "live-preview-problems";
      box.setAttribute("role", "alert");
      const heading = document.createElement("h2");
      heading.textContent = "The last change did not build: nothing here is up to date until it is fixed";
      box.append(heading, document.createElement("pre"));
      document.body.prepend(box);
    }
    box.querySelector("pre").textContent = problems;
  };
  const poll = async () => {
    try {
      const state = await (await fetch("/.live-preview/build", { cache: "no-store" })).json();
      if (state.problems) show(state.problems);
      else if (seen !== null && state.id !== seen) location.reload();
      seen = state.id;
    } catch (error) {}
    setTimeout(poll, 500);
  };
  poll();
})();
"""
ALERT_CSS = b"""#live-preview-problems { position: sticky; top: 0; z-index: 1000; margin: 0; padding: 1rem;
  background: #fff4f4; color: #5c0000; border-bottom: 4px solid #b00020; max-height: 60vh; overflow: auto; }
#live-preview-problems h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
#live-preview-problems pre { margin: 0; white-space: pre-wrap; font-size: .9rem; }
"""
TAG = b'<link rel="stylesheet" href="/.live-preview/alert.css"><script src="/.live-preview/reload.js" defer></script>'


class BuildCounter:
    """The builds so far, and the problems of the last one if it failed."""

    def __init__(self):
        self.number = 0
        self.problems = ""
        self.lock = threading.Lock()

    def bump(self) -> None:
        """A good build: pages reload, and the problems shown go."""
        with self.lock:
            self.number += 1
            self.problems = ""

    def failed(self, problems: str) -> None:
        with self.lock:
            self.number += 1
            self.problems = problems or "The build failed; the terminal running make devserver says why."

    def state(self) -> bytes:
        with self.lock:
            return json.dumps({"id": self.number, "problems": self.problems}).encode()


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    counter: BuildCounter

    def log_message(self, *args):
        pass

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/.live-preview/build":
            return self._send(self.counter.state(), "application/json")
        if self.path == "/.live-preview/reload.js":
            return self._send(RELOAD_JS, "text/javascript")
        if self.path == "/.live-preview/alert.css":
            return self._send(ALERT_CSS, "text/css")
        path = self.translate_path(self.path)
        if path.endswith("/") or path.endswith(".html"):
            candidate = path + "index.html" if path.endswith("/") else path
            try:
                with open(candidate, "rb") as handle:
                    html = handle.read()
            except OSError:
                return super().do_GET()
            return self._send(html.replace(b"</body>", TAG + b"</body>", 1), "text/html; charset=utf-8")
        return super().do_GET()


def start_server(directory: str, port: int, counter: BuildCounter, host: str = "127.0.0.1"):
    handler = functools.partial(type("Handler", (PreviewHandler,), {"counter": counter}), directory=directory)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
