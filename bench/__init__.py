"""The benchmark: a synthetic national site, built and measured (`make bench`)."""
