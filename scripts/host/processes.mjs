// Small process and network helpers for the host runners (Linux: they read /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

function parentPids() {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

/** pid and every process below it, parents first. */
function processTree(pid) {
  const parents = parentPids();
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Ends a process we started and everything it started: SIGTERM to the whole tree,
 * then SIGKILL to whatever is left after graceMs. The tree is taken before signalling
 * because children are re-parented once their parent dies.
 */
export async function stopTree(pid, graceMs = 3000) {
  if (!pid || !isAlive(pid)) return;
  const tree = processTree(pid);
  for (const p of tree) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (tree.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const p of tree) if (isAlive(p)) signal(p, 'SIGKILL');
}

/** Ends every process this process started (and their descendants). */
export async function stopOurChildren() {
  const children = [...parentPids()].filter(([, parent]) => parent === process.pid).map(([pid]) => pid);
  await Promise.all(children.map((pid) => stopTree(pid)));
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers 2xx; gives up when giveUp() returns a reason or the deadline passes. */
export async function waitForHttp(url, { deadline, giveUp }) {
  while (Date.now() < deadline) {
    const reason = giveUp();
    if (reason) throw new Error(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in time`);
}
