"""Server fixtures (a pytest plugin): a throwaway sshd on 127.0.0.1 for deploys, and nginx
with the configuration `branchsites server-config` makes (server_configs) for the built sites.

Debian's openssh-server, rsync and nginx (scripts/ensure-test-tools.sh installs them); nothing
in /etc is changed, and the servers stop with the session.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

SSHD = "/usr/sbin/sshd"  # sshd re-executes itself: it must be started by absolute path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class SshHost:
    host: str  # user@host, as DEPLOY_HOST
    port: int
    options: str  # as SSH_OPTS

    def env(self, **more) -> dict:
        """The environment scripts/deploy.sh needs to reach this host."""
        return {
            **os.environ,
            "DEPLOY_HOST": self.host,
            "SSH_PORT": str(self.port),
            "SSH_OPTS": self.options,
            **more,
        }

    def run(self, command: str) -> str:
        argv = ["ssh", "-p", str(self.port), *shlex.split(self.options), self.host, command]
        return subprocess.run(argv, check=True, capture_output=True, text=True, timeout=30).stdout


def _wait_for_banner(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"sshd stopped: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5) as conn:
                if conn.recv(8).startswith(b"SSH-2.0"):
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture(scope="session")
def ssh_host():
    """An sshd on 127.0.0.1 that lets root in with a key made for the session."""
    for tool in (SSHD, shutil.which("ssh"), shutil.which("rsync")):
        if not tool or not os.path.exists(tool):  # never skip: `make test` installs them
            pytest.fail("sshd, ssh or rsync is missing: run `make test`, which installs them from Debian")
    # a short folder: ssh's ControlPath must fit in a socket address (108 bytes)
    folder = Path(tempfile.mkdtemp(prefix="kit-ssh-", dir="/tmp"))
    os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege-separation folder
    for key in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / key)], check=True)
    (folder / "authorized_keys").write_text((folder / "client_key.pub").read_text())
    port = free_port()
    (folder / "sshd_config").write_text(
        f"ListenAddress 127.0.0.1:{port}\n"
        f"HostKey {folder}/host_key\n"
        f"PidFile {folder}/sshd.pid\n"
        f"AuthorizedKeysFile {folder}/authorized_keys\n"
        "PermitRootLogin prohibit-password\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "UsePAM no\n"
        "StrictModes no\n"  # the keys live under /tmp
        "LogLevel ERROR\n"
    )
    config = [SSHD, "-f", str(folder / "sshd_config")]
    subprocess.run([*config, "-t"], check=True)
    log = folder / "sshd.log"
    with open(log, "wb") as stderr:
        proc = subprocess.Popen([*config, "-D", "-e"], stderr=stderr)
    _wait_for_banner(port, proc, log)
    options = (
        f"-i {folder}/client_key -o IdentitiesOnly=yes -o StrictHostKeyChecking=no "
        f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
        f"-o ControlMaster=auto -o ControlPath={folder}/cm-%C -o ControlPersist=60"
    )
    yield SshHost("root@127.0.0.1", port, options)
    subprocess.run(
        ["ssh", "-O", "exit", "-o", f"ControlPath={folder}/cm-%C", "-p", str(port), "root@127.0.0.1"],
        capture_output=True,
        timeout=10,
    )
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


NGINX = "/usr/sbin/nginx"
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def server_config(server: str, project: Path, **overrides) -> str:
    """What `branchsites server-config --server SERVER -s publishconf.py` writes for ``project``."""
    from kit_testing import PUBLISH_SETTINGS_FILE, project_paths
    from server_configs.__main__ import read_server_settings
    from server_configs.render import render
    from server_configs.values import server_values

    settings = read_server_settings(str(PUBLISH_SETTINGS_FILE), {**project_paths(project), **overrides})
    return render(server, server_values(settings, str(PUBLISH_SETTINGS_FILE)))


def nginx_main_config(prefix: Path, servers: str) -> str:
    """A whole nginx.conf around ``servers`` (a generated site config), as Debian's includes it, with every path
    (pid, logs, temp files) inside ``prefix``: /etc/nginx is only read (mime.types)."""
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's folders are 0700
    return f"""load_module {NGINX_BROTLI};
{user}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server_tokens off;
{servers}
}}
"""


def nginx_check(prefix: Path, config: str) -> None:
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(config)
    done = subprocess.run(
        [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log"), "-t", "-q"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def nginx():
    """nginx(prefix, servers) -> "http://127.0.0.1:PORT": Debian's nginx; ``servers`` is a function
    of (port) giving what goes inside http {} (a generated site config)."""
    if not os.path.exists(NGINX) or not NGINX_BROTLI.exists():  # never skip: `make test` installs them
        pytest.fail("nginx or its brotli module is missing: run `make test`, which installs them from Debian")
    running = []

    def start(prefix: Path, servers) -> str:
        port = free_port()
        nginx_check(prefix, nginx_main_config(prefix, servers(port)))
        config = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
        proc = subprocess.Popen(config, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        running.append(proc)
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                raise RuntimeError((prefix / "error.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    yield start
    for proc in running:
        proc.terminate()  # the master stops its workers
        proc.wait(10)
