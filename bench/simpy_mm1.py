"""The same M/M/1 queue as `bslab run --preset queue-mm1`, in SimPy and as a plain
Python loop over the Lindley recursion (wait = max(0, previous wait + service - gap)).

    python bench/simpy_mm1.py CUSTOMERS RATE_PER_S SERVICE_MEAN_MS

Prints one line per engine: name, customers, wall seconds, mean time in system (ms)
-- it checks that both simulate the same queue -- and CPU seconds (user + system).
"""

import random
import sys
import time

import simpy


def simpy_mm1(customers, lam, mean_service_s, seed=42):
    rng = random.Random(seed)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    total = [0.0]

    def customer(env):
        arrived = env.now
        with server.request() as req:
            yield req
            yield env.timeout(rng.expovariate(1.0 / mean_service_s))
        total[0] += env.now - arrived

    def source(env):
        for _ in range(customers):
            yield env.timeout(rng.expovariate(lam))
            env.process(customer(env))

    env.process(source(env))
    env.run()
    return total[0] / customers


def lindley_mm1(customers, lam, mean_service_s, seed=42):
    rng = random.Random(seed)
    wait = 0.0
    previous_service = 0.0
    total = 0.0
    for _ in range(customers):
        gap = rng.expovariate(lam)
        wait = max(0.0, wait + previous_service - gap)
        previous_service = rng.expovariate(1.0 / mean_service_s)
        total += wait + previous_service
    return total / customers


def main():
    customers = int(sys.argv[1])
    lam = float(sys.argv[2])
    mean_service_s = float(sys.argv[3]) / 1000.0
    for name, run in [("simpy", simpy_mm1), ("python-lindley", lindley_mm1)]:
        start, cpu_start = time.perf_counter(), time.process_time()
        w = run(customers, lam, mean_service_s)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        print(f"{name} {customers} {wall:.3f} {w * 1000:.1f} {cpu:.3f}")


if __name__ == "__main__":
    main()
