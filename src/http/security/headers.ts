import helmet from 'helmet';

/**
 * Helmet with a policy that runs only our own files: no inline script (so injected markup cannot run),
 * forms post only to us, and no other site may frame the pages (clickjacking an edit button).
 * @example app.use(securityHeaders())
 */
export function securityHeaders() {
  return helmet({
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
      },
    },
    // helmet's default, no-referrer, makes browsers send `Origin: null` on our own form posts; same-origin
    // still tells other sites nothing and lets the cross-site check see the real origin.
    referrerPolicy: { policy: 'same-origin' },
  });
}
