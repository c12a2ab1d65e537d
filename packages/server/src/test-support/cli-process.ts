import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The CLI from its sources, as `npm start` runs it (the published bin runs the same code compiled).
const cli = ['--conditions=@completions-kit/source', '--import', 'tsx', path.join(packageRoot, 'src/cli.ts')];

export interface CliServer {
  child: ChildProcess;
  /** The API root, e.g. http://127.0.0.1:PORT/v1. */
  url: string;
  origin: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Spawns the real CLI and waits for its "listening on" line; rejects with its output if it exits first. */
export function launchCli(args: string[], env: Record<string, string> = {}): Promise<CliServer> {
  const child = spawn(process.execPath, [...cli, '--port', '0', '--rate-limit', '0', ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)\/v1/.exec(output);
      if (match) resolve({ child, url: `${match[1]}/v1`, origin: match[1] as string, output: () => output, exited });
    });
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    void exited.then((code) => reject(Object.assign(new Error(`server exited (${code}): ${output}`), { output })));
  });
}

/** Ends a process started by a test, whatever state it is in. */
export async function stopHard(server: CliServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
