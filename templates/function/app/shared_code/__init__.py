"""Code shared by the app's functions.

The Functions worker puts the app root on sys.path, so functions and tests import from here
absolutely: ``from shared_code import greeting``. Keep business logic here, in plain Python that
tests can call without the Functions runtime.
"""
