// Workload (d): the same app with AWS SDK for JavaScript v3.
import { AthenaClient, ListNotebookSessionsCommand } from '@aws-sdk/client-athena';

const client = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
});
console.log(
  await client.send(
    new ListNotebookSessionsCommand({ NotebookId: '00000000-0000-4000-8000-000000000001' }),
  ),
);
