// Workload (d): the smallest useful app with this package's Nimble Studio client.
import { NimbleStudioClient } from 'cloud-sessions/nimble-studio';

const client = new NimbleStudioClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
});
console.log(await client.listStreamingSessions({ studioId: 'stid-example' }));
