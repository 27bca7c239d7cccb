/** The source wording: Chinese first. `en.ts` must have the same keys (the type checks it). */
const zhCN = {
  deviceKind: {
    kiosk: '前台自助机',
    board: '轮序大屏',
  },
  language: {
    label: '语言',
    zh: '中文',
    en: 'English',
  },
  pairing: {
    title: '设备配对',
    prompt: '请输入管理后台显示的 6 位配对码',
    purpose: '这台设备将作为「{kind}」使用。',
    where: '配对码由经理或销售总监在管理后台的设备页面生成，只能使用一次。',
    submitting: '正在配对…',
    wrongKind: '这是「{claimed}」的配对码，不能用于{expected}。这个配对码已被用掉，请在管理后台为{expected}重新生成一个。',
    keptWhileOffline: '已输入的配对码会保留，网络恢复后自动提交。',
  },
  keypad: {
    codeLabel: '配对码，已输入 {count} 位，共 {max} 位',
    backspace: '删除一位',
    clear: '清空',
    submit: '配对',
  },
  connection: {
    offline: '网络连接中断，正在重试…',
    serverTrouble: '{message}正在重试…',
    connecting: '正在连接服务器…',
    online: '已连接',
    lastUpdate: '最后更新 {time}',
  },
  welcome: {
    greeting: '欢迎光临',
  },
  unpair: {
    hold: '长按 3 秒解除配对',
    title: '解除这台设备的配对？',
    body: '解除后这台设备会回到配对界面，需要经理在管理后台重新生成配对码才能继续使用。',
    cancel: '取消',
    confirm: '解除配对',
  },
}

export default zhCN

type Wording<T> = { [K in keyof T]: T[K] extends string ? string : Wording<T[K]> }
export type Messages = Wording<typeof zhCN>
