import { launch, openPage, gotoApp, setMaxSpeed, waitSettled } from './helpers.mjs';
const browser = await launch({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
const { page } = await openPage(browser.context);
await gotoApp(page);
await page.getByTestId('preset').selectOption('batch-late-but-cheap');
await waitSettled(page);
await setMaxSpeed(page);
await page.getByTestId('event-time').scrollIntoViewIfNeeded();
await page.evaluate(() => {
  window.__m = {};
  const where = (n) => { const el = n.nodeType === 1 ? n : n.parentElement; if (!el) return '?'; const c = el.closest('[data-testid],[class]'); let path = []; let e = el; for (let i=0;i<3&&e;i++,e=e.parentElement) path.push((e.tagName||'').toLowerCase()+(e.className&&typeof e.className==='string'?'.'+e.className.split(' ')[0]:'')); return path.reverse().join('>'); };
  new MutationObserver((ms) => { for (const m of ms) { const k = m.type + ' ' + (m.attributeName ?? '') + ' @ ' + where(m.target); window.__m[k] = (window.__m[k] ?? 0) + 1; } }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
await page.getByTestId('play').click();
await page.waitForTimeout(3000);
await page.getByTestId('play').click();
const m = await page.evaluate(() => window.__m);
console.log(Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v}\t${k}`).join('\n'));
await browser.close();
