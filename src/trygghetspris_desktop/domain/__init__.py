"""The domain's plain vocabulary: imports nothing else of the project.

- :mod:`.enums`: the fixed vocabularies (year status, nomination kind and status, jury role,
  placement), with their Swedish labels;
- :mod:`.errors`: :class:`~.errors.UserError` (a problem the user can fix) and the refusals
  of a database file;
- :mod:`.templates`: filling the press release's headline and lead templates;
- :mod:`.award_record`: the award record the diploma and the press release are made from;
- :mod:`.protocol_data`: the data of the jury's protocol.

Every other layer may import this package (the contracts are in pyproject.toml); it imports
only the standard library.
"""
