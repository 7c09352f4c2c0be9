#!/usr/bin/env bash
# ML.NET's PCA (randomized, seeded) vs NnViz.Projection's exact and randomized PCA on the MNIST test images
# (10,000 x 784 -> 50), read from the data folder by NnViz.Data. Usage: bench/mlnet-pca/run.sh [rounds] (default 3).
# Prints CPU seconds (user+sys of this process: wall time is unreliable on a shared machine), wall seconds,
# explained variance ratio, reconstruction RMSE, and whether two fits with the same seed give the same bits.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/mlnet-pca/Bench.MlnetPca.csproj -c Release -v q -nologo
DOTNET_gcServer=0 dotnet bench/mlnet-pca/bin/Release/net10.0/Bench.MlnetPca.dll "${NNVIZ_DATA:-../shared/data}/mnist" "${1:-3}"
