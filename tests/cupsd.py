"""A real CUPS for the printing tests: a private ``cupsd`` with a cups-pdf queue.

The scheduler runs from a temporary ServerRoot (its own spool, logs and ``cups-pdf.conf``),
listens on a free localhost port and on nothing else, and the tests reach it through
``CUPS_SERVER``. The queue ``AESPDF`` prints with Debian's ``printer-driver-cups-pdf``, which
writes each job as a PDF into ``out``. cupsd runs backends as root only when it is root itself,
so the tests need root (as in CI); without cupsd or cups-pdf they fail, saying what to install.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

QUEUE = "AESPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")


@dataclass
class Cups:
    root: Path
    out: Path
    server: str
    queue: str = QUEUE

    def wait_for_output(self, count: int = 1, timeout: float = 60.0) -> list[Path]:
        """The PDFs cups-pdf has finished writing, once there are ``count`` of them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = sorted(self.out.rglob("*.pdf"))
            if len(files) >= count and self._idle():
                return files
            time.sleep(0.2)
        log = (self.root / "log" / "error_log").read_text(errors="replace")[-3000:]
        raise AssertionError(f"cups-pdf wrote {len(files)} of {count} PDF(s); log:\n{log}")

    def _idle(self) -> bool:
        out = subprocess.run(
            ["lpstat", "-o", self.queue], capture_output=True, text=True, check=False
        ).stdout
        return not out.strip()

    def clear(self) -> None:
        for path in self.out.rglob("*.pdf"):
            path.unlink()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _require() -> None:
    missing = [t for t in ("cupsd", "lp", "lpstat", "lpadmin") if shutil.which(t) is None]
    if shutil.which("cupsd") is None and Path("/usr/sbin/cupsd").exists():
        missing.remove("cupsd")
    if missing or not PPD.exists() or not BACKEND.exists():
        pytest.fail(
            "The printing tests need a real CUPS: apt-get install cups printer-driver-cups-pdf "
            f"(missing: {', '.join(missing) or PPD if not BACKEND.exists() else PPD})"
        )
    if os.geteuid() != 0:
        pytest.fail("The printing tests start their own cupsd, which needs root (as in CI).")


@pytest.fixture(scope="session")
def cups() -> Iterator[Cups]:
    _require()
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    # Not under pytest's tmp dir: that is 0700 and the filters run as user lp.
    root = Path(tempfile.mkdtemp(prefix="aes-cups-"))
    root.chmod(0o755)
    for sub in ("spool/tmp", "cache", "state", "log", "out", "ppd"):
        (root / sub).mkdir(parents=True)
    (root / "out").chmod(0o777)
    port = _free_port()
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
        "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nTempDir {root}/spool/tmp\n"
        f"AccessLog {root}/log/access_log\nErrorLog {root}/log/error_log\n"
        f"PageLog {root}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        "Sandboxing Relaxed\n"
    )
    # cups-pdf reads /etc/cups/cups-pdf-NAME.conf for the device cups-pdf:/NAME (the path is
    # built in): a file of this run only, removed at the end.
    instance = f"aestest{port}"
    conf = Path("/etc/cups") / f"cups-pdf-{instance}.conf"
    conf.write_text(f"Out {root}/out\nAnonDirName {root}/out\nLog {root}/log\nGrp root\n")
    process = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = f"127.0.0.1:{port}"
    saved = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = server
    try:
        deadline = time.monotonic() + 20
        while True:
            ok = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
            if "is running" in ok.stdout and "not" not in ok.stdout:
                break
            if process.poll() is not None or time.monotonic() > deadline:
                log = root / "log" / "error_log"
                raise AssertionError(
                    "cupsd did not start: " + (log.read_text() if log.exists() else "")
                )
            time.sleep(0.1)
        subprocess.run(
            ["lpadmin", "-p", QUEUE, "-v", f"cups-pdf:/{instance}", "-P", str(PPD), "-E"],
            check=True,
            capture_output=True,
        )
        subprocess.run(["lpadmin", "-d", QUEUE], check=True, capture_output=True)
        yield Cups(root, root / "out", server)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if saved is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = saved
        conf.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
