import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { call } from './http-client.js';

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last few kilobytes the process printed, for error messages. */
  output(): string;
  exited(): boolean;
}

const running = new Set<Child>();

/**
 * Starts a process the bench owns; `stopAll` (and the exit hooks of `installCleanup`) end it.
 * @example const child = startChild('claimline', process.execPath, ['--import', 'tsx', 'src/server.ts'], env)
 */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const proc = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let done = false;
  const child: Child = { name, process: proc, pid: proc.pid, output: () => tail, exited: () => done };
  proc.on('exit', () => {
    done = true;
    running.delete(child);
  });
  running.add(child);
  return child;
}

/** SIGTERM, so a server can close its files and release its lock; SIGKILL when it takes longer than `graceMs`. */
export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  if (child.exited()) return;
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/**
 * Ends every child however the bench ends: normally, on Ctrl-C, or on a crash; `onExit` runs last, synchronously
 * (for removing temp files).
 */
export function installCleanup(onExit: () => void = () => undefined): void {
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping servers…`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // Last resort when the bench exits without awaiting stopAll: nothing asynchronous runs here.
  process.on('exit', () => {
    for (const child of running) child.process.kill('SIGKILL');
    onExit();
  });
}

/** A port free on 127.0.0.1 right now; the server is started right after, so a race is unlikely. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Ready {
  /** From spawning to the end of the first 200 response. */
  coldStartMs: number;
  /** How long that first 200 response itself took: the first, uncached render. */
  firstResponseMs: number;
}

/**
 * Polls `path` until it answers 200, counting from `spawnedAt`.
 * @throws when the process exits first or nothing answers within `timeoutMs`, with what it printed.
 */
export async function waitUntilServing(child: Child, port: number, path: string, spawnedAt: number, timeoutMs: number): Promise<Ready> {
  for (;;) {
    if (child.exited()) throw new Error(`${child.name} exited before serving:\n${child.output()}`);
    if (performance.now() - spawnedAt > timeoutMs) {
      throw new Error(`${child.name} did not answer ${path} within ${timeoutMs / 1000} s:\n${child.output()}`);
    }
    try {
      const reply = await call(port, path, {}, false);
      if (reply.status === 200) return { coldStartMs: performance.now() - spawnedAt, firstResponseMs: reply.ms };
      if (reply.status >= 500) throw new Error(`${child.name} answered ${path} with ${reply.status}:\n${reply.body.toString().slice(0, 500)}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The process's peak resident memory in MB (VmHWM), or null where /proc is not available. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
