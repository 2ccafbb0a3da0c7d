// Reads persona files from disk with node:fs, for the CLI. The extension
// reads the same locations through vscode.workspace.fs instead.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyPersonaPath, PERSONA_LOCATIONS, type PersonaFile } from './discovery';
import { MAX_PERSONA_FILE_SIZE, tooLargeMessage } from './parse';
import type { PersonaMessage } from './persona';

export interface PersonaFileRead {
  files: PersonaFile[];
  errors: PersonaMessage[];
}

/** UTF-8 unless the file starts with a UTF-16LE byte order mark (Windows PowerShell's default). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `cannot be read (${err.code})` : `cannot be read (${String(err.message ?? e)})`;
}

/** Reads one persona file, refusing oversized ones before loading them. */
export async function readPersonaFile(path: string): Promise<PersonaFileRead> {
  try {
    const info = await stat(path);
    if (info.size > MAX_PERSONA_FILE_SIZE) return { files: [], errors: [{ path, message: tooLargeMessage(info.size) }] };
    const file: PersonaFile = { path, text: decode(await readFile(path)) };
    return { files: [file], errors: [] };
  } catch (e) {
    return { files: [], errors: [{ path, message: reason(e) }] };
  }
}

/** Reads every persona file in the known locations under `root`; missing folders are simply empty. */
export async function readPersonaFiles(root: string): Promise<PersonaFileRead> {
  const out: PersonaFileRead = { files: [], errors: [] };
  for (const location of PERSONA_LOCATIONS) {
    const dir = join(root, location.dir);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') out.errors.push({ path: dir, message: reason(e) });
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (classifyPersonaPath(path) !== location.format) continue;
      // Sub-folders named like persona files are not persona files.
      if (!(await stat(path).then((s) => s.isFile(), () => true))) continue;
      const read = await readPersonaFile(path);
      out.files.push(...read.files);
      out.errors.push(...read.errors);
    }
  }
  return out;
}
