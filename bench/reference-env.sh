#!/usr/bin/env bash
# Sourced by the benchmark scripts before they run a Python reference (PyTorch, scikit-learn): refuses a setup whose
# numbers would not be fair. Debian's python3-torch and numpy call BLAS through the libblas.so.3 alternative; with only
# the reference (netlib) BLAS installed, PyTorch's LSTM runs ~13x slower on this machine (2.1 s instead of 0.16 s CPU per
# IMDB-shaped batch, measured 2026-12-01), which would make every ratio against it look far better than it is.
# Usage: source bench/reference-env.sh; reference_env_check torch|sklearn ...
reference_env_check() {
  local py=/usr/bin/python3 blas
  [ -x "$py" ] || { echo "bench: $py is missing (apt-get install python3)" >&2; return 1; }
  for module in "$@"; do
    "$py" -c "import $module" 2>/dev/null || {
      echo "bench: /usr/bin/python3 cannot import $module; install Debian's python3-$module (apt-get update && apt-get install -y python3-$module)" >&2
      return 1; }
  done
  blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
  case "$blas" in
    *openblas*|*blis*|*mkl*) echo "reference BLAS library: $blas" ;;
    *) echo "bench: libblas.so.3 resolves to '${blas:-nothing}', the unoptimised reference BLAS: PyTorch and scikit-learn" \
            "would run many times slower than on a user's machine. Install an optimised one first:" \
            "apt-get install -y libopenblas0-pthread" >&2
       return 1 ;;
  esac
}
