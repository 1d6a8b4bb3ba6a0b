"""Number words, scale words and fractions as a news writer spells them."""

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED = {"hundred": 100}
# Scale words after a figure: "$5 billion", "5bn", "€3m", "2.5k", "$4T".
SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "trillion": 1e12, "tn": 1e12, "t": 1e12, "trn": 1e12, "mm": 1e6,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Scale words that may only follow a figure written in digits (not "a b", "one m").
DIGIT_ONLY_SCALES = {"k", "m", "b", "t", "mn", "bn", "tn", "mln", "bln", "trn", "mil", "mm"}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
DOZEN = {"dozen": 12}
# "fivefold", "tenfold": multiples written as one word.
FOLD_SUFFIX = "fold"
MULTIPLE_VERBS = {
    "double": 2, "doubled": 2, "doubling": 2, "doubles": 2,
    "triple": 3, "tripled": 3, "tripling": 3, "triples": 3,
    "quadruple": 4, "quadrupled": 4, "quadrupling": 4, "quadruples": 4,
}
# Vague multiples of a scale: "tens of billions", "hundreds of thousands".
VAGUE = {"dozens": (24, 100), "tens": (10, 100), "hundreds": (100, 1000), "thousands": (1e3, 1e4),
         "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13)}
