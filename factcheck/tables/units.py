"""Measurement units and durations, with the base unit each normalises to (currencies: currencies.py)."""

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
# Nouns after "a"/"an" that make a price a rate: "$2.50 a share", "$84 a barrel".
RATE_NOUNS = {"share", "barrel", "tonne", "ton", "person", "head", "unit", "gallon", "litre", "liter", "ounce",
              "kilo", "kilogram", "pound", "night", "ticket", "seat", "passenger", "user", "subscriber", "employee",
              "household", "student", "patient", "dose", "vehicle", "car", "home", "square", "megawatt-hour"}
