#!/usr/bin/env python3
"""Solomon VRPTW benchmark: Aftercare's planner, OR-Tools (guided local search) and PyVRP
on the same instances with the same time limit, DIMACS convention (distances, windows and
service times x10, truncated), compared with the proven optima in bks.csv.

Every solution is verified by an independent checker here (each customer once, windows,
capacity, fleet size, return to the depot in time) before its distance counts.

Fresh instances nobody tuned for (bench/generate.py) instead of Solomon's: `--generate R1 C1 RC1
--count 10 --customers 100 [--seed S]` (the seed defaults to the clock and is printed, so every
run meets new instances and any run can be repeated). Without proven optima the comparison is
the distance ratio to PyVRP, per family (R1, C1, RC1, ...) and overall.

Settings of Aftercare's planner measured side by side: `--variant NAME=ARGS` (repeatable) runs the
planner once more per instance with ARGS added to `aftercare plan` and reports it as the solver
NAME, e.g. `--variant 'swap-star=--swap-star true'`; every Aftercare run is compared with PyVRP.

Usage: bench/solomon.py [--time-limit 10] [--instances C101 R101 ...] [--solvers aftercare ortools pyvrp]
       [--data DIR] [--aftercare PATH] [--json results.json] [--variant NAME=ARGS ...]
       bench/solomon.py --generate R1 C1 RC1 --count 10 --customers 100 [--seed S] [--solvers aftercare pyvrp]
"""
import argparse
import csv
import json
import math
import os
import subprocess
import re
import shlex
import sys
import tempfile
import time

import generate as gen

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_instance(path):
    rows, vehicles, capacity, section = [], None, None, None
    with open(path) as f:
        lines = [l.strip() for l in f if l.strip()]
    name = lines[0]
    i = 1
    while i < len(lines):
        up = lines[i].upper()
        if up.startswith("VEHICLE"):
            vehicles, capacity = (int(x) for x in lines[i + 2].split())
            i += 3
            continue
        if up.startswith("CUST"):
            section = "customers"
            i += 1
            continue
        if section == "customers":
            rows.append([float(x) for x in lines[i].split()])
        i += 1
    return name, vehicles, capacity, rows


def dimacs_matrix(rows):
    n = len(rows)
    return [[math.floor(10 * math.hypot(rows[a][1] - rows[b][1], rows[a][2] - rows[b][2])) for b in range(n)] for a in range(n)]


def check(routes, vehicles, capacity, rows, matrix):
    """Independent check; returns the distance (x10 units) or raises."""
    seen = {}
    if len(routes) > vehicles:
        raise ValueError(f"{len(routes)} routes for {vehicles} vehicles")
    total = 0
    horizon = 10 * rows[0][5]
    for r in routes:
        t, at, load = 10 * rows[0][4], 0, 0
        for c in r:
            seen[c] = seen.get(c, 0) + 1
            t = max(t + matrix[at][c], 10 * rows[c][4])
            if t > 10 * rows[c][5] + 1e-6:
                raise ValueError(f"customer {c} served at {t} after its window")
            t += 10 * rows[c][6]
            load += rows[c][3]
            total += matrix[at][c]
            at = c
        total += matrix[at][0]
        if t + matrix[at][0] > horizon + 1e-6:
            raise ValueError("route returns after the depot closes")
        if load > capacity + 1e-9:
            raise ValueError(f"load {load} above capacity {capacity}")
    missing = [c for c in range(1, len(rows)) if seen.get(c) != 1]
    if missing:
        raise ValueError(f"customers not visited exactly once: {missing[:5]}")
    return total


def run_aftercare(path, limit, binary, extra=()):
    out = subprocess.run([binary, "plan", "--solomon", path, "--time-limit", str(limit), "--rounding", "dimacs", "--seed", "1", *extra],
                         capture_output=True, text=True, timeout=limit + 60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return json.loads(out.stdout)["routes"]


def run_pyvrp(path, limit, vehicles, capacity, rows, matrix):
    import pyvrp
    from pyvrp.stop import MaxRuntime
    m = pyvrp.Model()
    horizon = int(10 * rows[0][5])
    locations = [m.add_location(x=r[1], y=r[2]) for r in rows]
    depot = m.add_depot(locations[0], tw_early=int(10 * rows[0][4]), tw_late=horizon)
    m.add_vehicle_type(num_available=vehicles, capacity=int(capacity), start_depot=depot, end_depot=depot,
                       tw_early=int(10 * rows[0][4]), tw_late=horizon)
    for loc, r in zip(locations[1:], rows[1:]):
        m.add_client(loc, delivery=int(r[3]), service_duration=int(10 * r[6]), tw_early=int(10 * r[4]), tw_late=int(10 * r[5]))
    for a, la in enumerate(locations):
        for b, lb in enumerate(locations):
            m.add_edge(la, lb, distance=matrix[a][b], duration=matrix[a][b])
    res = m.solve(stop=MaxRuntime(limit), seed=1, display=False)
    # Scheduled activities number clients from 0 among clients: customer = idx + 1.
    return [[a.idx + 1 for a in r.schedule() if a.is_client()] for r in res.best.routes()]


def run_ortools(path, limit, vehicles, capacity, rows, matrix):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    n = len(rows)
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    service = [int(10 * r[6]) for r in rows]

    def dist(i, j):
        return int(matrix[manager.IndexToNode(i)][manager.IndexToNode(j)])

    def travel(i, j):
        a, b = manager.IndexToNode(i), manager.IndexToNode(j)
        return int(matrix[a][b] + service[a])

    d = routing.RegisterTransitCallback(dist)
    routing.SetArcCostEvaluatorOfAllVehicles(d)
    t = routing.RegisterTransitCallback(travel)
    horizon = int(10 * rows[0][5])
    routing.AddDimension(t, horizon, horizon, False, "Time")
    time_dim = routing.GetDimensionOrDie("Time")
    for c in range(1, n):
        time_dim.CumulVar(manager.NodeToIndex(c)).SetRange(int(10 * rows[c][4]), int(10 * rows[c][5]))
    for v in range(vehicles):
        time_dim.CumulVar(routing.Start(v)).SetRange(int(10 * rows[0][4]), horizon)
        time_dim.CumulVar(routing.End(v)).SetRange(int(10 * rows[0][4]), horizon)
    dem = routing.RegisterUnaryTransitCallback(lambda i: int(rows[manager.IndexToNode(i)][3]))
    routing.AddDimensionWithVehicleCapacity(dem, 0, [capacity] * vehicles, True, "Load")
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(limit * 1000))
    sol = routing.SolveWithParameters(params)
    if sol is None:
        raise RuntimeError("no solution")
    routes = []
    for v in range(vehicles):
        i, r = routing.Start(v), []
        i = sol.Value(routing.NextVar(i))
        while not routing.IsEnd(i):
            r.append(manager.IndexToNode(i))
            i = sol.Value(routing.NextVar(i))
        if r:
            routes.append(r)
    return routes


def family(name):
    """R1, C2, RC1, ...: Solomon's names (R101) and generated ones (R1_100_7)."""
    m = re.match(r"([A-Z]+)(\d)", name)
    return m.group(0) if m else name


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--instances", nargs="*")
    ap.add_argument("--solvers", nargs="*", default=["aftercare", "ortools", "pyvrp"])
    ap.add_argument("--data", default=os.environ.get("SOLOMON_DIR", os.path.join(ROOT, "..", "shared", "bench", "solomon")))
    ap.add_argument("--aftercare", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "aftercare"))
    ap.add_argument("--json")
    ap.add_argument("--generate", nargs="*", choices=gen.KINDS, help="kinds of fresh instances to generate")
    ap.add_argument("--count", type=int, default=10, help="fresh instances per kind")
    ap.add_argument("--customers", type=int, default=100, help="customers per fresh instance")
    ap.add_argument("--seed", type=int, help="first seed of the fresh instances (default: the clock)")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME=ARGS",
                    help="also run the planner with ARGS added to `aftercare plan`, reported as NAME")
    args = ap.parse_args()
    variants = {}
    for v in args.variant:
        name, sep, extra = v.partition("=")
        if not sep or not name or name in ("aftercare", "ortools", "pyvrp"):
            ap.error(f"--variant {v!r}: give NAME=ARGS with a new name")
        variants[name] = shlex.split(extra)
    # Aftercare's runs first, then the other solvers, back to back on each instance.
    args.solvers = [s for s in args.solvers if s == "aftercare"] + list(variants) + [s for s in args.solvers if s != "aftercare"]
    planners = [s for s in args.solvers if s == "aftercare" or s in variants]

    bks = {}
    if args.generate:
        seed = args.seed if args.seed is not None else int(time.time()) % 1_000_000
        args.data = tempfile.mkdtemp(prefix="aftercare-vrptw-")
        print(f"fresh instances: {' '.join(args.generate)} x {args.count}, {args.customers} customers, seeds {seed}..{seed + args.count - 1}, in {args.data}")
        names = []
        for kind in args.generate:
            for k in range(args.count):
                name, vehicles, capacity, rows = gen.generate(kind, args.customers, seed + k)
                gen.write(os.path.join(args.data, f"{name}.txt"), name, vehicles, capacity, rows)
                names.append(name)
    else:
        bks_path = os.path.join(args.data, "bks.csv")
        if os.path.exists(bks_path):
            with open(bks_path) as f:
                bks = {r["instance"]: r for r in csv.DictReader(f)}
        names = args.instances or sorted(bks) or sorted(f[:-4] for f in os.listdir(args.data) if f.endswith(".txt"))
    results = []
    print(f"{'instance':9} {'optimum':>9} " + " ".join(f"{s + ' dist':>15} {'gap%':>6} {'veh':>3}" for s in args.solvers), flush=True)
    for name in names:
        path = os.path.join(args.data, f"{name}.txt")
        _, vehicles, capacity, rows = read_instance(path)
        matrix = dimacs_matrix(rows)
        opt = float(bks[name]["opt1dec_distance"]) if bks.get(name, {}).get("opt1dec_distance") else None
        line = {"instance": name, "optimum": opt}
        cells = []
        for solver in args.solvers:
            started = time.time()
            try:
                if solver == "aftercare" or solver in variants:
                    routes = run_aftercare(path, args.time_limit, args.aftercare, variants.get(solver, ()))
                elif solver == "pyvrp":
                    routes = run_pyvrp(path, args.time_limit, vehicles, capacity, rows, matrix)
                else:
                    routes = run_ortools(path, args.time_limit, vehicles, capacity, rows, matrix)
                dist = check(routes, vehicles, capacity, rows, matrix) / 10.0
                gap = None if opt is None else 100.0 * (dist - opt) / opt
                line[solver] = {"distance": dist, "gap": gap, "vehicles": len(routes), "routes": routes, "seconds": time.time() - started}
                cells.append(f"{dist:15.1f} {('%6.2f' % gap) if gap is not None else '     -'} {len(routes):3d}")
            except Exception as e:  # a failed or infeasible run is reported, not hidden
                line[solver] = {"error": str(e)}
                cells.append(f"{'FAILED':>15} {'':6} {'':3}")
        results.append(line)
        print(f"{name:9} {opt if opt else '-':>9} " + " ".join(cells), flush=True)

    print("\nmean gap to the proven optimum over instances with one (%):")
    for solver in args.solvers:
        gaps = [r[solver]["gap"] for r in results if r.get(solver, {}).get("gap") is not None]
        failed = sum(1 for r in results if "error" in r.get(solver, {}))
        if gaps:
            print(f"  {solver:10} {sum(gaps) / len(gaps):6.2f}  ({len(gaps)} instances, {failed} failed)")
    for mine in planners:
        for other in [s for s in args.solvers if s not in planners]:
            pairs = [(r[mine]["distance"], r[other]["distance"]) for r in results
                     if "distance" in r.get(mine, {}) and "distance" in r.get(other, {})]
            if pairs:
                worse = sum(1 for a, b in pairs if a > b + 1e-6)
                rel = sum((a - b) / b for a, b in pairs) / len(pairs) * 100
                print(f"  {mine} vs {other}: worse on {worse} of {len(pairs)}, mean difference {rel:+.2f} %")
    for mine in planners if "pyvrp" in args.solvers else []:
        print(f"\ndistance ratio {mine} / pyvrp (mean; below 1 is shorter), vehicles (mean):")
        families = {}
        for r in results:
            if "distance" in r.get(mine, {}) and "distance" in r.get("pyvrp", {}):
                families.setdefault(family(r["instance"]), []).append(r)
        everything = [r for rs in families.values() for r in rs]
        for fam, rs in sorted(families.items()) + [("all", everything)]:
            if not rs:
                continue
            ratio = sum(r[mine]["distance"] / r["pyvrp"]["distance"] for r in rs) / len(rs)
            va = sum(r[mine]["vehicles"] for r in rs) / len(rs)
            vp = sum(r["pyvrp"]["vehicles"] for r in rs) / len(rs)
            worse = sum(1 for r in rs if r[mine]["distance"] > r["pyvrp"]["distance"] + 1e-6)
            print(f"  {fam:5} {ratio:.4f}  on {len(rs)} instances, worse on {worse}; vehicles {va:.1f} vs {vp:.1f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
