// Who may talk to whom. Pure functions over a message's sender, so the checks are unit-tested
// (tests/unit/security.test.ts) rather than trusted.
import type { MessageSender } from './rpc';

/** An extension page (popup, options) of this extension: may change settings. Content scripts may not. */
export function isExtensionPageSender(sender: MessageSender, extensionOrigin: string): boolean {
  return (
    extensionOrigin.endsWith('/') &&
    extensionOrigin.includes('-extension://') &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extensionOrigin)
  );
}

/** What the content script accepts: the background (no url) or this extension's own pages. */
export function isOwnExtensionSender(sender: MessageSender, extensionOrigin: string): boolean {
  return sender.url === undefined || isExtensionPageSender(sender, extensionOrigin);
}
