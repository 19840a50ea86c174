"""The store's schema: its tables, its version and the migrations from every older version.

The schema has a version (``PRAGMA user_version``) and the file an application id,
so another SQLite file (a GeoPackage, say) is never mistaken for a store.  Older
stores are upgraded by ``MIGRATIONS``, step by step, each in a transaction
(``Store.open``); a store from a newer mapper is refused.
"""

from __future__ import annotations

APPLICATION_ID = 0x4D415053  # "MAPS" in the SQLite header: this file is a mapper store
SCHEMA_VERSION = 5

# version -> SQL that turns a store of version - 1 into one of version (0 = empty file)
MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE articles (
    sha256 TEXT PRIMARY KEY,            -- of the file's bytes: the same content counts once
    article_id TEXT NOT NULL UNIQUE,    -- path relative to its input folder, made unique
    path TEXT NOT NULL,                 -- path on disk when it was first read
    title TEXT,
    outlet TEXT,
    published TEXT,                     -- ISO date
    url TEXT,
    event_ref TEXT,                     -- JSON DateRef of its first dated strike sentence
    unresolved TEXT NOT NULL,           -- JSON list of names no gazetteer knew
    analysis TEXT NOT NULL,             -- fingerprint of the mapper version and gazetteers used
    added TEXT NOT NULL,                -- UTC time it was stored
    text BLOB NOT NULL,                 -- zlib(UTF-8 original text); reported offsets point here
    clean BLOB NOT NULL,                -- zlib(UTF-8 cleaned text); the stages read this
    offsets TEXT NOT NULL               -- JSON [length, [[clean index, text index], ...]] runs
);
CREATE TABLE places (
    place_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_type TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    aliases TEXT NOT NULL,              -- JSON list
    parent TEXT NOT NULL,
    geo_precision INTEGER NOT NULL,
    source TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    population INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE mentions (
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,      -- into the original text
    end_offset INTEGER NOT NULL,
    cstart INTEGER NOT NULL,            -- into the cleaned text
    cend INTEGER NOT NULL,
    surface TEXT NOT NULL,
    name_key TEXT NOT NULL,
    place_id TEXT REFERENCES places(place_id),  -- the resolution; NULL when unresolved
    literal INTEGER NOT NULL,
    nonliteral_reason TEXT NOT NULL,
    role TEXT NOT NULL,                 -- struck | mentioned
    sentence TEXT NOT NULL,             -- JSON [start, end] in the cleaned text
    evidence TEXT,                      -- JSON [start, end] in the cleaned text
    date_ref TEXT,                      -- JSON DateRef
    confidence REAL NOT NULL,
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;
CREATE INDEX mentions_place ON mentions(place_id);
CREATE TABLE claims (
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    quote TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    killed_min INTEGER,
    killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    victims TEXT,
    claimant TEXT,
    places TEXT NOT NULL,               -- JSON list of place ids the claim covers
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;
CREATE TABLE sites (
    site_id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,               -- position in sites.geojson
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    place_id TEXT NOT NULL,
    event_date TEXT,
    country TEXT,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    killed_min INTEGER,
    killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    n_claims INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    feature TEXT NOT NULL               -- the GeoJSON Feature (README contract)
) WITHOUT ROWID;
""",
    # 2: remember the files read, so a folder seen before is skipped without reading it
    2: """
CREATE TABLE files (
    path BLOB PRIMARY KEY,              -- absolute real path, in the file system's bytes
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,          -- 0 when it was too recent to trust (read it again)
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seen TEXT NOT NULL                  -- UTC time it was read
) WITHOUT ROWID;
CREATE INDEX files_sha256 ON files(sha256);
""",
    # 3: events: what kind of event placed a struck mention, the word that says so and how
    # precisely; the kind of event a claim's figures belong to, or why they belong to none
    3: """
ALTER TABLE mentions ADD COLUMN event TEXT;            -- JSON {type, trigger: [start, end], precision}
ALTER TABLE claims ADD COLUMN event_type TEXT;
ALTER TABLE claims ADD COLUMN aside TEXT NOT NULL DEFAULT '';
""",
    # 4: the analyst's corrections, kept whatever re-analysis does (``mapper.corrections``)
    4: """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,             -- the number `mapper fix --list` shows and `--undo` takes
    site_id TEXT NOT NULL,              -- <place id>@<event date> as the outputs name the site
    kind TEXT NOT NULL,                 -- at | not_struck | killed | injured
    value TEXT NOT NULL,                -- JSON: [lat, lon] | null | [min, max] (null: open)
    note TEXT NOT NULL,                 -- the analyst's reason, may be empty
    made TEXT NOT NULL,                 -- UTC time the analyst made it
    undone TEXT                         -- UTC time it was undone; NULL while it holds
);
CREATE INDEX corrections_site ON corrections(site_id);
""",
    # 5: the language of each article (mapper.language); NULL: unknown, or stored before it was kept
    5: """
ALTER TABLE articles ADD COLUMN language TEXT;
""",
}


def statements(script: str) -> list[str]:
    """Split a migration script into statements (none of ours holds a ';' inside)."""
    lines = [ln.split("--", 1)[0] for ln in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
