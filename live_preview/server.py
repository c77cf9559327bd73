"""The preview server: output/ as it is on disk, plus a small reload script added to HTML responses.

The script and the build number are served from memory, so output/ stays exactly what `make html`
writes. No Content-Security-Policy here: it is a preview on the editor's own machine.
"""

from __future__ import annotations

import functools
import http.server
import threading

RELOAD_JS = b"""// live_preview: reload when a new build is ready.
(() => {
  let seen = null;
  const poll = async () => {
    try {
      const id = await (await fetch("/.live-preview/build", { cache: "no-store" })).text();
      if (seen !== null && id !== seen) location.reload();
      seen = id;
    } catch (error) {}
    setTimeout(poll, 500);
  };
  poll();
})();
"""
TAG = b'<script src="/.live-preview/reload.js" defer></script>'


class BuildCounter:
    def __init__(self):
        self.number = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.number += 1


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
            return self._send(str(self.counter.number).encode(), "text/plain")
        if self.path == "/.live-preview/reload.js":
            return self._send(RELOAD_JS, "text/javascript")
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
