"""Attribution finding: quotes, cues, speakers' mentions and content spans."""
