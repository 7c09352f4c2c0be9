#!/usr/bin/python3
"""Reference numbers from scikit-learn for bench/projection (same inputs as the C# benchmark).

Fashion-MNIST test images (Debian's dataset-fashion-mnist), scaled to [0, 1]; PCA to 50 first; then t-SNE at
n = 1000, 5000, 10000 (Barnes-Hut, PCA init, learning_rate='auto', perplexity 30), Isomap at n = 500, 2000
(5 neighbours), and PCA of the full 10000 x 784. Prints one JSON object per line and writes them to the output file.
Usage: sklearn_reference.py [output.jsonl] [sizes...]
"""
import gzip, json, os, sys, time
import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, Isomap, trustworthiness

DATA = os.environ.get("FASHION_MNIST", "/usr/share/datasets/fashion-mnist")


def read_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, n, rows, cols = np.frombuffer(raw[:16], dtype=">i4")
    assert magic == 2051, magic
    return np.frombuffer(raw[16:], dtype=np.uint8).reshape(n, rows * cols).astype(np.float64) / 255.0


def timed(f):
    """Wall and CPU seconds (all threads of the process) of f()."""
    t, c = time.perf_counter(), time.process_time()
    r = f()
    return r, time.perf_counter() - t, time.process_time() - c


def emit(out, **row):
    line = json.dumps(row)
    print(line, flush=True)
    out.write(line + "\n")
    out.flush()


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "bench/out/sklearn.jsonl"
    tsne_sizes = [int(s) for s in sys.argv[2:]] or [1000, 5000, 10000]
    x = read_images(os.path.join(DATA, "t10k-images-idx3-ubyte.gz"))
    with open(out_path, "w") as out:
        x50, s, c = timed(lambda: PCA(n_components=50, random_state=0).fit_transform(x))
        emit(out, tool="sklearn", task="pca", n=len(x), d=x.shape[1], seconds=s, cpu_seconds=c)
        for n in [500, 2000]:
            y, s, c = timed(lambda: Isomap(n_neighbors=5, n_components=2).fit_transform(x50[:n]))
            emit(out, tool="sklearn", task="isomap", n=n, seconds=s, cpu_seconds=c, trustworthiness=trustworthiness(x50[:n], y, n_neighbors=10))
        for n in tsne_sizes:
            y, s, c = timed(lambda: TSNE(n_components=2, perplexity=30, init="pca", learning_rate="auto", random_state=0).fit_transform(x50[:n]))
            t = time.perf_counter()
            tw = trustworthiness(x50[:n], y, n_neighbors=10)
            emit(out, tool="sklearn", task="tsne", n=n, seconds=s, cpu_seconds=c, trustworthiness=tw, trust_seconds=time.perf_counter() - t)


if __name__ == "__main__":
    main()
