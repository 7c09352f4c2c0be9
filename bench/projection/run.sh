#!/usr/bin/env bash
# Benchmark NnViz.Projection against scikit-learn on Fashion-MNIST test images (same inputs, same machine, one run).
# Usage: bench/projection/run.sh [tsne sizes...]   (default 1000 5000 10000). Results: bench/out/*.jsonl and a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/out
sizes=("${@:-1000 5000 10000}")
dotnet build bench/projection/Bench.Projection.csproj -c Release -v q -nologo
/usr/bin/python3 bench/projection/sklearn_reference.py bench/out/sklearn.jsonl ${sizes[@]}
dotnet bench/projection/bin/Release/net10.0/Bench.Projection.dll bench/out/nnviz.jsonl ${sizes[@]}
/usr/bin/python3 bench/projection/table.py bench/out/sklearn.jsonl bench/out/nnviz.jsonl
