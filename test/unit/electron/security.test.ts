import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAppPage,
  isRequestAllowed,
  isTrustedSender,
  withContentSecurityPolicy,
  type AppOrigin,
} from '../../../electron/main/security';
import { windowOptions } from '../../../electron/main/window-options';

const rendererDir = '/opt/roster-audit/resources/app.asar/out/renderer';
const built: AppOrigin = { rendererDir };
const dev: AppOrigin = { rendererDir, devServerUrl: 'http://localhost:5174/' };
const page = pathToFileURL(join(rendererDir, 'index.html')).href;

describe('the session request filter', () => {
  const cases = [
    { description: 'the app page', url: page, origin: built, expected: true },
    { description: 'an app asset', url: pathToFileURL(join(rendererDir, 'assets/index-abc.js')).href, origin: built, expected: true },
    { description: 'a file outside the renderer', url: 'file:///etc/passwd', origin: built, expected: false },
    { description: 'a ../ escape from the renderer', url: `file://${rendererDir}/../../../../etc/passwd`, origin: built, expected: false },
    { description: 'a sibling folder sharing the prefix', url: pathToFileURL(`${rendererDir}-evil/x.js`).href, origin: built, expected: false },
    { description: 'https', url: 'https://example.com/collect', origin: built, expected: false },
    { description: 'http to localhost in a built app', url: 'http://localhost:5174/', origin: built, expected: false },
    { description: 'a websocket', url: 'wss://example.com/', origin: built, expected: false },
    { description: 'ftp', url: 'ftp://example.com/x', origin: built, expected: false },
    { description: 'devtools', url: 'devtools://devtools/bundled/inspector.html', origin: built, expected: true },
    { description: 'an inline image', url: 'data:image/png;base64,AAAA', origin: built, expected: true },
    { description: 'a worker blob', url: 'blob:file:///0b6c-41', origin: built, expected: true },
    { description: 'the dev server in dev', url: 'http://localhost:5174/src/main.tsx', origin: dev, expected: true },
    { description: 'the dev server HMR socket in dev', url: 'ws://localhost:5174/', origin: dev, expected: true },
    { description: 'another port in dev', url: 'http://localhost:9999/', origin: dev, expected: false },
    { description: 'another host in dev', url: 'http://example.com:5174/', origin: dev, expected: false },
    { description: 'garbage', url: 'not a url', origin: built, expected: false },
  ];
  it.each(cases)('$description -> $expected', ({ url, origin, expected }) => {
    expect(isRequestAllowed(url, origin)).toBe(expected);
  });
});

describe('app pages (navigation)', () => {
  it('allows only the app page, not DevTools or data URLs', () => {
    expect(isAppPage(page, built)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(true);
    expect(isAppPage('ws://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('https://example.com/', built)).toBe(false);
    expect(isAppPage('data:text/html,<script>1</script>', built)).toBe(false);
    expect(isAppPage('devtools://devtools/', built)).toBe(false);
  });
});

describe('IPC sender trust', () => {
  const trusted = new Set([7]);
  const cases = [
    { description: 'the app window showing the app page', sender: { webContentsId: 7, frameUrl: `${page}#/roster`, isMainFrame: true }, expected: true },
    { description: 'another web contents', sender: { webContentsId: 8, frameUrl: page, isMainFrame: true }, expected: false },
    { description: 'a subframe of the app window', sender: { webContentsId: 7, frameUrl: page, isMainFrame: false }, expected: false },
    { description: 'a destroyed frame', sender: { webContentsId: 7, frameUrl: null, isMainFrame: true }, expected: false },
    { description: 'the app window navigated away', sender: { webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, expected: false },
    { description: 'the app window on another local file', sender: { webContentsId: 7, frameUrl: 'file:///tmp/evil.html', isMainFrame: true }, expected: false },
  ];
  it.each(cases)('$description -> $expected', ({ sender, expected }) => {
    expect(isTrustedSender(sender, trusted, built)).toBe(expected);
  });
  it('trusts the dev server only in dev', () => {
    const sender = { webContentsId: 7, frameUrl: 'http://localhost:5174/', isMainFrame: true };
    expect(isTrustedSender(sender, trusted, dev)).toBe(true);
    expect(isTrustedSender(sender, trusted, built)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('is the strict policy of the brief', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
  it('replaces any CSP header a response has, keeps the others', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
  it('relaxes only script-src (inline preamble) and connect-src (HMR socket) in dev', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("connect-src 'self' ws: wss:");
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('window options', () => {
  it('isolate, sandbox and keep Node out of the renderer', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});
