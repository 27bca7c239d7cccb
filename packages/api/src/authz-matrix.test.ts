import { describe, expect, it } from 'vitest'
import {
  AUTHZ_ACTORS,
  AUTHZ_MATRIX,
  PROCEDURES,
  callerFor,
  createAuthzFixture,
  invoke,
  outcomeOf,
  type AuthzFixture,
  type AuthzRow,
} from './authz-matrix'

const procedures = PROCEDURES
const rows = AUTHZ_MATRIX as Record<string, AuthzRow<unknown>>
const paths = [...new Set([...Object.keys(procedures), ...Object.keys(rows)])].sort()

/**
 * Every table but the audit log (failed sign-ins are recorded on purpose), without the last-seen
 * times that merely presenting a credential moves.
 */
function snapshot(f: AuthzFixture): string {
  const { sqlite } = f.world.database
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name <> 'audit_log' ORDER BY name",
    )
    .all() as { name: string }[]
  return JSON.stringify(
    tables.map(({ name }) =>
      (sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]).map(
        ({ last_seen_at: _seen, expires_at: _expires, ...rest }) => rest,
      ),
    ),
  )
}

describe('authorization matrix', () => {
  it('has exactly one row per procedure of appRouter', () => {
    expect(
      Object.keys(procedures).filter((p) => !(p in rows)),
      'procedures with no row in AUTHZ_MATRIX',
    ).toEqual([])
    expect(
      Object.keys(rows).filter((p) => !(p in procedures)),
      'AUTHZ_MATRIX rows naming no procedure',
    ).toEqual([])
  })

  describe.each(paths)('%s', (path) => {
    const row = rows[path]
    const procedure = procedures[path]
    if (!row || !procedure) {
      it('is both a procedure and a row', () => {
        if (!row) expect.fail(`procedure ${path} has no row in AUTHZ_MATRIX: add who may call it`)
        expect.fail(`AUTHZ_MATRIX has a row for ${path}, which appRouter does not have`)
      })
      return
    }

    it.each(AUTHZ_ACTORS)('as %s', async (actor) => {
      const f = await createAuthzFixture()
      try {
        const before = snapshot(f)
        const outcome = await outcomeOf(invoke(callerFor(f, actor), path, procedure._def.type, row.input(f)))
        if (row.allowed.includes(actor)) {
          expect(outcome, `${actor} may call ${path} and the row's input is valid`).toBe('OK')
        } else {
          expect(outcome, `${actor} must be refused ${path}`).toBe(
            actor === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN',
          )
          expect(snapshot(f), `refusing ${path} to ${actor} must change nothing`).toBe(before)
        }
      } finally {
        f.world.close()
      }
    })
  })
})
