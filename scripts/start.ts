// `npm start`: one process that builds the web app (only if its sources changed) while the database opens
// and the demo is seeded, then serves. On a fresh clone the two heaviest steps share the machine's cores
// instead of running one after the other; a restart skips the build and a second Node start-up.
import { exitOnStartFailure, startServer } from '#server/main.ts';
import { ensureWebBuild } from './build-web.ts';

const webReady = ensureWebBuild();
webReady.catch(() => undefined); // reported once, by startServer awaiting it
startServer({ webReady }).catch(exitOnStartFailure);
