"""Triple stores: load events into an embedded Oxigraph store or a remote SPARQL 1.1 store.

``embedded`` (pyoxigraph, a local directory, no server) and ``remote`` (Graph Store HTTP Protocol
or SPARQL Update over HTTP) share one small interface (``load.TripleStore``); ``load`` turns coded
articles into one named graph each through ``events.rdf``; ``results`` prints query results;
``commands`` holds the ``events load`` / ``events query`` commands. See ``docs/stores.md``.
"""
