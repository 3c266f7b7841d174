import http from 'http';
import type { AddressInfo } from 'net';

/** A local HTTP server standing for a webhook receiver; records each event it is sent. */
export const startWebhookReceiver = async () => {
  const events: { event: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      events.push({ event: body.event, body });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
