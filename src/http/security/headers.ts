import helmet from 'helmet';

/**
 * Helmet with a policy that runs only our own files: no inline script (so injected markup cannot run),
 * forms post only to us, and no other site may frame the pages (clickjacking an edit button). Only a site
 * served over https tells browsers to use https from now on (HSTS, `upgrade-insecure-requests`): sent over
 * plain http, they would make a browser try https on a LAN install that has none, and break it.
 * @example app.use(securityHeaders({ https: true }))
 */
export function securityHeaders(options: { https: boolean }) {
  return helmet({
    strictTransportSecurity: options.https,
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    // helmet's default, no-referrer, makes browsers send `Origin: null` on our own form posts; same-origin
    // still tells other sites nothing and lets the cross-site check see the real origin.
    referrerPolicy: { policy: 'same-origin' },
  });
}
