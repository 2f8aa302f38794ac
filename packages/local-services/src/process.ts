import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ChildSpec {
  /** Used in messages and as the log file name. */
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Signal asking for a clean shutdown (PostgreSQL wants SIGINT for a fast shutdown). */
  stopSignal?: NodeJS.Signals;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

const live = new Set<ManagedChild>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: we can only send the signal, not wait for the result.
  process.on('exit', () => {
    for (const child of live) child.signal(child.stopSignal);
  });
}

let setprivPath: string | null | undefined;

/**
 * util-linux `setpriv --pdeathsig` makes the kernel signal the child when this process dies, even
 * by SIGKILL, where no 'exit' handler runs. It execs the target, so the pid stays the same.
 */
function findSetpriv(): string | null {
  if (setprivPath !== undefined) return setprivPath;
  setprivPath = null;
  if (process.platform === 'linux') {
    for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
      if (fs.existsSync(candidate)) {
        const probe = spawnSync(candidate, ['--pdeathsig', 'TERM', '--', 'true'], { stdio: 'ignore' });
        if (probe.status === 0) setprivPath = candidate;
        break;
      }
    }
  }
  return setprivPath;
}

export function appendLog(logFile: string, text: string): void {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.appendFileSync(logFile, text);
}

/** The end of a log file, for error messages. */
export function logTail(logFile: string, maxBytes = 3000): string {
  try {
    const fd = fs.openSync(logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, maxBytes);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

export class ManagedChild {
  readonly name: string;
  readonly logFile: string;
  readonly stopSignal: NodeJS.Signals;
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private exitInfo: ExitInfo | undefined;

  constructor(spec: ChildSpec) {
    this.name = spec.name;
    this.logFile = spec.logFile;
    this.stopSignal = spec.stopSignal ?? 'SIGTERM';
    appendLog(spec.logFile, `\n=== ${new Date().toISOString()} ${spec.command} ${spec.args.join(' ')}\n`);
    const setpriv = findSetpriv();
    const [command, args] = setpriv
      ? [setpriv, ['--pdeathsig', this.stopSignal.replace(/^SIG/, ''), '--', spec.command, ...spec.args]]
      : [spec.command, spec.args];
    // The child writes straight into the log file: no pipe through Node that could fill up or
    // break when this process goes away.
    const out = fs.openSync(spec.logFile, 'a');
    try {
      this.child = spawn(command, args, {
        cwd: spec.cwd,
        env: spec.env ?? process.env,
        stdio: ['ignore', out, out],
        uid: spec.uid,
        gid: spec.gid,
      });
    } finally {
      fs.closeSync(out);
    }
    this.exited = new Promise<ExitInfo>((resolve) => {
      this.child.once('error', (error) => {
        this.exitInfo = { code: null, signal: null, error };
        live.delete(this);
        resolve(this.exitInfo);
      });
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        resolve(this.exitInfo);
      });
    });
    live.add(this);
    installExitHook();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  describeExit(): string {
    const info = this.exitInfo;
    if (!info) return `${this.name} is running`;
    const how = info.error
      ? `failed to start: ${info.error.message}`
      : `exited with ${info.signal ? `signal ${info.signal}` : `code ${info.code}`}`;
    return `${this.name} ${how}. End of ${this.logFile}:\n${logTail(this.logFile)}`;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.exitInfo) return;
    try {
      this.child.kill(signal);
    } catch {
      // Already gone.
    }
  }

  /** Clean shutdown, then SIGKILL when it takes longer than `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exitInfo) return;
    this.signal(this.stopSignal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.signal('SIGKILL');
      await this.exited;
    }
  }
}

/** Runs a command to completion (output into the log file); throws on failure. */
export async function runToCompletion(spec: ChildSpec): Promise<void> {
  const child = new ManagedChild(spec);
  const info = await child.exited;
  if (info.error || info.code !== 0) throw new Error(child.describeExit());
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails early when the child exits. */
export async function waitUntilReady(
  child: ManagedChild,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited) throw new Error(child.describeExit());
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${child.name} not ready after ${timeoutMs} ms. End of ${child.logFile}:\n${logTail(child.logFile)}`,
      );
    }
    await sleep(100);
  }
}

export async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export function tcpOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
