// The sliding and cumulative window presets played to the end in both languages (with the
// other specs, every scenario and window kind is played in both): the streaming lane
// published windows, and the summary counted them.
import assert from 'node:assert/strict';
import { playInBothLanguages } from './play-preset.mjs';

for (const preset of ['sliding-moving-average', 'cumulative-sales-today']) {
  playInBothLanguages(preset, async (page) => {
    const rows = page.getByTestId('dashboard-streaming').locator('tbody tr');
    assert.ok((await rows.count()) > 0, 'the streaming dashboard has rows');
    assert.doesNotMatch(await rows.first().innerText(), /^\s*$/);
  }, 300_000);
}
