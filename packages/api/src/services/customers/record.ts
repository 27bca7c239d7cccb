import { and, eq, inArray } from 'drizzle-orm'
import { customerPhones, customers } from '@anchang/db'
import { fail, isManaging, maskPhone, protectedOwner, type CustomerUpdateInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { customerByPhone, loadCustomer, searchNameOf } from './book'

/**
 * `customers.update`: the record beside ownership — name, tags, notes, the customer's other numbers —
 * by their owner, a manager or a director. A number another customer of the project already has is
 * refused (one number, one customer); everything the call asks happens or nothing does.
 */
export function updateCustomer({ ctx, input }: { ctx: UserServiceContext; input: CustomerUpdateInput }) {
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const me = ctx.actor.user
  if (protectedOwner(customer, ctx.now) !== me.id && !isManaging(me.role))
    fail('FORBIDDEN', 'customer.notYoursToEdit')
  const names = {
    surname: input.surname === undefined ? customer.surname : input.surname,
    title: input.title === undefined ? customer.title : input.title,
    fullName: input.fullName === undefined ? customer.fullName : input.fullName || null,
  }
  const removing = new Set(input.removePhones ?? [])
  const adding = [...new Set(input.addPhones ?? [])].filter((p) => p !== customer.phone && !removing.has(p))
  return ctx.db.transaction((tx) => {
    for (const phone of adding) {
      const holder = customerByPhone(tx, customer.projectId, phone)
      if (holder && holder.id !== customer.id)
        fail('CONFLICT', 'customer.phoneTaken', { phone: maskPhone(phone) })
      if (!holder)
        tx.insert(customerPhones)
          .values({
            projectId: customer.projectId,
            phone,
            customerId: customer.id,
            addedAt: ctx.now.toISOString(),
          })
          .run()
    }
    if (removing.size)
      tx.delete(customerPhones)
        .where(and(eq(customerPhones.customerId, customer.id), inArray(customerPhones.phone, [...removing])))
        .run()
    tx.update(customers)
      .set({
        ...names,
        searchName: searchNameOf(names),
        ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
        updatedAt: ctx.now.toISOString(),
      })
      .where(eq(customers.id, customer.id))
      .run()
    audit(tx, ctx, 'customers.update', { projectId: customer.projectId, input })
    const phones = tx
      .select({ phone: customerPhones.phone })
      .from(customerPhones)
      .where(eq(customerPhones.customerId, customer.id))
      .all()
    return { ok: true as const, otherPhones: phones.map((p) => p.phone) }
  })
}
