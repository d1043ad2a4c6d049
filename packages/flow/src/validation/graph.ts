/** Small graph helpers over node ids; iterative so long chains cannot overflow the stack. */
export type Successors = (id: string) => readonly string[];

export function reachableFrom(roots: Iterable<string>, successors: Successors): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const root of roots) {
    if (!seen.has(root)) {
      seen.add(root);
      queue.push(root);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors(queue[i] as string)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Tarjan's strongly connected components, without recursion. Components come in reverse topological order. */
export function stronglyConnected(ids: readonly string[], successors: Successors): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: readonly string[]; i: number }> = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id), i: 0 });
    };
    open(root);
    while (work.length) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.i < frame.next.length) {
        const next = frame.next[frame.i] as string;
        frame.i += 1;
        if (!index.has(next)) open(next);
        else if (onStack.has(next)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(next) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle through `from` that stays inside `within`, as [from, …, last] (back to `from` implied). */
export function cycleThrough(from: string, within: ReadonlySet<string>, successors: Successors): string[] {
  const parent = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const next of successors(id)) {
      if (!within.has(next)) continue;
      if (next === from) {
        const cycle = [id];
        while (cycle[0] !== from) cycle.unshift(parent.get(cycle[0] as string) as string);
        return cycle;
      }
      if (!parent.has(next)) {
        parent.set(next, id);
        queue.push(next);
      }
    }
  }
  return [from];
}
