import type { Messages } from './zh-CN'

const en: Messages = {
  deviceKind: {
    kiosk: 'front-desk kiosk',
    board: 'rotation board',
  },
  language: {
    label: 'Language',
    zh: '中文',
    en: 'English',
  },
  pairing: {
    title: 'Pair this device',
    prompt: 'Enter the 6-digit pairing code shown in the admin app',
    purpose: 'This device will be used as the {kind}.',
    where: 'A manager or director creates the code on the Devices page of the admin app; each code works once.',
    submitting: 'Pairing…',
    wrongKind:
      'This code is for a {claimed}, not for the {expected}. The code has now been used up; create a new one for the {expected} in the admin app.',
    keptWhileOffline: 'The code you typed is kept and will be sent as soon as the network is back.',
  },
  keypad: {
    codeLabel: 'Pairing code, {count} of {max} digits entered',
    backspace: 'Delete one digit',
    clear: 'Clear',
    submit: 'Pair',
  },
  connection: {
    offline: 'The network connection is down; retrying…',
    serverTrouble: '{message} Retrying…',
    connecting: 'Connecting to the server…',
    online: 'Online',
    lastUpdate: 'Last update {time}',
  },
  welcome: {
    greeting: 'Welcome',
  },
  unpair: {
    hold: 'Hold for 3 seconds to unpair',
    title: 'Unpair this device?',
    body: 'The device goes back to the pairing screen and needs a new pairing code from a manager in the admin app before it can be used again.',
    cancel: 'Cancel',
    confirm: 'Unpair',
  },
}

export default en
