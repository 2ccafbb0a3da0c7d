// The last guard before the log: any address in a message is cut down to scheme,
// host and path, so a password (`user:password@`) or a token in a query never reaches it.
import { describeBaseUrl } from '../chat/providers/server-url';

// Bounded runs keep this linear on long lines.
const ADDRESS = /\b[a-z][a-z\d+.-]{0,30}:\/\/[^\s"'<>]{1,2000}/gi;

/** The message with every address reduced to scheme, host and path (no credentials, query or fragment). */
export function redactCredentials(message: string): string {
  return message.replace(ADDRESS, (address) => describeBaseUrl(address));
}
