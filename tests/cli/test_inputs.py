"""What a run reads: a mistyped or empty folder is an error, nothing under the inputs is lost
without a word, and a run never reads its own outputs back."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ..helpers.cli import invoke as _run
from ..helpers.cli import outputs as _outputs


@pytest.fixture
def mapped(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two articles, and the outputs of a --no-store run over it."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people, officials said.\n")
    (arts / "b.txt").write_text("A drone hit a depot in al-Qaim on Sunday; two guards were wounded.\n")
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-store", "-q")
    assert code == 0, stderr
    return arts, out


@pytest.mark.parametrize("store", [["--no-store"], []], ids=["no-store", "store"])
def test_a_mistyped_folder_is_an_error_and_the_outputs_stay(
    mapped: tuple[Path, Path], tmp_path: Path, store: list[str]
) -> None:
    arts, out = mapped
    before = _outputs(out)
    code, _, stderr = _run("run", str(tmp_path / "atrs"), "-o", str(out), "--offline", *store)
    assert code != 0
    assert stderr.strip().splitlines() == [f"Error: {tmp_path / 'atrs'}: no such file or folder"]
    assert _outputs(out) == before
    # one good folder and one mistyped: still an error, nothing read or written
    code, _, stderr = _run("run", str(arts), str(tmp_path / "atrs"), "-o", str(out), "--offline", *store)
    assert code != 0 and "no such file or folder" in stderr
    assert _outputs(out) == before
    assert not (out / "mapper.sqlite").exists()


def test_an_empty_folder_or_one_without_articles_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, stderr = _run("run", str(empty), "-o", str(tmp_path / "out"), "--offline")
    assert code != 0 and f"{empty}: no article files in this folder" in stderr
    assert not (tmp_path / "out").exists()
    pictures = tmp_path / "pictures"
    (pictures / "sub").mkdir(parents=True)
    (pictures / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    code, _, stderr = _run("run", str(pictures), "-o", str(tmp_path / "out"), "--offline")
    assert code != 0 and "no article files" in stderr


def test_a_folder_of_unreadable_articles_is_an_error_and_the_outputs_stay(mapped: tuple[Path, Path]) -> None:
    arts, out = mapped
    before = _outputs(out)
    bad = arts.parent / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    code, _, stderr = _run("run", str(bad), "-o", str(out), "--offline", "--no-store")
    assert code != 0
    assert "none of the 2 article files found could be read" in stderr
    assert "empty.txt" in stderr and "binary.txt" in stderr  # each named in its own warning
    assert _outputs(out) == before


def test_an_unreadable_sub_folder_is_reported(mapped: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    arts, out = mapped
    locked = arts / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text("Strikes hit Homs on Monday, killing four people.\n")
    real = os.scandir

    def scandir(path: object = ".") -> object:  # (tests run as root, for whom chmod 000 changes nothing)
        if isinstance(path, str | os.PathLike) and os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(locked))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, stdout, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-store")
    assert code == 0, stderr
    (line,) = [ln for ln in stderr.splitlines() if "locked" in ln]
    assert "cannot read this folder (Permission denied)" in line
    assert re.search(r"files skipped +1\n", stdout)


def test_an_output_folder_inside_the_input_folder_is_never_read_back(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people, officials said.\n")
    for store in (["--no-store"], []):
        out = arts / "maps" / ("plain" if store else "stored")
        for _ in range(2):
            code, stdout, stderr = _run("run", str(arts), "-o", str(out), "--offline", *store)
            assert code == 0, stderr
            assert "map.html" not in stderr and "report.json" not in stderr
        assert "articles read     1" in stdout or "stored articles   1" in stdout
    # and another run's outputs are not read either, wherever they are
    code, stdout, stderr = _run("run", str(arts), "-o", str(tmp_path / "elsewhere"), "--offline", "--no-store")
    assert code == 0 and "articles read     1" in stdout and "map.html" not in stderr
