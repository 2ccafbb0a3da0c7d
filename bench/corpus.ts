// The real documents the speed bars are measured on (../shared/corpus). A bench
// without them would time nothing and report bars as held, so their absence
// stops it with a message instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve('../shared/corpus');

export function corpusDocuments(): Array<{ name: string; text: string }> {
  const names = existsSync(CORPUS) ? readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort() : [];
  if (names.length === 0) throw new Error(`no documents in ${CORPUS}: the speed bars are measured on the real corpus, which must be there`);
  return names.map((name) => ({ name, text: readFileSync(join(CORPUS, name), 'utf8') }));
}
