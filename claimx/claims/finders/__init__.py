"""The finders: each module proposes the attributions of one family of cues."""
