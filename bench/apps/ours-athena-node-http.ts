// Workload (d): the Athena app with the opt-in node:http transport from cloud-sessions/node.
import { AthenaClient } from 'cloud-sessions/athena';
import { createNodeHttpFetch } from 'cloud-sessions/node';

const client = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
  fetch: createNodeHttpFetch(),
});
console.log(
  await client.listNotebookSessions({ NotebookId: '00000000-0000-4000-8000-000000000001' }),
);
