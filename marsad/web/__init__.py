"""Server-rendered pages of ``marsad serve`` (Jinja2 templates, one small vendored script, no
build step and nothing loaded from outside the server)."""
