import json, numpy as np
def load(path='/tmp/feat2.jsonl'):
    rows=[]
    for line in open(path):
        r=json.loads(line)
        for s in r['sentences']:
            s['v']=np.array(s['v'],dtype=np.float32)
        f=r['folder']
        r['group']= 'written' if 'written' in f else ('calls' if 'testdata/calls' in f else r['id'].split('_')[0])
        rows.append(r)
    return rows
def mean(vs):
    return np.mean(vs,axis=0) if len(vs) else np.zeros(384,dtype=np.float32)
def third(lst,which):
    n=len(lst); size=max(1,-(-n//3))
    frm={0:0,1:max(0,(n-size)//2),2:max(0,n-size)}[which]
    return lst[frm:frm+size]
