"""A job posting against the bank (README "Job postings"): what it asks for, which story shows each
requirement, what is missing.

    reading.py   a posting's text (.txt, .md, .html, pasted) as headings, bullets, paragraphs
    extract.py   sections, requirement bullets, must-haves, credentials apart
    terms.py     key terms and matching units of a requirement (stem.py: the stemmer)
    sieve.py     finding fast the story sentences worth matching
    agency.py    who acts in a sentence: a mention is not experience
    match/       a requirement against the bank's sentences: shown, possibly, missing (one module a rule)
    check.py     one posting checked, with the user's links; motivation.py: the motivation story
    store.py     saved postings, .storybank/postings/NAME.toml, with confirmed and rejected links
    report.py    the records the command line and the screen read
    tailor.py    the mock interview and the cheat sheet tailored to a posting
    api.py       what the command line and the screen call

Submodules are imported where needed: this package module imports nothing.
"""
