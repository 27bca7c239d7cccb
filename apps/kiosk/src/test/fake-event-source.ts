/**
 * The browser's EventSource, played by the test: it records what the board asked for and lets the
 * test send what the server would (the tRPC handshake, pings, events, a dropped connection).
 */
export class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = []
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 0
  constructor(readonly url: string) {
    super()
    FakeEventSource.instances.push(this)
  }
  close() {
    this.readyState = this.CLOSED
  }
  connect() {
    this.readyState = this.OPEN
    this.dispatchEvent(
      new MessageEvent('connected', { data: JSON.stringify({ reconnectAfterInactivityMs: 12_000 }) }),
    )
  }
  send(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(data) }))
  }
  ping() {
    this.dispatchEvent(new MessageEvent('ping', { data: '' }))
  }
  /** The connection drops; the link notices and opens another after its pause. */
  drop() {
    this.readyState = this.CONNECTING
    this.dispatchEvent(new Event('error'))
  }
  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1)
    if (!latest) throw new Error('the board has not opened a stream')
    return latest
  }
}
