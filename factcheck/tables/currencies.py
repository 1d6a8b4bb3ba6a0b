"""Currencies as news copy writes them: ISO codes, symbols, names (with a country adjective) and coins."""

# ISO 4217 codes in circulation (plus BTC, which markets quote like one).
ISO_CODES = set("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL BTC FIM DEM FRF ITL ESP NLG BEF ATS PTE IEP GRD
""".split())
CODE_ALIASES = {"RMB": "CNY", "XBT": "BTC", "NIS": "ILS"}

# Symbols and short forms written before a figure; the longest match wins ("US$" over "$").
SYMBOLS_BEFORE = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD",
    "CA$": "CAD", "CAD$": "CAD", "NZ$": "NZD", "NZD$": "NZD", "HK$": "HKD", "HKD$": "HKD", "S$": "SGD",
    "SG$": "SGD", "R$": "BRL", "MX$": "MXN", "MEX$": "MXN", "MXN$": "MXN", "NT$": "TWD", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
    "₦": "NGN", "₱": "PHP", "₴": "UAH", "₫": "VND", "฿": "THB", "₡": "CRC", "₾": "GEL", "₭": "LAK",
    "₿": "BTC", "元": "CNY", "₸": "KZT", "₮": "MNT", "RS": "INR", "RS.": "INR", "RM": "MYR", "RP": "IDR",
}
# Letters written apart from "$" that name the dollar: "c $ 16.4 million", "hk $ 10 billion".
DOLLAR_PREFIXES = {"c": "CAD", "ca": "CAD", "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD",
                   "nzd": "NZD", "hk": "HKD", "hkd": "HKD", "s": "SGD", "sg": "SGD", "us": "USD", "u.s.": "USD",
                   "mex": "MXN", "mx": "MXN", "mxn": "MXN", "nt": "TWD", "r": "BRL"}
# Symbols that may follow a figure: "20€", "10 $", "100₾".
SYMBOLS_AFTER = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
                 "₪": "ILS", "₦": "NGN", "₱": "PHP", "₴": "UAH", "₫": "VND", "฿": "THB", "₡": "CRC", "₾": "GEL",
                 "₭": "LAK", "₿": "BTC", "元": "CNY", "₸": "KZT", "₮": "MNT", "ரூ": "LKR"}

# Currency names after a figure (singular and plural).  Ambiguous names take the most-cited currency.
NAMES = {
    "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "quid": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF",
    "francs": "CHF", "won": "KRW", "rand": "ZAR", "naira": "NGN", "shekel": "ILS", "shekels": "ILS",
    "dinar": "KWD", "dinars": "KWD", "riyal": "SAR", "riyals": "SAR", "rial": "IRR", "rials": "IRR",
    "dirham": "AED", "dirhams": "AED", "ringgit": "MYR", "ringgits": "MYR", "rupiah": "IDR", "baht": "THB",
    "dong": "VND", "peso": "MXN", "pesos": "MXN", "real": "BRL", "reais": "BRL", "lira": "TRY", "liras": "TRY",
    "lire": "ITL", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "złoty": "PLN", "złotych": "PLN", "złote": "PLN", "krona": "SEK", "kronor": "SEK",
    "krone": "NOK", "kroner": "NOK", "forint": "HUF", "forints": "HUF", "koruna": "CZK", "hryvnia": "UAH",
    "hryvnias": "UAH", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "tugrik": "MNT",
    "tugriks": "MNT", "tenge": "KZT", "lari": "GEL", "leu": "RON", "lei": "RON", "lev": "BGN", "leva": "BGN",
    "taka": "BDT", "kip": "LAK", "colon": "CRC", "colones": "CRC", "sol": "PEN", "soles": "PEN",
    "guilder": "NLG", "guilders": "NLG", "peseta": "ESP", "pesetas": "ESP", "markka": "FIM", "markkaa": "FIM",
    "deutschmark": "DEM", "deutschmarks": "DEM", "bitcoin": "BTC", "bitcoins": "BTC", "kwacha": "ZMW",
    "cedi": "GHS", "cedis": "GHS", "shilling": "KES", "shillings": "KES", "birr": "ETB", "egyptianpound": "EGP",
    "saudiriyal": "SAR", "geneh": "EGP", "le": "EGP", "l.e": "EGP", "l.e.": "EGP",
}
# A country adjective before a name picks the currency: "Canadian dollars", "Kuwaiti dinar", "Dutch guilders".
COUNTRY_CURRENCY = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("singapore", "dollar"): "SGD",
    ("singaporean", "dollar"): "SGD", ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("taiwan", "dollar"): "TWD", ("taiwanese", "dollar"): "TWD", ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD", ("swiss", "franc"): "CHF", ("french", "franc"): "FRF",
    ("belgian", "franc"): "BEF", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("nepalese", "rupee"): "NPR", ("british", "pound"): "GBP",
    ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP", ("syrian", "pound"): "SYP",
    ("chinese", "yuan"): "CNY", ("kuwaiti", "dinar"): "KWD", ("bahraini", "dinar"): "BHD",
    ("iraqi", "dinar"): "IQD", ("jordanian", "dinar"): "JOD", ("libyan", "dinar"): "LYD",
    ("tunisian", "dinar"): "TND", ("algerian", "dinar"): "DZD", ("serbian", "dinar"): "RSD",
    ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR", ("omani", "rial"): "OMR", ("omani", "riyal"): "OMR",
    ("iranian", "rial"): "IRR", ("yemeni", "rial"): "YER", ("malaysian", "ringgit"): "MYR",
    ("malaysia", "ringgit"): "MYR", ("turkish", "lira"): "TRY", ("italian", "lira"): "ITL",
    ("dutch", "guilder"): "NLG", ("spanish", "peseta"): "ESP", ("finnish", "markka"): "FIM",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("argentinian", "peso"): "ARS",
    ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP", ("philippine", "peso"): "PHP",
    ("cuban", "peso"): "CUP", ("brazilian", "real"): "BRL", ("south african", "rand"): "ZAR",
    ("swedish", "krona"): "SEK", ("norwegian", "krone"): "NOK", ("danish", "krone"): "DKK",
    ("icelandic", "krona"): "ISK", ("czech", "koruna"): "CZK", ("polish", "zloty"): "PLN", ("polish", "złoty"): "PLN",
    # the English "crown" and the plurals newsrooms print: "500 Norwegian crowns", "90 Swedish kronor"
    ("swedish", "crown"): "SEK", ("norwegian", "crown"): "NOK", ("danish", "crown"): "DKK",
    ("icelandic", "crown"): "ISK", ("czech", "crown"): "CZK", ("swedish", "kronor"): "SEK",
    ("norwegian", "kroner"): "NOK", ("danish", "kroner"): "DKK", ("icelandic", "kronur"): "ISK",
    ("czech", "korunas"): "CZK", ("czech", "koruny"): "CZK",
    ("hungarian", "forint"): "HUF", ("russian", "ruble"): "RUB", ("russian", "rouble"): "RUB",
    ("ukrainian", "hryvnia"): "UAH", ("mongolian", "tugrik"): "MNT", ("nigerian", "naira"): "NGN",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS",
    ("israeli", "shekel"): "ILS", ("emirati", "dirham"): "AED", ("uae", "dirham"): "AED",
    ("moroccan", "dirham"): "MAD", ("thai", "baht"): "THB", ("vietnamese", "dong"): "VND",
    ("indonesian", "rupiah"): "IDR", ("japanese", "yen"): "JPY", ("korean", "won"): "KRW",
    ("south korean", "won"): "KRW", ("jamaican", "dollar"): "JMD", ("zimbabwean", "dollar"): "ZWL",
}
# Subunits: a figure of these after a main amount adds to it ("3 dollars 50 cents"); alone it is a fraction.
SUBUNITS = {"cent": 0.01, "cents": 0.01, "c": 0.01, "¢": 0.01, "penny": 0.01, "pennies": 0.01, "pence": 0.01,
            "p": 0.01, "sen": 0.01, "sens": 0.01, "kopiyka": 0.01, "kopiykas": 0.01, "kopecks": 0.01,
            "kopeks": 0.01, "paise": 0.01, "fen": 0.01, "mao": 0.1, "satoshi": 1e-8, "satoshis": 1e-8}
SUBUNIT_HOME = {"pence": "GBP", "p": "GBP", "sen": "MYR", "sens": "MYR", "kopiyka": "UAH", "kopiykas": "UAH",
                "kopecks": "RUB", "kopeks": "RUB", "paise": "INR", "fen": "CNY", "mao": "CNY", "satoshi": "BTC",
                "satoshis": "BTC"}
# Coins and slang with a fixed value in US news copy.
COINS = {"dime": 0.10, "dimes": 0.10, "nickel": 0.05, "nickels": 0.05, "penny": 0.01, "pennies": 0.01}
# Scale words glued before a code in financial tables: "30 MUSD", "120 MEUR", "MAUD 60".
CODE_SCALE_PREFIX = {"M": 1e6, "MM": 1e6, "B": 1e9, "BN": 1e9, "K": 1e3, "T": 1e3}
