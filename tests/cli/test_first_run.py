"""What a run says first, and the defaults a mapper.toml sets: where place names are sent and how
to stop it, the world index being built, and a summary that stays short."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), env=env)
    return r.exit_code, r.stdout, r.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def arts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STRIKE_MAPPER_CONFIG", str(tmp_path / "no-user-config.toml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # (the geocoder's cache: empty)
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text("Warplanes struck the village of Qorvandel on Friday, killing 16 people.\n")
    return folder


def test_the_first_line_says_where_place_names_go_and_how_to_stop_it(arts: Path, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    args = ["run", str(arts), "-o", str(tmp_path / "out"), "--no-world", "--no-store", "-q"]
    code, _, stderr = _run(*args, "--geocoder-url", url)
    assert code == 0, stderr
    first = stderr.splitlines()[0]
    assert first.startswith(f"online geocoding: place names no local gazetteer knows are sent to {url}")
    assert "--offline" in first and "offline = true in mapper.toml" in first
    code, _, stderr = _run(*args, "--offline")
    assert code == 0 and "online geocoding" not in stderr


def test_mapper_toml_in_the_output_folder_sets_the_defaults(arts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    url = f"http://127.0.0.1:{_closed_port()}"
    (out / "mapper.toml").write_text(f'offline = true\nno-world = true\nno_map = true\ngeocoder_url = "{url}"\n')
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--no-store", "-q")
    assert code == 0, stderr
    assert "online geocoding" not in stderr and "unreachable" not in stderr  # never tried
    assert (out / "sites.geojson").exists() and not (out / "map.html").exists()
    # the command line wins over the file
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--no-store", "-q", "--gpkg")
    assert code == 0 and (out / "sites.gpkg").exists()


def test_the_user_config_is_read_and_the_output_folders_file_overrides_it(arts: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text("offline = true\nno_world = true\nno_map = true\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "mapper.toml").write_text("no_map = false\n")
    env = {"STRIKE_MAPPER_CONFIG": str(user)}
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--no-store", "-q", env=env)
    assert code == 0, stderr
    assert "online geocoding" not in stderr and (out / "map.html").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ofline = true\n", "unknown setting 'ofline'"),
        ("offline = 1\n", "offline = 1 is not a true or false"),
        ("offline = \n", "not valid TOML"),
    ],
)
def test_a_wrong_mapper_toml_is_a_one_line_error(arts: Path, tmp_path: Path, text: str, message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mapper.toml").write_text(text)
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--no-store", "--no-world")
    assert code == 1
    (line,) = stderr.strip().splitlines()
    assert line.startswith(f"Error: {out / 'mapper.toml'}:") and message in line


def test_the_first_run_says_it_builds_the_world_index(
    arts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mapper.config
    from mapper.places.world.fileformat import cache_path, source_versions

    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path / "fresh-cache"))
    index = cache_path(tmp_path / "fresh-cache", source_versions())

    def build() -> None:  # (the real build takes 25-50 s; this one leaves the file as it would)
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_bytes(b"built")

    monkeypatch.setattr(mapper.config, "default_world", build)
    code, _, stderr = _run("run", str(arts), "-o", str(tmp_path / "out"), "--offline", "--no-store", "-q")
    assert code == 0, stderr
    assert "building the world gazetteer index (first run only; 25-50 s)" in stderr
    assert re.search(r"built the world gazetteer index in \d+ s", stderr)
    code, _, stderr = _run("run", str(arts), "-o", str(tmp_path / "out"), "--offline", "--no-store", "-q")
    assert code == 0 and "world gazetteer index" not in stderr  # built once


def test_the_summary_lists_the_first_unresolved_names_and_counts_the_rest(arts: Path, tmp_path: Path) -> None:
    names = [f"Qorv{c}del" for c in "abcdefghijklmno"]  # 15 names nobody lists
    for i in range(6):
        (arts / f"b{i}.txt").write_text(
            f"Report {i}. " + " ".join(f"Shells hit the village of {n} on Monday." for n in names) + "\n",
            encoding="utf-8",
        )
    code, stdout, stderr = _run("run", str(arts), "-o", str(tmp_path / "out"), "--offline", "--no-world", "--no-store")
    assert code == 0, stderr
    (line,) = [ln for ln in stdout.splitlines() if ln.startswith("  unresolved:")]
    assert "and 6 more names (report.json lists them all)" in line
    assert line.count(" +3)") == 10  # each name is in 6 articles: the first 3, and +3
    assert len(line) < 600
