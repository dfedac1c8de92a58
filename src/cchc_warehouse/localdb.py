"""A project-local PostgreSQL cluster started from the server binaries on the machine.

`initdb` refuses to run as root, so as root every server command runs as the `postgres` system user. The cluster
trusts nobody: TCP on 127.0.0.1 only, with scram-sha-256 passwords (the superuser's generated at initdb and kept in
`<root>/superuser.pw`, 0600), the Unix socket with peer authentication in a 0700 directory. A cluster made by an
earlier version with `trust` is converted when it is started.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from cchc_warehouse.config import cchc_home

DB_NAME = "cchc"
SUPERUSER = "postgres"


class LocalDbError(RuntimeError):
    pass


def _bin_dir() -> Path:
    env = os.environ.get("CCHC_PG_BIN")
    if env:
        return Path(env)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not candidates:
        raise LocalDbError(
            "PostgreSQL server binaries not found (install the postgresql package or set CCHC_PG_BIN)"
        )
    return Path(candidates[-1])


@dataclass(frozen=True)
class Cluster:
    root: Path
    port: int

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "run"

    @property
    def log(self) -> Path:
        return self.root / "postgres.log"

    @property
    def password_file(self) -> Path:
        return self.root / "superuser.pw"

    @property
    def hba(self) -> Path:
        return self.data / "pg_hba.conf"

    def password(self) -> str:
        """The superuser's password, made once (URL-safe) and readable by the service user only."""
        if not self.password_file.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(24))
        return self.password_file.read_text().strip()

    @property
    def shown_url(self) -> str:
        """The URL without its password, for messages (the password stays in password_file)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{DB_NAME} (mật khẩu: {self.password_file})"

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}:{self.password()}@127.0.0.1:{self.port}/{DB_NAME}"


def cluster() -> Cluster:
    return Cluster(root=cchc_home() / "pg", port=int(os.environ.get("CCHC_PG_PORT", "54329")))


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_as_server_user(cmd), capture_output=True, text=True)


def _chown_for_server(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def is_running(c: Cluster | None = None) -> bool:
    c = c or cluster()
    if not (c.data / "PG_VERSION").exists():
        return False
    return _run([str(_bin_dir() / "pg_ctl"), "-D", str(c.data), "status"]).returncode == 0


def start(c: Cluster | None = None) -> Cluster:
    c = c or cluster()
    bin_dir = _bin_dir()
    c.root.mkdir(parents=True, exist_ok=True)
    _chown_for_server(c.root)
    if os.geteuid() == 0 and _run(["test", "-w", str(c.root)]).returncode != 0:
        raise LocalDbError(
            f"the postgres system user cannot reach {c.root} (a parent directory is private): "
            "set CCHC_HOME to a directory it can traverse"
        )
    if not (c.data / "PG_VERSION").exists():
        pwfile = c.root / "initdb.pw"           # readable by the server user for initdb, removed right after
        pwfile.write_text(c.password() + "\n")
        os.chmod(pwfile, 0o600)
        _chown_for_server(pwfile)
        try:
            res = _run([str(bin_dir / "initdb"), "-D", str(c.data), "-U", SUPERUSER, "--auth-local=peer",
                        "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"])
        finally:
            pwfile.unlink(missing_ok=True)
        if res.returncode != 0:
            raise LocalDbError(f"initdb failed:\n{res.stderr}")
    c.socket_dir.mkdir(exist_ok=True)
    os.chmod(c.socket_dir, 0o700)
    _chown_for_server(c.socket_dir)
    if not is_running(c):
        opts = f"-p {c.port} -k {c.socket_dir} -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700"
        res = _run([str(bin_dir / "pg_ctl"), "-D", str(c.data), "-l", str(c.log), "-o", opts, "-w", "start"])
        if res.returncode != 0:
            tail = c.log.read_text(errors="replace")[-2000:] if c.log.exists() else ""
            raise LocalDbError(f"PostgreSQL did not start:\n{res.stderr}\n{tail}")
    _no_trust(c)
    _ensure_database(c)
    return c


HBA = """# Written by cchc (localdb): nobody is trusted.
local   all   all                  peer
host    all   all   127.0.0.1/32   scram-sha-256
host    all   all   ::1/128        scram-sha-256
"""


def _no_trust(c: Cluster) -> None:
    """A cluster initialised with `trust` (earlier versions): give the superuser its password, then replace
    pg_hba.conf and reload."""
    res = _run(["cat", str(c.hba)])
    if res.returncode != 0 or not any(line.split()[-1:] == ["trust"] for line in res.stdout.splitlines()
                                      if line.strip() and not line.lstrip().startswith("#")):
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"postgresql://{SUPERUSER}@127.0.0.1:{c.port}/postgres", autocommit=True) as conn:
        conn.execute("set password_encryption = 'scram-sha-256'")
        conn.execute(sql.SQL("alter role {} password {}").format(sql.Identifier(SUPERUSER),
                                                                 sql.Literal(c.password())))
        tmp = c.root / "pg_hba.conf.new"
        tmp.write_text(HBA)
        _chown_for_server(tmp)
        moved = _run(["cp", str(tmp), str(c.hba)])
        tmp.unlink(missing_ok=True)
        if moved.returncode != 0:
            raise LocalDbError(f"cannot write {c.hba}: {moved.stderr}")
        conn.execute("select pg_reload_conf()")


def _ensure_database(c: Cluster) -> None:
    import psycopg

    for _ in range(50):
        try:
            with psycopg.connect(with_password(c, "postgres"), autocommit=True) as conn:
                if not conn.execute("select 1 from pg_database where datname = %s", (DB_NAME,)).fetchone():
                    conn.execute(f'create database "{DB_NAME}"')
                return
        except psycopg.OperationalError:
            time.sleep(0.1)
    raise LocalDbError(f"cannot connect to the local cluster on port {c.port}")


def with_password(c: Cluster, database: str) -> str:
    return f"postgresql://{SUPERUSER}:{c.password()}@127.0.0.1:{c.port}/{database}"


def stop(c: Cluster | None = None) -> None:
    c = c or cluster()
    if is_running(c):
        res = _run([str(_bin_dir() / "pg_ctl"), "-D", str(c.data), "-m", "fast", "-w", "stop"])
        if res.returncode != 0:
            raise LocalDbError(f"pg_ctl stop failed: {res.stderr}")
