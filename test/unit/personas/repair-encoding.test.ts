import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repairEncoding } from '../../../src/chat/personas/repair-encoding';

const SEED = readFileSync('test/fixtures/personas/seeds/value-realization.persona.md', 'utf8');

// Windows-1252 bytes 0x80-0x9F in order; the five it leaves undefined pass through
// as C1 controls, the way browsers decode them. (Node's TextDecoder treats
// 'windows-1252' as Latin-1, so it cannot stand in for this.)
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Does the damage the way it happens: UTF-8 bytes read back as Windows-1252. */
function doubleEncode(s: string): string {
  return [...new TextEncoder().encode(s)]
    .map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)))
    .join('');
}

/** The same mistake with a strict Latin-1 reading, where 0x80-0x9F become C1 controls. */
function latin1Encode(s: string): string {
  return String.fromCharCode(...new TextEncoder().encode(s));
}

const ROUND_TRIP = [
  'Shipped isn’t success — customer value realized is success.',
  '# 💰 Value Realization',
  '“Quoted” and ‘single’ text… with • bullets – and — dashes → arrows ™ € £ ¥ ©',
  'café, naïve, déjà vu, façade, Œuvre, smørrebrød, Ångström',
  'Straße, Größe, Fußgänger, „Anführungszeichen“',
  'Zażółć gęślą jaźń; się są',
  'Příliš žluťoučký kůň úpěl ďábelské ódy',
  'Știința și țara',
  'Türkçe ağaç ılık',
  'Привет, мир! Я в доме.',
  'Ελληνικά κείμενα',
  'שלום עולם',
  'مرحبا بالعالم',
  '日本語のテキストと中文和한국어',
  '👩‍💻 🧑🏽‍🚀 🇫🇷 1️⃣ 🫶',
  'e\u0301 decomposed accents a\u0308',
  'NBSP\u00a0inside and ½ ¼ ¾ ° ± × ÷',
  'Vietnamese: Tiếng Việt có dấu ơ ư',
];

// Correct text that must come out exactly as it went in.
const MUST_NOT_CHANGE = [
  ...ROUND_TRIP,
  '‘CAFÉ’ and ‘ÉTÉ’…',
  '„Fuß“ „Gruß…“ weiß” Strauß’s',
  'ÅNGSTRÖM” and PERCHÈ’ and ÉTÉ…',
  'SÃO PAULO, IRMÃ, Ã',
  'A lone Â and a lone Ã here',
  '‘Ä’ ‘Ö’s ‘Å’s AÑ’s Ø’s É— Ü“',
  '2×” and 3×’ and 4×–',
  'Þórður Ðóra',
  '90°C, 5 µm, x², ¿qué?, ¡sí!',
  'naïve—“déjà vu”',
  'plain ASCII only',
  '',
];

describe('repairEncoding', () => {
  it('repairs the Value Realization seed: every damaged sequence, nothing else', () => {
    const { text, repairs } = repairEncoding(SEED);
    assert.deepEqual([...new Set(repairs.map((r) => `${r.from} ${r.to}`))].sort(), [
      'â†’ →',
      'â€” —',
      'ðŸ’° 💰',
    ]);
    assert.ok(text.includes('# 💰 Value Realization'));
    assert.ok(text.includes('Begin responses with `**💰 Value Realization:**`'));
    assert.ok(text.includes('Shipped isn\'t success—customer value realized is success.'));
    assert.doesNotMatch(text, /ðŸ|â€|â†/);
    // The reported repairs, applied to the seed, account for every change.
    let rebuilt = '';
    let last = 0;
    for (const r of repairs) {
      assert.equal(SEED.slice(r.index, r.index + r.from.length), r.from);
      rebuilt += SEED.slice(last, r.index) + r.to;
      last = r.index + r.from.length;
    }
    assert.equal(rebuilt + SEED.slice(last), text);
  });

  it('leaves the correctly encoded Product Owner seed alone', () => {
    const seed = readFileSync('test/fixtures/personas/seeds/product-owner.persona.md', 'utf8');
    assert.deepEqual(repairEncoding(seed), { text: seed, repairs: [] });
  });

  it('undoes a Windows-1252 round trip in many scripts', () => {
    for (const original of ROUND_TRIP) {
      const damaged = doubleEncode(original);
      assert.notEqual(damaged, original);
      assert.equal(repairEncoding(damaged).text, original, JSON.stringify(damaged));
    }
  });

  it('undoes a Latin-1 reading, including bytes Windows-1252 leaves undefined', () => {
    // ” is E2 80 9D and Ł is C5 81: 0x9D and 0x81 have no Windows-1252 character.
    const original = '“ROI” for Łódź — 💰';
    const viaWindows = doubleEncode(original);
    assert.ok(viaWindows.includes('\u009d') && viaWindows.includes('\u0081'));
    assert.equal(repairEncoding(viaWindows).text, original);
    assert.equal(repairEncoding(latin1Encode(original)).text, original);
  });

  it('undoes damage applied twice', () => {
    const original = 'Outcome 💰 — “done”';
    const twice = doubleEncode(doubleEncode(original));
    assert.equal(repairEncoding(twice).text, original);
  });

  it('repairs damaged passages next to correct ones', () => {
    const mixed = `Correct: café “quoted” 💰. Damaged: ${doubleEncode('adoption — 📈 growth')}`;
    assert.equal(repairEncoding(mixed).text, 'Correct: café “quoted” 💰. Damaged: adoption — 📈 growth');
  });

  it('never changes correct text', () => {
    for (const s of MUST_NOT_CHANGE) {
      assert.deepEqual(repairEncoding(s), { text: s, repairs: [] }, JSON.stringify(s));
    }
  });

  it('is idempotent: repaired text needs no further repair', () => {
    for (const original of ROUND_TRIP) {
      const once = repairEncoding(doubleEncode(original)).text;
      assert.equal(repairEncoding(once).repairs.length, 0, original);
    }
  });

  it('only repairs an ambiguous pair when the text is damaged elsewhere too', () => {
    // "È˜" (Ș) on its own could be an uppercase È followed by a tilde.
    assert.equal(repairEncoding('È˜').text, 'È˜');
    // Inside a lowercase word the damage is unmistakable, and that vouches for the pair.
    assert.equal(repairEncoding(doubleEncode('Ș ț')).text, doubleEncode('Ș ț'));
    assert.equal(repairEncoding(doubleEncode('Știința și țara')).text, 'Știința și țara');
  });

  it('reports where each repair was made', () => {
    const { repairs } = repairEncoding(`ab ${doubleEncode('—')} cd ${doubleEncode('é')}`);
    assert.deepEqual(repairs, [
      { index: 3, from: 'â€”', to: '—' },
      { index: 10, from: 'Ã©', to: 'é' },
    ]);
  });
});
