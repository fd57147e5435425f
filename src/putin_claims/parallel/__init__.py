"""Parse documents on a Dask cluster (``extract --workers N`` or ``--scheduler ADDRESS``).

The driver ingests the documents and alone writes the store; workers only parse. Documents go
to the workers in shards, a bounded number in flight, and come back in input order, so a run
on a cluster stores what an in-process run stores. Dask is imported only here, and only when a
cluster is asked for.
"""

from putin_claims.parallel.cluster import ClusterParser, on_cluster

__all__ = ["ClusterParser", "on_cluster"]
