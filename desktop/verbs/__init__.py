"""Command-line verbs, one module each; every module registers itself in ``desktop.registry.VERBS``."""
