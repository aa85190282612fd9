"""A throw-away PostgreSQL 15 server for the tests (the shared ministry server's engine).

One cluster is started per test run in a temporary folder, listening on loopback only, with
SCRAM passwords for TCP connections (as a real server has). PostgreSQL refuses to run as root,
so when the tests run as root the server runs as an unprivileged user (``AES_PG_OS_USER``,
default ``postgres``) through ``runuser``. Without the server binaries the tests that ask for it
are skipped, and say why. Each test module takes its own database with
:meth:`PgServer.create_database`.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.tools import missing

PG_BIN = Path(os.environ.get("AES_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "aes"
SUPERUSER_PASSWORD = "aes-test-superuser"
_counter = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def os_user() -> str | None:
    """The unprivileged system user the server runs as, or None when not running as root."""
    if os.geteuid() != 0:
        return None
    return os.environ.get("AES_PG_OS_USER", "postgres")


def as_server_user(cmd: Sequence[str]) -> list[str]:
    user = os_user()
    return ["runuser", "-u", user, "--", *cmd] if user else list(cmd)


@dataclass
class PgServer:
    base: Path
    port: int

    @property
    def data(self) -> Path:
        return self.base / "data"

    def tool(self, name: str) -> str:
        return str(PG_BIN / name)

    def url(
        self,
        database: str,
        user: str = SUPERUSER,
        password: str = SUPERUSER_PASSWORD,
        *,
        driver: str = "postgresql+psycopg",
    ) -> str:
        return f"{driver}://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "aes") -> str:
        """A fresh empty database; its SQLAlchemy URL (as the superuser)."""
        name = f"{prefix}_{next(_counter)}"
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def psql(
        self,
        database: str,
        sql: str,
        *,
        user: str = SUPERUSER,
        password: str = SUPERUSER_PASSWORD,
        check: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``sql`` with the real ``psql`` client over TCP, as ``user`` (SCRAM login)."""
        env = {**os.environ, "PGPASSWORD": password, "PGCONNECT_TIMEOUT": "5"}
        return subprocess.run(
            [
                self.tool("psql"),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                database,
                "-c",
                sql,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=check,
            timeout=30,
        )


def start_server() -> Iterator[PgServer]:
    if not (PG_BIN / "initdb").exists():
        missing(f"PostgreSQL 15 server binaries absent ({PG_BIN}): apt-get install postgresql")
    user = os_user()
    if user is not None and shutil.which("runuser") is None:
        missing("running as root without runuser: cannot start PostgreSQL")
    # Not under pytest's tmp folder: that one is private to root and the server user could not
    # enter it.
    base = Path(tempfile.mkdtemp(prefix="aes-pg-"))
    pwfile = base / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    if user is not None:
        shutil.chown(base, user)
        shutil.chown(pwfile, user)
    server = PgServer(base, _free_port())
    subprocess.run(
        as_server_user(
            [
                server.tool("initdb"),
                "-D",
                str(server.data),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth-local=peer",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {server.port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c max_connections=200"
    )
    subprocess.run(
        as_server_user(
            [
                server.tool("pg_ctl"),
                "-D",
                str(server.data),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield server
    finally:
        subprocess.run(
            as_server_user([server.tool("pg_ctl"), "-D", str(server.data), "-m", "fast", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The run's PostgreSQL server (started on first use)."""
    yield from start_server()
