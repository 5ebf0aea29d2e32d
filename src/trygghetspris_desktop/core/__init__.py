"""Domain rules and use cases. Plain Python: never imports Qt, never writes SQL strings."""
