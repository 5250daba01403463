"""Hostile API parameters: how many of the requests in tests/test_api_hostile.py answer 5xx.

python benchmarks/bench_hostile_api.py      # prints the count and the worst parameters
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fastapi.testclient import TestClient  # noqa: E402
from test_api_hostile import HOSTILE_VALUES, PATH_TEMPLATES, STRING_PARAMS  # noqa: E402
from web_fixtures import STORIES  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.store import Store  # noqa: E402

VALUES, PARAMS, PATHS = HOSTILE_VALUES, STRING_PARAMS, PATH_TEMPLATES
db = os.path.join(tempfile.mkdtemp(), "a.db")
with Store.open(db) as s:
    s.add(STORIES)
store = Store.open(db)
c = TestClient(create_app(store), raise_server_exceptions=False)
n = bad = 0
kinds = {}
for path, names in PARAMS.items():
    for name in names:
        for v in VALUES:
            r = c.get(path, params={name: v})
            n += 1
            if r.status_code >= 500:
                bad += 1
                kinds[(path, name)] = kinds.get((path, name), 0) + 1
for t in PATHS:
    for v in VALUES:
        if not v.strip() or "\x00" in v:
            continue
        r = c.get(t.format(v))
        n += 1
        if r.status_code >= 500:
            bad += 1
            kinds[t] = kinds.get(t, 0) + 1
started = time.process_time()
r = c.get("/api/stories", params={"q": " ".join(f"w{i}" for i in range(10_000))})
print(
    f"{n} hostile requests, {bad} answered 5xx; a 10,000-term query: {r.status_code} in {time.process_time() - started:.2f} s CPU"
)
print(sorted(kinds.items(), key=lambda kv: -kv[1])[:12])
