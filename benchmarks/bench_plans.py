"""Plan benchmark: loading the bundled plans, and what one re-planning call costs.

A live runner asks `replan()` whenever something changes (a block starts or ends, a key is
pressed, or once a second on screen); this measures that call on the bundled days, late
enough that a proposal is made, and `plan check`'s diagnosis.

Usage:  python benchmarks/bench_plans.py [--runs 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from facilitate.library.plans import find_plan, load_plans, method_map
from facilitate.model.plan import Actual, diagnose, replan


def per_call(fn, runs: int) -> tuple[float, float]:
    """Median and 99th percentile of ``fn()`` in microseconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    runs = parser.parse_args().runs
    cwd = Path("/nonexistent-facilitate-bench")
    env = {"FACILITATE_CONFIG_DIR": "/nonexistent", "FACILITATE_CACHE_DIR": "off"}
    import facilitate.library.plan_parse  # noqa: F401 (YAML and the models, before the clock)

    began = time.perf_counter()
    methods = method_map(cwd, env)
    library = load_plans(cwd, env, methods)
    loaded = (time.perf_counter() - began) * 1000
    print(f"methods + {len(library.plans)} plans loaded and validated: {loaded:.1f} ms")
    for plan_id in sorted(library.plans):
        programme = find_plan(plan_id, cwd=cwd, env=env, methods=methods).programme
        first, second = programme.blocks[0], programme.blocks[1]
        late = [Actual(first.key, programme.start, programme.start + first.seconds + 900)]
        late.append(Actual(second.key, late[0].end or 0.0))
        now = (late[0].end or 0.0) + 60
        assert replan(programme, late, now).proposal is not None
        p50, p99 = per_call(lambda p=programme, a=late, n=now: replan(p, a, n), runs)
        print(f"{plan_id}: replan() with a proposal p50 {p50:.0f} µs, p99 {p99:.0f} µs")
        p50, p99 = per_call(lambda p=programme: diagnose(p), runs)
        print(f"{plan_id}: diagnose() p50 {p50:.0f} µs, p99 {p99:.0f} µs")


if __name__ == "__main__":
    main()
