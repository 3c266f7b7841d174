/** A keep-alive HTTP client that times each request from its start to the last byte of its answer. */
const http = require('http');

/** Flattens `{ filters: { $and: [{ lost: { $eq: false } }] } }` into Strapi's bracket query string. */
const toQuery = (params) => {
  const pairs = [];
  const walk = (prefix, value) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, inner);
    } else {
      pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(value === null ? '' : String(value))}`);
    }
  };
  walk('', params);
  return pairs.join('&');
};

/**
 * `keepAlive: false` for requests far apart or long (an upload): a kept socket the server closed
 * after its keep-alive timeout (5 s) would answer the next request with ECONNRESET.
 */
const createClient = (baseUrl, { sockets = 32, keepAlive = true } = {}) => {
  const agent = new http.Agent({ keepAlive, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);

  /** One request; answers { status, body, ms } with the body parsed as JSON when it is. */
  const request = (method, path, { token, body, raw, contentType } = {}) =>
    new Promise((resolve, reject) => {
      // `raw`: a body sent as it is (a multipart upload) with its `contentType`; else `body` as JSON
      const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
      const headers = { Accept: 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (payload) {
        headers['Content-Type'] = raw ? contentType : 'application/json';
        headers['Content-Length'] = Buffer.byteLength(payload);
      }
      const started = process.hrtime.bigint();
      const req = http.request({ hostname, port, path, method, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text for the error message
          }
          resolve({ status: res.statusCode, body: parsed, ms });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options = {}) => request('POST', path, { ...options, body }),
    close: () => agent.destroy(),
  };
};

/** Throws unless the answer is a 2xx: a measured request that fails makes the run fail. */
const expectOk = (label, res) => {
  if (res.status < 200 || res.status > 299) {
    const detail =
      typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)?.slice(0, 300);
    throw new Error(`${label} answered ${res.status}: ${detail}`);
  }
  return res;
};

module.exports = { createClient, expectOk, toQuery };
