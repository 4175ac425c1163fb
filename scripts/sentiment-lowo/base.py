import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import *
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
import pickle
rows=[r for r in load() if r['group'] not in ('written','calls')]   # TRAIN ONLY
P=['negative','neutral','positive']; LEX={'NEGATIVE':0,'NEUTRAL':1,'POSITIVE':2}
data=[r for r in rows if r['labels'].get('customer_sentiment')]
y=np.array([P.index(r['labels']['customer_sentiment']) for r in data]); g=np.array([r['group'] for r in data])
writers=sorted(set(g))
def sents(r,sp): return [s for s in r['sentences'] if s['speaker']==sp]
def v2(r):
    c=[s['v'] for s in sents(r,'CUSTOMER')]; a=[s['v'] for s in sents(r,'AGENT')]
    lex=np.zeros(3); lex[LEX[r['lex_overall']]]=1
    return np.concatenate([mean(c),mean(third(c,2)),mean(a),lex])
def lowo(X,C,cw='balanced',ret=False):
    pred=np.zeros(len(y),int); prob=np.zeros((len(y),3))
    for w in writers:
        te=g==w
        m=make_pipeline(StandardScaler(),LogisticRegression(C=C,max_iter=3000,class_weight=cw)).fit(X[~te],y[~te])
        prob[te]=m.predict_proba(X[te]); pred[te]=prob[te].argmax(1)
    return pred,prob
def report(name,pred):
    acc=(pred==y).mean()
    per=' '.join(f"{w[1]}:{(pred[g==w]==y[g==w]).mean():.2f}" for w in writers)
    print(f"{name:40s} {acc:.3f} | {per}",flush=True)
    return acc
if __name__=='__main__':
    X=np.array([v2(r) for r in data])
    for C in [0.001,0.003,0.01,0.03,0.1]:
        pred,_=lowo(X,C); report(f"v2 C={C}",pred)
    pickle.dump(None,open('/tmp/s10_dummy','wb'))
