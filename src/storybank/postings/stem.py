"""Porter's stemmer (1980), so "optimising", "optimized" and "optimisation" meet in one stem.

Written out here instead of a dependency: the algorithm is short and fixed, and a posting is matched
against a bank in well under a second only if nothing heavy is imported on the way. British
spellings are folded first ("-ise" to "-ize", "-our" to "-or"), and a few irregular past tenses a
story is told in ("led", "built", "taught") are mapped to their present forms, so a posting's
"lead" finds a story's "led". Stems are cached: a bank repeats its words.
"""

from __future__ import annotations

from functools import lru_cache

# Past tenses a story is told in, whose stems would never meet the posting's present tense.
IRREGULAR = {
    "led": "lead", "built": "build", "taught": "teach", "wrote": "write", "written": "write",
    "ran": "run", "made": "make", "drove": "drive", "driven": "drive", "grew": "grow",
    "grown": "grow", "sold": "sell", "brought": "bring", "thought": "think", "bought": "buy",
    "sought": "seek", "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose",
    "began": "begin", "begun": "begin", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "found": "find", "held": "hold", "kept": "keep", "met": "meet",
    "caught": "catch", "understood": "understand", "oversaw": "oversee", "overseen": "oversee",
    "rebuilt": "rebuild", "rewrote": "rewrite", "rewritten": "rewrite", "mentored": "mentor",
    "shipped": "ship", "ran's": "run", "did": "do", "done": "do", "went": "go", "gone": "go",
    "saw": "see", "seen": "see", "knew": "know", "known": "know", "felt": "feel", "told": "tell",
    "sent": "send", "spent": "spend", "lent": "lend", "paid": "pay", "laid": "lay", "fed": "feed",
    "read": "read", "set": "set", "cut": "cut", "put": "put", "won": "win", "struck": "strike",
    "fought": "fight", "stood": "stand", "withdrew": "withdraw", "undertook": "undertake",
    "forecast": "forecast", "drew": "draw", "drawn": "draw", "froze": "freeze", "broke": "break",
    "broken": "break", "rode": "ride", "flew": "fly", "threw": "throw", "thrown": "throw",
    "swore": "swear", "became": "become", "overcame": "overcome", "lost": "lose", "left": "leave",
    "heard": "hear", "meant": "mean", "dealt": "deal",
}

# Words whose Porter stems would meet an unrelated word's: "community" and "communication" both
# become "commun", "localization" and "local" both "local". Their own stems keep them apart.
KEEP_APART = {"community": "communiti", "communities": "communiti", "generalist": "generalist",
              "generalists": "generalist", "university": "universiti", "universities": "universiti",
              "organ": "organ", "organs": "organ", "news": "news", "data": "data", "media": "media",
              # "integrity" is not "integration", nor "international" an "intern"
              "integrity": "integriti", "international": "internation",
              "internationally": "internation",
              # Porter leaves "buses" as "buse" and "bus" as "bu"
              "bus": "bus", "buses": "bus", "busses": "bus",
              # an object entered in a collection's register is no "access" (round 18)
              "accession": "accession", "accessions": "accession", "accessioned": "accession",
              "accessioning": "accession"}
_KEEP_PREFIXES = (("locali", "localiz"), ("organiz", "organiz"), ("analy", "analy"))
# -ship nouns whose root is the verb or noun a story uses ("leadership" / "I led").
_SHIP = {"leadership": "lead", "ownership": "own", "mentorship": "mentor", "partnership": "partner",
         "stewardship": "steward", "authorship": "author"}
_OUR = ("behaviour", "colour", "favour", "honour", "labour", "neighbour", "endeavour", "harbour",
        "rumour", "humour", "flavour", "vigour", "savour", "odour", "armour", "rigour", "valour")

_VOWELS = frozenset("aeiou")


def _cons(word: str, i: int) -> bool:
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _cons(word, i - 1)
    return True


def _m(stem: str) -> int:
    """Porter's measure: the number of vowel-consonant sequences in `stem`."""
    n = 0
    i = 0
    length = len(stem)
    while i < length and _cons(stem, i):
        i += 1
    while i < length:
        while i < length and not _cons(stem, i):
            i += 1
        if i >= length:
            break
        n += 1
        while i < length and _cons(stem, i):
            i += 1
    return n


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _cons(word, len(word) - 1)


def _cvc(word: str) -> bool:
    if len(word) < 3:
        return False
    return (_cons(word, len(word) - 3) and not _cons(word, len(word) - 2) and _cons(word, len(word) - 1)
            and word[-1] not in "wxy")


def _replace(word: str, suffix: str, repl: str, min_m: int) -> str | None:
    if word.endswith(suffix):
        stem = word[: len(word) - len(suffix)]
        return stem + repl if _m(stem) > min_m else word
    return None


_STEP2 = (("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
          ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
          ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
          ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
          ("logi", "log"))
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
          ("ness", ""))
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
          "ism", "ate", "iti", "ous", "ive", "ize")


def _step1a(word: str) -> str:
    """Plurals."""
    if word.endswith(("sses", "ies")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _step1b(word: str) -> str:
    """-ed and -ing, and the stem's ending put right after them."""
    if word.endswith("eed"):
        return word[:-1] if _m(word[:-3]) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[:-len(suffix)]):
            return _after_1b(word[:-len(suffix)])
    return word


def _after_1b(word: str) -> str:
    if word.endswith(("at", "bl", "iz")):
        return word + "e"
    if _double_cons(word) and word[-1] not in "lsz":
        return word[:-1]
    if _m(word) == 1 and _cvc(word):
        return word + "e"
    return word


def _step1c(word: str) -> str:
    """A final y after a vowel-bearing stem becomes i."""
    return word[:-1] + "i" if word.endswith("y") and _has_vowel(word[:-1]) else word


def _step23(word: str) -> str:
    """Double and single suffixes."""
    for table in (_STEP2, _STEP3):
        for suffix, repl in table:
            if word.endswith(suffix):
                out = _replace(word, suffix, repl, 0)
                word = out if out is not None else word
                break
    return word


def _step4(word: str) -> str:
    """What is left of a suffix."""
    for suffix in _STEP4:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            if _m(stem) > 1 and (suffix != "ion" or stem.endswith(("s", "t"))):
                return stem
            return word
    return word


def _step5(word: str) -> str:
    """A final e, a double l."""
    if word.endswith("e"):
        stem = word[:-1]
        if _m(stem) > 1 or (_m(stem) == 1 and not _cvc(stem)):
            word = stem
    if _m(word) > 1 and _double_cons(word) and word.endswith("l"):
        word = word[:-1]
    return word


_STEPS = (_step1a, _step1b, _step1c, _step23, _step4, _step5)


def _porter(word: str) -> str:
    if len(word) <= 2:
        return word
    for step in _STEPS:
        word = step(word)
    return word


def _british(word: str) -> str:
    """British spellings in American form, so both stem alike."""
    for brit, us in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
                     ("iser", "izer"), ("yse", "yze"), ("ysing", "yzing"), ("ysed", "yzed")):
        if word.endswith(brit) and len(word) > len(brit) + 2:
            return word[: -len(brit)] + us
    if word.endswith("ise") and len(word) > 5:
        return word[:-3] + "ize"
    if word.startswith(_OUR):  # behaviour, colour, labour -> behavior, color, labor
        return word.replace("our", "or", 1)
    if word.endswith("tre") and len(word) > 5:  # centre, metre
        return word[:-3] + "ter"
    if word.endswith("ence") and word[:-4].endswith("lic"):  # licence -> license
        return word[:-4] + "ense"
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lowercase word."""
    if not word.isalpha():
        return word
    word = IRREGULAR.get(word, word)
    if word in KEEP_APART:
        return KEEP_APART[word]
    word = _british(word)
    for prefix, kept in _KEEP_PREFIXES:
        if word.startswith(prefix):
            return kept
    word = _SHIP.get(word, word)
    out = _porter(word)
    # Porter turns a final y into i on some paths and not others ("deployed" -> "deploi",
    # "deployment" -> "deploy"): one spelling for both.
    return out[:-1] + "y" if out.endswith("i") and len(out) > 3 else out
