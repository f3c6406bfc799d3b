"""Library-wide services built on the analysis; Textual-free."""
