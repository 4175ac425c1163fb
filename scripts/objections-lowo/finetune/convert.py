import onnx, torch
from onnx import numpy_helper
m = onnx.load('all-minilm-l6-v2.onnx')
init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
consumers = {}
for n in m.graph.node:
    for x in n.input: consumers.setdefault(x, []).append(n)
sd = {k: torch.tensor(v) for k, v in init.items() if not k.startswith('onnx::')}
for n in m.graph.node:
    if n.op_type == 'MatMul' and n.input[1] in init:
        W = init[n.input[1]]
        add = [c for c in consumers[n.output[0]] if c.op_type == 'Add'][0]
        bias = [x for x in add.input if x in init][0]
        name = bias[:-len('.bias')] + '.weight'
        sd[name] = torch.tensor(W.T.copy())
print(len(sd), sorted(k for k in sd if 'layer.0.' in k))
torch.save(sd, 'minilm_sd.pt')
