"""Speakers: describing source mentions and resolving them into entities."""
