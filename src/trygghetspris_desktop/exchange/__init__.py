"""Import/export (JSON, CSV), backup and restore, and safe file writing. Never imports Qt."""
