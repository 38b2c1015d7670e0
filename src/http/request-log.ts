import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** The header that tells a client the id its request was logged under, so a report can be matched to the log. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * One log line per request (pino-http): method, path, status, time taken in ms and a request id, also sent back as
 * `X-Request-Id`. The path is logged without its query, which can hold what a reader searched for. An error the
 * app's error handler answered with 5xx is put on `res.err` there, so the same line carries it at level `error`.
 * @example app.use(requestLog(pino()))
 * //=> {"level":30,"reqId":"4fQx…","req":{"method":"GET","path":"/claims/x"},"res":{"status":200},"responseTime":3,"msg":"request completed"}
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomBytes(9).toString('base64url');
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    wrapSerializers: false,
    serializers: {
      // Express rewrites `url` inside mounted routers; `originalUrl` is what the client asked for.
      req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, path: (req.originalUrl ?? req.url ?? '').split('?')[0] }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
  });
}
