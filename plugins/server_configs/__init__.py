"""server_configs: the web server's configuration for a party's sites, made from the site's settings.

`branchsites server-config --server nginx|apache|caddy` (`make server-config`) renders the kit's
template for that server (templates/) with the published SITEURL's host, every branch that has its
own `domain`, the live site's folder on the host and the headers, caching and precompressed files
the kit's output relies on. A party never edits a kit file to deploy. Not a build part: it has no
receivers and is not listed in PLUGINS; its settings are declared here like any plugin's, and a
build checks them with the others' (build_pipeline's TOOLS).
"""
