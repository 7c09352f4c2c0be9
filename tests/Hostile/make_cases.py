#!/usr/bin/env python3
"""Writes the binary cases of the hostile-input corpus (IDX, tarballs, word2vec, checkpoints) byte for byte.

Run from the repository root: python3 tests/Hostile/make_cases.py. The output is deterministic (gzip mtime 0, tar
mtime 0), so rerunning it leaves git clean. The text cases (specs, CSVs, GloVe text, sentences) are written by hand.
"""
import gzip
import io
import json
import os
import struct
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "tools", "parity", "checkpoints")


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as g:
        g.write(data)
    return out.getvalue()


def idx_images(count, present=None):
    """IDX images header announcing `count` 28x28 images, followed by `present` (default `count`) images."""
    present = count if present is None else present
    return struct.pack(">iiii", 0x803, count, 28, 28) + bytes(784 * present)


def idx_labels(count):
    return struct.pack(">ii", 0x801, count) + bytes(i % 10 for i in range(count))


def idx_folder(name, train_images=None, train_labels=None):
    files = {
        "train-images-idx3-ubyte.gz": gz(idx_images(3)) if train_images is None else train_images,
        "train-labels-idx1-ubyte.gz": gz(idx_labels(3)) if train_labels is None else train_labels,
        "t10k-images-idx3-ubyte.gz": gz(idx_images(2)),
        "t10k-labels-idx1-ubyte.gz": gz(idx_labels(2)),
    }
    for file, data in files.items():
        write(f"idx/{name}/{file}", data)


def imdb_tar(members):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, text in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(text), 0, 0o644
            t.addfile(info, io.BytesIO(text))
    return out.getvalue()


REVIEWS = [
    ("aclImdb/train/neg/0_1.txt", b"A dull film."), ("aclImdb/train/pos/0_9.txt", b"A fine film."),
    ("aclImdb/test/neg/1_2.txt", b"Boring."), ("aclImdb/test/pos/1_8.txt", b"Wonderful."),
]


def tarballs():
    whole = gz(imdb_tar(REVIEWS))
    write("tar/truncated.tar.gz", whole[: len(whole) // 2])
    broken = bytearray(whole)
    for i in range(20, 40):
        broken[i] ^= 0x5A
    write("tar/corrupt-gzip.tar.gz", bytes(broken))
    write("tar/not-gzip.tar.gz", imdb_tar(REVIEWS)[:2048])
    write("tar/no-positive-reviews.tar.gz", gz(imdb_tar([r for r in REVIEWS if "/pos/" not in r[0]])))


def word2vec():
    vec = struct.pack("<3f", 0.1, 0.2, 0.3)
    write("vectors/zero-dimensions.bin", b"2 0\nthe " + vec + b"\nof " + vec + b"\n")
    write("vectors/inflated-count.bin", b"2000000000 300\nthe " + vec + b"\n")
    write("vectors/truncated.bin", b"2 3\nthe " + vec + b"\nsomething " + vec[:5])


def safetensors(tensors):
    """tensors: list of (name, shape, float32 bytes) -> safetensors bytes (8-byte header length, JSON, data)."""
    header, data = {}, b""
    for name, shape, raw in tensors:
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8 : 8 + n])
    body = blob[8 + n :]
    return [(k, v["shape"], body[v["data_offsets"][0] : v["data_offsets"][1]]) for k, v in header.items() if k != "__metadata__"]


def checkpoints():
    tensors = read_safetensors(os.path.join(FIXTURES, "lstm_model_epoch1.safetensors"))
    write("checkpoints/missing-tensor/epoch1.safetensors", safetensors([t for t in tensors if t[0] != "lstm.bias_hh_l0"]))
    write("checkpoints/wrong-shape/epoch1.safetensors", safetensors(
        [(n, [3, 5], raw) if n == "hidden.weight" else (n, s, raw) for n, s, raw in tensors]))
    write("checkpoints/not-a-checkpoint/epoch1.pt", b"This is a README, not torch.save output.\n")
    whole = safetensors(tensors)
    write("checkpoints/truncated-safetensors/epoch1.safetensors", whole[: len(whole) - 100])
    write("checkpoints/huge-header/epoch1.safetensors", struct.pack("<Q", 1 << 62) + b"{}")


if __name__ == "__main__":
    idx_folder("html-instead-of-idx", train_images=b"<html><body>404 Not Found</body></html>\n")
    idx_folder("truncated-images", train_images=gz(idx_images(3, present=2)))
    idx_folder("fewer-labels-than-images", train_labels=gz(idx_labels(2)))
    idx_folder("corrupt-gzip", train_images=gz(idx_images(3))[:10] + b"\xff" * 40)
    tarballs()
    word2vec()
    checkpoints()
