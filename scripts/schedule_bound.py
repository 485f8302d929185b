"""The build a scheduler with no cost of its own would run: the same actions, taking exactly the
time their programs took (`process` in ampu's --timings JSON), started in ampu's order (the
ready action first in the plan first) on the same number of slots. What the measured execution
takes beyond that is the scheduler's own overhead; what it takes beyond sum/jobs is the plan's
(an action that must wait for another leaves a slot idle, whoever schedules it)."""
import heapq


def makespan(timings):
    """Seconds the zero-overhead schedule of a --timings JSON takes."""
    actions = {a["id"]: a for a in timings["actions"]}
    waiting = {i: sum(1 for d in a["dependencies"] if d in actions) for i, a in actions.items()}
    dependents = {i: [] for i in actions}
    for i, a in actions.items():
        for d in a["dependencies"]:
            if d in actions:
                dependents[d].append(i)
    ready = [i for i, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    running = []
    now = 0.0
    while ready or running:
        while ready and len(running) < timings["jobs"]:
            i = heapq.heappop(ready)
            heapq.heappush(running, (now + actions[i]["process"], i))
        now, i = heapq.heappop(running)
        for d in dependents[i]:
            waiting[d] -= 1
            if waiting[d] == 0:
                heapq.heappush(ready, d)
    return now
