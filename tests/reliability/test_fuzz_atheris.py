"""Optional coverage-guided fuzzing with atheris (tests/reliability/atheris_target.py).

atheris is not a dependency: without it this test is skipped with the reason. With it, a
seeded libFuzzer run over the parsers of untrusted files, seeded with a real key-slot file,
import file, manifest and card; any exception other than a typed one is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

import pytest

from tests.reliability import support
from tests.test_store_support import make_store

RUNS = support.budget(10000, 500000)


@pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris is optional (pip install atheris); Hypothesis covers the same parsers",
)
def test_atheris_parsers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_store(tmp_path / "store", device=False)[0].close()
    seeds = {
        0: (tmp_path / "store" / "keyslots.json").read_bytes(),
        1: json.dumps({"format": "utvag-case-import", "version": 1, "cases": [{}]}).encode(),
        2: json.dumps({"format": "utvag-bundle", "version": 1, "members": []}).encode(),
    }
    for i, (route, blob) in enumerate(seeds.items()):
        (corpus / f"seed{i}").write_bytes(bytes([route]) + blob)
    start = time.perf_counter()
    proc = support.run_python_module(
        "tests.reliability.atheris_target",
        str(corpus),
        f"-runs={RUNS}",
        f"-seed={support.SEED % 2**31}",
        "-max_len=65536",
        "-rss_limit_mb=1024",
        "-timeout=10",
        timeout=1800,
    )
    done = re.search(r"Done (\d+) runs", proc.stderr)
    support.record(
        "fuzz-atheris",
        inputs=int(done.group(1)) if done else 0,
        exit=proc.returncode,
        seconds=round(time.perf_counter() - start, 1),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert done is not None
