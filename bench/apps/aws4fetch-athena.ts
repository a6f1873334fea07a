// Workload (d): the same app with fetch and aws4fetch signing (no types, no validation).
import { AwsClient } from 'aws4fetch';

const aws = new AwsClient({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'example-secret',
  region: 'us-east-1',
  service: 'athena',
});
const response = await aws.fetch('https://athena.us-east-1.amazonaws.com/', {
  method: 'POST',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AmazonAthena.ListNotebookSessions',
  },
  body: JSON.stringify({ NotebookId: '00000000-0000-4000-8000-000000000001' }),
});
console.log(await response.json());
