"""Resource classes behind ``client.<name>``, one module per top-level name.

Generated from the spec; do not edit by hand.
"""
