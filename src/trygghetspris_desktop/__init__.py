"""Trygghetspris Desktop: the offline program for Stockholms stads trygghetspris."""

__version__ = "0.1.0"
