import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { levelCardHeadings } from './components/common/card-headings'
import { applyLocale, currentLocale, i18n } from './locales'
import { router } from './router'
import './styles.css'

applyLocale(currentLocale())
levelCardHeadings()
createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
