// The documents of issue 11's recipes, built the same way for the robustness
// tests and for `npm run bench` (which times each against a plain PRD). Each is
// built on first use: the 5 MB ones take memory.

export interface AdversarialDocument {
  /** What the recipe is, in a few words. */
  title: string;
  text: string;
}

const MB = 1024 * 1024;

function fill(header: string, line: (i: number) => string, bytes: number): string {
  const parts = [header];
  let size = header.length;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

const builders = {
  trailer: () => ({
    title: 'business case ending in 40 link definitions with a trailing space, then prose',
    text: `# Business Case: Shared inbox\n\n## Summary\n\nWe want a shared inbox.\n\n${Array.from({ length: 40 }, (_, i) => `[ref${i}]: https://example.com/${i} \n`).join('')}And a line of prose.\n`,
  }),
  paddedHeading: () => ({
    title: '## Problem padded with 100,000 spaces, then x',
    text: `# PRD: Padded\n\n## Problem${' '.repeat(100_000)}x\n\nUsers wait.\n\n## Goals\n\n- Launch it by Q3\n`,
  }),
  manyFindings: () => ({
    title: '60,000 goal lines with three vanity counts each (4.5 MB)',
    text: fill('# PRD: Growth\n\n## Goals\n\n', (i) => `- Increase page views and downloads and signups by launching feature ${i}\n`, 4.5 * MB),
  }),
  nestedList: () => ({
    title: '5 MB of lists nested up to 60 levels',
    text: fill('# PRD: Lists\n\n## Goals\n\n', (i) => `${'  '.repeat(i % 60)}- launch item ${i}\n`, 5 * MB),
  }),
  nestedQuotes: () => ({
    title: '5 MB of block quotes nested up to 60 levels',
    text: fill('# PRD: Quotes\n\n## Goals\n\n', (i) => `${'> '.repeat(i % 60)}quote ${i} about page views\n`, 5 * MB),
  }),
  emphasisRuns: () => ({
    title: 'a 100,000-character goals paragraph of 16,000 emphasised words',
    text: `# PRD: Emphasis\n\n## Goals\n\n${'x *word* '.repeat(11_000).trimEnd()}\n`,
  }),
  vanityParagraph: () => ({
    title: 'a 200,000-character goals paragraph of 8,000 vanity sentences, each with a figure',
    text: `# PRD: Growth\n\n## Goals\n\n${Array.from({ length: 8_000 }, (_, i) => `Grow page views to ${i}k.`).join(' ')}\n`,
  }),
  bigTable: () => ({
    title: 'a 5 MB metrics table',
    text: fill('# PRD: Table\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n', (i) => `| Page views ${i} | ${i} | ${i + 1} | Q3 |\n`, 5 * MB),
  }),
} satisfies Record<string, () => AdversarialDocument>;

export type AdversarialName = keyof typeof builders;

/** The recipe documents by name, each built once on first access. */
export function adversarialDocuments(): Record<AdversarialName, AdversarialDocument> {
  const built = new Map<AdversarialName, AdversarialDocument>();
  const out = {} as Record<AdversarialName, AdversarialDocument>;
  for (const name of Object.keys(builders) as AdversarialName[]) {
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        if (!built.has(name)) built.set(name, builders[name]());
        return built.get(name)!;
      },
    });
  }
  return out;
}
