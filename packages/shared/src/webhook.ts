/**
 * Webhook addresses (a WeCom, DingTalk or Feishu group robot). The URL is the robot's secret key,
 * and a server that posts wherever it is told can be pointed at the office's own network; both
 * rules are judged on the URL as written, never by resolving a host name.
 */

function ipv4Parts(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const numbers = parts.map(Number)
  return numbers.every((n) => n <= 255) ? numbers : null
}

/** Loopback, private, link-local, shared, reserved or multicast IPv4. */
function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a! >= 224
  )
}

function privateIpv6(host: string): boolean {
  const h = host.toLowerCase()
  if (h === '::' || h === '::1') return true
  // IPv4 written inside IPv6 (::ffff:127.0.0.1, which URL rewrites to ::ffff:7f00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h)
  if (mapped) {
    const high = parseInt(mapped[1]!, 16)
    return privateIpv4([high >> 8, high & 0xff])
  }
  return /^f[cd][0-9a-f]{0,2}:/.test(h) || /^fe[89ab][0-9a-f]?:/.test(h) || h.startsWith('ff')
}

/**
 * True when the URL names this machine or a private network as written: `localhost`, a `.localhost`
 * or `.local` name, or an IP literal in a loopback, private, link-local or reserved range (the URL
 * parser first turns `0x7f.1` or `2130706433` into `127.0.0.1`). A host name is not resolved.
 */
export function isPrivateWebhookUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true
  const v4 = ipv4Parts(host)
  if (v4) return privateIpv4(v4)
  return host.includes(':') && privateIpv6(host)
}

/** `https://qyapi.weixin.qq.com/…a1b2`: enough to recognise the robot, not enough to post to it. */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw)
    return `${url.protocol}//${url.host}/…${raw.slice(-4)}`
  } catch {
    return '…'
  }
}
