import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import '../common/styles/base.css'
import './board.css'
import { i18n, isLocale, setLocale } from '../common/locales'
import { DEVICE_KIND } from '../common/stores/device'
import { localSetting } from '../common/stores/local-setting'
import BoardApp from './BoardApp.vue'

// A board is installed once and stays in the language it was set up in, across reloads.
const savedLocale = localSetting('anchang.board.locale')
if (isLocale(savedLocale.value)) setLocale(savedLocale.value)
watch(
  () => i18n.global.locale.value,
  (locale) => (savedLocale.value = locale),
)

const app = createApp(BoardApp)
app.provide(DEVICE_KIND, 'board')
app.use(createPinia())
app.use(i18n)
app.mount('#app')
