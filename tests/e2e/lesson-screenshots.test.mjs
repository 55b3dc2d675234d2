// Screenshots of the three lessons whose charts must stay true under load: the online
// store (sales), the spike that overloads streaming, and the M/M/1 queue with its
// queueing-theory panel; on a projector (1024×768) and a large screen (1920×1080), in
// both languages, at 70 % of each run (opened through its share link: reproducible).
// Written to screenshots/ (not committed), e.g. screenshots/lesson-streaming-falls-behind-1024x768-pt.png.
import { test } from 'node:test';
import { join } from 'node:path';
import {
  launch, openPage, assertNoProblems, gotoApp, waitSettled, SCREENSHOTS, LOCALES, SCREEN_SIZES, trackedBrowsers, pageHash,
} from './helpers.mjs';

const PRESETS = ['sales-daily-vs-live', 'streaming-falls-behind', 'queue-mm1'];
const browsers = trackedBrowsers();

for (const [lang, locale] of LOCALES) {
  test(`lesson screenshots in ${locale}`, async () => {
    const browser = await launch({ viewport: SCREEN_SIZES[1], locale });
    browsers.push(browser);
    const { page, problems } = await openPage(browser.context);
    for (const preset of PRESETS) {
      await page.setViewportSize(SCREEN_SIZES[1]);
      await gotoApp(page, `/?${preset}`);
      await page.getByTestId('preset').selectOption(preset);
      await waitSettled(page);
      const duration = Number(await page.getByTestId('run-state').getAttribute('data-duration'));
      const hash = await pageHash(page);
      for (const viewport of SCREEN_SIZES) {
        // Loaded at each size, as a projector or a laptop opens it (the parameter panel
        // starts open only on wide screens).
        await page.setViewportSize(viewport);
        await gotoApp(page, `/?${preset}-${viewport.width}${hash}&t=${Math.round(duration * 0.7)}`);
        await waitSettled(page);
        const name = `lesson-${preset}-${viewport.width}x${viewport.height}-${lang}`;
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
        // Off-screen charts are not painted (content-visibility): scroll to them instead of
        // taking the whole page. The queue lesson's point is its queueing panel.
        const part = preset === 'queue-mm1' ? 'queueing' : 'chart-throughput';
        await page.getByTestId(part).scrollIntoViewIfNeeded();
        await page.waitForTimeout(150);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${part}.png`) });
      }
    }
    assertNoProblems(problems);
  });
}
