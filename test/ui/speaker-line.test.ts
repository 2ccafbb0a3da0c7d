// The first line of an answer that repeats its header ("**💰 Value
// Realization:**") is hidden, whether the answer arrives whole or in pieces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpeakerLineFilter, withoutSpeakerLine } from '../../src/chat/speaker-line';

const label = '💰 Value Realization';

/** What the view shows when `text` streams in, cut at every possible place into two chunks. */
function everySplit(text: string): Set<string> {
  const shown = new Set<string>();
  const characters = Array.from(text);
  for (let at = 0; at <= characters.length; at++) {
    const filter = new SpeakerLineFilter(label);
    shown.add(filter.push(characters.slice(0, at).join('')) + filter.push(characters.slice(at).join('')) + filter.end());
  }
  return shown;
}

describe('speaker line', () => {
  it('hides a first line that is exactly the header label', () => {
    assert.equal(withoutSpeakerLine('**💰 Value Realization:**\n\nI count 4 metrics.', label), '\nI count 4 metrics.');
    assert.equal(withoutSpeakerLine('**💰 Value Realization:**  \r\nI count.', label), 'I count.');
    assert.equal(withoutSpeakerLine('**💰 Value Realization:**', label), '', 'an answer that is only the label');
  });

  it('keeps everything else', () => {
    for (const text of [
      '**💰 Value Realization:** I think the metrics are outputs.',
      '**🧭 Product Owner:**\n\nAnother persona speaking.',
      '**💰 Value Realization**\n\nNo colon.',
      'I count 4 metrics.\n\n**💰 Value Realization:**\n',
      ' **💰 Value Realization:**\nIndented.',
      '**💰 Val',
      '',
    ]) {
      assert.equal(withoutSpeakerLine(text, label), text, text);
    }
  });

  it('shows the same however the answer is cut into chunks', () => {
    for (const text of ['**💰 Value Realization:**\n\nI count 4 metrics.', '**💰 Value Realization:** inline.', '**💰 Val', '**💰 Value Realization:**']) {
      assert.deepEqual([...everySplit(text)], [withoutSpeakerLine(text, label)], text);
    }
  });

  it('holds back only what could still be the label, and nothing once it is decided', () => {
    const filter = new SpeakerLineFilter(label);
    assert.equal(filter.push('**💰 Value'), '');
    assert.equal(filter.push(' Realization:** '), '');
    assert.equal(filter.push('\nFirst words'), 'First words');
    assert.equal(filter.push(' and more'), ' and more');
    assert.equal(filter.end(), '');

    const plain = new SpeakerLineFilter(label);
    assert.equal(plain.push('I think'), 'I think');
    assert.equal(plain.push('**💰 Value Realization:**\n'), '**💰 Value Realization:**\n');
  });
});
