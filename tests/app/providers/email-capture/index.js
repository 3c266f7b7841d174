const fs = require('fs');

/**
 * Captures messages in memory (`sent`, readable by tests running in the same process), and
 * optionally appends them to an outbox file (for browser tests in another process) and logs them.
 * `failWith(error)` makes the next sends throw, to test what a failing provider does.
 */
const sent = [];
let failure = null;

module.exports = {
  sent,
  failWith(error) {
    failure = error;
  },
  reset() {
    sent.length = 0;
    failure = null;
  },
  init(providerOptions = {}, settings = {}) {
    return {
      async send(options) {
        if (failure) throw failure;
        const message = { from: settings.defaultFrom, ...options, sentAt: new Date().toISOString() };
        sent.push(message);
        if (providerOptions.outbox) fs.appendFileSync(providerOptions.outbox, `${JSON.stringify(message)}\n`);
        if (providerOptions.log)
          console.log(`[email] to ${message.to}: ${message.subject}\n${message.text ?? ''}`);
      },
    };
  },
};
