"""nerveroot: clinical decision support for the pinched nerve in the lower back.

It supports a clinician's judgement; it never makes a diagnosis.
"""

__version__ = "0.1.0"
