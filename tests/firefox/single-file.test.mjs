// End-to-end in Firefox: the single self-contained HTML file (scripts/build-single-file.sh)
// opened from disk (file://) with no server, driven by puppeteer-core over WebDriver BiDi
// with Debian's firefox-esr (nothing is downloaded). It plays, steps, switches language,
// exports for Spark (the worker from a Blob URL), saves a chart as PNG (the lazy module the
// file carries) and copies a link; no console error and no
// request but the file itself and the in-memory Blob URLs the page makes.
// Run by the `single-file` stage of scripts/test.sh; BSLAB_SINGLE_FILE is the file and
// BSLAB_FIREFOX the browser (default /usr/bin/firefox-esr).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const FILE = process.env.BSLAB_SINGLE_FILE;
const FIREFOX = process.env.BSLAB_FIREFOX ?? '/usr/bin/firefox-esr';
const downloads = mkdtempSync(join(tmpdir(), 'bslab-firefox-downloads-'));
const profile = mkdtempSync(join(tmpdir(), 'bslab-firefox-profile-'));
let browser;

before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // Downloads go to a throw-away folder without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Lets the test read the clipboard without a paste prompt (Firefox's own test switch).
      'dom.events.testing.asyncClipboard': true,
    },
  });
});
after(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const byId = (id) => `[data-testid="${id}"]`;

/** Waits until the report of the current instant is shown. */
async function waitSettled(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]')?.dataset.settled === 'true', { timeout: 60_000 });
}

/**
 * Waits for a finished download in the downloads folder and returns its path: Firefox makes
 * the file empty at once and writes a `.part` file beside it until it is done.
 */
async function waitDownload(suffix) {
  for (let i = 0; i < 600; i++) {
    const files = readdirSync(downloads);
    const done = files.find((f) => f.endsWith(suffix));
    if (done && !files.some((f) => f.endsWith('.part')) && statSync(join(downloads, done)).size > 0) {
      return join(downloads, done);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no *${suffix} in the downloads folder after 60 s: ${readdirSync(downloads)}`);
}

test('Firefox: the single file works from file:// with no request at all', { skip: !FILE && 'BSLAB_SINGLE_FILE not set' }, async () => {
  const url = pathToFileURL(FILE).href;
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  const errors = [];
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(byId('panel-streaming'), { visible: true, timeout: 30_000 });

  await page.select(byId('preset'), 'late-data-watermark');
  await waitSettled(page);
  // A 10 min run. Export for Spark: the worker starts from a Blob URL, the zip is downloaded.
  await page.locator(byId('field-duration_ms')).fill('10 min');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.duration === '600000');
  await page.click(byId('export'));
  const zip = readFileSync(await waitDownload('.zip'));
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'the download is a zip');
  await page.waitForFunction(() => /\.zip/.test(document.querySelector('[data-testid=export-status]')?.innerText ?? ''));

  // Step: the clock leaves 00:00:00.
  await page.click(byId('step'));
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').innerText !== '00:00:00');

  // Play to the end at the fastest speed.
  const speeds = await page.$$eval(`${byId('speed')} option`, (options) => options.map((o) => o.value));
  await page.select(byId('speed'), speeds.at(-1));
  await page.click(byId('play'));
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]')?.dataset.state === 'finished', { timeout: 60_000 });
  await waitSettled(page);
  assert.equal(await page.$eval(byId('clock'), (e) => e.innerText), '00:10:00');

  // Switch language.
  await page.click(byId('lang'));
  await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
  assert.match(await page.evaluate(() => document.body.innerText), /Iniciar/);

  // A chart's PNG, made by the lazy module the file carries.
  await page.$eval(byId('png-chart-latency'), (e) => e.scrollIntoView());
  await page.click(byId('png-chart-latency'));
  const png = readFileSync(await waitDownload('bslab-chart-latency.png'));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the picture is a PNG');
  await page.$eval(byId('share'), (e) => e.scrollIntoView());

  // Copy a link: built without a public address, it is the file's own, and says so.
  await page.click(byId('share'));
  await page.waitForSelector(byId('share-note'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${url}#v=`), link);
  assert.match(await page.$eval(byId('share-note'), (e) => e.innerText), /BSLAB_PUBLIC_URL/);
  // The QR code library is inside the file: the QR code is drawn with no request.
  await page.click(byId('qr'));
  await page.waitForSelector(`${byId('qr-code')} svg`);
  await page.keyboard.press('Escape');
  await page.waitForSelector(byId('qr-code'), { hidden: true });

  assert.deepEqual(errors, [], 'console errors');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const network = [...requests, ...loaded].filter((r) => r !== url && !r.startsWith('blob:') && !r.startsWith('data:'));
  assert.deepEqual(network, [], 'requests other than the file and its own Blob URLs');
  await page.close();
});
