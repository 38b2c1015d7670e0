import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { makeApp } from '../helpers/app.js';

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Git-ignored (test-results/), so a reviewer can look without anything being committed. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const AXE_SOURCE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The WCAG 2.1 A and AA rule sets the issue asks for. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * One Chromium per test file, launched before its tests and closed after them.
 * Playwright's `launch` gives every browser a fresh temporary profile, removed on close.
 * A missing Chromium fails the suite loudly: a skipped browser suite would look like a passing one.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` to run the browser suite.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser did not start; see the first failure.');
    return browser;
  };
}

/**
 * Claimline on a temp database seeded with the Apple–Alibaba story (or `options.seed`), listening on a free
 * loopback port until the current test finishes.
 */
export async function startClaimline(options: Parameters<typeof makeApp>[0] = {}): Promise<string> {
  const { app } = await makeApp(options);
  return serveUntilTestEnds(app);
}

/** `app` listening on a free loopback port until the current test finishes; its base URL. */
export async function serveUntilTestEnds(app: { listen: (port: number, host: string) => Server }): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Everything a page complained about: console errors, uncaught exceptions and CSP violations. */
export interface PageTrouble {
  page: Page;
  /** Problems seen so far; answers the page asked for and handles (a form re-shown with 422) are left out. */
  problems: () => string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Statuses that are answers, not failures: a form or the date preview saying what is wrong. */
const HANDLED_STATUSES = new Set([400, 409, 422]);

/**
 * A page in its own context (closed when the test finishes) that records what a developer would see
 * in the console: errors, uncaught exceptions and Content-Security-Policy violations.
 * Chromium logs every 4xx response as a console error; a page or a `fetch` answered with a handled
 * validation status is expected, while a missing stylesheet, script or icon (404) stays a problem.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<PageTrouble> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  onTestFinished(() => context.close());
  // Well under the test timeout, so a page that never arrives fails with Playwright's own explanation.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const seen: Array<{ text: string; url: string; status?: number }> = [];
  const handled = new Set<string>();
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    if (HANDLED_STATUSES.has(response.status()) && (kind === 'document' || kind === 'fetch')) handled.add(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' && !/Content Security Policy/i.test(text)) return;
    const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(text)?.[1];
    seen.push({ text: `console ${message.type()} on ${page.url()}: ${text} (${message.location().url})`, url: message.location().url, status: status ? Number(status) : undefined });
  });
  page.on('pageerror', (error) => seen.push({ text: `uncaught on ${page.url()}: ${error.message}`, url: page.url() }));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const problems = () => seen.filter((s) => s.status === undefined || !handled.has(`${s.status} ${s.url}`)).map((s) => s.text);
  return { page, problems };
}

/** CSP violations the current document saw, as recorded by the init script of `openPage`. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in the page against WCAG 2.1 A/AA and returns readable lines, one per failing node.
 * Evaluated through the DevTools protocol rather than a `<script>` tag, because the page's CSP
 * (rightly) refuses inline scripts and the policy under test must stay the real one.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(AXE_SOURCE_PATH, 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.trim()),
  );
}

/**
 * Sends a form by `send` (a click or a key press) and checks how Claimline answered the POST itself:
 * 303 to the new page, 422 with the form shown again, or 200 for a step that stores nothing. Any other answer fails with what the page said,
 * e.g. a 403 refusal from the form or same-origin guards.
 */
export async function sendForm(page: Page, send: () => Promise<void>, expected: 200 | 303 | 422): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document');
  await send();
  const response = await answered;
  if (response.status() !== expected) {
    const said = (await response.text().catch(() => '')).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 400);
    throw new Error(`the form was answered ${response.status()} instead of ${expected}: ${said}`);
  }
  await page.waitForLoadState('load');
}

/** Where a screenshot named `name` goes; the folder is created on first use. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}${name}.png`;
}

/** Fails with every console error and CSP violation seen, so one run shows them all. */
export async function expectNoTrouble(trouble: PageTrouble): Promise<void> {
  const csp = await cspViolations(trouble.page);
  expect([...trouble.problems(), ...csp.map((line) => `CSP on ${trouble.page.url()}: ${line}`)]).toEqual([]);
}
