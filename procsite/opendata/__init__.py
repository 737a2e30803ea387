"""Open data: every fact of the site in machine-readable form, beside the pages.

``procedure_json`` writes each procedure in the published source format (valid against
``schema/procedure.schema.json``, both languages in one object); ``catalogue`` the whole catalogue as
JSON and as CSV for spreadsheets (UTF-8 with a BOM so that Excel reads Vietnamese right).
"""
