"""The compose file, Dockerfile and README describe the same deployment."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BOTS = ("telegram", "slack")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def readme_deploy() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Deployment \(docker compose\)\n(.*?)(?=^## )", text, re.S | re.M)
    assert m, "README has no 'Deployment (docker compose)' section"
    return m.group(1)


def test_services_volumes_and_health_checks(compose: dict) -> None:
    services = compose["services"]
    assert set(services) == {"db", "translate", *BOTS}
    translate = services["translate"]
    assert translate["image"].startswith("libretranslate/libretranslate:") and translate["profiles"] == ["translate"]
    assert translate["healthcheck"]["test"] and "ports" not in translate  # internal only
    assert set(translate["environment"]["LT_LOAD_ONLY"].split(",")) == {"en", "de", "zh", "zt"}
    db = services["db"]
    assert db["image"].startswith("postgres:16")
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"] and "pgdata" in compose["volumes"]
    assert "pg_isready -h 127.0.0.1" in " ".join(db["healthcheck"]["test"]) and "profiles" not in db
    for name in BOTS:
        svc = services[name]
        assert svc["build"] == "." and svc["command"] == [name] and svc["profiles"] == [name]
        assert svc["depends_on"]["db"]["condition"] == "service_healthy"
        assert svc["env_file"] == ".env"
        env = svc["environment"]
        assert env["DATABASE_URL"].startswith("postgresql+psycopg://") and "@db:5432/" in env["DATABASE_URL"]
        assert f"127.0.0.1:{env['METRICS_PORT']}/healthz" in " ".join(svc["healthcheck"]["test"])
        assert svc["stop_signal"] == "SIGTERM"
        assert svc["logging"]["options"]["max-size"] and svc["logging"]["options"]["max-file"]  # rotated


def test_readme_names_what_compose_defines(compose: dict, readme_deploy: str) -> None:
    for name in compose["services"]:
        assert f"`{name}`" in readme_deploy
    for volume in compose["volumes"]:
        assert f"`{volume}`" in readme_deploy
    for name in (*BOTS, "translate"):
        assert f"profile `{name}`" in readme_deploy
    assert "pg_isready" in readme_deploy and "/healthz" in readme_deploy
    assert "git clone" in readme_deploy and "docker compose up" in readme_deploy
    for variable in re.findall(r"\$\{([A-Z_]+)", (ROOT / "docker-compose.yml").read_text()):
        if not variable.endswith("_PUBLISH"):  # optional host bindings, documented in the file
            assert f"{variable}=" in (ROOT / ".env.example").read_text(), variable


def test_readme_names_every_section() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for title in ("Deployment (docker compose)", "Configuration", "Scale-out"):
        assert f"\n## {title}\n" in text


def test_dockerfile() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    instructions = [line for line in lines if line and not line.startswith("#")]
    assert instructions[0] == "FROM python:3.11-slim"
    user = next(i for i, line in enumerate(instructions) if line.startswith("USER "))
    assert instructions[user].split()[1] not in ("root", "0")
    index = next(i for i, line in enumerate(instructions) if "interview-bot index" in line)
    assert index > user  # the warmed database and index belong to the user that runs the bot
    assert instructions[-2:] == ['ENTRYPOINT ["interview-bot"]', 'CMD ["--help"]']
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    copied = {line.split()[1] for line in instructions if line.startswith("COPY ")}
    assert {p.rstrip("*") for p in packages["include"]} <= copied
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".venv", ".git"} <= set(ignored)


def test_migrations_ship_in_the_package() -> None:
    """pyproject's package data must carry env.py, the template and every version file."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["bot"]
    files = [p.relative_to(ROOT / "bot").as_posix() for p in (ROOT / "bot" / "db" / "migrations").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    assert any(f.startswith("db/migrations/versions/") for f in files)
    for f in files:
        assert any(fnmatch.fnmatch(f, pat) for pat in patterns), f


def _compose_cli() -> tuple[list[str] | None, str]:
    """A Compose v2 client (`docker compose` or a v2 `docker-compose`), or None and why there is none.
    Compose v1 (Debian's `docker-compose` 1.x) rejects the file's top-level `name:`: it does not count."""
    found = []
    for cmd in (["docker", "compose"], ["docker-compose"]):
        if not shutil.which(cmd[0]):
            continue
        try:
            done = subprocess.run([*cmd, "version", "--short"], capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        version = (done.stdout or "").strip().lstrip("v")
        if done.returncode == 0 and version[:1].isdigit() and int(version.split(".")[0]) >= 2:
            return cmd, ""
        if done.returncode == 0 or "version" in (done.stdout + done.stderr).lower():
            found.append(f"{' '.join(cmd)} {version or '(unknown version)'}")
    if found:
        return None, f"only Compose v1 here ({', '.join(found)}); the file needs Compose v2"
    return None, "no Docker Compose client here (neither `docker compose` nor `docker-compose` runs)"


def test_compose_v1_is_not_taken_for_v2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "docker-compose"
    fake.write_text("#!/bin/sh\necho 'docker-compose version 1.29.2, build unknown'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `docker` on this PATH, only a Compose v1
    cmd, why = _compose_cli()
    assert cmd is None and "Compose v1" in why


def test_docker_compose_config(tmp_path: Path) -> None:
    """`docker compose config` (client side only) accepts the file, when a compose client exists."""
    cmd, why = _compose_cli()
    if cmd is None:
        pytest.skip(why)
    shutil.copy(ROOT / "docker-compose.yml", tmp_path / "docker-compose.yml")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    done = subprocess.run([*cmd, "--profile", "telegram", "--profile", "slack", "config", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    config = json.loads(done.stdout)
    assert set(config["services"]) == {"db", *BOTS} and "pgdata" in config["volumes"]  # translate: its own profile


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if m:
            pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return pins


def _names(requirements: list[str]) -> set[str]:
    return {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", r).group(0)).lower() for r in requirements}  # type: ignore[union-attr]


def test_the_lock_files_pin_every_dependency() -> None:
    """The image and CI install pinned versions (requirements/*.txt, made by pip-compile from pyproject.toml):
    every dependency is pinned there, so a later clone builds the set the tests passed with."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    app, test = _pins(ROOT / "requirements" / "app.txt"), _pins(ROOT / "requirements" / "test.txt")
    assert _names(project["dependencies"]) <= set(app)
    assert _names(project["dependencies"] + project["optional-dependencies"]["test"]) <= set(test)
    assert all(test[name] == version for name, version in app.items() if name in test)  # one set of versions
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -r requirements/app.txt" in dockerfile
    assert "-r requirements/test.txt" in (ROOT / ".ci" / "run").read_text()
