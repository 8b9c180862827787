"""claimx's rule data: word lists, tables and patterns (installed as ``claimx.models``)."""
