"""Vocabulary of gold files that the CLI names without loading the evaluation stage."""

from __future__ import annotations

from enum import StrEnum


class Split(StrEnum):
    """Which part of a gold set an article belongs to."""

    DEV = "dev"
    HELDOUT = "heldout"
