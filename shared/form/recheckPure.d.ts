// recheck's pure JavaScript build (its Scala.js backend): no worker, no binary, runs in a
// browser as on the server. The package types only its root entry, which starts a worker.
// A CommonJS module whose exports Node cannot detect statically: import its default.
declare module 'recheck/lib/browser.js' {
  import type { Diagnostics, Parameters } from 'recheck';

  const recheck: {
    checkSync(source: string, flags: string, params?: Parameters): Diagnostics;
  };
  export default recheck;
}
