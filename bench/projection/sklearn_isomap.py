#!/usr/bin/python3
"""scikit-learn's Isomap alone, the reference for bench/projection's Isomap entry points (ISOMAP_RAW, ISOMAP_STEPS).

Fashion-MNIST test images scaled to [0, 1], PCA to 50 (as sklearn_reference.py), then Isomap (5 neighbours, 2 axes)
of the first n rows: the first call in this process and the best of the following repeats, wall and CPU seconds.
Writes the PCA-50 rows as raw float64 (numpy tofile) so the C# side can time itself on the very same input.
Run on one thread: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/projection/sklearn_isomap.py
Usage: sklearn_isomap.py [raw output path] [repeats] [sizes...]   (default bench/out/x50.raw 5 500 2000)
"""
import os, sys, time
import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import Isomap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sklearn_reference import DATA, read_images  # noqa: E402


def timed(f):
    t, c = time.perf_counter(), time.process_time()
    r = f()
    return r, time.perf_counter() - t, time.process_time() - c


def main():
    raw = sys.argv[1] if len(sys.argv) > 1 else "bench/out/x50.raw"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sizes = [int(s) for s in sys.argv[3:]] or [500, 2000]
    x = read_images(os.path.join(DATA, "t10k-images-idx3-ubyte.gz"))
    x50 = PCA(n_components=50, random_state=0).fit_transform(x)
    np.ascontiguousarray(x50, dtype=np.float64).tofile(raw)
    for n in sizes:
        fit = lambda: Isomap(n_neighbors=5, n_components=2).fit_transform(x50[:n])
        _, s0, c0 = timed(fit)
        runs = [timed(fit)[1:] for _ in range(repeats)]
        s, c = min(runs, key=lambda r: r[1])
        print(f"sklearn isomap n={n}: first wall {s0:.3f}s cpu {c0:.3f}s; best of {repeats} wall {s:.3f}s cpu {c:.3f}s")


if __name__ == "__main__":
    main()
