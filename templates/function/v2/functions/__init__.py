"""The app's functions, one blueprint module each, registered in function_app.py."""
