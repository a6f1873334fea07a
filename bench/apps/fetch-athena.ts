// Workload (d): the unsigned floor, plain fetch (the service would reject it; size reference only).
const response = await fetch('https://athena.us-east-1.amazonaws.com/', {
  method: 'POST',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AmazonAthena.ListNotebookSessions',
  },
  body: JSON.stringify({ NotebookId: '00000000-0000-4000-8000-000000000001' }),
});
console.log(await response.json());
export {};
