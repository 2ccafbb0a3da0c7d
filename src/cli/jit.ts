// How V8 compiles the program's hot code during `outcome-lens lint`. A lint
// run is a short process that runs the whole engine (every rule, the Markdown
// parser) a few hundred or thousand times: long enough for V8 to send hundreds
// of functions to TurboFan, whose compilations cost about a third of the CPU
// time of a run over 600 documents, and which every pool worker pays again in
// its own isolate, so a second core gained little. Maglev, the compiler a tier
// below, compiles at a fraction of the cost, and its code is nearly as fast for
// this work (strings and regexes): over 600 documents the run takes a quarter
// less CPU time in one thread and a third less on the pool, and a 1 MB metrics
// table or goal list lints in the same time.
import { setFlagsFromString } from 'node:v8';

/**
 * Maglev as the top tier. V8 flags are the process's, so this runs once, in
 * the program's own process before any worker starts (a worker cannot take
 * V8 flags of its own), and not when the CLI is imported by tests or the
 * editor.
 */
export function preferFastCompiles(): void {
  setFlagsFromString('--maglev');
  setFlagsFromString('--max-opt=2');
}
