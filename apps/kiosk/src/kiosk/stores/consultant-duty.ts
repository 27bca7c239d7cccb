import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BreakReason } from '@anchang/shared'
import type { RouterOutputs } from '@anchang/api'
import { describeFailure } from '../../common/api/failure'
import { useDeviceApi } from '../../common/stores/device'

/** Kiosk PINs are four digits (the demo's 1001 … 1006). */
export const PIN_LENGTH = 4

export type DutyAction = 'signIn' | 'break' | 'back' | 'signOut'
export type DutyStep = 'pin' | 'action' | 'breakReason' | 'done'
export type DutyProblem = { kind: 'refused'; message: string } | { kind: 'unreachable' }
type DutyConsultant = RouterOutputs['rotation']['signIn']['consultant']
/** Who the PIN named and where they stand, as the server answered when the PIN was typed. */
export type DutyIdentity = RouterOutputs['kiosk']['identify']
export interface DutyDone {
  action: DutyAction
  consultant: DutyConsultant
  /** The consultant's place in the queue afterwards, when known (not after signing out). */
  position: number | null
  reason: BreakReason | null
}

/** What a consultant can do from where they stand: the kiosk offers nothing else. */
export const ACTIONS_FOR: Record<DutyIdentity['standing'], readonly DutyAction[]> = {
  signedOut: ['signIn'],
  available: ['break', 'signOut'],
  break: ['back', 'signOut'],
  // Mid-reception nothing applies: the reception is finished on the consultant's phone first.
  receiving: [],
}

/**
 * A consultant at the kiosk: the PIN, checked as soon as it is typed (a wrong one is refused at
 * once, not after an action is picked), then the actions that fit where they stand. The PIN is
 * kept only until the action is done or refused, and `reset` forgets everything.
 */
export const useConsultantDutyStore = defineStore('consultantDuty', () => {
  const step = ref<DutyStep>('pin')
  const pin = ref('')
  const sending = ref(false)
  const problem = shallowRef<DutyProblem | null>(null)
  const done = shallowRef<DutyDone | null>(null)
  const identity = shallowRef<DutyIdentity | null>(null)
  let generation = 0

  const api = useDeviceApi()
  const rotation = api.rotation

  function editPin(digits: string): void {
    pin.value = digits.replace(/\D/g, '').slice(0, PIN_LENGTH)
    problem.value = null
  }

  /** A refusal the server worded (wrong or locked PIN, an action that does not fit): back to the PIN. */
  function refusedWith(error: unknown): boolean {
    const failure = describeFailure(error)
    if (!failure.reached) {
      problem.value = { kind: 'unreachable' }
      return false
    }
    problem.value = { kind: 'refused', message: failure.message }
    pin.value = ''
    identity.value = null
    step.value = 'pin'
    return true
  }

  async function confirmPin(): Promise<void> {
    if (sending.value || pin.value.length !== PIN_LENGTH) return
    const mine = generation
    sending.value = true
    problem.value = null
    try {
      const found = await api.kiosk.identify.mutate({ pin: pin.value })
      if (mine !== generation) return
      identity.value = found
      step.value = 'action'
    } catch (error) {
      if (mine === generation) refusedWith(error)
    } finally {
      if (mine === generation) sending.value = false
    }
  }

  async function perform(action: DutyAction, reason: BreakReason | null = null): Promise<void> {
    if (sending.value || pin.value.length !== PIN_LENGTH) return
    const mine = generation
    sending.value = true
    problem.value = null
    try {
      let result: { consultant: DutyConsultant; position: number | null }
      if (action === 'signIn') {
        result = await rotation.signIn.mutate({ pin: pin.value })
      } else if (action === 'signOut') {
        result = {
          consultant: (await rotation.signOut.mutate({ pin: pin.value })).consultant,
          position: null,
        }
      } else {
        const onBreak = action === 'break'
        const { consultant, position } = await rotation.setBreak.mutate({
          pin: pin.value,
          onBreak,
          ...(reason ? { reason } : {}),
        })
        result = { consultant, position }
      }
      if (mine !== generation) return
      pin.value = ''
      done.value = { action, ...result, reason }
      step.value = 'done'
    } catch (error) {
      // Unreachable: nothing happened on the server, and the same choice can simply be tapped again.
      if (mine === generation) refusedWith(error)
    } finally {
      if (mine === generation) sending.value = false
    }
  }

  function chooseBreak(): void {
    problem.value = null
    step.value = 'breakReason'
  }

  /** One step back; false when there is nothing before (the caller returns to welcome). */
  function back(): boolean {
    if (sending.value) return true
    problem.value = null
    if (step.value === 'breakReason') step.value = 'action'
    else if (step.value === 'action') {
      pin.value = ''
      identity.value = null
      step.value = 'pin'
    } else return false
    return true
  }

  function reset(): void {
    generation += 1
    step.value = 'pin'
    pin.value = ''
    sending.value = false
    problem.value = null
    done.value = null
    identity.value = null
  }

  return {
    step,
    pin,
    sending,
    problem,
    done,
    identity,
    editPin,
    confirmPin,
    signIn: () => perform('signIn'),
    takeBreak: (reason: BreakReason) => perform('break', reason),
    comeBack: () => perform('back'),
    signOut: () => perform('signOut'),
    chooseBreak,
    back,
    reset,
  }
})
