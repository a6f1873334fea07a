// One client with explicit credentials, calling one operation: the app whose browser bundle size
// the package is measured by (benchmark issue: min+gzip of a one-file app that calls
// listNotebookSessions once).
import { AthenaClient } from 'cloud-sessions/athena';

const athena = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
});
const page = await athena.listNotebookSessions({
  NotebookId: '00000000-0000-0000-0000-000000000000',
});
console.log(page.NotebookSessionsList.length);
