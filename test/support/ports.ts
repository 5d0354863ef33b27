// Ports for the servers tests start, in their own process or a child. Chosen below the kernel's ephemeral
// range: a port from that range can be taken between the choice and the server's listen by any outgoing
// connection (a database client, Chromium, a fetch), and once was (EADDRINUSE in the replicas test).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 10_000;

function ephemeralStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return first > LOWEST + 1000 ? first : 32_768;
  } catch {
    return 32_768; // Linux's default, and what a machine without /proc is likely to use
  }
}
const ABOVE = ephemeralStart();

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

// Handed out by this process already: two servers about to start never get the same one.
const given = new Set<number>();

/** A port nothing listens on, below the ephemeral range, for a server a test is about to start. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const port = LOWEST + Math.floor(Math.random() * (ABOVE - LOWEST));
    if (given.has(port) || !(await canListen(port))) continue;
    given.add(port);
    return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${ABOVE}`);
}
