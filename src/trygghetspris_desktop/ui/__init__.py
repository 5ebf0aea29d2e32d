"""The Qt user interface. Widgets talk to data only through :mod:`.services`."""
