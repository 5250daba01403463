"""Quotation: pairing quote marks, finding cues, attributing speakers (issue 4)."""
