"""The JSON API and the web app over the store (``marsad serve``): ``db`` opens read
connections, ``queries`` holds every SQL statement (parameters only, never request strings in
SQL), ``app`` builds the FastAPI application and ``routes`` its JSON endpoints; the HTML pages are
in ``marsad.web``."""
