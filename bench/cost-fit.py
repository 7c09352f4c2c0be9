#!/usr/bin/python3
"""Fits NnVizRepro's cost model (src/NnViz.Lab/Runs/CostModel.cs) to measured unit CPU seconds.

Usage: bench/cost-fit.py NNVIZ PROFILE:SEEDS:LOG_OR_STORE... [--specs experiments]

NNVIZ is the command that runs nnviz (e.g. "dotnet src/NnViz.Cli/bin/Release/net10.0/nnviz.dll"); each LOG is the
output of `nnviz run <specs> --profile PROFILE --seeds SEEDS --shard 1/1` (one core per process:
DOTNET_PROCESSOR_COUNT=1), whose lines "[i/N] <unit>: done in X s (Y s CPU; ...)" give each unit's measured CPU
seconds (a shard's run store holds the same in unit-times.jsonl). The features of every unit (training multiply-adds, projected point-iterations) come from
`nnviz plan <specs> --profile PROFILE --seeds SEEDS`. Per kind, seconds = overhead + a x multiply-adds + b x projected,
fit by non-negative least squares on relative error (each unit's row divided by its measured seconds), so a 2-second
ci unit and a 260-second full unit weigh the same. Prints the C# calibration table and predicted / measured per unit.
"""
import glob
import json
import os
import re
import shlex
import statistics
import subprocess
import sys

import numpy as np
from scipy.optimize import nnls

DONE = re.compile(r"\[\d+/\d+\] (\S+): done in [\d.]+ s \(([\d.]+) s CPU")


def features(nnviz, specs, profile, seeds):
    out = subprocess.run(shlex.split(nnviz) + ["plan", specs, "--profile", profile, "--seeds", seeds],
                         check=True, capture_output=True, text=True).stdout
    kinds = {}
    for path in glob.glob(os.path.join(specs, "*.yaml")):
        text = open(path, encoding="utf-8").read()
        name, kind = re.search(r"^name:\s*(\S+)", text, re.M), re.search(r"^kind:\s*(\S+)", text, re.M)
        if name and kind:
            kinds[name.group(1)] = kind.group(1)
    return {u["id"]: u for u in json.loads(out)["units"]}, kinds


def measured(path):
    """(unit id, CPU seconds) from a shard's log, or from a run store's unit-times.jsonl (units run one per process)."""
    if os.path.isdir(path):
        with open(os.path.join(path, "unit-times.jsonl"), encoding="utf-8") as f:
            times = [json.loads(line) for line in f if line.strip()]
        return [(t["unit"], t["cpu_seconds"]) for t in times if not t["shared_process"]]
    with open(path, encoding="utf-8") as f:
        return [(m.group(1), float(m.group(2))) for m in map(DONE.search, f) if m and "shared with the other jobs" not in m.string]


def main(argv):
    specs = "experiments"
    if "--specs" in argv:
        i = argv.index("--specs")
        specs = argv[i + 1]
        del argv[i:i + 2]
    nnviz, runs = argv[0], argv[1:]
    rows = []  # (kind, profile, id, multiply_adds, projected, measured)
    for run in runs:
        profile, seeds, log = run.split(":", 2)
        units, kinds = features(nnviz, specs, profile, seeds)
        for unit_id, cpu in measured(log):
            if unit_id not in units:
                continue
            u = units[unit_id]
            kind = kinds.get(u["experiment"], u["experiment"])
            rows.append((kind, profile, u["id"], u["multiply_adds"], u["projected_points"], cpu))
    ratios = []
    print("calibration (overhead s, s per M multiply-adds, s per M projected point-iterations):")
    for kind in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == kind]
        a = np.array([[1.0, r[3], r[4]] for r in mine]) / np.array([[r[5]] for r in mine])
        coef, _ = nnls(a, np.ones(len(mine)))
        print(f'        ["{kind}"] = ({coef[0]:.4g}, {coef[1]:.4g}, {coef[2]:.4g}),')
        for r in mine:
            predicted = coef[0] + coef[1] * r[3] + coef[2] * r[4]
            ratios.append((predicted / r[5], r))
    print("\npredicted / measured CPU s per unit:")
    for ratio, r in sorted(ratios, key=lambda x: (x[1][1], x[1][2])):
        print(f"  {r[1]:5} {r[2]:34} measured {r[5]:8.1f}  ratio {ratio:5.2f}")
    values = [x[0] for x in ratios]
    worst = max(values, key=lambda v: max(v, 1 / v))
    print(f"\n{len(values)} units: median ratio {statistics.median(values):.2f}, worst {worst:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
