import type { RequestHandler } from 'express';

// The client is a static bundle with no inline scripts; MapLibre needs blob:
// workers and data:/blob: images. Nothing is loaded from another origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: RequestHandler = (req, res, next) => {
  // Browsers that reached us over HTTPS keep to it (a year); plain-HTTP test and LAN setups get no such pin.
  if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
  res.set({
    'Permissions-Policy': 'camera=(), microphone=(), payment=(), usb=()',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
};
