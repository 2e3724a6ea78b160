#!/usr/bin/env python3
"""Independent computation of qp-cohort's edges, connections, influence,
newcomers and welcomes tables (qunpipe(7) "Connections" and "Newcomers"),
with every event in memory, for tests/prop/crosscheck.sh.

    reference_edges.py ZONE events.csv OUTDIR NICKNAME_RE [roles.csv]

events.csv is the sorted events table (qp-cat -t events of the stream);
it writes OUTDIR/TABLE.csv without headers, as qp-cat --ids prints them.
"""
import csv
import os
import re
import sys
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo(sys.argv[1])
NICK = re.compile(sys.argv[4])
INTRO = re.compile("行业|岗位|期待|来自|大家好我是")
ORDER = ["owner", "admin", "assistant", "sales", "shill", "bot"]

roles = {}
if len(sys.argv) > 5:
    with open(sys.argv[5], encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            k = (row["group_id"], row["user_id"])
            if k not in roles or ORDER.index(row["role"]) < ORDER.index(roles[k]):
                roles[k] = row["role"]


def staff(g, u):
    return (g, u) in roles or ("*", u) in roles


def instant(ts):
    return int(datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp())


def month(t):
    d = datetime.fromtimestamp(t, ZONE)
    return d.year * 12 + d.month - 1


def mstr(m):
    return "%04d-%02d" % (m // 12, m % 12 + 1)


def rate(a, b):
    if b == 0:
        return ""
    # round half to even on the exact ratio, as qp_csv_rate
    from fractions import Fraction
    x = Fraction(a, b) * 10000
    n = int(x)
    r = x - n
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and n % 2 == 1):
        n += 1
    return "%d.%04d" % (n // 10000, n % 10000)


def median(v):
    v = sorted(v)
    n = len(v)
    if n == 0:
        return ""
    if n % 2:
        return str(v[n // 2])
    s = v[n // 2 - 1] + v[n // 2]
    return "%d%s" % (s // 2, ".5" if s % 2 else "")


QWORDS = ["请问", "怎么", "如何", "有没有", "求助", "求推荐", "为什么", "吗？",
          "anyone know", "how do i", "how to ", "can someone", "help me"]


def is_question(text):
    t = text.rstrip(" \n\r\t")
    return t.endswith("?") or t.endswith("？") or \
        any(w in text.lower() if w.isascii() else w in text for w in QWORDS)


def is_ugc(media, text):
    """Seed 004, as tests/prop/reference.py reads it."""
    if media in ("image", "file"):
        return True
    words = text.replace("\r", " ").replace("\n", " ").replace("\t", " ").split(" ")
    if media == "link" or any("http://" in w or "https://" in w for w in words):
        own = 0
        for w in words:
            for p in ("http://", "https://"):
                if p in w:
                    w = w[:w.index(p)]
            own += len(w)
        return own >= 20
    return len(text) >= 50 and not is_question(text)


events = defaultdict(list)
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    for e in csv.DictReader(f):
        if e["group_id"]:
            events[e["group_id"]].append(e)

out = defaultdict(list)
for g in sorted(events, key=lambda s: s.encode()):
    opened, m0, m1, name = {}, {}, {}, {}
    seen = set()
    author = {}
    edges = defaultdict(int)          # (month, from, to, kind) -> count
    speakers = set()
    ncs = []
    latest = {}
    months = []
    for e in events[g]:
        u = e["user_id"]
        if not u:
            continue
        t = instant(e["ts"])
        m = month(t)
        months.append(m)
        if e["user"]:
            name[u] = e["user"]
        k = e["kind"]
        first_seen = u not in seen
        seen.add(u)
        if k == "join" and not opened.get(u):
            opened[u] = True
            m0.setdefault(u, m)
            m1[u] = None
            if not staff(g, u):
                ncs.append({"u": u, "t": t, "m": m, "ts": e["ts"],
                            "welcome": None, "first": False,
                            "intro": False, "ugc": False})
                latest[u] = ncs[-1]
        elif k in ("message", "rename") and not opened.get(u):
            opened[u] = True
            m0.setdefault(u, m)
            m1[u] = None
        elif k in ("leave", "remove"):
            if opened.get(u):
                opened[u] = False
                m1[u] = m
            elif first_seen:
                m0.setdefault(u, m)
                m1[u] = m
        if k != "message":
            continue
        a = author.get(e["reply_to"]) if e["reply_to"] else None
        ments = [x for x in e.get("mentions", "").split(" ") if x]
        if e["msg_id"]:
            author[e["msg_id"]] = u
        text = e["text"]
        for n in ncs:
            if n["welcome"] is not None or n["u"] == u or t - n["t"] > 86400:
                continue
            nm = name.get(n["u"], "")
            if a == n["u"] or n["u"] in ments or (
                    text and len(nm) >= 2 and nm in text):
                n["welcome"] = t
        if staff(g, u):
            continue
        speakers.add((m, u))
        if a is not None and a != u and not staff(g, a):
            edges[(m, u, a, 0)] += 1
        for x in ments:
            if x != u and not staff(g, x):
                edges[(m, u, x, 1)] += 1
        n = latest.get(u)
        if n is not None:
            if not n["first"]:
                n["first"] = True
                n["intro"] = t - n["t"] <= 72 * 3600 and (
                    len(text) >= 30 or INTRO.search(text) is not None)
            if not n["ugc"] and t - n["t"] <= 7 * 86400:
                n["ugc"] = is_ugc(e["media"], text)

    def member(x, m):
        return not staff(g, x) and x in m0 and m0[x] <= m and (
            m1[x] is None or m1[x] >= m)

    users = sorted(seen | {x for (_, _, x, _) in edges}, key=lambda s: s.encode())
    if months:
        for m in range(min(months), max(months) + 1):
            mem = [x for x in users if member(x, m)]
            if not mem:
                continue
            sp = {x for x in mem if (m, x) in speakers}
            pairs = {tuple(sorted((f, to))) for (mm, f, to, _) in edges if mm == m}
            spairs = sum(1 for p in pairs if p[0] in sp and p[1] in sp)
            conn = {x for p in pairs for x in p if member(x, m)}
            poss = len(sp) * (len(sp) - 1) // 2
            out["connections"].append([
                mstr(m), g, len(mem), len(sp), len(pairs), spairs,
                rate(spairs, poss), "%.2f" % (2.0 * len(pairs) / len(mem)),
                len(conn), rate(len(conn), len(mem)), poss])
    tot = defaultdict(int)
    for (m, f, to, k), c in edges.items():
        tot[(f, to, k)] += c
    reach, ans = defaultdict(set), defaultdict(set)
    rin, min_ = defaultdict(int), defaultdict(int)
    for (f, to, k) in sorted(tot, key=lambda x: (x[0].encode(), x[1].encode(), x[2])):
        out["edges"].append([g, f, to, ["reply", "mention"][k], tot[(f, to, k)]])
        reach[to].add(f)
        if k == 0:
            ans[f].add(to)
            rin[to] += tot[(f, to, k)]
        else:
            min_[to] += tot[(f, to, k)]
    for x in sorted(set(reach) | set(ans), key=lambda s: s.encode()):
        out["influence"].append([g, x, name.get(x, ""), len(reach[x]),
                                 len(ans[x]), rin[x], min_[x]])
    for n in ncs:
        nick = NICK.search(name.get(n["u"], "")) is not None
        out["newcomers"].append([
            g, n["u"], name.get(n["u"], ""), n["ts"],
            int(n["welcome"] is not None),
            "" if n["welcome"] is None else n["welcome"] - n["t"],
            int(n["intro"]), int(nick), int(n["ugc"])])
    i = 0
    while i < len(ncs):
        j = i
        while j < len(ncs) and ncs[j]["m"] == ncs[i]["m"]:
            j += 1
        grp = ncs[i:j]
        nw = len(grp)
        d = [n["welcome"] - n["t"] for n in grp if n["welcome"] is not None]
        intro = sum(n["intro"] for n in grp)
        ugc = sum(n["ugc"] for n in grp)
        nick = sum(NICK.search(name.get(n["u"], "")) is not None for n in grp)
        out["welcomes"].append([
            mstr(ncs[i]["m"]), g, nw, len(d), rate(len(d), nw), median(d),
            intro, rate(intro, nw), nick, rate(nick, nw), ugc, rate(ugc, nw),
            nw - len(d)])
        i = j

os.makedirs(sys.argv[3], exist_ok=True)
for t in ("edges", "connections", "influence", "newcomers", "welcomes"):
    with open(os.path.join(sys.argv[3], t + ".csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in out[t]:
            w.writerow(r)
