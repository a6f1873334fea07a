// Workload (d): the same app with AWS SDK for JavaScript v3 (Nimble Studio, 3.523.0).
import { ListStreamingSessionsCommand, NimbleClient } from '@aws-sdk/client-nimble';

const client = new NimbleClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
});
console.log(await client.send(new ListStreamingSessionsCommand({ studioId: 'stid-example' })));
