"""Currencies, measurement units and durations, with the base unit each normalises to."""

# Symbols that precede a figure.  Longer first so "US$" wins over "$".
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "CHF": "CHF",
}
CURRENCY_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW", "BRL",
    "MXN", "SEK", "NOK", "DKK", "ZAR", "RUB", "TRY", "PLN", "ILS", "AED", "SAR",
}
CODE_ALIASES = {"RMB": "CNY"}
# Currency names that follow a figure: "5 billion euros", "20 dollars".
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "bucks": "USD",
    "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "franc": "CHF", "francs": "CHF", "won": "KRW", "pence": "GBP", "cents": "USD", "cent": "USD",
}
# Words that qualify a currency word: "Australian dollars", "Hong Kong dollars".
CURRENCY_ADJECTIVES = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("singapore", "dollar"): "SGD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD", ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD", ("swiss", "franc"): "CHF",
    ("indian", "rupee"): "INR", ("british", "pound"): "GBP", ("chinese", "yuan"): "CNY",
}
SUBUNIT = {"pence": 0.01, "cents": 0.01, "cent": 0.01}

# Power and energy, to watts and watt-hours.
POWER = {
    "w": 1, "watt": 1, "watts": 1, "kw": 1e3, "kilowatt": 1e3, "kilowatts": 1e3,
    "mw": 1e6, "megawatt": 1e6, "megawatts": 1e6, "mwac": 1e6, "mwdc": 1e6, "mwe": 1e6, "mwp": 1e6,
    "gw": 1e9, "gigawatt": 1e9, "gigawatts": 1e9, "gwac": 1e9, "gwdc": 1e9, "gwe": 1e9,
    "tw": 1e12, "terawatt": 1e12, "terawatts": 1e12,
}
ENERGY = {
    "wh": 1, "kwh": 1e3, "mwh": 1e6, "gwh": 1e9, "twh": 1e12,
    "kilowatt-hour": 1e3, "kilowatt-hours": 1e3, "megawatt-hour": 1e6, "megawatt-hours": 1e6,
    "gigawatt-hour": 1e9, "gigawatt-hours": 1e9, "terawatt-hour": 1e12, "terawatt-hours": 1e12,
}
# Short forms of a power unit, for the per field ("per gigawatt" -> "GW").
POWER_SYMBOL = {1: "W", 1e3: "kW", 1e6: "MW", 1e9: "GW", 1e12: "TW"}

DURATIONS = {
    "year": ("year", 1), "years": ("year", 1), "yr": ("year", 1), "yrs": ("year", 1),
    "decade": ("year", 10), "decades": ("year", 10), "century": ("year", 100), "centuries": ("year", 100),
    "month": ("month", 1), "months": ("month", 1), "week": ("week", 1), "weeks": ("week", 1),
    "day": ("day", 1), "days": ("day", 1), "hour": ("hour", 1), "hours": ("hour", 1),
    "quarter": ("quarter", 1), "quarters": ("quarter", 1),
}
PERCENT_WORDS = {"percent", "per cent", "pct", "percentage"}
POINT_WORDS = {"percentage point", "percentage points", "points", "point", "pp", "ppt", "ppts", "basis points",
               "bps", "bp"}
MULTIPLE_WORDS = {"x", "times", "fold"}
# Rates: what follows a figure to make it "per" something.
PER_WORDS = {"a year": "year", "per year": "year", "annually": "year", "a month": "month", "per month": "month",
             "per day": "day", "a day": "day", "per week": "week", "a week": "week", "per hour": "hour",
             "an hour": "hour", "per share": "share", "a share": "share", "per person": "person",
             "per capita": "person", "per barrel": "barrel", "a barrel": "barrel", "per tonne": "tonne",
             "per ton": "ton"}
# Nouns after "a"/"an" that make a price a rate: "$2.50 a share", "$84 a barrel".
RATE_NOUNS = {"share", "barrel", "tonne", "ton", "person", "head", "unit", "gallon", "litre", "liter", "ounce",
              "kilo", "kilogram", "pound", "night", "ticket", "seat", "passenger", "user", "subscriber", "employee",
              "household", "student", "patient", "dose", "vehicle", "car", "home", "square", "megawatt-hour"}
