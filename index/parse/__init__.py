"""Parsing: file -> text -> sections -> tables + checks -> Report (load, meta, sections, tables, splitting,
checks, resolve, statements, ocr, archive, report)."""
