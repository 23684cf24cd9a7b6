// @ts-check
/**
 * `npm start`: the desktop app when the Electron runtime is installed (`electron-vite dev`), otherwise one
 * line saying so and the browser edition (`npm run web`), opened in the default browser when there is
 * one. Nothing is downloaded.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { browserOpener, FALLBACK_LINE, findElectronBinary } from './runtime.mjs';

const root = join(import.meta.dirname, '..', '..');
const WEB_URL = 'http://localhost:5173/';
const isWindows = process.platform === 'win32';

/**
 * Runs a command in the repository, forwarding stdio; exits with its code.
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/**
 * Resolves when the URL answers, or after `tries` attempts.
 * @param {string} url
 * @param {number} tries
 * @returns {Promise<boolean>}
 */
function waitFor(url, tries) {
  return new Promise((resolve) => {
    const attempt = (/** @type {number} */ left) => {
      const req = request(url, { method: 'HEAD', timeout: 1000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => (left > 0 ? setTimeout(() => attempt(left - 1), 500) : resolve(false)));
      req.on('timeout', () => req.destroy());
      req.end();
    };
    attempt(tries);
  });
}

/** @param {string} url */
function openBrowser(url) {
  const opener = browserOpener(process.platform);
  if (!opener) return;
  try {
    const child = spawn(opener.command, opener.args(url), { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser here: the URL is printed above
    child.unref();
  } catch {
    // ignore: opening a browser is a convenience
  }
}

if (findElectronBinary(root, process.env)) {
  run(join(root, 'node_modules', '.bin', isWindows ? 'electron-vite.cmd' : 'electron-vite'), ['dev']);
} else {
  console.log(FALLBACK_LINE(WEB_URL));
  run(isWindows ? 'npm.cmd' : 'npm', ['run', '--silent', 'web']);
  void waitFor(WEB_URL, 60).then((up) => {
    if (up) openBrowser(WEB_URL);
  });
}
