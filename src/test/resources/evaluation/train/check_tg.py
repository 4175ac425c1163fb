#!/usr/bin/env python3
"""Checks labelled calls (<id>.json + <id>.labels.json) against the testdata/calls label scheme.

Usage: check_tg.py [FILE_OR_DIR ...]   (default: the tg_*.labels.json next to this script)
Exit status 1 when any call has a problem.
"""
import glob, json, os, sys

DOMAINS = {"support", "csr", "field_sales", "mystery_shop", "voice_agent"}
PREFIX = {"sup": "support", "csr": "csr", "fs": "field_sales", "ms": "mystery_shop", "va": "voice_agent"}
DIRECTIONS = {"inbound", "outbound", "in_person"}
PII_TYPES = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
OBJ = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_KEYS = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]
QA_NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs"}
LABEL_KEYS = ["customer_sentiment", "sentiment_trend", "call_reason", "summary", "pii", "qa", "objections",
              "action_items", "booking_status", "qualification", "outcome", "deal_value", "kpis"]


def check(labels_path, english_only=False):
    errs = []
    tpath = labels_path[:-len(".labels.json")] + ".json"
    cid = os.path.basename(tpath)[:-5]
    try:
        t = json.load(open(tpath, encoding="utf-8"))
        lab = json.load(open(labels_path, encoding="utf-8"))
    except Exception as e:  # noqa
        return cid, ["parse: %s" % e], False
    if english_only and t.get("language") != "en-US":
        return cid, [], False
    e = errs.append
    if t.get("id") != cid:
        e("id %r != file id %r" % (t.get("id"), cid))
    dom = t.get("domain")
    if dom not in DOMAINS:
        e("bad domain %r" % dom)
    pre = cid.split("_")[1] if cid.startswith("tg_") else cid.split("_")[0]
    if cid.startswith("tg_") and PREFIX.get(pre) != dom:
        e("id prefix %r does not match domain %r" % (pre, dom))
    if t.get("language") not in ("en-US", "es-419"):
        e("bad language %r" % t.get("language"))
    if t.get("direction") not in DIRECTIONS:
        e("bad direction %r" % t.get("direction"))
    for k in ("agent", "customer"):
        if not isinstance(t.get(k), dict) or not t[k].get("name"):
            e("missing %s.name" % k)
    ph = (t.get("customer") or {}).get("phone")
    if ph is not None and not (isinstance(ph, str) and ph.startswith("+") and ph[1:].isdigit()):
        e("customer.phone not E.164: %r" % ph)
    turns = t.get("turns") or []
    if not turns:
        e("no turns")
    prev = None
    for i, tu in enumerate(turns):
        if tu.get("speaker") not in ("agent", "customer"):
            e("turn %d bad speaker" % i)
        if not isinstance(tu.get("text"), str) or not tu["text"].strip():
            e("turn %d empty text" % i)
        s, en = tu.get("start"), tu.get("end")
        if not isinstance(s, (int, float)) or not isinstance(en, (int, float)) or en <= s:
            e("turn %d bad times %r-%r" % (i, s, en))
        elif prev is not None and s < prev:
            e("turn %d not sorted by start" % i)
        prev = s if isinstance(s, (int, float)) else prev
    missing = [k for k in LABEL_KEYS if k not in lab]
    if missing:
        e("labels missing keys %s" % missing)
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"):
        e("bad customer_sentiment")
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"):
        e("bad sentiment_trend")
    cr = lab.get("call_reason")
    if not isinstance(cr, str) or not cr or not all(c.islower() or c.isdigit() or c == "_" for c in cr):
        e("call_reason not snake_case: %r" % cr)
    if not isinstance(lab.get("summary"), str) or not lab["summary"].strip():
        e("empty summary")
    for p in lab.get("pii") or []:
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns):
            e("pii turn out of range %r" % p)
            continue
        if p.get("type") not in PII_TYPES:
            e("pii bad type %r" % p)
        if not p.get("text") or p["text"] not in turns[ti]["text"]:
            e("pii text not in turn %d: %r" % (ti, p.get("text")))
    for o in lab.get("objections") or []:
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns):
            e("objection turn out of range %r" % o)
            continue
        if turns[ti]["speaker"] != "customer":
            e("objection on non-customer turn %d" % ti)
        if o.get("category") not in OBJ:
            e("objection bad category %r" % o)
    for a in lab.get("action_items") or []:
        if a.get("owner") not in ("agent", "customer") or not a.get("text"):
            e("bad action item %r" % a)
    qa = lab.get("qa") or {}
    if sorted(qa) != sorted(QA_KEYS):
        e("qa keys differ: %s" % sorted(set(qa) ^ set(QA_KEYS)))
    for k in QA_KEYS:
        v = qa.get(k)
        if v is None:
            if k not in QA_NULLABLE:
                e("qa.%s must be bool" % k)
        elif not isinstance(v, bool):
            e("qa.%s not bool/null: %r" % (k, v))
    interrupted = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
                      and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, len(turns)))
    if qa.get("interrupted_customer") is not interrupted:
        e("qa.interrupted_customer=%r but timing says %r" % (qa.get("interrupted_customer"), interrupted))
    bs = lab.get("booking_status")
    if bs not in (None, "booked", "not_booked", "service_not_offered"):
        e("bad booking_status %r" % bs)
    if dom in ("support", "field_sales") and bs is not None:
        e("booking_status must be null for %s" % dom)
    if dom in ("csr", "voice_agent") and bs is None:
        e("booking_status required for %s" % dom)
    if dom == "mystery_shop" and bs not in (None, "booked"):
        e("mystery_shop booking_status only null or booked")
    q = lab.get("qualification")
    if dom == "csr":
        if q not in ("hot", "warm", "cold", "unqualified"):
            e("csr needs qualification, got %r" % q)
    elif q is not None:
        e("qualification only for csr")
    out, dv = lab.get("outcome"), lab.get("deal_value")
    if dom == "field_sales":
        if out not in ("closed_won", "closed_lost", "open"):
            e("field_sales needs outcome, got %r" % out)
    elif out is not None:
        e("outcome only for field_sales")
    if out == "closed_won":
        if not isinstance(dv, (int, float)) or isinstance(dv, bool) or dv <= 0:
            e("closed_won needs numeric deal_value")
    elif dv is not None:
        e("deal_value only with closed_won")
    k = lab.get("kpis") or {}
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5):
        e("bad customer_effort_1to5")
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"):
        e("bad resolution")
    return cid, errs, True


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    english_only = False
    if "--english" in args:
        english_only = True
        args = [a for a in args if a != "--english"]
    paths = []
    for a in args or [here]:
        if os.path.isdir(a):
            pat = "tg_*.labels.json" if not args else "*.labels.json"
            paths += sorted(glob.glob(os.path.join(a, pat)))
        else:
            paths.append(a)
    bad = 0
    n = 0
    for p in paths:
        cid, errs, counted = check(p, english_only)
        if english_only and not counted:
            continue
        n += 1
        if errs:
            bad += 1
            for m in errs:
                print("%s: %s" % (cid, m))
    print("%d calls checked, %d with problems" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
