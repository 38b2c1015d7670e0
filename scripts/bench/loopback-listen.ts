import { Server } from 'node:net';

/**
 * Preloaded into json-server (`node --import tsx --import ./scripts/bench/loopback-listen.ts <bin>`): its bin
 * accepts `--host` but calls `listen(port)` without it, which binds every interface. The bench keeps all
 * traffic on loopback, so a listen given only a port is bound to 127.0.0.1 instead.
 */
const listen = Server.prototype.listen;
Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' && (args[1] === undefined || typeof args[1] === 'function')) {
    const callback = typeof args[1] === 'function' ? args[1] : args[2];
    return (listen as (...a: unknown[]) => Server).call(this, args[0], '127.0.0.1', callback);
  }
  return (listen as (...a: unknown[]) => Server).apply(this, args);
} as typeof Server.prototype.listen;
