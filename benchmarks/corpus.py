"""A synthetic news corpus for timing extractors: fixed seed, invented companies and people, no copied text.

Articles mix what the extractor must read (money, ranges, percentages, counts, power, durations, dates,
quotes with speakers, pronoun speakers, multi-paragraph quotes) with what it must skip (versions, phone
numbers, times of day, URLs, list numbering, scare quotes, page furniture), so that the time measured is
the time of a realistic mix, not of a best case. The same seed always gives the same text.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Iterator

COMPANIES = [
    "Halvorsen Robotics", "Brightwater Energy", "Quillon Systems", "Marrow & Finch", "Tessaract Labs",
    "Norcastle Bank", "Ostrava Grid", "Pellucid AI", "Kestrel Semiconductors", "Vantor Logistics",
    "Ambergate Pharma", "Lumen Harbor", "Caldera Cloud", "Redfern Motors", "Sable Island Foods",
    "Northmere Insurance", "Greywing Aerospace", "Tolland Water", "Juniper Shore Capital", "Orrin Health",
]
FIRST = [
    "Maren", "Dev", "Priya", "Tomasz", "Ines", "Kwame", "Lucia", "Henrik", "Aiko", "Samuel", "Fatima",
    "Oliver", "Rosa", "Yusuf", "Clara", "Mateo", "Hannah", "Ravi", "Elena", "Jonas",
]
LAST = [
    "Okafor", "Lindqvist", "Ramaswamy", "Kowalczyk", "Ferreira", "Mensah", "Bianchi", "Aalto", "Tanaka",
    "Whitcombe", "Haddad", "Brennan", "Castellanos", "Demir", "Vogel", "Ibarra", "Strand", "Nair",
    "Petrova", "Achterberg",
]
ROLES = [
    "chief executive", "chief financial officer", "head of research", "president", "chief operating officer",
    "general counsel", "head of investor relations", "chief technology officer",
]
OUTLETS = ["Harbor Wire", "the Meridian Post", "the Daily Ledger", "Capital Desk", "Northfield Radio"]
ANALYST_FIRMS = ["Greyhaven Research", "Albright Securities", "Pinecrest Partners", "Sundial Analytics"]
CUES = ["said", "told reporters", "said in a statement", "wrote in a memo", "added", "said on a call"]
TOPICS = [
    "data centres", "battery storage", "chip supply", "cloud contracts", "grid upgrades", "drug trials",
    "freight routes", "satellite launches", "insurance claims", "retail sales",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SPELLED = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen",
           "twenty", "fifty"]
QUALIFIERS = ["up to", "about", "around", "roughly", "nearly", "almost", "more than", "over", "at least",
              "some", "as much as", ""]
NOUNS = ["customers", "employees", "stores", "chips", "vehicles", "subscribers", "patients", "servers",
         "households", "flights", "contracts", "engineers"]
PRODUCTS = ["Atlas 4.5", "Nimbus-2", "Vector X3", "Orbit 17 Pro", "Helix OS 11", "Quarry v2.1"]

QUOTE_BODIES = [
    "We think the demand is real and it is not going away",
    "This is the largest bet we have ever made, and we made it with our eyes open",
    "Nobody on the board wanted to wait another year",
    "Our customers asked for more capacity and we are giving it to them",
    "The numbers speak for themselves, but the hard part is still ahead",
    "We will keep spending as long as the returns hold up",
    "I would not call it a gamble; it is a plan with a budget",
    "Frankly, the supply chain is the thing that keeps me up at night",
    "It is a good deal for both sides and a better one for our shareholders",
    "We expect the first sites to come online within eighteen months",
    "There is no version of the next decade in which this market shrinks",
    "We are not in a hurry to sell, and we are not in a hurry to buy",
]
QUOTE_TAILS = [
    "Every quarter we wait costs us ground",
    "That is why we signed now rather than later",
    "We have said this before, and we mean it",
    "The staff have done remarkable work",
]
SCARE = ["transformative", "historic", "unprecedented", "bubble", "moonshot", "frothy"]


def _money(r: random.Random) -> str:
    n = r.choice([1, 2, 3, 4, 5, 7.5, 10, 12, 15, 20, 25, 40, 50, 120, 300, 450])
    scale = r.choice(["million", "billion", "bn", "m", "trillion", ""])
    style = r.randrange(9)
    if style == 0:
        return f"US${n} {scale or 'million'}"
    if style == 1:
        return f"€{n}{'m' if scale in ('m', '') else ' ' + scale}"
    if style == 2:
        return f"£{n} {scale or 'million'}"
    if style == 3:
        return f"USD {n}{'m' if r.random() < 0.5 else 'bn'}"
    if style == 4:
        return f"{n} billion euros"
    if style == 5:
        return f"{r.choice(SPELLED)} {r.choice(['million', 'billion'])} dollars"
    if style == 6:
        return f"${r.randrange(1, 999)},{r.randrange(100, 999)},000"
    if style == 7:
        return f"¥{n} {scale or 'billion'}"
    return f"${n}{'' if scale in ('bn', 'm') else ' '}{scale or 'million'}".rstrip()


def _range(r: random.Random) -> str:
    a = r.randrange(2, 40)
    b = a + r.randrange(1, 20)
    style = r.randrange(5)
    if style == 0:
        return f"${a}-{b} billion"
    if style == 1:
        return f"${a}–{b} trillion"
    if style == 2:
        return f"between ${a} million and ${b} million"
    if style == 3:
        return f"from {a} to {b} dollars"
    return f"{a}% to {b}%"


def _pct(r: random.Random) -> str:
    v = r.choice(["3.5", "12", "0.8", "27", "40", "6", "1.25"])
    return r.choice([f"{v}%", f"{v} percent", f"{v} per cent", f"{v} percentage points"])


def _count(r: random.Random) -> str:
    noun = r.choice(NOUNS)
    style = r.randrange(4)
    if style == 0:
        return f"{r.randrange(2, 999)},{r.randrange(100, 999)} {noun}"
    if style == 1:
        return f"{r.choice(['1', '2.5', '4', '12'])} million {noun}"
    if style == 2:
        return f"a million {noun}"
    return f"{r.choice(SPELLED)} {noun}"


def _power(r: random.Random) -> str:
    return r.choice([f"{r.choice(['1', '1.5', '2', 'one', 'five'])} gigawatts",
                     f"{r.randrange(50, 900)} MW", f"{r.randrange(1, 40)} GWh", "one gigawatt"])


def _when(r: random.Random) -> str:
    return r.choice([f"on {r.choice(DAYS)}", "next year", f"in {r.randrange(2015, 2031)}", "last quarter",
                     f"on {r.choice(MONTHS)} {r.randrange(1, 29)}, {r.randrange(2019, 2027)}",
                     "in the third quarter", "this week", ""])


def _person(r: random.Random) -> tuple[str, str, str]:
    name = f"{r.choice(FIRST)} {r.choice(LAST)}"
    return name, r.choice(ROLES), r.choice(COMPANIES)


def _q(r: random.Random) -> str:
    """A qualifier with its trailing space, or nothing."""
    q = r.choice(QUALIFIERS)
    return q + " " if q else ""


def _numeric_sentence(r: random.Random, co: str, other: str) -> str:
    when = _when(r)
    when = f" {when}" if when else ""
    t = r.randrange(16)
    if t == 0:
        return f"{co} said{when} it would invest {_q(r)}{_money(r)} in {other}."
    if t == 1:
        return f"The deal values {other} at {_q(r)}{_money(r)}, according to people familiar with the talks."
    if t == 2:
        return f"Revenue rose {_pct(r)} to {_money(r)}{when}, ahead of the {_money(r)} analysts had expected."
    if t == 3:
        return f"Building each site is expected to cost {_range(r)} per gigawatt, {co} estimated."
    if t == 4:
        return f"{co} now serves {_q(r)}{_count(r)} and employs {_count(r)} across {r.randrange(3, 60)} countries."
    if t == 5:
        return f"Shares of {co} fell {_pct(r)}{when}, wiping {_q(r)}{_money(r)} off its market value."
    if t == 6:
        return f"The campus will draw {_q(r)}{_power(r)} and store {_power(r)} in batteries on site."
    if t == 7:
        return (f"{co} and {other} will invest up to {_money(r)} and up to {_money(r)} respectively, "
                f"the companies said.")
    if t == 8:
        return f"Margins were down {_pct(r)} from a year earlier, while costs climbed {_range(r)}."
    if t == 9:
        years = r.choice([5, 10, 12, 15, 20, 25, 30])
        return f"The agreement includes a {years}-year lease and runs over {r.choice(SPELLED)} years."
    if t == 10:
        growth = r.choice(["fivefold", "3x", "threefold"])
        return f"Sales of the group's chips have nearly doubled, and orders grew {growth}."
    if t == 11:
        return f"{co}'s {_money(r)} and {other}'s {_money(r)} together make up the round, {r.choice(OUTLETS)} reported."
    if t == 12:
        return f"Analysts at {r.choice(ANALYST_FIRMS)} put the market at {_range(r)} by {r.randrange(2027, 2036)}."
    if t == 13:
        return f"The company reportedly plans to hire {_q(r)}{_count(r)} over the next {r.randrange(6, 36)} months."
    if t == 14:
        return f"Unemployment in the region stood at {_pct(r)}{when}, {_pct(r)} lower than a year before."
    return f"It paid {_money(r)} for a stake of {_pct(r)} and could add {_money(r)} more{when}."


def _noise_sentence(r: random.Random, co: str) -> str:
    """A sentence full of digits that are not claims: versions, phone numbers, clock times, URLs."""
    t = r.randrange(6)
    if t == 0:
        return f"The launch of {r.choice(PRODUCTS)} follows last spring's {r.choice(PRODUCTS)}."
    if t == 1:
        return f"Readers can reach the newsroom on +1 (555) {r.randrange(100, 999)}-{r.randrange(1000, 9999)}."
    if t == 2:
        return f"The call starts at {r.randrange(1, 12)}:{r.choice(['00', '15', '30', '45'])} a.m. Eastern time."
    if t == 3:
        slug = co.lower().replace(" ", "-").replace("&", "and")
        return f"Details are posted at https://www.example.com/{slug}/filings/{r.randrange(1000, 99999)}."
    if t == 4:
        return f"Critics called the plan a \u201c{r.choice(SCARE)}\u201d bet on {r.choice(TOPICS)}."
    title = f"The {r.choice(['Long', 'Quiet', 'Second'])} {r.choice(['Build', 'Grid', 'Market'])}"
    return f"Its guide, \u201c{title},\u201d came out {_when(r) or 'in May'}."


def _quote_paragraphs(r: random.Random, co: str) -> list[str]:
    name, role, org = _person(r)
    org = co if r.random() < 0.6 else org
    body = r.choice(QUOTE_BODIES)
    cue = r.choice(CUES)
    t = r.randrange(8)
    if t == 0:
        return [f"\u201c{body},\u201d {name}, {role} of {org}, {cue}."]
    if t == 1:
        return [f"\"{body},\" said {name}, the {role}."]
    if t == 2:
        return [f"{name} told {r.choice(OUTLETS)}: \u201c{body}.\u201d"]
    if t == 3:
        intro = f"{name} has run {org} since {r.randrange(2008, 2024)} and oversaw {_q(r)}{_money(r)} in deals."
        return [intro, f"\u201c{body},\u201d {r.choice(['he', 'she'])} said. \u201c{r.choice(QUOTE_TAILS)}.\u201d"]
    if t == 4:
        return [f"\u201c{body}.", f"\u201c{r.choice(QUOTE_TAILS)},\u201d {name} said."]
    if t == 5:
        return [f"According to {name}, the {role}, the company is \u201cnot in a hurry\u201d to raise more money."]
    if t == 6:
        return [f"\"{body}, and when she says \u2018soon\u2019 she means it,\" {name} said of the chair."]
    clause = body if body.startswith("I ") else body[0].lower() + body[1:]
    return [f"{org} said in a statement that \u201c{clause}.\u201d"]


FURNITURE_TOP = [
    "Share this article", "Share on Facebook | Share on X | Email | Print", "Advertisement",
    "Listen to this story (4 min)", "Updated 2 hours ago",
]
FURNITURE_BOTTOM = [
    "Sign up for our newsletter to get the day's biggest stories.",
    "Related: Five things to watch in the chip market this year",
    "Read more: How the grid is coping with new demand",
    "Click here to subscribe for $1 a week.",
    "Copyright 2025 {outlet}. All rights reserved.",
    "\u00a9 2025 {outlet}. All rights reserved.",
    "Reporting by {name}; editing by {name2}",
]


def article(r: random.Random) -> str:
    """One article: headline, byline, furniture, 8 to 20 paragraphs of prose and quotes, furniture."""
    co, other = r.sample(COMPANIES, 2)
    outlet = r.choice(OUTLETS)
    topic = r.choice(TOPICS)
    lines = [
        f"{co} bets {_money(r)} on {topic} as {other} looks on",
        f"By {r.choice(FIRST)} {r.choice(LAST)} | {r.choice(MONTHS)} {r.randrange(1, 29)}, 2025",
        r.choice(FURNITURE_TOP),
    ]
    for _ in range(r.randrange(8, 21)):
        kind = r.random()
        if kind < 0.55:
            sentences = [_numeric_sentence(r, co, other) for _ in range(r.randrange(1, 4))]
            if r.random() < 0.3:
                sentences.append(_noise_sentence(r, co))
            lines.append(" ".join(sentences))
        elif kind < 0.85:
            lines.extend(_quote_paragraphs(r, co))
        elif kind < 0.93:
            lines.append(_noise_sentence(r, co) + " " + _noise_sentence(r, co))
        else:
            items = [f"{i}. {r.choice(TOPICS).capitalize()} in {r.randrange(2019, 2026)}" for i in range(1, 4)]
            lines.append("Key dates:\n" + "\n".join(items))
    for line in r.sample(FURNITURE_BOTTOM, 3):
        lines.append(line.format(outlet=outlet, name=f"{r.choice(FIRST)} {r.choice(LAST)}",
                                 name2=f"{r.choice(FIRST)} {r.choice(LAST)}"))
    return "\n\n".join(lines) + "\n"


def articles(seed: int = 20251118) -> Iterator[str]:
    """An endless, reproducible stream of articles; article i depends only on ``seed`` and i."""
    i = 0
    while True:
        yield article(random.Random(seed * 1_000_003 + i))
        i += 1


def write_corpus(out_dir: Path, target_chars: int, seed: int = 20251118) -> list[Path]:
    """Write articles as small files until ``target_chars`` characters are written.

    Files are numbered in stream order, so the 1x corpus is the first quarter of the 4x one.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("article-*.txt"):
        old.unlink()
    paths: list[Path] = []
    total = 0
    for i, text in enumerate(articles(seed)):
        if total >= target_chars:
            break
        path = out_dir / f"article-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text)
    return paths


if __name__ == "__main__":
    print(next(articles()))
