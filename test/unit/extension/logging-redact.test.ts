import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactCredentials } from '../../../src/extension/logging-redact';

test('addresses lose their credentials, query and fragment; the rest of the message stays', () => {
  assert.equal(
    redactCredentials('chat: could not reach https://alice:s3cret@models.example.com:8443/v1/?key=tok#x failed: ECONNREFUSED'),
    'chat: could not reach https://models.example.com:8443/v1 failed: ECONNREFUSED',
  );
  assert.equal(redactCredentials('settings: /home/a/.outcome-lens.yml'), 'settings: /home/a/.outcome-lens.yml');
  assert.equal(redactCredentials('two: http://u:p@a.test and http://b.test/x?t=1'), 'two: http://a.test and http://b.test/x');
});

test('linear on a 100,000-character line', () => {
  const line = `${'a'.repeat(50_000)}${'http://'.repeat(7_000)}`;
  assert.ok(!redactCredentials(line).includes('@'));
});
