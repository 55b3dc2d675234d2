// The web-traffic scenario played to the end in both languages: its dashboard caption, the
// session rows of the summary (sessions, pages per session, bounce rate, length; merged
// sessions and dropped late views for streaming) and the table of sessions per landing page.
import assert from 'node:assert/strict';
import { playInBothLanguages } from './play-preset.mjs';

const TEXTS = {
  en: { caption: /Page views per visitor/, merged: /Sessions merged by a late page view/, landing: /Sessions per landing page/ },
  pt: { caption: /Visualizações de página por visitante/, merged: /Sessões unidas por uma visualização atrasada/, landing: /Sessões por página de entrada/ },
};

playInBothLanguages('web-traffic-sessions', async (page, lang) => {
  const t = TEXTS[lang];
  assert.match(await page.getByTestId('panel-batch').innerText(), t.caption);
  assert.match(await page.getByTestId('panel-streaming').innerText(), t.caption);
  assert.equal(await page.getByTestId('session-row').count(), 4, 'four session rows in the summary');
  assert.match(await page.getByTestId('summary').innerText(), t.merged);
  // A late view merged at least one pair of sessions, and some views came too late.
  for (const id of ['sessions-merged', 'views-dropped']) {
    const n = await page.getByTestId(id).locator('td').nth(1).innerText();
    assert.match(n, /^[1-9][\d.,]*$/, `${id}: ${n}`);
  }
  const landing = page.getByTestId('landing-pages');
  assert.match(await landing.innerText(), t.landing);
  assert.ok((await landing.locator('tbody tr').count()) >= 5, 'a row per landing page');
});
