/** The e2e browser lookup: CHROME_PATH first, then the system's, then Playwright's; never a silent skip. */
import { describe, expect, it } from 'vitest';
import { findBrowser, HOW_TO_GET_A_BROWSER } from '../support/browser.js';

describe('finding a browser for the e2e tests', () => {
  it('uses CHROME_PATH when it is set and refuses a path that does not exist, saying how to get one', () => {
    expect(() => findBrowser({ CHROME_PATH: '/no/such/chrome' })).toThrow(HOW_TO_GET_A_BROWSER);
    expect(findBrowser({ CHROME_PATH: process.execPath })).toBe(process.execPath);
  });
  it('the message names the ways to get one', () => {
    expect(HOW_TO_GET_A_BROWSER).toMatch(/apt-get install -y chromium/);
    expect(HOW_TO_GET_A_BROWSER).toMatch(/CHROME_PATH/);
  });
});
