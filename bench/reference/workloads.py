#!/usr/bin/python3
"""PyTorch reference for bench/engine: the same workloads (data shapes, models, optimizers, batch sizes, epochs, probes).

Usage: /usr/bin/python3 bench/reference/workloads.py <workload|all> [--threads N]
Prints name<TAB>seconds<TAB>unit<TAB>note<TAB>cpu seconds per workload, like bench/engine.
Batches are drawn with torch.randperm and slicing (no DataLoader), which is the fastest plain PyTorch loop.
"""
import gzip, math, sys, time
import numpy as np
import torch
from torch import nn

FASHION = '/usr/share/datasets/fashion-mnist'


class Clock:
    """Wall and process CPU time (all threads) of a timed region: CPU time is steadier on a loaded machine."""
    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self):
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def train_epoch(model, loss_fn, opt, x, y, batch):
    perm = torch.randperm(x.shape[0])
    total = 0.0
    for s in range(0, x.shape[0], batch):
        idx = perm[s:s + batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        total += float(loss) * len(idx)
    return total / x.shape[0]


def poly_fit():
    x = torch.rand(4000, 1) * 4 - 2
    y = x ** 4 - 3 * x ** 2 + x + 1
    curve = torch.linspace(-2, 2, 400).reshape(-1, 1)
    clock = Clock()
    model = nn.Sequential(nn.Linear(1, 6), nn.Tanh(), nn.Linear(6, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(100):
        loss = train_epoch(model, nn.MSELoss(), opt, x, y, 32)
        with torch.no_grad():
            model(curve)
    return clock.stop(), 's/run', 'final loss %.4f' % loss


def rings():
    n = 40000
    a = torch.rand(n) * 2 * math.pi
    r = torch.where(torch.arange(n) % 2 == 0, 1.0, 0.5)
    x = torch.stack([r * torch.cos(a), r * torch.sin(a)], 1) + 0.005 * torch.randn(n, 2)
    y = (torch.arange(n) % 2 == 0).float().reshape(-1, 1)
    s = torch.linspace(-1, 1, 100)
    lines = [torch.stack([s, torch.full_like(s, c)], 1) for c in torch.linspace(-1, 1, 21)]
    lines += [torch.stack([torch.full_like(s, c), s], 1) for c in torch.linspace(-1, 1, 21)]
    grid = torch.cat(lines)
    clock = Clock()
    front = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2), nn.Tanh())
    model = nn.Sequential(front, nn.Linear(2, 1), nn.Sigmoid())
    opt = torch.optim.SGD(model.parameters(), lr=0.001)
    for _ in range(100):
        loss = train_epoch(model, nn.MSELoss(), opt, x, y, 32)
        with torch.no_grad():
            front(x)
            front(grid)
    return clock.stop(), 's/run', 'final loss %.4f' % loss


def moons():
    from sklearn.datasets import make_moons
    xs, ys = make_moons(1000, noise=0.2, random_state=0)
    x = torch.tensor(xs, dtype=torch.float32)
    y = torch.tensor(ys, dtype=torch.float32).reshape(-1, 1)
    gx, gy = torch.meshgrid(torch.linspace(-1.5, 2.5, 200), torch.linspace(-1, 1.5, 200), indexing='xy')
    grid = torch.stack([gx.reshape(-1), gy.reshape(-1)], 1)
    clock = Clock()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(100):
        loss = train_epoch(model, nn.BCELoss(), opt, x, y, 32)
        with torch.no_grad():
            model(grid)
    return clock.stop(), 's/run', 'final loss %.4f' % loss


def read_idx(name, offset):
    with gzip.open(f'{FASHION}/{name}', 'rb') as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def mlp():
    x = torch.tensor(read_idx('train-images-idx3-ubyte.gz', 16).reshape(-1, 784), dtype=torch.float32) / 255
    y = torch.tensor(read_idx('train-labels-idx1-ubyte.gz', 8).astype(np.int64))
    model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_epoch(model, nn.CrossEntropyLoss(), opt, x[:6400], y[:6400], 64)
    clock = Clock()
    loss = train_epoch(model, nn.CrossEntropyLoss(), opt, x, y, 64)
    return clock.stop(), 's/epoch', 'loss %.4f' % loss


class TextModel(nn.Module):
    def __init__(self, dim, units, outputs, bidirectional, sigmoid):
        super().__init__()
        self.emb = nn.Embedding(10000, dim)
        self.lstm = nn.LSTM(dim, units, batch_first=True, bidirectional=bidirectional)
        self.out = nn.Linear(units * (2 if bidirectional else 1), outputs)
        self.sigmoid = sigmoid

    def forward(self, ids):
        _, (h, _) = self.lstm(self.emb(ids))
        z = self.out(torch.cat([h[0], h[1]], 1) if h.shape[0] == 2 else h[0])
        return torch.sigmoid(z) if self.sigmoid else z


def timed_batches(model, loss_fn, steps, outputs, batches=40, batch=64):
    x = torch.randint(1, 10000, ((batches + 2) * batch, steps))
    y = torch.randint(0, 2, ((batches + 2) * batch, outputs)).float()
    opt = torch.optim.Adam(model.parameters())
    def run(lo, hi):
        for b in range(lo, hi):
            opt.zero_grad()
            loss = loss_fn(model(x[b * batch:(b + 1) * batch]), y[b * batch:(b + 1) * batch])
            loss.backward()
            opt.step()
    run(0, 2)
    clock = Clock()
    run(2, batches + 2)
    wall, cpu = clock.stop()
    return wall / batches, cpu / batches


def lstm():
    wall, cpu = timed_batches(TextModel(128, 64, 1, False, True), nn.BCELoss(), 200, 1)
    n = math.ceil(25000 / 64)
    return (wall * n, cpu * n), 's/epoch', '%.1f ms/batch' % (wall * 1000)


def bilstm():
    wall, cpu = timed_batches(TextModel(50, 64, 6, True, False), nn.BCEWithLogitsLoss(), 100, 6)
    return (wall / 64 * 10000, cpu / 64 * 10000), 's/10k seq', '%.1f ms/batch' % (wall * 1000)


def prefix():
    """Each of the 200 prefixes evaluated on its own, as a user of the model would (no one-pass trick)."""
    model = TextModel(128, 64, 1, False, True).eval()
    reviews = torch.randint(1, 10000, (11, 200))
    with torch.no_grad():
        for p in range(1, 201):
            model(reviews[0:1, :p])
        clock = Clock()
        for r in range(1, 11):
            for p in range(1, 201):
                model(reviews[r:r + 1, :p])
    wall, cpu = clock.stop()
    return (wall / 10, cpu / 10), 's/review', '200 separate prefix forwards'


WORKLOADS = {'poly-fit': poly_fit, 'rings': rings, 'moons': moons, 'mlp': mlp, 'lstm': lstm, 'bilstm': bilstm, 'prefix': prefix}

if __name__ == '__main__':
    args = sys.argv[1:]
    threads = 1
    if '--threads' in args:
        i = args.index('--threads')
        threads = int(args[i + 1])
        del args[i:i + 2]
    torch.set_num_threads(threads)
    # Denormals: on this CPU Debian's torch 1.13 spends most of the random-label LSTM benchmark in denormal
    # arithmetic (2.9 s/batch vs 0.2 s/batch flushed, issue 19); flushing makes the comparison about the kernels.
    torch.set_flush_denormal(True)
    torch.manual_seed(0)
    names = list(WORKLOADS) if not args or 'all' in args else args
    for name in names:
        if name not in WORKLOADS:
            print(f'unknown workload {name}; known: {", ".join(WORKLOADS)}', file=sys.stderr)
            sys.exit(2)
        (sec, cpu), unit, note = WORKLOADS[name]()
        print(f'{name}\t{sec:.4f}\t{unit}\t{note}\t{cpu:.4f}', flush=True)
