// Shared helpers of the end-to-end tests: launch Debian's Chromium (no browser download)
// with a fresh profile, open pages that record every problem, drive the app.
// The tests run against BSLAB_BASE_URL (scripts/test.sh serves the release build there).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BSLAB_BASE_URL;
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(REPO_ROOT, 'screenshots');

// Same flags as webdriver.json (the Rust browser tests): no sandbox, no GPU, no network chatter.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium with a fresh, throw-away profile (no cache, no storage from an earlier
 * run). Returns { context, close }.
 */
export async function launch({ viewport = { width: 1366, height: 768 }, locale = 'en-US' } = {}) {
  assert.ok(BASE_URL, 'set BSLAB_BASE_URL to the served app, e.g. http://127.0.0.1:8080/');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'bslab-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.BSLAB_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--lang=${locale}`],
    locale,
    viewport,
  });
  const origin = new URL(BASE_URL).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page that records console errors, page errors and requests that leave 127.0.0.1. */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], externalRequests: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    const local = url.hostname === '127.0.0.1';
    const inline = ['data:', 'blob:', 'about:'].includes(url.protocol);
    if (!local && !inline) problems.externalRequests.push(req.url());
  });
  // A request cut by leaving the page is not a failure: the Sweep view's wasm, fetched
  // once the first picture is drawn, is often still loading when a test opens another link.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.failedRequests.push(req.url());
  });
  return { page, problems };
}

/** Asserts that a page recorded no problem. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.externalRequests, [], 'requests to anything but 127.0.0.1');
  assert.deepEqual(problems.failedRequests, [], 'failed requests');
}

/**
 * The address bar's hash as the page holds it now. Not `new URL(page.url()).hash`:
 * Playwright learns of `history.replaceState` from an event that may arrive after the
 * page has settled, so `page.url()` can still be the address before the app wrote the
 * experiment into it (a fork test then reopened the stored experiment at t = 0).
 */
export async function pageHash(page) {
  return page.evaluate(() => location.hash);
}

/** Opens the app at `hash` (e.g. '#c=…') and waits until it has rendered both panels. */
export async function gotoApp(page, hash = '') {
  const response = await page.goto(new URL(hash, BASE_URL).href, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  await page.getByTestId('panel-streaming').waitFor({ state: 'visible', timeout: 20_000 });
}

/** The speed option index of "max" (the last one). */
export async function setMaxSpeed(page) {
  const speed = page.getByTestId('speed');
  const last = await speed.locator('option').count();
  await speed.selectOption({ index: last - 1 });
}

/** Waits until the run is finished (the play button is back and the clock equals the duration). */
export async function waitFinished(page, timeout = 60_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-state]')?.dataset.state === 'finished',
    null,
    { timeout },
  );
}

/** Waits until the report of the current instant is shown (after a pause, a catch-up...). */
export async function waitSettled(page, timeout = 60_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=run-state]')?.dataset.settled === 'true',
    null,
    { timeout },
  );
}

/**
 * The experiment of a share-link hash, as an object: version 2 (`#v=2&b=<base>&d=<patch>`,
 * a JSON Merge Patch on a frozen base of src/share/bases_v2.json) or version 1 (`#c=<json>`).
 */
export function hashConfig(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const json = (b64) => JSON.parse(Buffer.from(b64, 'base64url').toString('utf8') || 'null');
  if (params.get('v') === '2') {
    const bases = JSON.parse(readFileSync(join(REPO_ROOT, 'src', 'share', 'bases_v2.json'), 'utf8'));
    return mergePatch(structuredClone(bases[Number(params.get('b'))]), json(params.get('d') ?? ''));
  }
  return json(params.get('c'));
}

/** RFC 7396 MergePatch. */
function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch ?? target;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * One browser for a whole test file: launched before its first test, closed after its last.
 * Returns an object whose `context` is the browser's, ready once the tests run.
 */
export function sharedBrowser(options) {
  let browser;
  before(async () => {
    browser = await launch(options);
  });
  after(async () => {
    await browser?.close();
  });
  return {
    get context() {
      return browser.context;
    },
  };
}

/**
 * Visible texts under `minPx` (16 px unless told) inside `selector` (SVG text scaled by its
 * plot's drawn size), at most 8: what a class at the back of the room cannot read. With
 * `viewportOnly`, only what is on screen now (a lesson's first beat, not the page below it).
 */
export const tinyTextIn = (page, selector, { minPx = 16, viewportOnly = false } = {}) => page.evaluate(
  ({ selector, minPx, viewportOnly }) => {
    const tiny = [];
    for (const el of document.querySelectorAll(`${selector}, ${selector} *`)) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (viewportOnly && (r.width === 0 || r.bottom < 0 || r.top > innerHeight)) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.closest('svg');
      const vb = svg?.viewBox?.baseVal;
      if (svg && vb?.width) px *= svg.getBoundingClientRect().width / vb.width;
      if (px < minPx - 0.1) tiny.push(`${el.tagName}.${el.getAttribute('class')} "${el.textContent.trim().slice(0, 20)}": ${px.toFixed(1)}px`);
    }
    return tiny.slice(0, 8);
  },
  { selector, minPx, viewportOnly },
);

/** `bslab run --config <config> --at T --event-time`, parsed: the counts the event-time
 * picture must show at instant `tMs` (its temporary config file removed afterwards). */
export function cliEventTimeCounts(config, tMs) {
  const dir = mkdtempSync(join(tmpdir(), 'bslab-et-'));
  const file = join(dir, 'config.json');
  try {
    writeFileSync(file, JSON.stringify(config));
    const cli = spawnSync('cargo', ['run', '--release', '-q', '-p', 'bslab-cli', '--', 'run', '--config', file,
      '--at', String(tMs), '--event-time'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    return JSON.parse(cli.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The two languages every screenshot is taken in: [short name, browser locale]. */
export const LOCALES = [
  ['en', 'en-US'],
  ['pt', 'pt-BR'],
];

/** The two screens every screenshot is taken on: a projector and a large screen. */
export const SCREEN_SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

/** A list of launched browsers that the file's tests close when they are done. */
export function trackedBrowsers() {
  const browsers = [];
  after(async () => {
    for (const b of browsers) await b.close();
  });
  return browsers;
}

/**
 * A full-page screenshot as a person scrolling down would see it. The charts skip painting
 * while off screen (`content-visibility: auto` in style.css), and a full-page capture does not
 * scroll, so every chart below the first screen came out as an empty frame: this paints them
 * all for the capture, then gives the page its own style back.
 */
export async function fullPageShot(page, path) {
  const style = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path, fullPage: true });
  await style.evaluate((el) => el.remove());
}
