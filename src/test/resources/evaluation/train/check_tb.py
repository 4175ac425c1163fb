#!/usr/bin/env python3
"""Checks labelled calls (<id>.json + <id>.labels.json). Usage: check_tb.py [dir-or-labels-files...]
Default: the tb_*.labels.json next to this script. Non-English calls are skipped."""
import glob, json, os, re, sys

DOMAINS = {"support", "csr", "field_sales", "mystery_shop", "voice_agent"}
DIRECTIONS = {"inbound", "outbound", "in_person"}
PII_TYPES = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
OBJ = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_KEYS = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]
NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs"}


def check(lab_path):
    errs = []
    e = errs.append
    base = lab_path[:-len(".labels.json")]
    cid = os.path.basename(base)
    try:
        call = json.load(open(base + ".json"))
        lab = json.load(open(lab_path))
    except Exception as x:
        return ["parse: %s" % x], False
    if call.get("language") != "en-US":
        return [], True  # skipped
    if call.get("id") != cid: e("id %r != file %r" % (call.get("id"), cid))
    dom = call.get("domain")
    if dom not in DOMAINS: e("domain %r" % dom)
    if call.get("direction") not in DIRECTIONS: e("direction %r" % call.get("direction"))
    for k in ("agent", "customer", "started_at", "turns"):
        if k not in call: e("missing " + k)
    ph = call.get("customer", {}).get("phone")
    if ph is not None and not re.fullmatch(r"\+\d{11,15}", ph): e("phone %r" % ph)
    turns = call.get("turns", [])
    prev = -1
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"): e("turn %d speaker" % i)
        if not (t["end"] > t["start"]): e("turn %d end<=start" % i)
        if t["start"] < prev: e("turn %d not sorted" % i)
        prev = t["start"]
        if not t.get("text", "").strip(): e("turn %d empty" % i)
    for p in lab.get("pii", []):
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns): e("pii turn %r" % ti); continue
        if p.get("type") not in PII_TYPES: e("pii type %r" % p.get("type"))
        if p.get("text", "") == "" or p["text"] not in turns[ti]["text"]: e("pii %r not in turn %d" % (p.get("text"), ti))
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns): e("objection turn %r" % ti); continue
        if turns[ti]["speaker"] != "customer": e("objection on non-customer turn %d" % ti)
        if o.get("category") not in OBJ: e("objection category %r" % o.get("category"))
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer") or not a.get("text"): e("action item %r" % a)
    qa = lab.get("qa", {})
    if set(qa) != set(QA_KEYS): e("qa keys %s" % sorted(set(qa) ^ set(QA_KEYS)))
    for k in QA_KEYS:
        v = qa.get(k)
        if v is None and k in NULLABLE: continue
        if not isinstance(v, bool): e("qa %s=%r" % (k, v))
    over = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
               and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, len(turns)))
    if qa.get("interrupted_customer") is not over: e("interrupted_customer=%r but timing says %r" % (qa.get("interrupted_customer"), over))
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"): e("sentiment")
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"): e("trend")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", lab.get("call_reason", "")): e("call_reason")
    if not lab.get("summary"): e("summary")
    bs = lab.get("booking_status", "MISSING")
    if bs not in (None, "booked", "not_booked", "service_not_offered"): e("booking_status %r" % bs)
    if dom in ("support", "field_sales") and bs is not None: e("booking_status must be null for " + dom)
    if dom in ("csr", "voice_agent") and bs is None: e("booking_status required for " + dom)
    q = lab.get("qualification", "MISSING")
    if dom == "csr":
        if q not in ("hot", "warm", "cold", "unqualified"): e("qualification %r" % q)
    elif q is not None: e("qualification only for csr")
    out = lab.get("outcome", "MISSING")
    dv = lab.get("deal_value", "MISSING")
    if dom == "field_sales":
        if out not in ("closed_won", "closed_lost", "open"): e("outcome %r" % out)
    elif out is not None: e("outcome only for field_sales")
    if out == "closed_won":
        if not isinstance(dv, (int, float)) or isinstance(dv, bool): e("deal_value must be a number")
    elif dv is not None: e("deal_value only with closed_won")
    k = lab.get("kpis", {})
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5): e("kpis effort")
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"): e("kpis resolution")
    return errs, False


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    files = []
    for a in args or [here]:
        if os.path.isdir(a):
            files += sorted(glob.glob(os.path.join(a, "tb_*.labels.json" if a == here else "*.labels.json")))
        else:
            files.append(a)
    bad = ok = skipped = 0
    for f in files:
        errs, skip = check(f)
        if skip: skipped += 1; continue
        if errs:
            bad += 1
            for x in errs: print("%s: %s" % (os.path.basename(f), x))
        else: ok += 1
    print("%d ok, %d bad, %d skipped (non-English)" % (ok, bad, skipped))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
