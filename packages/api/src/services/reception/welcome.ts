import type { WelcomeQuestion } from '@anchang/shared'
import { audit } from '../audit'
import type { DeviceServiceContext } from '../context'
import { configOf, customerByPhone } from '../customers/book'

export interface Welcome {
  /** Surname and title only (王先生): anyone can type a number at a kiosk, so nothing more. */
  greeting: string | null
  /** The questions the book already answers, so the visitor is not asked them again. */
  known: WelcomeQuestion[]
}

const STRANGER: Welcome = { greeting: null, known: [] }

/**
 * `kiosk.welcome`: after the number is typed, whether the book knows the visitor. A kiosk may ask
 * only so often (a person trying numbers one after another meets the same questions as a stranger
 * once past it); every lookup is audited. The party size is always asked: it changes each visit.
 */
export function welcomeBack({
  ctx,
  input,
}: {
  ctx: DeviceServiceContext
  input: { phone: string }
}): Welcome {
  const { device } = ctx.actor
  const config = configOf(ctx, device.projectId)
  const allowed =
    config.settings.ownership.welcomeBack &&
    ctx.deps.throttles.kioskWelcome.attempt(device.id, ctx.now.getTime()) === 0
  const customer = allowed ? customerByPhone(ctx.db, device.projectId, input.phone) : undefined
  const welcome: Welcome = customer
    ? {
        greeting: customer.surname && customer.title ? `${customer.surname}${customer.title}` : null,
        known: [
          ...(customer.surname ? (['surname'] as const) : []),
          ...(customer.title ? (['title'] as const) : []),
          ...(customer.channel && config.channels.includes(customer.channel) ? (['channel'] as const) : []),
        ],
      }
    : STRANGER
  ctx.db.transaction((tx) =>
    audit(tx, ctx, 'kiosk.welcome', {
      projectId: device.projectId,
      // lookedUp: false when the project turned it off or this kiosk is past its limit.
      input: { phone: input.phone, recognised: Boolean(customer), lookedUp: allowed },
    }),
  )
  return welcome
}
