"""Tasks in flight on a Dask client, their results handed back in submission order.

At most ``window`` tasks are out at a time, counting those finished but waiting for an
earlier one, so the driver's memory stays flat and the store is written in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from putin_claims.errors import WorkerError

if TYPE_CHECKING:
    from distributed import Future

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def in_order(
    submit: Callable[[_In], Future[_Out]], items: Iterator[_In], window: int
) -> Iterator[_Out]:
    """Submit one task per item, keeping ``window`` out; yield the results in item order."""
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    number: dict[Future[_Out], int] = {}
    ready: dict[int, _Out] = {}
    pending = as_completed()
    sent = given = 0

    def top_up() -> None:
        nonlocal sent
        while sent - given < max(window, 1) and (item := next(items, None)) is not None:
            future = submit(item)
            number[future] = sent
            pending.add(future)
            sent += 1

    top_up()
    for future in pending:
        try:
            ready[number.pop(future)] = future.result()
        except (FutureCancelledError, KilledWorker) as exc:
            raise WorkerError(f"a Dask worker gave up on a shard ({exc}); run again") from None
        while given in ready:
            yield ready.pop(given)
            given += 1
        top_up()
