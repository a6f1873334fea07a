// Workload (d): the smallest useful app with this package's Athena client.
import { AthenaClient } from 'cloud-sessions/athena';

const client = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
});
console.log(
  await client.listNotebookSessions({ NotebookId: '00000000-0000-4000-8000-000000000001' }),
);
