import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

/**
 * The source a request's sign-in attempts are counted against: its client address (`request.ip`,
 * which believes `X-Forwarded-For` only from the proxies `TRUST_PROXY` names), with an IPv6
 * address cut to its /64 network. One IPv6 subscriber is usually given a whole /64 (2^64
 * addresses), so counting single IPv6 addresses would let one attacker take a fresh budget for
 * every request. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, from a dual-stack socket) is
 * the IPv4 address it maps. A string that is no address (it cannot come from a socket) is kept
 * as it is.
 *
 * @example
 * clientSource('2001:db8:1:2:aaaa:bbbb:cccc:dddd'); // '2001:db8:1:2::/64'
 * clientSource('::ffff:192.0.2.1'); // '192.0.2.1'
 */
export function clientSource(ip: string | undefined): string {
  // Fastify has no address for a request whose socket closed before it was read.
  if (ip === undefined) return '';
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const network = new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}

/** The rate-limit key of a request: its client source (see `clientSource`). */
export function sourceKey(request: FastifyRequest): string {
  return clientSource(request.ip);
}
