#!/usr/bin/python3
"""Merges the JSON lines of sklearn_reference.py and the C# benchmark into one Markdown table."""
import json, sys

rows = {}
for path in sys.argv[1:]:
    for line in open(path):
        r = json.loads(line)
        rows.setdefault((r["task"], r["n"]), {})[r["tool"]] = r

print("| task | n | sklearn s (cpu s) | sklearn trust | nnviz s (cpu s) | nnviz trust | speed-up |")
print("|---|---|---|---|---|---|---|")
for (task, n), tools in sorted(rows.items()):
    s, c = tools.get("sklearn"), tools.get("nnviz")
    fmt = lambda r, k: f"{r[k]:.3f}" if r and k in r else "-"
    theirs = f"{s['seconds']:.2f} ({s.get('cpu_seconds', float('nan')):.2f})" if s else "-"
    ours = f"{c['seconds']:.2f} ({c.get('cpu_seconds', 0):.2f})" if c else "-"
    speed = f"{s['seconds'] / c['seconds']:.1f}x" if s and c else "-"
    print(f"| {task} | {n} | {theirs} | {fmt(s, 'trustworthiness')} | {ours} | {fmt(c, 'trustworthiness')} | {speed} |")
