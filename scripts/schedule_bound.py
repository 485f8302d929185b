"""The build a scheduler with no cost of its own would run: the same actions, taking exactly the
time their programs took (`process` in ampu's --timings JSON), started in ampu's order (the
ready action with the most work after it first, each action's work its `cost` in the JSON, ties
in plan order; on one slot, plan order) on the same number of slots. What the measured execution
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
    costs = {i: a.get("cost", 1) for i, a in actions.items()}
    chain = chains(dependents, waiting, costs) if timings["jobs"] > 1 else {i: 1 for i in actions}
    ready = [(-chain[i], i) for i, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    running = []
    now = 0.0
    while ready or running:
        while ready and len(running) < timings["jobs"]:
            _, i = heapq.heappop(ready)
            heapq.heappush(running, (now + actions[i]["process"], i))
        now, i = heapq.heappop(running)
        for d in dependents[i]:
            waiting[d] -= 1
            if waiting[d] == 0:
                heapq.heappush(ready, (-chain[d], d))
    return now


def chains(dependents, waiting, costs):
    """For each action, the work on the longest chain from it to the end, itself included."""
    waiting = dict(waiting)
    order = [i for i, n in waiting.items() if n == 0]
    for i in order:
        for d in dependents[i]:
            waiting[d] -= 1
            if waiting[d] == 0:
                order.append(d)
    chain = {}
    for i in reversed(order):
        chain[i] = costs[i] + max((chain[d] for d in dependents[i]), default=0)
    return chain


def makespan_of_slots(timings):
    """The same, each action taking its whole slot time (its program and the time its slot
    waited for ampu's own work for it, the fingerprint and the outputs' renames; renames done
    while the slot's next program runs do not hold the slot): what is left beyond this is the
    scheduler's alone (a slot idle while an action was ready), as Ninja's log counts its own
    work for a command inside the command's time."""
    slots = dict(timings, actions=[dict(a, process=a["process"] + a["own"]) for a in timings["actions"]])
    return makespan(slots)


def ninja_log(path):
    """Ninja's figures by the same formula, from the .ninja_log of a build run from nothing: its
    execution (from the build's start to the last command's end, as Ninja times it), the sum
    of its commands' run times, and when its first command started (what it spent reading
    build.ninja and its logs before, which ampu's execution does not count: its load and plan
    come before the execution's clock starts), in seconds. Ninja logs milliseconds, one line
    per output; an edge with several outputs is counted once."""
    edges = set()
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                continue
            start, end, _mtime, _output, command = line.rstrip("\n").split("\t")
            edges.add((int(start), int(end), command))
    wall = max(end for _, end, _ in edges) / 1000
    total = sum(end - start for start, end, _ in edges) / 1000
    first = min(start for start, _, _ in edges) / 1000
    return wall, total, first
