import json, math, unicodedata, torch, torch.nn as nn

class Tok:
    def __init__(self, path='all-minilm-l6-v2-tokenizer.json'):
        self.vocab = json.load(open(path))['model']['vocab']
    def basic(self, text):
        text = unicodedata.normalize('NFD', text.lower())
        text = ''.join(c for c in text if unicodedata.category(c) != 'Mn')
        out, cur = [], ''
        for ch in text:
            cp = ord(ch)
            if ch.isspace():
                if cur: out.append(cur); cur = ''
            elif (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or unicodedata.category(ch).startswith('P')):
                if cur: out.append(cur); cur = ''
                out.append(ch)
            else:
                cur += ch
        if cur: out.append(cur)
        return out
    def wordpiece(self, w):
        if len(w) > 100: return [self.vocab['[UNK]']]
        ids, s = [], 0
        while s < len(w):
            e = len(w); found = None
            while e > s:
                sub = w[s:e] if s == 0 else '##' + w[s:e]
                if sub in self.vocab: found = self.vocab[sub]; break
                e -= 1
            if found is None: return [self.vocab['[UNK]']]
            ids.append(found); s = e
        return ids
    def encode(self, text, text2=None, max_len=128):
        a = [i for w in self.basic(text) for i in self.wordpiece(w)]
        if text2 is None:
            a = a[:max_len - 2]
            return [101] + a + [102], [0] * (len(a) + 2)
        b = [i for w in self.basic(text2) for i in self.wordpiece(w)]
        # keep the customer turn (b) whole where possible, cut the context from its start
        b = b[:max_len - 3 - 8]
        a = a[-(max_len - 3 - len(b)):]
        return [101] + a + [102] + b + [102], [0] * (len(a) + 2) + [1] * (len(b) + 1)

class Layer(nn.Module):
    def __init__(s, d=384, h=12, f=1536):
        super().__init__()
        s.h = h
        s.q = nn.Linear(d, d); s.k = nn.Linear(d, d); s.v = nn.Linear(d, d); s.o = nn.Linear(d, d)
        s.ln1 = nn.LayerNorm(d, eps=1e-12); s.i = nn.Linear(d, f); s.out = nn.Linear(f, d); s.ln2 = nn.LayerNorm(d, eps=1e-12)
    def forward(s, x, mask):
        B, T, D = x.shape; hd = D // s.h
        q = s.q(x).view(B, T, s.h, hd).transpose(1, 2); k = s.k(x).view(B, T, s.h, hd).transpose(1, 2); v = s.v(x).view(B, T, s.h, hd).transpose(1, 2)
        a = (q @ k.transpose(-1, -2)) / math.sqrt(hd) + mask
        c = (a.softmax(-1) @ v).transpose(1, 2).reshape(B, T, D)
        x = s.ln1(x + s.o(c))
        return s.ln2(x + s.out(nn.functional.gelu(s.i(x))))

class Bert(nn.Module):
    def __init__(s, n=6):
        super().__init__()
        s.we = nn.Embedding(30522, 384); s.pe = nn.Embedding(512, 384); s.te = nn.Embedding(2, 384); s.ln = nn.LayerNorm(384, eps=1e-12)
        s.layers = nn.ModuleList([Layer() for _ in range(n)])
    def forward(s, ids, types, att):
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        x = s.ln(s.we(ids) + s.pe(pos) + s.te(types))
        mask = (1.0 - att[:, None, None, :].float()) * -10000.0
        for l in s.layers: x = l(x, mask)
        return x
    def load(s, sd):
        m = {'we.weight': 'embeddings.word_embeddings.weight', 'pe.weight': 'embeddings.position_embeddings.weight',
             'te.weight': 'embeddings.token_type_embeddings.weight', 'ln.weight': 'embeddings.LayerNorm.weight', 'ln.bias': 'embeddings.LayerNorm.bias'}
        names = {'q': 'attention.self.query', 'k': 'attention.self.key', 'v': 'attention.self.value', 'o': 'attention.output.dense',
                 'ln1': 'attention.output.LayerNorm', 'i': 'intermediate.dense', 'out': 'output.dense', 'ln2': 'output.LayerNorm'}
        for li in range(len(s.layers)):
            for a, b in names.items():
                for p in ('weight', 'bias'):
                    m[f'layers.{li}.{a}.{p}'] = f'encoder.layer.{li}.{b}.{p}'
        s.load_state_dict({k: sd[v] for k, v in m.items()})
        return s

def batch(tok, pairs, max_len=128):
    enc = [tok.encode(a, b, max_len) for a, b in pairs]
    L = max(len(e[0]) for e in enc)
    ids = torch.zeros(len(enc), L, dtype=torch.long); ty = torch.zeros_like(ids); att = torch.zeros_like(ids)
    for i, (x, t) in enumerate(enc):
        ids[i, :len(x)] = torch.tensor(x); ty[i, :len(t)] = torch.tensor(t); att[i, :len(x)] = 1
    return ids, ty, att

if __name__ == '__main__':
    tok = Tok(); m = Bert().load(torch.load('minilm_sd.pt')).eval()
    import numpy as np
    call = json.loads(open('/tmp/obj_train.jsonl').readline())
    sents = [s for t in call['turns'] for s in t['sents']][:10]
    with torch.no_grad():
        ids, ty, att = batch(tok, [(s['text'], None) for s in sents])
        h = m(ids, ty, att); e = (h * att[..., None]).sum(1) / att.sum(1, keepdim=True); e = e / e.norm(dim=1, keepdim=True)
    for s, v in zip(sents, e):
        r = np.array(s['v']); print(round(float(np.dot(r / np.linalg.norm(r), v.numpy())), 4), s['text'][:50])
