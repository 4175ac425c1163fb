#!/usr/bin/env python3
"""Checks labelled calls (<id>.json + <id>.labels.json) against the testdata/calls README scheme.
Usage: check_tf.py [labels files or directories]  (default: this directory's tf_*.labels.json)"""
import glob, json, os, sys

DOMAINS = {"support": "sup", "csr": "csr", "field_sales": "fs", "mystery_shop": "ms", "voice_agent": "va"}
PII = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
CATS = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
      "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
      "identified_needs", "value_added"]
NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs", "value_added"}


def check(labels_path, english_only=False):
    errs = []
    base = labels_path[: -len(".labels.json")]
    cid = os.path.basename(base)
    try:
        call = json.load(open(base + ".json"))
        lab = json.load(open(labels_path))
    except Exception as e:  # noqa
        return cid, ["parse: %s" % e], False
    if english_only and call.get("language") != "en-US":
        return cid, [], True
    E = errs.append
    if call.get("id") != cid: E("id %r != file id" % call.get("id"))
    dom = call.get("domain")
    if dom not in DOMAINS: E("domain %r" % dom)
    if call.get("language") not in ("en-US", "es-419"): E("language")
    if call.get("direction") not in ("inbound", "outbound", "in_person"): E("direction")
    for k in ("agent", "customer", "started_at"):
        if k not in call: E("missing " + k)
    ph = (call.get("customer") or {}).get("phone")
    if ph is not None and not (isinstance(ph, str) and ph.startswith("+") and ph[1:].isdigit()): E("phone %r" % ph)
    turns = call.get("turns") or []
    if not turns: E("no turns")
    prev = -1.0
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"): E("turn %d speaker" % i)
        if not isinstance(t.get("text"), str) or not t["text"].strip(): E("turn %d text" % i)
        if not (t["end"] > t["start"]): E("turn %d end<=start" % i)
        if t["start"] < prev: E("turn %d not sorted" % i)
        prev = t["start"]
    n = len(turns)
    for p in lab.get("pii", []):
        if p.get("type") not in PII: E("pii type %r" % p.get("type"))
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n or p.get("text", "") == "" or p["text"] not in turns[ti]["text"]:
            E("pii %r not in turn %r" % (p.get("text"), ti))
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n or turns[ti]["speaker"] != "customer":
            E("objection turn %r not a customer turn" % ti)
        if o.get("category") not in CATS: E("objection category %r" % o.get("category"))
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer") or not a.get("text"): E("action item %r" % a)
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"): E("sentiment")
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"): E("trend")
    cr = lab.get("call_reason")
    if not (isinstance(cr, str) and cr and cr == cr.lower() and " " not in cr): E("call_reason %r" % cr)
    if not lab.get("summary"): E("summary")
    qa = lab.get("qa") or {}
    if set(qa) != set(QA): E("qa keys %s" % sorted(set(qa) ^ set(QA)))
    for k in QA:
        v = qa.get(k)
        if v is None and k in NULLABLE: continue
        if not isinstance(v, bool): E("qa.%s=%r" % (k, v))
    inter = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
                and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, n))
    if qa.get("interrupted_customer") is not inter:
        E("interrupted_customer=%r but timing says %r" % (qa.get("interrupted_customer"), inter))
    bs = lab.get("booking_status", "MISSING")
    if bs not in (None, "booked", "not_booked", "service_not_offered"): E("booking_status %r" % bs)
    if dom in ("csr", "voice_agent") and bs is None: E("booking_status required for " + dom)
    if dom in ("support", "field_sales") and bs is not None: E("booking_status must be null for " + dom)
    q = lab.get("qualification", "MISSING")
    if dom == "csr" and q not in ("hot", "warm", "cold", "unqualified"): E("qualification %r" % q)
    if dom != "csr" and q is not None: E("qualification must be null")
    out = lab.get("outcome", "MISSING")
    if dom == "field_sales" and out not in ("closed_won", "closed_lost", "open"): E("outcome %r" % out)
    if dom != "field_sales" and out is not None: E("outcome must be null")
    dv = lab.get("deal_value", "MISSING")
    if out == "closed_won":
        if isinstance(dv, bool) or not isinstance(dv, (int, float)) or dv <= 0: E("deal_value %r" % dv)
    elif dv is not None: E("deal_value must be null")
    k = lab.get("kpis") or {}
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5): E("kpis.customer_effort")
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"): E("kpis.resolution")
    return cid, errs, True


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    files = []
    for a in args or [here]:
        files += sorted(glob.glob(os.path.join(a, "*.labels.json"))) if os.path.isdir(a) else [a]
    if not args:
        files = [f for f in files if os.path.basename(f).startswith("tf_")]
    bad = 0
    for f in files:
        cid, errs, _ = check(f, english_only=not os.path.basename(f).startswith("tf_"))
        for e in errs:
            print("%s: %s" % (cid, e))
        bad += bool(errs)
    print("%d calls checked, %d with errors" % (len(files), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
