// End-to-end: the single self-contained HTML file (scripts/build-single-file.sh) opened
// from disk (file://) with no server: it plays, steps, switches language, exports for
// Spark (the worker from a Blob URL), saves a chart and every chart as PNG and runs a small
// sweep (the lazy module with the pictures and the Sweep view is in the file too); no
// console error and no request
// but the file itself and the in-memory Blob URLs the page makes.
// BSLAB_SINGLE_FILE is the file (scripts/test.sh sets it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, setMaxSpeed, waitFinished, waitSettled, SCREENSHOTS } from './helpers.mjs';

const FILE = process.env.BSLAB_SINGLE_FILE;
let browser;
before(async () => {
  browser = await launch({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  // A file:// page has no origin to grant to: grant to every page of this profile.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => {
  await browser?.close();
});

test('the single file works from file:// with no request at all', { skip: !FILE && 'BSLAB_SINGLE_FILE not set' }, async () => {
  const url = pathToFileURL(FILE).href;
  const page = await browser.context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('panel-streaming').waitFor({ state: 'visible', timeout: 30_000 });

  await page.getByTestId('preset').selectOption('late-data-watermark');
  await waitSettled(page);
  // A 10 min run. Export for Spark: the worker starts from a Blob URL, the zip is downloaded.
  const duration = page.getByTestId('field-duration_ms');
  await duration.fill('10 min');
  await duration.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=run-state]').dataset.duration === '600000');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  const zip = readFileSync(await download.path());
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'the download is a zip');
  await page.getByTestId('export-status').filter({ hasText: /\.zip/ }).waitFor();

  // Step: the clock leaves 00:00:00.
  await page.getByTestId('step').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').innerText !== '00:00:00');

  // Play to the end.
  await setMaxSpeed(page);
  await page.getByTestId('play').click();
  await waitFinished(page);
  await waitSettled(page);
  assert.equal(await page.getByTestId('clock').innerText(), '00:10:00');

  // Switch language.
  await page.getByTestId('lang').click();
  await page.getByText('Iniciar', { exact: false }).first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'pt-BR');

  // Pictures are made by the lazy module the file carries: a chart's PNG and "Save all".
  for (const [testid, name] of [['png-chart-latency', 'bslab-chart-latency.png'], ['save-all', 'bslab-charts.png']]) {
    await page.getByTestId(testid).scrollIntoViewIfNeeded();
    const [picture] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    assert.equal(picture.suggestedFilename(), name);
    const png = readFileSync(await picture.path());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${name} is a PNG`);
  }
  await page.getByTestId('panel-streaming').scrollIntoViewIfNeeded();

  // Copy a link: built without a public address, it is the file's own, and says so.
  await page.getByTestId('share').click();
  await page.getByTestId('share-note').waitFor();
  let link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${url}#v=`), link);
  assert.match(await page.getByTestId('share-note').innerText(), /BSLAB_PUBLIC_URL/);
  await page.screenshot({ path: join(SCREENSHOTS, 'single-file-1366x768-pt.png') });
  // With a public address (what BSLAB_PUBLIC_URL sets in the file), the link starts with it.
  await page.evaluate(() => { window.bslabStandalone.publicUrl = 'https://example.org/bslab/'; });
  await page.getByTestId('share').click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('https://'));
  link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^https:\/\/example\.org\/bslab\/#v=\d+&[^#\s]*t=\d+$/);
  assert.equal(await page.getByTestId('share-note').count(), 0);
  // The QR code library is inside the file: the QR code is drawn with no request.
  await page.getByTestId('qr').click();
  await page.getByTestId('qr-code').locator('svg').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-code').waitFor({ state: 'detached' });

  // The Sweep view is a third wasm inside the file, decoded and mounted with no request;
  // a sweep of two values runs in the worker (a Blob URL) and draws its points.
  await page.getByTestId('sweep').scrollIntoViewIfNeeded();
  await page.getByTestId('sweep-count').fill('2');
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=sweep]')?.dataset.state === 'done',
    null, { timeout: 120_000, polling: 100 });
  assert.ok(await page.getByTestId('sweep-point').count() >= 2, 'the sweep drew its points');

  assert.deepEqual(errors, [], 'console errors');
  const network = requests.filter((r) => r !== url && !r.startsWith('blob:'));
  assert.deepEqual(network, [], 'requests other than the file and its own Blob URLs');
  await page.close();
});
