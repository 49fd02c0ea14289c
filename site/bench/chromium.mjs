// The benchmarks' browser: Debian's Chromium (or CHROMIUM_PATH), headless, with nothing of its
// own going to the network, as the tests launch it (test/support/browser.ts).
import { chromium } from 'playwright-core';

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
