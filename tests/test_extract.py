from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mapper.cli import main


def test_extract_jsonl_offsets_index_the_given_text(tmp_path: Path) -> None:
    texts = {
        "a": "Intro.\n\nWe use cookies\n\nWashington said US warplanes struck \u201cal-Qā’im\u201d, killing 5.",
        "b": "Officials told The Jerusalem Post that raids hit Akashat.",
    }
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": k, "text": v, "outlet": "x"}) for k, v in texts.items())
        + "\nnot json\n"
        + json.dumps({"id": "c"})
        + "\n"
    )
    r = CliRunner().invoke(main, ["extract", str(src), "--offline"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [x["id"] for x in recs] == ["a", "b"]
    for rec in recs:
        for t in rec["toponyms"]:
            assert texts[rec["id"]][t["start"] : t["end"]] == t["name"]
    a = {t["name"]: t for t in recs[0]["toponyms"]}
    assert a["Washington"]["literal"] is False
    assert a["al-Qā’im"]["literal"] is True and a["al-Qā’im"]["role"] == "struck"
    assert abs(a["al-Qā’im"]["lat"] - 34.39) < 0.01 and a["al-Qā’im"]["country"] == "IQ"
    b = {t["name"]: t for t in recs[1]["toponyms"]}
    assert b["Jerusalem"]["literal"] is False and b["Akashat"]["role"] == "struck"
    assert f"{src}:3: bad record" in r.stderr and f"{src}:4: bad record" in r.stderr


def test_extract_table_from_folder(seeds_copy: Path) -> None:
    r = CliRunner().invoke(main, ["extract", str(seeds_copy), "--offline", "--format", "table"])
    assert r.exit_code == 0
    assert "== 000_c22da9e79a8ca690.txt" in r.stdout and "Akashat" in r.stdout and "struck" in r.stdout
