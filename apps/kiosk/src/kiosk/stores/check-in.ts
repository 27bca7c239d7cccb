import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { RouterInputs, RouterOutputs } from '@anchang/api'
import { describeFailure } from '../../common/api/failure'
import { retryDelay } from '../../common/api/retry-delay'
import { useDeviceApi, useDeviceStore } from '../../common/stores/device'
import { CONSENT_VERSION } from '../domain/consent'
import { MOBILE_LENGTH, mobileProblem } from '../domain/mobile'

/** The questions of a check-in, one full screen each, in order. */
export const CHECK_IN_QUESTIONS = [
  'firstVisit',
  'privacy',
  'phone',
  'surname',
  'title',
  'partySize',
  'channel',
] as const
export type CheckInQuestion = (typeof CHECK_IN_QUESTIONS)[number]
/** After the questions: the screen while the check-in is sent (or retried), then the answer. */
export type CheckInStep = CheckInQuestion | 'submit' | 'result'

export type CheckInPayload = RouterInputs['kiosk']['checkIn']
export type CheckInOutcome = RouterOutputs['kiosk']['checkIn']
export type Welcome = RouterOutputs['kiosk']['welcome']
export type VisitorTitle = NonNullable<CheckInPayload['title']>
export type SubmitStatus = 'idle' | 'sending' | 'waitingToRetry' | 'refused'

/** How long the number screen waits to learn whether the book knows the visitor, before asking everything. */
export const WELCOME_WAIT_MS = 1_500

/** CONTRACT.md: `partySize` is 1–20. */
export const MAX_PARTY_SIZE = 20

/** tRPC codes of a server that answered but could not serve: worth trying again, unlike a refusal. */
const SERVER_TROUBLE = new Set([
  'INTERNAL_SERVER_ERROR',
  'NOT_IMPLEMENTED',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
])

/**
 * One visitor's check-in, from "is this your first visit?" to the assigned consultant or the place
 * in the waiting line. It lives in a store, not in the screens, so going back a step keeps every
 * answer, and a network outage at the end keeps everything typed while the check-in is retried.
 * `reset` forgets it all: the next visitor must never see the last one's number.
 */
export const useCheckInStore = defineStore('checkIn', () => {
  const device = useDeviceStore()
  const api = useDeviceApi()

  const step = ref<CheckInStep>('firstVisit')
  /** Only steers the wording: a known number is recognised by the server whatever the answer. */
  const firstVisit = ref<boolean | null>(null)
  const consented = ref(false)
  const phone = ref('')
  /** The visitor pressed "next" on the phone screen; from then on a short number is pointed out. */
  const phoneAttempted = ref(false)
  const surname = ref<string | null>(null)
  const title = ref<VisitorTitle | null>(null)
  const partySize = ref<number | null>(null)
  const channel = ref<string | null>(null)

  const status = ref<SubmitStatus>('idle')
  /** The server's sentence: why it refused, or what went wrong on its side while retrying. */
  const serverMessage = ref<string | null>(null)
  /** When the next automatic try is due (ms since the epoch), while waiting to retry. */
  const retryAt = ref<number | null>(null)
  const outcome = shallowRef<CheckInOutcome | null>(null)
  /** What the book knows of the number typed: the greeting, and the questions it already answers. */
  const welcome = shallowRef<Welcome | null>(null)
  /** The number was accepted and the kiosk is asking the book about it. */
  const recognising = ref(false)

  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  /** Bumped by reset, so the answer to an abandoned check-in cannot land on the next visitor's screen. */
  let generation = 0

  /**
   * The questions this visitor is asked: without channels there is nothing to choose from, and what
   * the book already knows of a returning visitor is not asked again (the party size always is).
   */
  const questions = computed(() =>
    CHECK_IN_QUESTIONS.filter(
      (q) =>
        (q !== 'channel' || device.channels.length > 0) &&
        !(welcome.value?.known as readonly string[] | undefined)?.includes(q),
    ),
  )
  /** "Step 3 of 7" for the current question, or null after the questions. */
  const progress = computed(() => {
    const index = (questions.value as readonly CheckInStep[]).indexOf(step.value)
    return index < 0 ? null : { current: index + 1, total: questions.value.length }
  })
  const phoneProblem = computed(() => mobileProblem(phone.value))
  /** Sending or about to retry: the visitor is waiting for an answer. */
  const busy = computed(() => status.value === 'sending' || status.value === 'waitingToRetry')

  const payload = computed<CheckInPayload>(() => ({
    phone: phone.value,
    ...(surname.value ? { surname: surname.value } : {}),
    ...(title.value ? { title: title.value } : {}),
    partySize: partySize.value ?? 1,
    ...(channel.value ? { channel: channel.value } : {}),
    consentVersion: CONSENT_VERSION,
  }))

  function advance(): void {
    const index = (questions.value as readonly CheckInStep[]).indexOf(step.value)
    const next = questions.value[index + 1]
    if (next) step.value = next
    else void submit()
  }

  function answerFirstVisit(first: boolean): void {
    firstVisit.value = first
    advance()
  }

  function consent(): void {
    consented.value = true
    advance()
  }

  /** No consent, no number: everything is forgotten and the caller returns to welcome. */
  function decline(): void {
    reset()
  }

  function editPhone(digits: string): void {
    if (recognising.value) return
    phone.value = digits.replace(/\D/g, '').slice(0, MOBILE_LENGTH)
    phoneAttempted.value = false
    welcome.value = null
  }

  /**
   * Takes a valid number (otherwise says what is wrong and stays): the kiosk asks the book whether
   * it knows the visitor, waits for the answer at most a moment, and moves on either way — a kiosk
   * that cannot ask simply asks the visitor everything.
   */
  function confirmPhone(): boolean {
    if (phoneProblem.value) {
      phoneAttempted.value = true
      return false
    }
    if (recognising.value) return true
    void recognise()
    return true
  }

  async function recognise(): Promise<void> {
    const mine = generation
    recognising.value = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const known = await Promise.race([
      api.kiosk.welcome.mutate({ phone: phone.value }).catch(() => null),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WELCOME_WAIT_MS))),
    ])
    clearTimeout(timer)
    if (mine !== generation) return
    recognising.value = false
    welcome.value = known
    advance()
  }

  function chooseSurname(choice: string | null): void {
    surname.value = choice
    advance()
  }

  function chooseTitle(choice: VisitorTitle | null): void {
    title.value = choice
    advance()
  }

  function choosePartySize(size: number): void {
    partySize.value = Math.min(MAX_PARTY_SIZE, Math.max(1, Math.round(size)))
    advance()
  }

  function chooseChannel(choice: string | null): void {
    channel.value = choice
    advance()
  }

  /**
   * One step back, keeping every answer. False when there is nothing before this step: the caller
   * leaves the check-in. While the check-in is on its way there is no going back, only cancelling.
   */
  function back(): boolean {
    if (busy.value) return true
    if (step.value === 'submit') {
      status.value = 'idle'
      serverMessage.value = null
      step.value = questions.value[questions.value.length - 1]!
      return true
    }
    const index = (questions.value as readonly CheckInStep[]).indexOf(step.value)
    if (index <= 0) return false
    step.value = questions.value[index - 1]!
    return true
  }

  async function submit(): Promise<void> {
    if (status.value === 'sending') return
    clearTimeout(retryTimer)
    const mine = generation
    step.value = 'submit'
    status.value = 'sending'
    retryAt.value = null
    let answer: CheckInOutcome
    try {
      answer = await api.kiosk.checkIn.mutate(payload.value)
    } catch (error) {
      if (mine !== generation) return
      const failure = describeFailure(error)
      if (failure.reached && !SERVER_TROUBLE.has(failure.code)) {
        status.value = 'refused'
        serverMessage.value = failure.message
        attempt = 0
        // A refusal may come from stale device data (a channel removed, the kiosk revoked).
        device.checkNow()
        return
      }
      // Not reached, or reached but failing: the same check-in is sent again, and the server
      // answers a number already inside with its existing outcome, so a retry never checks in twice.
      serverMessage.value = failure.reached ? failure.message : null
      const delay = retryDelay(attempt)
      attempt += 1
      status.value = 'waitingToRetry'
      retryAt.value = Date.now() + delay
      retryTimer = setTimeout(() => void submit(), delay)
      return
    }
    if (mine !== generation) return
    outcome.value = answer
    status.value = 'idle'
    serverMessage.value = null
    retryAt.value = null
    attempt = 0
    step.value = 'result'
  }

  /** The visitor does not want to wait for the next automatic try. */
  function retryNow(): void {
    if (status.value === 'waitingToRetry') void submit()
  }

  function reset(): void {
    generation += 1
    clearTimeout(retryTimer)
    attempt = 0
    step.value = 'firstVisit'
    firstVisit.value = null
    consented.value = false
    phone.value = ''
    phoneAttempted.value = false
    surname.value = null
    title.value = null
    partySize.value = null
    channel.value = null
    status.value = 'idle'
    serverMessage.value = null
    retryAt.value = null
    outcome.value = null
    welcome.value = null
    recognising.value = false
  }

  return {
    step,
    firstVisit,
    consented,
    phone,
    phoneAttempted,
    phoneProblem,
    surname,
    title,
    partySize,
    channel,
    status,
    serverMessage,
    retryAt,
    outcome,
    welcome,
    recognising,
    questions,
    progress,
    busy,
    payload,
    answerFirstVisit,
    consent,
    decline,
    editPhone,
    confirmPhone,
    chooseSurname,
    chooseTitle,
    choosePartySize,
    chooseChannel,
    back,
    submit,
    retryNow,
    cancel: reset,
    reset,
  }
})
