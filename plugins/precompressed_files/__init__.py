"""precompressed_files: a .gz and a .br beside every text file, so servers send them as they are.

nginx (gzip_static, brotli_static), Apache (rewrite rules) and Caddy (precompressed) then
spend no time compressing, and at the highest levels. The bytes are deterministic (gzip with
no name and mtime 0; brotli's output depends only on its input and settings), so a build of
unchanged input changes nothing for rsync. Each site compresses its own files: branches in
their worker processes, the main site the rest once they are built.
"""

from .register import register

__all__ = ["register"]
