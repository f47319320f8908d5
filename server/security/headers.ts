// Security headers via helmet, with a Content-Security-Policy the explorer runs under: its own
// scripts, styles and workers only; data:/blob: images for PNG export; no inline script anywhere.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Inline style *attributes* set through CSSOM (element.style) are not governed by style-src, so
 * the explorer and sigma need no 'unsafe-inline'. WebGL and canvas need no directive.
 */
export const EXPLORER_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The generated API reference is static HTML with one <style> block and no script, so it gets a
 * policy of its own instead of loosening the explorer's.
 */
export const DOCS_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: EXPLORER_CSP },
    // Browsers ignore HSTS over plain HTTP; behind TLS the proxy should set it for its own name.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}

export const docsPagePolicy: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', DOCS_PAGE_CSP);
  next();
};
