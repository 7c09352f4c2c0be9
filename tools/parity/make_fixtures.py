#!/usr/bin/python3
"""PyTorch parity fixtures for NnViz.Engine (run: /usr/bin/python3 tools/parity/make_fixtures.py).

Writes tests/NnViz.Engine.Tests/Fixtures/*.json: inputs, weights in the engine's (Keras) layout and names, outputs,
gradients, and parameters after 5 optimizer steps. Mapping PyTorch -> Keras layout:
  Linear.weight (out x in)        -> dense kernel (in x out) = weight.T
  LSTM weight_ih (4u x in)        -> kernel (in x 4u) = weight_ih.T   (both use gate order i, f, g, o)
  LSTM weight_hh (4u x u)         -> recurrent_kernel (u x 4u) = weight_hh.T
  LSTM bias_ih + bias_hh (two)    -> bias (one; Keras has a single bias). PyTorch would update both copies, moving
                                     the sum twice as far, so bias_hh is folded into bias_ih and frozen at zero.
Masking: the engine masks padding (mask_zero); PyTorch has no mask, so each pre-padded row is run over its real
tokens only, which is what the mask must be equivalent to. Dropout is 0 here (masks cannot be matched across RNGs).
"""
import json, os, sys
import torch

torch.manual_seed(1234)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'NnViz.Engine.Tests', 'Fixtures')


def flat(t):
    return [float('%.9g' % v) for v in t.detach().reshape(-1).tolist()]


def save(name, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(obj, f, indent=None, separators=(',', ':'), sort_keys=True)
        f.write('\n')
    print('wrote', name)


def rnd(*shape, scale=1.0):
    return (torch.rand(*shape) * 2 - 1) * scale


ACT = {'linear': lambda z: z, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'relu': torch.relu,
       'softmax': lambda z: torch.softmax(z, dim=-1)}


def dense_fixture(act):
    x = rnd(5, 4).requires_grad_()
    lin = torch.nn.Linear(4, 3)
    y = ACT[act](lin(x))
    c = rnd(5, 3)
    (y * c).sum().backward()
    save('dense_' + act, {'activation': act, 'rows': 5, 'in': 4, 'units': 3, 'x': flat(x), 'c': flat(c),
                          'kernel': flat(lin.weight.T), 'bias': flat(lin.bias), 'y': flat(y),
                          'grad_kernel': flat(lin.weight.grad.T), 'grad_bias': flat(lin.bias.grad), 'grad_x': flat(x.grad)})


def single_bias(lstm):
    """Fold bias_hh into bias_ih and freeze it at zero: one bias, as in Keras and the engine."""
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith('bias_hh'):
                getattr(lstm, name.replace('bias_hh', 'bias_ih')).add_(p)
                p.zero_()
                p.requires_grad_(False)
    return lstm


def lstm_params(lstm, suffix=''):
    return {'kernel': getattr(lstm, 'weight_ih_l0' + suffix), 'recurrent_kernel': getattr(lstm, 'weight_hh_l0' + suffix),
            'bias_ih': getattr(lstm, 'bias_ih_l0' + suffix), 'bias_hh': getattr(lstm, 'bias_hh_l0' + suffix)}


def keras_lstm(p, grad=False):
    g = (lambda t: t.grad) if grad else (lambda t: t)
    return {'kernel': flat(g(p['kernel']).T), 'recurrent_kernel': flat(g(p['recurrent_kernel']).T),
            'bias': flat(g(p['bias_ih']))}


def lstm_fixture(bidirectional):
    rows, steps, n_in, units = 3, 5, 4, 6
    x = rnd(rows, steps, n_in).requires_grad_()
    lstm = single_bias(torch.nn.LSTM(n_in, units, batch_first=True, bidirectional=bidirectional))
    y, (hn, _) = lstm(x)
    c = rnd(*y.shape)
    c_last = rnd(rows, units * (2 if bidirectional else 1))
    last = torch.cat([hn[0], hn[1]], dim=1) if bidirectional else hn[0]
    ((y * c).sum() + (last * c_last).sum()).backward()
    obj = {'rows': rows, 'steps': steps, 'in': n_in, 'units': units, 'x': flat(x), 'y': flat(y), 'last': flat(last),
           'c': flat(c), 'c_last': flat(c_last), 'grad_x': flat(x.grad)}
    dirs = [('forward', '')] + ([('backward', '_reverse')] if bidirectional else [])
    for d, suffix in dirs:
        p = lstm_params(lstm, suffix)
        obj[d] = keras_lstm(p)
        obj[d + '_grad'] = keras_lstm(p, grad=True)
    save('bilstm_layer' if bidirectional else 'lstm_layer', obj)


def padded_tokens(rows, steps, vocab, min_len):
    ids = torch.zeros(rows, steps, dtype=torch.long)
    lengths = []
    for r in range(rows):
        n = int(torch.randint(min_len, steps + 1, (1,)))
        ids[r, steps - n:] = torch.randint(1, vocab, (n,))
        lengths.append(n)
    return ids, lengths


def run_rows(emb, lstm, ids, lengths, bidirectional):
    """Each row over its real (unpadded) tokens: what masking must equal."""
    outs = []
    for r, n in enumerate(lengths):
        e = emb(ids[r:r + 1, ids.shape[1] - n:])
        _, (hn, _) = lstm(e)
        outs.append(torch.cat([hn[0], hn[1]], dim=1) if bidirectional else hn[0])
    return torch.cat(outs, dim=0)


def model_fixture(name, bidirectional, optimizer):
    rows, steps, vocab, dim, units = 6, 9, 20, 5, 4
    ids, lengths = padded_tokens(rows, steps, vocab, 3)
    emb = torch.nn.Embedding(vocab, dim)
    lstm = single_bias(torch.nn.LSTM(dim, units, batch_first=True, bidirectional=bidirectional))
    if bidirectional:
        head = torch.nn.Linear(2 * units, 3)
        y_true = torch.randint(0, 2, (rows, 3)).float()
        def forward():
            return head(run_rows(emb, lstm, ids, lengths, True))
        loss_fn = torch.nn.BCEWithLogitsLoss()
        mods = [head]
    else:
        hidden, out = torch.nn.Linear(units, 5), torch.nn.Linear(5, 1)
        y_true = torch.randint(0, 2, (rows, 1)).float()
        def forward():
            return torch.sigmoid(out(torch.relu(hidden(run_rows(emb, lstm, ids, lengths, False)))))
        loss_fn = torch.nn.BCELoss()
        mods = [hidden, out]
    params = list(emb.parameters()) + [p for p in lstm.parameters() if p.requires_grad] + [p for m in mods for p in m.parameters()]

    def snapshot(grad=False):
        g = (lambda t: t.grad) if grad else (lambda t: t)
        s = {'embedding/embeddings': flat(g(emb.weight))}
        dirs = [('bilstm/forward', ''), ('bilstm/backward', '_reverse')] if bidirectional else [('lstm', '')]
        for prefix, suffix in dirs:
            for k, v in keras_lstm(lstm_params(lstm, suffix), grad).items():
                s[prefix + '/' + k] = v
        names = ['out'] if bidirectional else ['hidden', 'out']
        for nm, m in zip(names, mods):
            s[nm + '/kernel'] = flat(g(m.weight).T)
            s[nm + '/bias'] = flat(g(m.bias))
        return s

    init = snapshot()
    opt = optimizer(params)
    pred0 = forward()
    loss0 = loss_fn(pred0, y_true)
    loss0.backward()
    grads = snapshot(grad=True)
    opt.step()
    losses = [float(loss0)]
    for _ in range(4):
        opt.zero_grad()
        l = loss_fn(forward(), y_true)
        l.backward()
        opt.step()
        losses.append(float(l))
    save(name, {'rows': rows, 'steps': steps, 'vocab': vocab, 'dim': dim, 'units': units,
                'x': [float(v) for v in ids.reshape(-1).tolist()], 'y': flat(y_true), 'init': init,
                'output': flat(pred0), 'grads': grads, 'losses': losses, 'after5': snapshot()})


def optimizer_fixture(name, make):
    x = rnd(8, 3)
    y = rnd(8, 2)
    l1, l2 = torch.nn.Linear(3, 4), torch.nn.Linear(4, 2)
    params = list(l1.parameters()) + list(l2.parameters())
    snap = lambda: {'h/kernel': flat(l1.weight.T), 'h/bias': flat(l1.bias), 'out/kernel': flat(l2.weight.T), 'out/bias': flat(l2.bias)}
    init = snap()
    opt = make(params)
    for _ in range(5):
        opt.zero_grad()
        loss = torch.mean((l2(torch.tanh(l1(x))) - y) ** 2)
        loss.backward()
        opt.step()
    save('optim_' + name, {'x': flat(x), 'y': flat(y), 'init': init, 'after5': snap()})


for a in ['linear', 'tanh', 'sigmoid', 'relu', 'softmax']:
    dense_fixture(a)
lstm_fixture(False)
lstm_fixture(True)
# Keras defaults: RMSprop(lr 1e-3, rho 0.9, eps 1e-7); Adam eps 1e-7. Larger rates make 5 steps move visibly.
model_fixture('imdb_model', False, lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-7))
model_fixture('bilstm_model', True, lambda p: torch.optim.Adam(p, lr=0.01, eps=1e-7))
optimizer_fixture('sgd_momentum', lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))
optimizer_fixture('sgd_nesterov', lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True))
optimizer_fixture('adam', lambda p: torch.optim.Adam(p, lr=0.05, eps=1e-7))
optimizer_fixture('rmsprop', lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-7))
