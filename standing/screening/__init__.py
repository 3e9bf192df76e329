"""Screening names against sanctions and other lists."""

from standing.screening import native

# the compiled hot modules, when built from this very source (see `native`)
native.install()
