// Browser tests drive Debian's Chromium; Playwright downloads no browser of its own here.
// Installs it (and a Chinese font, or Chinese pages render as boxes) when missing and we are root.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const hasFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0
  } catch {
    return false
  }
}

const missing = []
if (!existsSync('/usr/bin/chromium')) missing.push('chromium')
if (!hasFont()) missing.push('fonts-wqy-microhei')
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Browser tests need Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`,
    )
    process.exit(1)
  }
  console.log(`Installing ${missing.join(', ')} from Debian…`)
  execSync('apt-get update -qq', { stdio: 'inherit' })
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' })
}
