#!/usr/bin/env python3
"""Group claimx's misses on a PolNeAR split, for error analysis.

    python benchmarks/polnear_errors.py SPLIT_DIR PRED.jsonl [--examples 3]

Each gold attribution that no predicted claim matches (token F1 >= 0.5, as the
scorer counts) is either *unfound* (no prediction overlaps its content) or a
*boundary* miss (a prediction overlaps but covers too little or too much).
Unfound ones are grouped by their gold cue; false alarms by claimx's rule.
With --sources, found attributions whose speaker_mention misses the gold Source are
grouped instead: by claimx's rule, whether the cue matched, and what was taken
(nothing, a relative pronoun, a pronoun for a name, a name for a pronoun, other).
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

TOKEN = re.compile(r"\w+")


def toks(text):
    return [t.lower() for t in TOKEN.findall(text)]


def tf1(a, b):
    ta, tb = toks(a), toks(b)
    if not ta or not tb:
        return 0.0
    pool = collections.Counter(ta)
    hit = 0
    for t in tb:
        if pool[t]:
            hit += 1
            pool[t] -= 1
    return 0.0 if not hit else 2 * hit / (len(ta) + len(tb))


def match(gold_texts: list[str], pred_texts: list[str]) -> dict[int, int]:
    """Gold index → prediction index, one-to-one, best token F1 first, as the scorer pairs them."""
    pairs = sorted(((tf1(g, p), gi, pi) for gi, g in enumerate(gold_texts) for pi, p in enumerate(pred_texts)),
                   reverse=True)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for f, gi, pi in pairs:
        if f < 0.5:
            break
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def split_docs(split: Path) -> dict[str, Path]:
    """Each article's gold file (the first annotator's, in name order, as the scorer takes it)."""
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return anns


def read_gold(ann: Path):
    spans, events = {}, []
    lines = []
    for line in ann.read_text(encoding="utf-8").split("\n"):
        if lines and line and "\t" not in line:
            lines[-1] += " " + line  # annotated text broken over lines
        else:
            lines.append(line)
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, p.split())) for p in offs.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            roles = collections.defaultdict(list)
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles[role.rstrip("0123456789")].append(tid)
            events.append(roles)
    gold = []
    for ev in events:
        content = [s for t in ev.get("Content", []) for s in spans.get(t, [])]
        if content:
            gold.append({"content": content,
                         "cue": [s for t in ev.get("Cue", []) for s in spans.get(t, [])],
                         "source": [s for t in ev.get("Source", []) for s in spans.get(t, [])]})
    return gold


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sources", action="store_true", help="group wrong sources instead of content misses")
    args = ap.parse_args(argv)
    if args.sources:
        return source_report(args)
    preds = {}
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        preds[Path(r["source"]).stem] = r
    anns = split_docs(args.split)
    unfound, boundary, false_alarm = collections.defaultdict(list), [], collections.defaultdict(list)
    totals = collections.Counter()
    for doc, ann in sorted(anns.items()):
        text = (args.split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann)
        claims = preds.get(doc, {}).get("claims", [])
        gtext = [" ".join(text[s:e] for s, e in g["content"]) for g in gold]
        ptext = [text[c["start"]:c["end"]] for c in claims]
        matched = match(gtext, ptext)
        gu, pu = set(matched), set(matched.values())
        for gi, g in enumerate(gold):
            if gi in gu:
                continue
            lo, hi = min(s for s, _ in g["content"]), max(e for _, e in g["content"])
            cue = " ".join(text[s:e] for s, e in g["cue"]).lower() or "<no cue>"
            overlapping = [c for c in claims if c["start"] < hi and lo < c["end"]]
            if overlapping:
                boundary.append((doc, cue, gtext[gi], [text[c["start"]:c["end"]] for c in overlapping]))
            else:
                ctx = text[max(0, lo - 80):hi + 40].replace("\n", " ")
                unfound[cue].append((doc, ctx))
        for pi, c in enumerate(claims):
            if pi not in pu:
                false_alarm[c.get("rule") or "?"].append((doc, (c["cue"] or {}).get("text"), ptext[pi]))
        totals["gold"] += len(gold)
        totals["pred"] += len(claims)
    print(f"gold {totals['gold']}  pred {totals['pred']}  unfound {sum(map(len, unfound.values()))}  "
          f"boundary {len(boundary)}  false alarms {sum(map(len, false_alarm.values()))}")
    print("\n## unfound, by gold cue")
    for cue, items in sorted(unfound.items(), key=lambda kv: -len(kv[1]))[: args.top]:
        print(f"{len(items):5}  {cue!r}")
        for doc, ctx in items[: args.examples]:
            print(f"         {ctx[:220]!r}")
    print("\n## false alarms, by rule")
    for rule, items in sorted(false_alarm.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5}  {rule}")
        for doc, cue, t in items[: args.examples + 2]:
            print(f"         [{cue}] {t[:160]!r}")
    print("\n## boundary misses (sample)")
    for doc, cue, g, ps in boundary[: args.top]:
        print(f"  [{cue}] gold {g[:150]!r}\n         pred {ps[0][:150]!r}")
    return 0


PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their", "me"}


def source_kind(gold: str, pred: str | None) -> str:
    if pred is None:
        return "no mention"
    g, p = gold.lower(), pred.lower()
    if p in ("who", "that", "which"):
        return "relative pronoun"
    if p in PRONOUNS and g not in PRONOUNS:
        return "pronoun, gold a name"
    if g in PRONOUNS and p not in PRONOUNS:
        return "name, gold a pronoun"
    return "other"


def source_report(args) -> int:
    """Wrong sources among found attributions, grouped by rule, cue agreement and what was taken."""
    preds = {Path(json.loads(line)["source"]).stem: json.loads(line)
             for line in args.pred.read_text(encoding="utf-8").splitlines() if line.strip()}
    groups, right, total = collections.defaultdict(list), 0, 0
    for doc, ann in sorted(split_docs(args.split).items()):
        text = (args.split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann)
        claims = preds.get(doc, {}).get("claims", [])
        matched = match([" ".join(text[s:e] for s, e in g["content"]) for g in gold],
                        [text[c["start"]:c["end"]] for c in claims])
        for gi, pi in matched.items():
            g, c = gold[gi], claims[pi]
            if not g["source"]:
                continue
            total += 1
            m = c.get("speaker_mention")
            if m and any(a < m["end"] and m["start"] < b for a, b in g["source"]):
                right += 1
                continue
            cue = c.get("cue") or {}
            cue_ok = any(a < cue.get("end", -1) and cue.get("start", -1) < b for a, b in g["cue"])
            gs = " ".join(text[a:b] for a, b in g["source"])
            ps = text[m["start"]:m["end"]] if m else None
            key = f"{c.get('rule')}, cue {'right' if cue_ok else 'wrong'}, {source_kind(gs, ps)}"
            lo = min([a for a, _ in g["source"]] + [c["start"]])
            groups[key].append((doc, gs, ps, text[max(0, lo - 40):lo + 200].replace("\n", " ")))
    print(f"sources right {right} of {total}")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[: args.top]:
        print(f"{len(items):5}  {key}")
        for doc, gs, ps, ctx in items[: args.examples]:
            print(f"         gold {gs[:60]!r} taken {ps and ps[:60]!r}  {ctx[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
