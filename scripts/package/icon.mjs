// Renders the gallery icon media/icon.png (128x128; the Marketplace and Open VSX do not
// take SVG) from our own media/icon.svg with Debian's rsvg-convert (librsvg2-bin).
// Run it after changing the SVG: node scripts/package/icon.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const render = spawnSync('rsvg-convert', ['--width', '128', '--height', '128', '--output', 'media/icon.png', 'media/icon.svg'], { cwd: root, encoding: 'utf8' });
if (render.error || render.status !== 0) {
  console.error(`rsvg-convert failed (apt-get install librsvg2-bin): ${render.error?.message ?? render.stderr}`);
  process.exit(1);
}
console.log('wrote media/icon.png (128x128)');
