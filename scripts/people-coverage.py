#!/usr/bin/env python3
"""Which offices of the most newsworthy countries have no holder in data/actors/people?

Reads the people files (`Name | aliases | CODE FROM..TO [ROLE]; ... [| CODE]`) and, for each
country below and each office (HOS head of state, HOG head of government, FM foreign,
DM defence, IM interior minister), prints the periods of WINDOW that no tenure tagged with
that office covers. Tags are joined by + ("HOS+HOG" for a president who heads the
government). Gaps shorter than --min-days (handovers, short acting spells) are ignored.

    scripts/people-coverage.py            # gaps per country and office, then a summary
    scripts/people-coverage.py --summary  # the summary only
    scripts/people-coverage.py RUS UKR    # some countries only
    scripts/people-coverage.py --collisions  # surnames that need the full name

It also warns when two people hold the same office of a country at once (beyond a shared
handover month): usually a wrong date. Standard library only.
"""

import argparse
import calendar
import datetime as dt
import glob
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WINDOW = (dt.date(2000, 1, 1), dt.date(2026, 12, 1))
ROLES = ["HOS", "HOG", "FM", "DM", "IM"]

# ~85 countries: the G20, the permanent members of the Security Council, the Middle East
# and North Africa, and the main conflict countries of 2000-2026.
COUNTRIES = """
USA CHN RUS GBR FRA DEU JPN IND BRA ARG MEX CAN AUS KOR IDN ZAF ITA TUR SAU ESP
EGY ISR PSE IRN IRQ SYR JOR LBN YEM LBY SDN TUN DZA MAR QAT ARE KWT OMN
NGA SSD SOM ETH ERI KEN COD CAF MLI BFA NER TCD MOZ UGA RWA ZWE CIV CMR
AFG PAK BGD LKA MMR THA PHL PRK TWN 
VEN COL CUB BOL ECU PER CHL NIC HTI
UKR BLR POL HUN SRB KSV GEO ARM AZE KAZ UZB KGZ TJK MDA
""".split()

# Offices that do not exist (or are not the country's own) in part of the window, so that
# they are not reported as gaps: (country, role, from, to, why).
NOT_AN_OFFICE = [
    ("CAN", "HOS", "2000", "2026", "the British monarch"),
    ("AUS", "HOS", "2000", "2026", "the British monarch"),
    ("USA", "IM", "2000", "2003-01-23", "no Department of Homeland Security yet"),
    ("JPN", "IM", "2000", "2026", "no interior ministry (police: National Public Safety Commission)"),
    ("AUS", "IM", "2000", "2017-12-19", "no Home Affairs department yet"),
    ("TUR", "HOG", "2018-07-09", "2026", "no prime minister since 2018"),
    ("KSV", "HOS", "2000", "2002-03-03", "UN administration"),
    ("KSV", "HOG", "2000", "2002-03-03", "UN administration"),
    ("KSV", "FM", "2000", "2008-02-16", "UN administration"),
    ("KSV", "DM", "2000", "2019-03-03", "UN administration, then no army"),
    ("KSV", "IM", "2000", "2005-12-31", "UN administration; policing stayed an UNMIK reserved power until the Ministry of Internal Affairs was created at the end of 2005"),
    ("IRQ", "HOS", "2003-04-10", "2004-06-27", "Coalition Provisional Authority"),
    ("IRQ", "HOG", "2003-04-10", "2004-06-27", "Coalition Provisional Authority"),
    ("LBN", "HOS", "2007-11-24", "2008-05-24", "vacant"),
    ("LBN", "HOS", "2014-05-26", "2016-10-30", "vacant"),
    ("LBN", "HOS", "2022-10-31", "2025-01-08", "vacant"),
    ("PSE", "HOG", "2000", "2003-03-18", "no prime minister before 2003"),
    ("PSE", "DM", "2000", "2026", "no defence ministry"),
    ("BRA", "IM", "2000", "2026", "no interior ministry since 1990; the Federal Police answer to the Justice minister"),
    ("COD", "HOG", "2000", "2006-12-29", "no prime minister under the 1997-2006 transitional regimes"),
    ("TCD", "HOG", "2018-05-04", "2021-04-25", "post abolished by the 2018 constitution"),
    ("SOM", "HOS", "2000", "2000-08-26", "no central government before the Arta conference"),
    ("SOM", "HOG", "2000", "2000-10-07", "no central government before the Arta conference"),
    ("HTI", "HOS", "2021-07-08", "2024-04-24", "vacant after Moise's assassination; the prime minister governed"),
    ("CHN", "DM", "2023-10-25", "2023-12-28", "vacant between Li Shangfu's removal and Dong Jun"),
    ("SDN", "HOG", "2019-04-11", "2019-08-20", "no prime minister under the Transitional Military Council"),
    ("TUN", "HOG", "2021-07-26", "2021-10-10", "vacant after Saied dismissed Mechichi"),
    ("HUN", "IM", "2006-06-09", "2010-05-28", "interior ministry dissolved; police under the Justice and Law Enforcement ministry"),
    ("IRQ", "FM", "2003-04-10", "2003-09-02", "Coalition Provisional Authority; Governing Council ministers from September 2003"),
    ("IRQ", "DM", "2003-04-10", "2003-09-02", "Coalition Provisional Authority; Governing Council ministers from September 2003"),
    ("IRQ", "IM", "2003-04-10", "2003-09-02", "Coalition Provisional Authority; Governing Council ministers from September 2003"),
    ("IRQ", "IM", "2014-09-08", "2014-10-17", "vacant until parliament confirmed al-Abadi's interior minister"),
    ("IRQ", "DM", "2016-08-26", "2017-01-29", "vacant after parliament dismissed al-Obeidi; the prime minister acted"),
    ("IRQ", "IM", "2016-07-05", "2017-01-29", "vacant after al-Ghabban resigned; the prime minister acted"),
    ("IRQ", "DM", "2018-10-25", "2019-06-23", "vacant until parliament confirmed Abdul-Mahdi's defence minister"),
    ("IRQ", "IM", "2018-10-25", "2019-06-23", "vacant until parliament confirmed Abdul-Mahdi's interior minister"),
    ("PSE", "FM", "2000", "2003-03-31", "no PA foreign ministry before 2003 (PLO political department)"),
    ("LBY", "HOS", "2012-08-09", "2016-03-29", "no head of state: the presidents of the GNC, then of the House of Representatives, acted (coded as legislators)"),
    ("ETH", "IM", "2000", "2018-10-15", "no interior ministry: police and regional affairs under the Federal Affairs ministry (the Peace ministry from 2018)"),
    ("ARM", "IM", "2003", "2022-12-31", "no interior ministry: the Police of Armenia reported to the government until the ministry was re-created in 2023"),
    ("PRK", "FM", "2007-01-03", "2007-04-30", "vacant after Paek Nam-sun's death"),
    ("NGA", "FM", "2003-05-29", "2003-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2003-05-29", "2003-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2003-05-29", "2003-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "FM", "2007-05-29", "2007-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2007-05-29", "2007-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2007-05-29", "2007-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "FM", "2011-05-29", "2011-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2011-05-29", "2011-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2011-05-29", "2011-06-30", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "FM", "2015-05-29", "2015-11-10", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2015-05-29", "2015-11-10", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2015-05-29", "2015-11-10", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "FM", "2019-05-29", "2019-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2019-05-29", "2019-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2019-05-29", "2019-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "FM", "2023-05-29", "2023-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "DM", "2023-05-29", "2023-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("NGA", "IM", "2023-05-29", "2023-08-20", "no ministers until the new cabinet was sworn in (permanent secretaries ran the ministries)"),
    ("YEM", "DM", "2015-04-01", "2018-11-06", "vacant while al-Subaihi was held by the Houthis"),
    ("SDN", "HOG", "2022-01-03", "2025-04-29", "vacant after Hamdok resigned; caretaker ministers ran the cabinet"),
    ("RWA", "IM", "2016-10-05", "2019-11-03", "internal security ministry abolished; its duties went to the Justice ministry"),
    ("HTI", "DM", "2000", "2011-10-17", "no defence ministry: the army was disbanded in 1995; the ministry was revived under Martelly"),
    ("KOR", "IM", "2024-12-09", "2025-06-30", "vacant after Lee Sang-min resigned over the martial law; the vice-minister acted"),
    ("DZA", "DM", "2019-04-03", "2019-12-18", "held by the president; vacant under the interim head of state (deputy minister Gaid Salah ran it)"),
    ("KOR", "FM", "2010-09-05", "2010-10-07", "vacant after Yu Myung-hwan resigned over his daughter's hiring; the vice-minister acted"),
    ("TUN", "DM", "2021-07-27", "2021-10-10", "vacant after Saied dismissed Bartagi with Mechichi"),
    ("ARG", "IM", "2024-05-28", "2025-09-09", "interior ministry folded into the chief of cabinet's office until it was re-created in September 2025"),
    ("NIC", "DM", "2007-01-10", "2014-01-31", "no defence minister after Ortega's return; the ministry's secretary general ran it until Ruiz Sevilla was named in 2014"),
    ("RWA", "IM", "2020-04-28", "2021-12-09", "vacant after Nyamvumba's dismissal; the police answered to the Justice ministry until Gasana"),
    ("MDA", "DM", "2017-01-01", "2018-01-09", "vacant after Salaru's dismissal: Dodon refused the government's nominee until the Constitutional Court suspended him and Sturza was appointed"),
    ("SDN", "DM", "2020-03-26", "2020-05-31", "vacant after Jamal al-Din Omar died in Juba; Yassin Ibrahim Yassin was named in June 2020"),
    ("NGA", "DM", "2008-10-30", "2008-12-16", "Yar'Adua dissolved the cabinet on 29 October 2008; no defence minister until the new ministers were sworn in"),
    ("NGA", "DM", "2013-10-01", "2014-02-28", "vacant after Jonathan dismissed Olusola Obada in September 2013 until Aliyu Gusau was sworn in"),
    ("IRN", "IM", "2008-06-01", "2008-07-31", "vacant after Ahmadinejad dismissed Pourmohammadi until parliament confirmed Ali Kordan"),
    ("YEM", "HOG", "2014-09-25", "2014-11-08", "vacant after Basindawa resigned; Bahah, named in October, took office with his government in November"),
    ("SOM", "HOG", "2010-10-01", "2010-10-31", "vacant after Sharmarke resigned in September; Farmajo was named in October and confirmed at the end of the month"),
    ("AFG", "IM", "2013-07-23", "2013-08-31", "vacant after parliament dismissed Patang; Daudzai took over in September"),
    ("TUN", "FM", "2020-08-01", "2020-08-31", "vacant after Saied dismissed Erray; the ministry's secretary of state acted until Jerandi"),
    ("LBY", "DM", "2014-09-22", "2016-03-29", "al-Thinni's second government had no defence minister (the chief of staff ran the army) until the GNA"),
] + [(c, r, a, b, why) for (c, a, b, why) in [
    ("THA", "2014-05-22", "2014-08-30", "NCPO junta: no cabinet between the May 2014 coup and Prayut's government"),
    ("MLI", "2020-08-18", "2020-10-04", "CNSP junta: no ministers between the August 2020 coup and the transitional government of 5 October 2020"),
    ("BFA", "2022-01-24", "2022-03-04", "no ministers between the January 2022 coup and Damiba's government of March 2022"),
] for r in ["FM", "DM", "IM"]] + [("SSD", r, "2000", "2011-07-08", "not independent") for r in ROLES] + [
    ("AFG", r, "2000", "2001-12-21", "Taliban emirate, coded IMGTAL") for r in ROLES]


def parse_date(s, end):
    """YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the last day of a year or month."""
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        last = calendar.monthrange(y, m)[1]
        return dt.date(y, m, last if end else 1)
    return dt.date(*parts)


def read_people():
    """[(name, file, line, code, from, to, roles)] for every tagged tenure."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data/actors/people/*.txt"))):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("|")]
            for t in cols[2].split(";"):
                words = t.split()
                if len(words) < 3:
                    continue
                code, rng, tag = words[:3]
                a, b = rng.split("..")
                frm = parse_date(a, False) if a else dt.date(1900, 1, 1)
                to = parse_date(b, True) if b else WINDOW[1]
                out.append((cols[0], os.path.basename(path), n, code, frm, to, tag.split("+")))
    return out


def read_names():
    """[(name, [aliases], [(from, to)])] for every person."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data/actors/people/*.txt"))):
        for line in open(path, encoding="utf-8"):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("|")]
            spans = []
            for t in cols[2].split(";"):
                words = t.split()
                if len(words) >= 2 and not words[0].endswith("ELI"):
                    a, b = words[1].split("..")
                    spans.append((parse_date(a, False) if a else dt.date(1900, 1, 1),
                                  parse_date(b, True) if b else WINDOW[1]))
            aliases = [a.strip() for a in cols[1].split(";") if a.strip()]
            out.append((cols[0], aliases, spans))
    return out


def collisions():
    """One-word explicit aliases that take another person's surname (the alias always
    wins, whoever is in office), and surnames shared by two people in office at once
    (the coder then needs the full name)."""
    people = read_names()
    key = lambda w: w.lower().replace("al-", "").replace("el-", "")
    surname = {}
    for name, _, spans in people:
        if len(name.split()) > 1:
            surname.setdefault(key(name.split()[-1]), []).append((name, spans))
    for name, aliases, spans in people:
        for a in aliases:
            if " " in a:
                continue
            for other, ospans in surname.get(key(a), []):
                if other != name and any(t >= WINDOW[0] for _, t in ospans):
                    print(f"alias {a!r} of {name} hides {other}")
    for s_, holders in sorted(surname.items()):
        for i, (n1, sp1) in enumerate(holders):
            for n2, sp2 in holders[i + 1:]:
                both = [(max(a1, a2), min(b1, b2)) for a1, b1 in sp1 for a2, b2 in sp2
                        if max(a1, a2) <= min(b1, b2) and min(b1, b2) >= WINDOW[0]]
                if both:
                    a, b = both[0]
                    print(f"surname {s_!r}: {n1} and {n2} both in office {a}..{b}")


def merge(spans):
    spans = sorted(spans)
    out = []
    for a, b in spans:
        if out and a <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def gaps(covered, lo, hi, min_days):
    out = []
    cur = lo
    for a, b in merge(covered):
        if a > cur:
            out.append((cur, min(a - dt.timedelta(days=1), hi)))
        cur = max(cur, b + dt.timedelta(days=1))
        if cur > hi:
            break
    if cur <= hi:
        out.append((cur, hi))
    return [(a, b) for a, b in out if a <= b and (b - a).days + 1 >= min_days]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("countries", nargs="*", help="alpha-3 codes (default: the built-in list)")
    ap.add_argument("--min-days", type=int, default=30)
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--collisions", action="store_true",
                    help="list surname clashes instead of gaps")
    args = ap.parse_args()
    if args.collisions:
        collisions()
        return
    countries = args.countries or COUNTRIES
    tenures = read_people()
    lo, hi = WINDOW
    with_gaps = 0
    gap_days = 0
    lines = []
    for c in countries:
        for r in ROLES:
            spans = [(max(f, lo), min(t, hi)) for (_, _, _, code, f, t, roles) in tenures
                     if code[:3] == c and r in roles and t >= lo and f <= hi]
            skip = [(parse_date(a, False), parse_date(b, True))
                    for (cc, rr, a, b, _) in NOT_AN_OFFICE if cc == c and rr == r]
            g = gaps(spans + skip, lo, hi, args.min_days)
            if g:
                with_gaps += 1
                gap_days += sum((b - a).days + 1 for a, b in g)
                lines.append(f"{c} {r:3} " + ", ".join(f"{a}..{b}" for a, b in g))
        # The same office held by two people at once, beyond a month.
        for r in ROLES:
            held = sorted((f, t, name) for (name, _, _, code, f, t, roles) in tenures
                          if code[:3] == c and r in roles and t >= lo and f <= hi)
            for i, (f1, t1, n1) in enumerate(held):
                for f2, t2, n2 in held[i + 1:]:
                    if n1 != n2 and f2 < t1 - dt.timedelta(days=31) and f1 < t2:
                        print(f"warning: {c} {r} {n1} ({f1}..{t1}) and {n2} ({f2}..{t2})",
                              file=sys.stderr)
    if not args.summary:
        print("\n".join(lines))
    total = len(countries) * len(ROLES)
    people = set((name) for (name, *_rest) in tenures)
    print(f"{len(countries)} countries x {len(ROLES)} offices: {with_gaps} of {total} with gaps "
          f"of {args.min_days}+ days in {lo}..{hi}, {gap_days / 365.25:.1f} office-years "
          f"missing; {len(tenures)} tagged tenures of {len(people)} people")


if __name__ == "__main__":
    main()
