"""PDF (and plain-text/HTML) documents: plain data in, bytes out. Never imports Qt or a Session."""
