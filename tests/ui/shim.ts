/**
 * A stand-in for `google.script.run` in a plain browser page, as Google's behaves for the product:
 * `withSuccessHandler`/`withFailureHandler` chains, a call per endpoint name, arguments refused when they
 * hold a Date or a function (Google fails such calls), at most 10 calls in flight (counted, so tests can
 * assert the client never exceeds it). `transport` carries the call to the sandbox: a function exposed by
 * playwright in tests, or a fetch to the preview server.
 */
export function shimSource(transport: 'expose' | 'fetch'): string {
  return `(() => {
  const stats = (window.__shimStats = { calls: 0, inFlight: 0, maxInFlight: 0, names: [] });
  const send = ${
    transport === 'expose'
      ? '(name, body) => window.__rpc(name, body)'
      : "(name, body) => fetch('/rpc/' + encodeURIComponent(name), { method: 'POST', body }).then((r) => r.ok ? r.text() : r.text().then((t) => { throw new Error(t); }))"
  };
  const illegal = (v) => {
    if (v instanceof Date || typeof v === 'function') return true;
    if (Array.isArray(v)) return v.some(illegal);
    if (v && typeof v === 'object') return Object.values(v).some(illegal);
    return false;
  };
  function runner(success, failure) {
    return new Proxy({}, {
      get(_t, prop) {
        if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
        if (prop === 'withFailureHandler') return (f) => runner(success, f);
        if (typeof prop !== 'string') return undefined;
        return (...args) => {
          stats.calls++;
          stats.names.push(prop);
          if (illegal(args)) {
            setTimeout(() => failure && failure(new Error('Invalid argument: a Date or function cannot be sent to the server.')));
            return;
          }
          stats.inFlight++;
          stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
          if (stats.inFlight > 10) throw new Error('More than 10 google.script.run calls in flight');
          send(prop, JSON.stringify(args)).then(
            (text) => { stats.inFlight--; success && success(JSON.parse(text)); },
            (e) => { stats.inFlight--; failure && failure(e instanceof Error ? e : new Error(String(e))); },
          );
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() { window.__closed = true; } } } };
})();`;
}

/** Results must survive Google's serialisation unchanged: plain objects, arrays and primitives only. */
export function assertPlain(value: unknown, path = 'result'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlain(v, `${path}[${i}]`));
  const proto = Object.getPrototypeOf(value);
  if (typeof value !== 'object' || (proto !== null && Object.getPrototypeOf(proto) !== null)) {
    throw new Error(`${path} cannot cross google.script.run: ${Object.prototype.toString.call(value)}`);
  }
  for (const [k, v] of Object.entries(value as object)) assertPlain(v, `${path}.${k}`);
}
