// The incremental renderer must show exactly what a full render of the text
// received so far shows, after every chunk, while never changing a block it
// has already committed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IncrementalMarkdown, markdownToHtml } from '../../src/webview/markdown';
import { chunkText, sampleAnswer } from './sample-answer';

interface Replay {
  /** How many chunks committed at least one block. */
  commits: number;
  resets: number;
  /** Largest tail re-rendered for one chunk, in characters of HTML. */
  largestTail: number;
}

/** Streams chunks and checks the shown HTML against a full render after each `checkEvery` chunks. */
function replay(chunks: string[], checkEvery = 1): Replay {
  const markdown = new IncrementalMarkdown();
  let committed = '';
  let received = '';
  const result: Replay = { commits: 0, resets: 0, largestTail: 0 };
  chunks.forEach((chunk, index) => {
    received += chunk;
    const update = markdown.append(chunk);
    if (update.reset) {
      committed = '';
      result.resets++;
    }
    if (update.committed.length > 0) result.commits++;
    committed += update.committed.join('');
    result.largestTail = Math.max(result.largestTail, update.tail.length);
    if (index % checkEvery === 0 || index === chunks.length - 1) {
      assert.equal(committed + update.tail, markdownToHtml(received), `after chunk ${index}: ${JSON.stringify(received)}`);
    }
  });
  return result;
}

const perCharacter = (text: string) => [...text];

describe('incremental Markdown', () => {
  // Each case is a construct whose meaning depends on text that arrives later.
  const cases: Record<string, string> = {
    'setext heading turns a paragraph into a heading': 'Intro line\n\nTitle\n=====\n\nAfter\n---\ntext\n',
    'table delimiter turns a paragraph into a table': 'Lead in\n| a | b |\n| - | -: |\n| 1 | 2 |\n\nafter\n',
    'thematic break versus a paragraph line': 'para\n***x\n\npara\n***\nnext\n',
    'list becomes loose when a blank line separates items': '- one\n- two\n\n- three\n\nafter the list\n',
    'fenced code with blank lines and an unclosed fence': '```js\nconst a = 1;\n\nconst b = 2;\n```\ntext\n\n~~~\nopen fence',
    'lazy continuation of a block quote': '> quoted\nlazy line\n\n> second\n\nplain\n',
    'indented code across blank lines': 'para\n\n    code 1\n\n    code 2\nend\n',
    'ordered list that starts late cannot interrupt a paragraph': 'text\n2. not a list\n\n2. a list\n',
    'html is escaped, never raw': '<div>\n<script>alert(1)</script>\n</div>\n\nafter <b>bold</b>\n',
    'gfm extras: task lists, strikethrough, autolinks': '- [x] done ~~old~~\n- [ ] todo www.example.com\n\nSee https://example.com.\n',
    'tabs and emoji': '\t- 💰 value\n\n💰 **Value Realization:** I think — yes.\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`matches a full render at every character: ${name}`, () => {
      replay(perCharacter(text));
    });
  }

  it('re-renders only the open block while a long answer streams', () => {
    const text = sampleAnswer(80_000);
    const result = replay(chunkText(text, 2000), 499);
    assert.equal(result.resets, 0);
    assert.ok(result.commits > 200, `blocks were committed as they finished (${result.commits})`);
    assert.ok(result.largestTail < 2_000, `the re-rendered tail stays small (${result.largestTail} chars of HTML)`);
  });

  it('matches for other chunkings of the same answer', () => {
    const text = sampleAnswer(6_000, 3);
    for (const count of [7, 150]) replay(chunkText(text, count, count));
    replay(chunkText(text, 1500, 5), 25);
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('falls back to whole renders once a definition appears, since it changes earlier blocks', () => {
    const text = 'See [the guide][g] and the note[^1].\n\n## Later\n\n[g]: https://example.com/guide\n\n[^1]: A footnote.\n';
    const result = replay(perCharacter(text));
    assert.ok(result.resets > 0);
    assert.match(markdownToHtml(text), /<a href="https:\/\/example.com\/guide">the guide<\/a>/);
  });
});
