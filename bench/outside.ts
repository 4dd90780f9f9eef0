// Which requests the benchmark blocks: network requests to anywhere but the local server. The
// extension's own files (chrome-extension:, moz-extension:) and inline data are not network.

const NETWORK = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export function isOutside(url: string): boolean {
  const u = new URL(url);
  return NETWORK.has(u.protocol) && u.hostname !== '127.0.0.1';
}
