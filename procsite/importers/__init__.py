"""Stage 6, importers: what an agency already has, brought into the source format.

Each source format has its own reader, which returns the facts as it found them (``records``):
``national_json`` (the national database's detail record), ``national_word`` (the portal's Word export)
and ``iso_word`` (the agency's ISO process document). ``to_source`` maps those facts to our keys,
``writer`` writes or merges procedure files keeping what staff wrote, ``registers`` adds units, fields
and forms by name, and ``report`` says per procedure what was mapped, left to complete or dropped.
"""
