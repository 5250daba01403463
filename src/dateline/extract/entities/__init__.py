"""Who: people, organisations and places told apart within a story (see docs/entities.md)."""
