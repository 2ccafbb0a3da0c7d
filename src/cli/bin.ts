// dist/cli.js, the outcome-lens program: a few lines that answer --version
// without loading the engine (which is most of a second bundle,
// dist/cli-main.js, loaded for every other command).
import { version } from '../../package.json';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) process.stdout.write(`${version}\n`);
else (require('./cli-main.js') as typeof import('./main')).runProgram(argv);
