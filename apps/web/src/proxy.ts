import { NextResponse } from 'next/server';
import { contentSecurityPolicy, s3Origin } from '@/lib/content-security-policy';

// Runs on the Node.js runtime (Next 16 default), so process.env is the server's environment at
// start-up, not the build's: the same build serves any S3 endpoint. See content-security-policy.ts.
const policy = contentSecurityPolicy({
  isDev: process.env.NODE_ENV === 'development',
  s3Origin: s3Origin(process.env),
});

export function proxy() {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Every page; not the build's static assets nor the /api forwarder (the API sets its own policy).
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
