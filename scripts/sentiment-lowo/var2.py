from base import *
from sklearn.decomposition import PCA
X=np.array([v2(r) for r in data])
def ordinal(C):
    pred=np.zeros(len(y),int)
    for w in writers:
        te=g==w; ps=[]
        for k in (1,2):
            m=make_pipeline(StandardScaler(),LogisticRegression(C=C,max_iter=3000,class_weight='balanced')).fit(X[~te],(y[~te]>=k).astype(int))
            ps.append(m.predict_proba(X[te])[:,1])
        p=np.stack([1-ps[0],np.clip(ps[0]-ps[1],0,1),ps[1]],1); pred[te]=p.argmax(1)
    return pred
for C in [0.01,0.03,0.1,0.3]: report(f"ordinal v2 C={C}",ordinal(C))
def pca(nc,C):
    pred=np.zeros(len(y),int)
    for w in writers:
        te=g==w
        m=make_pipeline(StandardScaler(),PCA(nc,random_state=0),LogisticRegression(C=C,max_iter=3000,class_weight='balanced')).fit(X[~te],y[~te])
        pred[te]=m.predict(X[te])
    return pred
for nc in [32,96]:
    for C in [0.03,0.3]: report(f"pca{nc} C={C}",pca(nc,C))
# per-class prototypes of customer sentences (centroid of train-fold calls' customer last-third sentences), cosine sims added
def proto(C):
    pred=np.zeros(len(y),int)
    for w in writers:
        te=g==w; tr=np.where(~te)[0]
        cents=[]
        for k in range(3):
            vs=[s['v'] for i in tr if y[i]==k for s in third(sents(data[i],'CUSTOMER'),2)]
            c=np.mean(vs,0); cents.append(c/np.linalg.norm(c))
        cents=np.array(cents)
        def pf(r):
            c=np.array([s['v'] for s in sents(r,'CUSTOMER')]); l=np.array([s['v'] for s in third(sents(r,'CUSTOMER'),2)])
            return np.concatenate([(c@cents.T).mean(0),(l@cents.T).mean(0),(l@cents.T).max(0)])
        Pf=np.array([pf(r) for r in data]); Z=np.hstack([X,Pf*10])
        m=make_pipeline(StandardScaler(),LogisticRegression(C=C,max_iter=3000,class_weight='balanced')).fit(Z[~te],y[~te])
        pred[te]=m.predict(Z[te])
    return pred
for C in [0.03,0.1,0.3]: report(f"v2+prototypes C={C}",proto(C))
