import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a TypeScript script from the repository under node + tsx. */
export function runScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves once the child has printed `line` on its own line. */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before "${line}": ${errors}`)));
  });
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Runs a command-line script to its end and gives its exit code and what it printed. */
export async function runToEnd(script: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = runScript(script, args);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await exited(child);
  return { code: child.exitCode, out, err };
}

/**
 * Runs a TypeScript script under a parent that never reaps its children (a shell that `exec`s `sleep`), so once
 * the script is killed it stays a zombie until that parent ends: as a killed server does while its supervisor
 * has not yet noticed. Killing the returned parent ends both.
 */
export function runUnreaped(script: string, args: string[]): ChildProcess {
  const quoted = [process.execPath, '--import', 'tsx', script, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  return spawn('sh', ['-c', `${quoted} & exec sleep 120`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}
