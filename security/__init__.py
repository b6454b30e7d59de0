"""Attacks on the rules of who may see or do what, played through HTTP as a hostile insider would."""
