#!/usr/bin/env python3
"""Solomon-style VRPTW instances nobody tuned for: R (customers spread uniformly), C (in
clusters, windows placed around the arrival times of a clustered route plan, as Solomon built
his C series) and RC (half of each), type 1 (short horizon, small vans) or type 2 (long
horizon, large vans), any number of customers, from a seed. Written in Solomon's text format,
so `aftercare plan --solomon`, PyVRP and OR-Tools read the same file.

The square grows with the customer count (side = 100 * sqrt(n / 100), as Gehring and Homberger
scaled Solomon's square for 200 to 1,000 customers), and so do the horizon and the windows,
keeping routes about as long in customers as in Solomon's sets. Every customer can be reached
within its window and the van can return before the depot closes; the C instances have a
feasible plan by construction.

Usage: bench/generate.py --kind R1 --customers 100 --seed 7 [--out DIR]
       bench/generate.py --kinds R1 C1 RC1 --count 10 --customers 100 --seed 7 --out DIR
"""
import argparse
import math
import os
import random
import sys

KINDS = ("R1", "R2", "C1", "C2", "RC1", "RC2")

# Per kind, Solomon's figures for 100 customers on a 100 x 100 square: depot closing time,
# van capacity, service time.
SOLOMON = {
    "R1": (230, 200, 10),
    "R2": (1000, 1000, 10),
    "C1": (1236, 200, 90),
    "C2": (3390, 700, 90),
    "RC1": (240, 200, 10),
    "RC2": (960, 1000, 10),
}


def distance(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def clustered(rng, count, side, clusters):
    """`count` points around `clusters` centres, spread about 3 % of the side."""
    centres = [(rng.uniform(0.1, 0.9) * side, rng.uniform(0.1, 0.9) * side) for _ in range(clusters)]
    points = []
    for i in range(count):
        cx, cy = centres[i % clusters]
        x = min(side, max(0.0, rng.gauss(cx, 0.03 * side)))
        y = min(side, max(0.0, rng.gauss(cy, 0.03 * side)))
        points.append((x, y))
    return points


def cluster_plan(depot, points, demands, capacity, service, horizon):
    """Routes that visit the points cluster by cluster: sorted by angle around the depot,
    then filled in nearest-neighbour order while the van's load and the depot's closing time
    allow. Returns each point's arrival time."""
    order = sorted(range(len(points)), key=lambda i: math.atan2(points[i][1] - depot[1], points[i][0] - depot[0]))
    arrival = [0.0] * len(points)
    left = order[:]
    while left:
        at, t, load = depot, 0.0, 0
        route = []
        while left:
            # The next point: the nearest of the next few in angle order (keeps clusters whole).
            window = left[: max(1, min(len(left), 12))]
            nxt = min(window, key=lambda i: distance(at, points[i]))
            reach = t + distance(at, points[nxt])
            if route and (load + demands[nxt] > capacity or reach + service + distance(points[nxt], depot) > horizon):
                break
            arrival[nxt] = reach
            t, load, at = reach + service, load + demands[nxt], points[nxt]
            route.append(nxt)
            left.remove(nxt)
    return arrival


def generate(kind, customers, seed):
    """One instance as (name, vehicles, capacity, rows) with rows = [id, x, y, demand, ready, due, service]."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not 10 <= customers <= 5000:
        raise ValueError(f"customers must be from 10 to 5000, not {customers}")
    rng = random.Random(f"{kind}/{customers}/{seed}")
    scale = math.sqrt(customers / 100.0)
    side = 100.0 * scale
    base_horizon, capacity, service = SOLOMON[kind]
    horizon = round(base_horizon * scale)
    depot = (round(side / 2), round(side / 2))
    family = kind.rstrip("12")
    if family == "R":
        points = [(rng.uniform(0, side), rng.uniform(0, side)) for _ in range(customers)]
    elif family == "C":
        points = clustered(rng, customers, side, max(2, customers // 10))
    else:
        half = customers // 2
        points = [(rng.uniform(0, side), rng.uniform(0, side)) for _ in range(half)]
        points += clustered(rng, customers - half, side, max(2, customers // 16))
        rng.shuffle(points)
    points = [(round(x), round(y)) for x, y in points]
    if family == "C":
        demands = [10 * rng.randint(1, 4) for _ in points]
    else:
        demands = [rng.randint(1, 40) for _ in points]

    # Windows: the share of customers with a window and how wide they are, drawn per
    # instance from Solomon's settings (25/50/75/100 %; narrow, medium, wide or mixed).
    share = rng.choice((0.25, 0.5, 0.75, 1.0))
    width_mode = rng.choice(("narrow", "medium", "wide", "mixed"))
    # Half-widths are given for Solomon's R1 horizon (230) and C1 horizon (1236) and grow
    # with the kind's horizon and the square.
    unit = horizon / 230.0 if family != "C" else scale * base_horizon / 1236.0
    half_widths = {"narrow": (5, 5), "medium": (15, 15), "wide": (30, 30), "mixed": (5, 60)}
    if family == "C":
        arrival = cluster_plan(depot, points, demands, capacity, service, horizon)
        half_widths = {"narrow": (30, 30), "medium": (60, 60), "wide": (90, 90), "mixed": (30, 90)}
    rows = [[0, depot[0], depot[1], 0, 0, horizon, 0]]
    for i, (p, q) in enumerate(zip(points, demands), start=1):
        out = math.ceil(distance(depot, p))
        latest = horizon - out - service  # last start that still returns in time
        lo, hi = half_widths[width_mode]
        h = rng.uniform(lo, hi) * unit
        if rng.random() < share:
            centre = arrival[i - 1] if family == "C" else rng.uniform(out, latest)
            ready = max(out, math.floor(centre - h))
            due = min(latest, math.ceil(centre + h))
            if due < ready:
                ready, due = out, latest
        else:
            ready, due = 0, latest
        rows.append([i, p[0], p[1], q, ready, due, service])
    vehicles = max(3, customers // 4)
    name = f"{kind}_{customers}_{seed}"
    return name, vehicles, capacity, rows


def write(path, name, vehicles, capacity, rows):
    with open(path, "w") as f:
        f.write(f"{name}\n\nVEHICLE\nNUMBER     CAPACITY\n{vehicles:5d}{capacity:12d}\n\nCUSTOMER\n")
        f.write("CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n")
        for r in rows:
            f.write("".join(f"{int(v):10d}" for v in r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=KINDS)
    ap.add_argument("--kinds", nargs="*", choices=KINDS)
    ap.add_argument("--count", type=int, default=1, help="instances per kind, seeds seed, seed+1, ...")
    ap.add_argument("--customers", type=int, default=100)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    kinds = args.kinds or ([args.kind] if args.kind else None)
    if not kinds:
        ap.error("give --kind or --kinds")
    if args.count < 1:
        ap.error("--count must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    for kind in kinds:
        for k in range(args.count):
            try:
                name, vehicles, capacity, rows = generate(kind, args.customers, args.seed + k)
            except ValueError as e:
                ap.error(str(e))
            write(os.path.join(args.out, f"{name}.txt"), name, vehicles, capacity, rows)
            print(name)


if __name__ == "__main__":
    sys.exit(main())
