const JSDOMEnvironment = require('jest-environment-jsdom').default;

/**
 * jsdom hides Node's fetch API and streams, which msw 2 and Strapi's fetch client need:
 * hand Node's own implementations to the test window.
 */
class AdminEnvironment extends JSDOMEnvironment {
  constructor(...args) {
    super(...args);
    for (const name of [
      'fetch',
      'Request',
      'Response',
      'Headers',
      'FormData',
      'Blob',
      'File',
      'ReadableStream',
      'WritableStream',
      'TransformStream',
      'TextEncoder',
      'TextDecoder',
      'BroadcastChannel',
      'structuredClone',
      'AbortController',
      'AbortSignal',
    ]) {
      this.global[name] = globalThis[name];
    }
    // Browser APIs jsdom lacks and the admin's components touch when they load.
    class NoopObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    }
    this.global.ResizeObserver = NoopObserver;
    this.global.IntersectionObserver = NoopObserver;
    this.global.matchMedia = (query) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    });
    this.global.scrollTo = () => {};
  }
}

module.exports = AdminEnvironment;
