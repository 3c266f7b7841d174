module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'crm-demo-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'crm-demo-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'crm-demo-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'crm-demo-encryption-key-32-chars!') },
  // The test harness logs the same users in many times; the demo keeps Strapi's default.
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT', true) },
  flags: { nps: false, promoteEE: false },
});
