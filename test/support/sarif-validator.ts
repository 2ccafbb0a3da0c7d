// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the fixture in
// test/fixtures/sarif, taken unchanged from Microsoft's npm package) with ajv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA = resolve(__dirname, '../fixtures/sarif/sarif-2.1.0-rtm.5.json');

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The schema's complaints about a parsed SARIF log, one line each; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!compiled) {
    // The official schema is used unchanged, so ajv adapts to it. strict: false, because
    // strict mode rejects some of its keyword combinations; unicodeRegExp: false, because
    // its `language` pattern ("...[a-zA-Z]{2}]?$", a stray bracket) is only valid without
    // the u flag, as in the JavaScript of the validators it was written for.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  }
  if (compiled(log)) return [];
  return (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
