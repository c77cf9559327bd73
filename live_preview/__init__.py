"""`make devserver`: serve output/, rebuild when a file is saved, reload the browser's page.

Pelican's own `pelican -lr` watches only the main site's content folder, so a change in
branches/ went unseen, and nothing told the browser to reload.
"""
