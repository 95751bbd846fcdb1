from webstore import app, client, store_url  # noqa: F401  (fixtures)
