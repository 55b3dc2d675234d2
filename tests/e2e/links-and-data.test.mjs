// Links that last and fit, their QR code, and the data out as CSV (issue 17): a link made by an
// earlier version opens to the same fingerprint as today's short link of the same experiment;
// the QR code decodes (jsQR) to the link; a chart's CSV downloads with its documented header.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import {
  launch, openPage, assertNoProblems, gotoApp, waitSettled, REPO_ROOT,
} from './helpers.mjs';

const browser = await launch();
after(() => browser.close());

const digest = (page) => page.getByTestId('digest').innerText();

/** The old links kept as fixtures: [preset, change, hash]. */
const OLD_LINKS = readFileSync(join(REPO_ROOT, 'src', 'share', 'old_links.txt'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' '));

test('an old link opens to the same fingerprint as the short link made from it', async () => {
  const { page, problems } = await openPage(browser.context);
  const [, , oldHash] = OLD_LINKS[0];
  await gotoApp(page, `/${oldHash}`);
  await waitSettled(page);
  const before = await digest(page);
  assert.equal(await page.getByTestId('notice').count(), 0);

  await page.getByTestId('share').click();
  await page.getByTestId('share-url').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v=2&b=\d+&d=[A-Za-z0-9_-]*&t=\d+$/);
  assert.ok(link.length < 300, `${link.length} characters`);
  assert.ok(link.length < oldHash.length / 4, 'much shorter than the old link');

  const { page: other, problems: otherProblems } = await openPage(browser.context);
  await other.goto(link);
  await other.getByTestId('panel-batch').waitFor();
  await waitSettled(other);
  assert.equal(await digest(other), before, 'same fingerprint');

  // The QR code fills the screen and decodes to the link.
  await page.getByTestId('qr').click();
  await page.getByTestId('qr-code').waitFor();
  const box = await page.getByTestId('qr-code').boundingBox();
  assert.ok(box.width >= 0.7 * 768 && box.height >= 0.7 * 768, `big enough: ${box.width}×${box.height}`);
  const shot = await page.screenshot({ clip: box });
  const pixels = await page.evaluate(async (png) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height);
    return { w: img.width, h: img.height, rgba: Array.from(data.data) };
  }, shot.toString('base64'));
  const decoded = jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.w, pixels.h);
  assert.ok(decoded, 'a QR code is found');
  assert.equal(decoded.data, link);
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-code').waitFor({ state: 'detached' });

  // A chart's numbers as CSV: documented header, one row per sample.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-latency').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bslab-latency.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const [header, ...rows] = text.trim().split('\n');
  assert.equal(header, 't_ms,batch_p50_ms,batch_p99_ms,batch_oldest_waiting_ms,streaming_p50_ms,streaming_p99_ms,streaming_oldest_waiting_ms');
  assert.ok(rows.length > 10, `${rows.length} rows`);
  assert.ok(rows.every((r) => r.split(',').length === 7));

  assertNoProblems(problems);
  assertNoProblems(otherProblems);
  await other.close();
  await page.close();
});
