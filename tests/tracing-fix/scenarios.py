"""Tracing scenarios run in a fresh interpreter: `python scenarios.py <scenario>`.

test_tracing_fix.py runs each scenario twice: with only the stand-in llama_stack on PYTHONPATH
(no fix) and with templates/tracing-fix in front of it (the fix loads through `site`, as in the
container). The last stdout line is JSON {"verdict": ..., "problems": [...]}:
"correct" if every check passed, "buggy" if a check failed, "error" if the scenario itself crashed
(that never counts as detecting a bug).
"""

import asyncio
import json
import sys
import threading
import traceback
from collections import Counter

TRACING = "llama_stack.providers.utils.telemetry.tracing"
ROOT_MARKERS = ("__root__", "__root_span__", "__local_root_span__")


class Checks:
    def __init__(self):
        self.problems = []
        self._lock = threading.Lock()

    def expect(self, condition, message):
        if not condition:
            with self._lock:
                self.problems.append(message)
        return condition

    def expect_trees(self, events, trees):
        """Check the recorded span events against the expected traces.

        `trees` maps trace id -> {span name: parent span name or None}. Names are unique within a
        trace. Each span must be in the trace it belongs to, have the expected parent, and end
        exactly once. No span may belong to an unexpected trace.
        """
        starts = {e.span_id: e for e in events if e.payload.type == "span_start"}
        ends = Counter(e.span_id for e in events if e.payload.type == "span_end")
        for span_id, count in ends.items():
            self.expect(span_id in starts, f"end event for unknown span {span_id}")
        foreign = sorted({e.trace_id for e in starts.values()} - set(trees))
        self.expect(not foreign, f"spans in unexpected trace ids {foreign}: "
                    f"{[e.payload.name for e in starts.values() if e.trace_id in foreign]}")
        for trace_id, tree in trees.items():
            by_name = {e.payload.name: e for e in starts.values() if e.trace_id == trace_id}
            if not self.expect(sorted(by_name) == sorted(tree),
                               f"trace {trace_id[:8]} has spans {sorted(by_name)}, expected {sorted(tree)}"):
                continue
            for name, parent_name in tree.items():
                event = by_name[name]
                parent_id = event.payload.parent_span_id
                actual = starts[parent_id].payload.name if parent_id in starts else parent_id
                expected_id = by_name[parent_name].span_id if parent_name else None
                self.expect(parent_id == expected_id, f"span {name!r}: parent {actual!r}, expected {parent_name!r}")
                self.expect(ends[event.span_id] == 1,
                            f"span {name!r} ended {ends[event.span_id]} times, expected once")

    def verdict(self):
        return {"verdict": "buggy" if self.problems else "correct", "problems": self.problems}


class MemoryTelemetry:
    """The telemetry API object handed to setup_logger. The stand-in logger records events itself."""

    async def log_event(self, event, ttl_seconds=604800):
        pass


def events():
    import llama_stack.providers.utils.telemetry.tracing as tracing

    return list(tracing.BACKGROUND_LOGGER.events)


async def one_request(checks, index, nested=True):
    """One request: root trace -> span -> nested start_trace -> span, yielding between steps so that
    concurrent requests interleave. Returns (trace id, expected tree)."""
    from llama_stack.providers.utils.telemetry.tracing import (
        CURRENT_TRACE_CONTEXT,
        end_trace,
        get_current_span,
        span,
        start_trace,
    )

    name = f"req{index}"
    context = await start_trace(name, {"request": index})
    await asyncio.sleep(0)
    with span(f"{name}.work") as work:
        await asyncio.sleep(0)
        checks.expect(get_current_span() is work.span, f"{name}: current span is not {name}.work")
        if nested:
            inner = await start_trace(f"{name}.inner")
            checks.expect(inner is not None and inner.trace_id == context.trace_id,
                          f"{name}: nested start_trace returned another trace id")
            await asyncio.sleep(0)
            async with span(f"{name}.inner.step") as step:
                await asyncio.sleep(0)
                checks.expect(get_current_span() is step.span, f"{name}: current span is not {name}.inner.step")
            await end_trace()
            checks.expect(CURRENT_TRACE_CONTEXT.get() is context, f"{name}: outer context lost after nested end_trace")
        await asyncio.sleep(0)
        checks.expect(get_current_span() is work.span, f"{name}: current span is not {name}.work before exit")
    await asyncio.sleep(0)
    await end_trace()
    checks.expect(CURRENT_TRACE_CONTEXT.get() is None, f"{name}: context still set after end_trace")
    tree = {name: None, f"{name}.work": name}
    if nested:
        tree.update({f"{name}.inner": f"{name}.work", f"{name}.inner.step": f"{name}.inner"})
    return context.trace_id, tree


async def concurrent_requests(checks):
    from llama_stack.providers.utils.telemetry.tracing import setup_logger

    setup_logger(MemoryTelemetry())
    results = await asyncio.gather(*(one_request(checks, index) for index in range(3)))
    checks.expect(len({trace_id for trace_id, _ in results}) == 3, "requests share a trace id")
    checks.expect_trees(events(), dict(results))


async def nested_start_trace(checks):
    from llama_stack.apis.telemetry import SpanStatus
    from llama_stack.providers.utils.telemetry.tracing import (
        CURRENT_TRACE_CONTEXT,
        end_trace,
        get_current_span,
        setup_logger,
        span,
        start_trace,
    )

    setup_logger(MemoryTelemetry())
    outer = await start_trace("outer", {"__location__": "server"})
    with span("outer.work") as work:
        inner = await start_trace("inner", {"k": "v"})
        checks.expect(inner.trace_id == outer.trace_id, "nested start_trace returned a new trace id")
        checks.expect(CURRENT_TRACE_CONTEXT.get() is outer, "nested start_trace replaced the current context")
        inner_span = get_current_span()
        checks.expect(inner_span.parent_span_id == work.span.span_id, "nested span's parent is not the current span")
        checks.expect(inner_span.attributes.get("k") == "v", "nested span lost the caller's attributes")
        checks.expect(not any(m in (inner_span.attributes or {}) for m in ROOT_MARKERS),
                      "nested span carries root markers")
        deeper = await start_trace("inner.deeper")  # depth 2
        with span("inner.deeper.step"):
            pass
        await end_trace()
        checks.expect(deeper.trace_id == outer.trace_id, "doubly nested start_trace returned a new trace id")
        checks.expect(get_current_span() is inner_span, "after the deepest end_trace, current span is not 'inner'")
        await end_trace(SpanStatus.ERROR)
        checks.expect(CURRENT_TRACE_CONTEXT.get() is outer, "outer context not current after nested end_trace")
        checks.expect(get_current_span() is work.span, "current span is not outer.work after nested end_trace")
        with span("outer.after"):
            pass
    await end_trace()
    checks.expect(CURRENT_TRACE_CONTEXT.get() is None, "context still set after the outer end_trace")
    recorded = events()
    checks.expect_trees(recorded, {outer.trace_id: {
        "outer": None, "outer.work": "outer", "inner": "outer.work", "inner.deeper": "inner",
        "inner.deeper.step": "inner.deeper", "outer.after": "outer.work"}})
    statuses = {e.span_id: e.payload.status for e in recorded if e.payload.type == "span_end"}
    names = {e.span_id: e.payload.name for e in recorded if e.payload.type == "span_start"}
    checks.expect([names.get(s) for s, status in statuses.items() if status is SpanStatus.ERROR] == ["inner"],
                  "end_trace(status) did not end the nested span with that status")
    checks.expect(recorded and recorded[-1].payload.type == "span_end" and names.get(recorded[-1].span_id) == "outer",
                  "the outer root span did not end last")


async def no_active_trace(checks):
    from llama_stack.providers.utils.telemetry.tracing import (
        CURRENT_TRACE_CONTEXT,
        TraceContext,
        end_trace,
        get_current_span,
        setup_logger,
        span,
        start_trace,
    )

    checks.expect(await start_trace("before-setup") is None, "start_trace before setup_logger did not return None")
    checks.expect(CURRENT_TRACE_CONTEXT.get() is None, "start_trace before setup_logger set a context")
    await end_trace()  # no context: a no-op
    setup_logger(MemoryTelemetry())

    # Another request is in progress in another task when this context starts its own trace.
    other_ready, release = asyncio.Event(), asyncio.Event()

    async def other_request():
        context = await start_trace("other")
        with span("other.work"):
            other_ready.set()
            await release.wait()
        await end_trace()
        return context.trace_id

    other = asyncio.create_task(other_request())
    await other_ready.wait()
    context = await start_trace("fresh", {"a": 1})
    root = get_current_span()
    checks.expect(isinstance(context, TraceContext) and CURRENT_TRACE_CONTEXT.get() is context,
                  "start_trace did not return and set a new TraceContext")
    checks.expect(len(context.trace_id) == 32, "trace id is not 32 hex digits")
    checks.expect(root is not None and root.parent_span_id is None,
                  f"new root span has a parent ({root.name if root else None!r} is current)")
    checks.expect(root is not None and all((root.attributes or {}).get(m) is True for m in ROOT_MARKERS)
                  and root.attributes.get("a") == 1, "root span lacks root markers or caller attributes")
    await end_trace()
    checks.expect(CURRENT_TRACE_CONTEXT.get() is None, "end_trace did not clear the context")
    release.set()
    other_trace_id = await other
    checks.expect(other_trace_id != context.trace_id, "two root traces share a trace id")
    checks.expect_trees(events(), {context.trace_id: {"fresh": None},
                                   other_trace_id: {"other": None, "other.work": "other"}})


async def span_forms(checks):
    from llama_stack.providers.utils.telemetry.tracing import (
        end_trace,
        get_current_span,
        setup_logger,
        span,
        start_trace,
    )

    with span("no-trace") as idle:
        checks.expect(idle.span is None, "sync span without a trace is not a no-op")
    async with span("no-trace") as idle:
        checks.expect(idle.span is None, "async span without a trace is not a no-op")
    setup_logger(MemoryTelemetry())

    @span("deco.sync")
    def decorated_sync():
        return get_current_span()

    @span("deco.async")
    async def decorated_async():
        await asyncio.sleep(0)
        return get_current_span()

    async def request(index):
        name = f"r{index}"
        context = await start_trace(name)
        await asyncio.sleep(0)
        with span(f"{name}.sync") as outer:
            outer.set_attribute("index", index)
            await asyncio.sleep(0)
            checks.expect(get_current_span() is outer.span, f"{name}: sync span is not current")
            async with span(f"{name}.async") as inner:
                await asyncio.sleep(0)
                checks.expect(get_current_span() is inner.span, f"{name}: async span is not current")
                in_sync = decorated_sync()
                in_async = await decorated_async()
                for label, current in (("deco.sync", in_sync), ("deco.async", in_async)):
                    checks.expect(current is not None and current.name == label
                                  and current.trace_id == context.trace_id
                                  and current.parent_span_id == inner.span.span_id,
                                  f"{name}: decorated {label} span has wrong name/trace/parent")
                await asyncio.sleep(0)
            checks.expect(get_current_span() is outer.span, f"{name}: sync span is not current after async exit")
            checks.expect(outer.span.attributes.get("index") == str(index), f"{name}: set_attribute lost")
        await end_trace()
        return context.trace_id, {name: None, f"{name}.sync": name, f"{name}.async": f"{name}.sync",
                                  "deco.sync": f"{name}.async", "deco.async": f"{name}.async"}

    results = await asyncio.gather(request(0), request(1))
    checks.expect_trees(events(), dict(results))


async def threads(checks):
    from llama_stack.providers.utils.telemetry.tracing import setup_logger

    setup_logger(MemoryTelemetry())
    count = 4
    barrier = threading.Barrier(count, timeout=5)
    results = [None] * count

    def step():
        # Every thread reaches each step before any goes on, so their spans interleave.
        barrier.wait()

    async def request(index):
        from llama_stack.providers.utils.telemetry.tracing import CURRENT_TRACE_CONTEXT, end_trace, span, start_trace

        name = f"t{index}"
        context = await start_trace(name)
        step()
        with span(f"{name}.work"):
            step()
            inner = await start_trace(f"{name}.inner")
            checks.expect(inner.trace_id == context.trace_id, f"{name}: nested start_trace returned another trace id")
            step()
            await end_trace()
            checks.expect(CURRENT_TRACE_CONTEXT.get() is context, f"{name}: outer context lost after nested end_trace")
            step()
        await end_trace()
        return context.trace_id, {name: None, f"{name}.work": name, f"{name}.inner": f"{name}.work"}

    def run(index):
        try:
            results[index] = asyncio.run(request(index))
        except Exception as error:
            barrier.abort()
            checks.expect(False, f"thread {index} raised {error!r}")

    workers = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if checks.expect(all(results), "a thread did not finish"):
        checks.expect_trees(events(), dict(results))


async def from_import_after_startup(checks):
    checks.expect(TRACING not in sys.modules, "the tracing module was imported during start-up")
    from llama_stack.providers.utils.telemetry.tracing import (
        CURRENT_TRACE_CONTEXT,
        TraceContext,
        end_trace,
        setup_logger,
        start_trace,
    )

    setup_logger(MemoryTelemetry())
    first, second = TraceContext(None, "a" * 32), TraceContext(None, "b" * 32)
    checks.expect(first.spans is not second.spans, "TraceContext instances share one span list")
    outer = await start_trace("outer")
    inner = await start_trace("inner")
    checks.expect(inner.trace_id == outer.trace_id, "imported start_trace is not nesting-aware")
    await end_trace()
    checks.expect(CURRENT_TRACE_CONTEXT.get() is outer, "imported end_trace dropped the outer context")
    await end_trace()
    checks.expect(CURRENT_TRACE_CONTEXT.get() is None, "imported end_trace did not end the outer trace")


SCENARIOS = {function.__name__: function for function in (
    concurrent_requests, nested_start_trace, no_active_trace, span_forms, threads, from_import_after_startup)}


def main(name):
    checks = Checks()
    try:
        asyncio.run(SCENARIOS[name](checks))
        result = checks.verdict()
    except Exception:
        result = {"verdict": "error", "problems": checks.problems + [traceback.format_exc()]}
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
