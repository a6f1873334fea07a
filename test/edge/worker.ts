// The worker the workerd test runs: the Chromium page's smoke run, behind a `fetch` handler.
// Bundled by esbuild with workerd's export conditions, so it gets the package's browser-side
// `#platform` (no `process`, no `node:` imports) and signs with WebCrypto.
import { runSmoke, type SmokeConfig } from '../browser/page/app.js';

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      return Response.json(await runSmoke((await request.json()) as SmokeConfig));
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return Response.json({ error: message }, { status: 500 });
    }
  },
};
