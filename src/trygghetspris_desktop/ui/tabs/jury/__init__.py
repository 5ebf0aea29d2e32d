"""The Jury tab's parts: jury list, criteria, scoring matrix, ranking (see ``jury_tab.py``)."""
