#!/usr/bin/env python3
"""Regenerates the detector table in docs/detectors.md from the built piiscan binary.

Usage: python3 scripts/gen_detector_docs.py [path/to/piiscan]   (default .build/debug/piiscan)
The table lists every built-in detector: id, entity, country, validator and the validator's
algorithm summary, in `piiscan detectors` order.
"""
import json, pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/piiscan")

def lines(*args):
    out = subprocess.run([BIN, "detectors", "--json", *args], check=True, capture_output=True, cwd=ROOT).stdout
    return [json.loads(l) for l in out.decode().splitlines() if l.strip()]

def main():
    algorithms = {v["name"]: v["summary"] for v in lines("--validators")}
    rows = ["| id | entity | country | validator | algorithm |", "|---|---|---|---|---|"]
    for d in lines():
        v = d["validator"]
        rows.append(f"| `{d['id']}` | {d['entity']} | {d['country'] or '-'} | {v or '-'} | {algorithms.get(v, '-').replace('|', '/')} |")
    doc = ROOT / "docs/detectors.md"
    text = doc.read_text()
    start, end = "<!-- detector-table:start -->", "<!-- detector-table:end -->"
    head, rest = text.split(start)
    _, tail = rest.split(end)
    doc.write_text(head + start + "\n" + "\n".join(rows) + "\n" + end + tail)
    print(f"docs/detectors.md: {len(rows) - 2} detectors")

if __name__ == "__main__":
    main()
