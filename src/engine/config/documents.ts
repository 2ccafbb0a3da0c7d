// Which files count as product documents, by the config's include/exclude globs.
// Paths are relative to the folder holding the config file, with '/' separators.
import picomatch from 'picomatch';
import type { ResolvedConfig } from './resolve';

export function documentsMatch(relativePath: string, documents: ResolvedConfig['documents']): 'include' | 'exclude' | undefined {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const opts = { dot: true, nocase: true };
  if (documents.exclude.length && picomatch(documents.exclude, opts)(path)) return 'exclude';
  if (documents.include.length && picomatch(documents.include, opts)(path)) return 'include';
  return undefined;
}
