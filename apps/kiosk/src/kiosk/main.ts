import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '../common/styles/base.css'
import './styles/flow.css'
import { i18n } from '../common/locales'
import { DEVICE_KIND } from '../common/stores/device'
import KioskApp from './KioskApp.vue'
import { createKioskRouter } from './router'

const app = createApp(KioskApp)
app.provide(DEVICE_KIND, 'kiosk')
// Pinia before the router: the router's guard reads the device store.
app.use(createPinia())
app.use(i18n)
app.use(createKioskRouter())
app.mount('#app')
