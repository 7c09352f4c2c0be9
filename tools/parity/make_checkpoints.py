#!/usr/bin/python3
"""PyTorch checkpoints for NnVizRepro's checkpoint reader (run: /usr/bin/python3 tools/parity/make_checkpoints.py).

Writes tools/parity/checkpoints/: for two tiny models, one state_dict per epoch as a PyTorch file (torch.save, .pt) and
as safetensors (.safetensors, written by hand: Debian's python3-torch has no safetensors module), plus <model>.json with
the token ids fed to each checkpoint and PyTorch's outputs for them, so the reader is checked end to end (names,
transposes, the LSTM's two biases, gate order), not only for shapes.

  lstm_model:   embedding (12 x 4) -> lstm (LSTM 4 -> 3, last state) -> hidden (Linear 3 -> 5, relu) -> output (Linear 5 -> 1, sigmoid)
  bilstm_model: embedding (12 x 4) -> bilstm (bidirectional LSTM 4 -> 3, [forward, backward] last states) -> dense (Linear 6 -> 2, sigmoid)

The state_dict names are PyTorch's module attribute names, which NnVizRepro maps to its layers by layer name:
<layer>.weight/.bias (Linear, Embedding), <layer>.weight_ih_l0/.weight_hh_l0/.bias_ih_l0/.bias_hh_l0 (+ _reverse).
Token ids are all >= 1 (PyTorch has no mask; the reader's own masking is tested against the native engine).
"""
import json, os, struct
import torch
from torch import nn

torch.manual_seed(2026)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'checkpoints')
VOCAB, DIM, UNITS, ROWS, STEPS = 12, 4, 3, 3, 5


class LstmModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM)
        self.lstm = nn.LSTM(DIM, UNITS, batch_first=True)
        self.hidden = nn.Linear(UNITS, 5)
        self.output = nn.Linear(5, 1)

    def forward(self, ids):
        _, (h, _) = self.lstm(self.embedding(ids))
        return torch.sigmoid(self.output(torch.relu(self.hidden(h[-1]))))


class BiLstmModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM)
        self.bilstm = nn.LSTM(DIM, UNITS, batch_first=True, bidirectional=True)
        self.dense = nn.Linear(2 * UNITS, 2)

    def forward(self, ids):
        _, (h, _) = self.bilstm(self.embedding(ids))
        return torch.sigmoid(self.dense(torch.cat([h[0], h[1]], dim=1)))


def save_safetensors(path, state):
    header, blobs, offset = {}, [], 0
    for name, t in state.items():
        data = t.detach().to(torch.float32).contiguous().numpy().tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(blobs))


def write(name, model):
    os.makedirs(OUT, exist_ok=True)
    ids = torch.randint(1, VOCAB, (ROWS, STEPS))
    target = torch.rand(ROWS, model(ids).shape[1])
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    outputs = []
    for epoch in (1, 2):
        opt.zero_grad()
        nn.functional.binary_cross_entropy(model(ids), target).backward()
        opt.step()
        state = model.state_dict()
        torch.save(state, os.path.join(OUT, f'{name}_epoch{epoch}.pt'))
        save_safetensors(os.path.join(OUT, f'{name}_epoch{epoch}.safetensors'), state)
        with torch.no_grad():
            outputs.append([float('%.9g' % v) for v in model(ids).reshape(-1).tolist()])
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump({'torch': torch.__version__, 'rows': ROWS, 'steps': STEPS, 'vocab': VOCAB, 'dim': DIM, 'units': UNITS,
                   'ids': ids.reshape(-1).tolist(), 'outputs': outputs,
                   'tensors': {k: list(v.shape) for k, v in model.state_dict().items()}}, f, separators=(',', ':'))
        f.write('\n')
    print('wrote', name)


write('lstm_model', LstmModel())
write('bilstm_model', BiLstmModel())
