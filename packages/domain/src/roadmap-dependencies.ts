/**
 * `blocks` links as a graph: the blocker must finish before (or in the same sprint as) the story it blocks.
 * (The links service refuses a link that would close a cycle; the forecast still survives one.)
 */

export interface BlocksLink {
  /** The story that must finish first. */
  blocker: string;
  /** The story that waits for it. */
  blocked: string;
}

/**
 * The nodes `0..count-1` ordered so every blocker comes before what it blocks (a depth-first walk over the
 * blockers), with each node's blockers. The API refuses cycles; should the data still hold one, the link
 * that closes it is left out rather than letting the forecast wait forever.
 */
export function blockersInOrder(
  count: number,
  links: readonly { blocker: number; blocked: number }[],
): { order: number[]; blockersOf: number[][] } {
  const all: number[][] = Array.from({ length: count }, () => []);
  for (const { blocker, blocked } of links) if (blocker !== blocked) all[blocked]?.push(blocker);
  const blockersOf: number[][] = Array.from({ length: count }, () => []);
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(count);
  const order: number[] = [];
  for (let root = 0; root < count; root++) {
    if (state[root]) continue;
    state[root] = ON_PATH;
    const path: { node: number; next: number }[] = [{ node: root, next: 0 }];
    while (path.length > 0) {
      const top = path[path.length - 1] as { node: number; next: number };
      const blocker = all[top.node]?.[top.next++];
      if (blocker === undefined) {
        state[top.node] = DONE;
        order.push(top.node);
        path.pop();
        continue;
      }
      if (state[blocker] === ON_PATH) continue; // closes a cycle: left out
      blockersOf[top.node]?.push(blocker);
      if (state[blocker] === DONE) continue;
      state[blocker] = ON_PATH;
      path.push({ node: blocker, next: 0 });
    }
  }
  return { order, blockersOf };
}
