"""Settings: base.py is shared; development.py and production.py choose the rest."""
