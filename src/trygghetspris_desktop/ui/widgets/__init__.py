"""Small reusable widgets shared by the tabs and dialogs."""
