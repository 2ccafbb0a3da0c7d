// The stores behind the parse cache and the section memo keep two generations: what was
// used since the newer one began survives its turn, what went unused for two turns is
// dropped, so a Linter's memory stays near its budget however long the typing goes on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detached } from '../../../src/engine/memo/detached';
import { TextKeyedLru } from '../../../src/engine/memo/lru';

test('a value is found again by an equal key, and replaced by a later set', () => {
  const store = new TextKeyedLru<number>(100);
  store.set('alpha', 1);
  assert.equal(store.get(['al', 'pha'].join('')), 1);
  store.set('alpha', 2);
  assert.equal(store.get('alpha'), 2);
  assert.equal(store.get('beta'), undefined);
});

test('keys unused for two turns are dropped; a key read in between is kept', () => {
  // A turn comes when the newer generation holds more than half the budget (5 characters).
  const store = new TextKeyedLru<string>(10);
  store.set('aaaa', 'a');
  store.set('bbbb', 'b'); // 8 characters: the turn; both are now the older generation
  assert.equal(store.get('bbbb'), 'b'); // read: moved to the newer generation
  store.set('cccc', 'c'); // 8 characters in the newer: the next turn drops 'aaaa'
  assert.equal(store.get('aaaa'), undefined);
  assert.equal(store.get('bbbb'), 'b');
  assert.equal(store.get('cccc'), 'c');
});

test('a store holds at most about its budget of key characters, however many keys pass through', () => {
  const store = new TextKeyedLru<number>(1_000);
  for (let i = 0; i < 10_000; i++) store.set(`key number ${i} `.padEnd(40, '.'), i);
  let kept = 0;
  for (let i = 0; i < 10_000; i++) if (store.get(`key number ${i} `.padEnd(40, '.')) !== undefined) kept++;
  assert.ok(kept > 0 && kept * 40 <= 1_000 + 40, `${kept} keys of 40 characters kept`);
});

test('a detached copy equals the text it was made from, short or long', () => {
  const long = `${'x'.repeat(50)} Success Metrics ${'y'.repeat(50)}`.slice(51, 66);
  assert.equal(detached(long), 'Success Metrics');
  assert.equal(detached('Goals'), 'Goals');
  assert.equal(detached(''), '');
});
