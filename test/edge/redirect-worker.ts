// The redirect case of the hostile suite in workerd: the shared page function behind a
// `fetch` handler (workerd's `redirect: 'manual'` hands back the 3xx itself).
import { runRedirect, type RedirectConfig } from '../browser/page/redirect.js';

export default {
  async fetch(request: Request): Promise<Response> {
    return Response.json(await runRedirect((await request.json()) as RedirectConfig));
  },
};
