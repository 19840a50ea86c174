"""Defaults from ``mapper.toml``: the user's own, and the output folder's.

A command reads, in this order, each one overriding the one before:

1. ``mapper.toml`` in the user config folder (``~/.config/strike-mapper/`` on Linux;
   ``STRIKE_MAPPER_CONFIG`` names another file);
2. ``mapper.toml`` in the output folder (``-o``, default ``output``);
3. the options given on the command line.

Keys are the long option names, with ``_`` or ``-``: ``offline = true``, ``geocoder =
"photon"``, ``geocoder_url``, ``user_agent``, ``no_world``, ``gazetteers = ["a.csv"]``
(relative to the file), ``jobs``, ``commit_every``, ``wait``, ``gpkg``, ``no_map``,
``quiet``, ``store`` (relative to the file), ``fetch_timeout``, ``allow_private_urls``.
A key no command knows, or a value of the wrong type, is a one-line error naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

FILE_NAME = "mapper.toml"
# key -> (the type its value must have, whether it names files relative to the config file)
KEYS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "offline": (bool, False),
    "geocoder": (str, False),
    "geocoder_url": (str, False),
    "user_agent": (str, False),
    "no_world": (bool, False),
    "gazetteers": (list, True),
    "jobs": (int, False),
    "commit_every": ((int, float), False),
    "wait": ((int, float), False),
    "gpkg": (bool, False),
    "no_map": (bool, False),
    "quiet": (bool, False),
    "store": (str, True),
    "fetch_timeout": ((int, float), False),
    "allow_private_urls": (bool, False),
}


def user_config() -> Path:
    override = os.environ.get("STRIKE_MAPPER_CONFIG")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("strike-mapper")) / FILE_NAME


def read(path: Path) -> dict[str, Any]:
    """The settings of one ``mapper.toml`` (none when it does not exist); ``click.ClickException``
    for a file that cannot be read, is no TOML, or holds an unknown key or a wrong value."""
    import tomllib

    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise click.ClickException(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot read: {exc.strerror or exc}") from None
    out: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise click.ClickException(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(KEYS))})")
        kind, relative = KEYS[name]
        if not _fits(value, kind):
            raise click.ClickException(f"{path}: {key} = {value!r} is not a {_kind_name(kind)}")
        if name == "gazetteers":
            if not all(isinstance(v, str) for v in value):
                raise click.ClickException(f"{path}: gazetteers must be a list of file names")
            value = [str(path.parent / v) for v in value]
        elif relative:
            value = str(path.parent / value)
        out[name] = value
    return out


def _fits(value: Any, kind: type | tuple[type, ...]) -> bool:
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {bool: "true or false", str: "string", int: "whole number", float: "number", list: "list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(names[k] for k in kinds))


def _outdir(args: Sequence[str]) -> str:
    """The -o/--output folder the arguments give (before click parses them), else the default."""
    for i, a in enumerate(args):
        if a in ("-o", "--output") and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--output="):
            return a.split("=", 1)[1]
        if a.startswith("-o") and len(a) > 2 and not a.startswith("--"):
            return a[2:]
    return "output"


class ConfiguredCommand(click.Command):
    """A command whose option defaults come from the ``mapper.toml`` files (see the module notes)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        if "-h" in args or "--help" in args:
            return super().make_context(info_name, args, parent, **extra)
        settings: dict[str, Any] = {}
        used: list[str] = []
        for path in (user_config(), Path(_outdir(args)) / FILE_NAME):
            found = read(path)
            if found:
                used.append(str(path))
            settings.update(found)
        params = {p.name for p in self.params}
        defaults = {k: v for k, v in settings.items() if k in params}
        if defaults:
            extra["default_map"] = {**(extra.get("default_map") or {}), **defaults}
        ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta["mapper.settings"] = settings
        ctx.meta["mapper.settings_files"] = used
        return ctx


def current() -> dict[str, Any]:
    """The settings the running command read (for those that are no option of it)."""
    ctx = click.get_current_context(silent=True)
    return dict(ctx.meta.get("mapper.settings", {})) if ctx is not None else {}
