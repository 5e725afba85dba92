// Drives Swagger UI in headless Chromium: Authorize -> oidc (authorization code + PKCE) -> Keycloak
// login as ward-officer -> Try it out GET /api/v1/me -> 200. Run by .ci/swagger-login-check, which
// sets APP_URL, CHROMIUM, PLAYWRIGHT_CORE and SCREENSHOT.
'use strict';
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const APP_URL = process.env.APP_URL || 'http://localhost:8080';
const USER = process.env.LOGIN_USER || 'ward-officer';
const PASSWORD = process.env.LOGIN_PASSWORD || 'ward-officer';
const TIMEOUT = 60_000;

function step(message) {
  process.stderr.write(`[swagger-login-check] ${message}\n`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ locale: 'vi-VN' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  try {
    step(`opening ${APP_URL}/q/swagger-ui/`);
    await page.goto(`${APP_URL}/q/swagger-ui/`);
    await page.locator('button.authorize').first().click();

    // the oidc scheme's block of the Authorize dialog: client id pre-filled, openid pre-selected
    const dialog = page.locator('.modal-ux');
    const oidc = dialog.locator('.auth-container').filter({ hasText: /oidc/ }).first();
    await oidc.waitFor();
    const clientId = oidc.locator('input#client_id');
    if ((await clientId.count()) > 0 && !(await clientId.inputValue())) {
      await clientId.fill('danvan-web');
    }
    step('Authorize with oidc (authorization code + PKCE)');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      oidc.locator('button.authorize').click(),
    ]);
    await popup.waitForLoadState();
    const authorizeUrl = new URL(popup.url());
    if (authorizeUrl.searchParams.get('code_challenge_method') !== 'S256') {
      throw new Error(`the authorization request does not use PKCE (S256): ${popup.url()}`);
    }
    step(`Keycloak login page: ${authorizeUrl.origin}${authorizeUrl.pathname}`);
    await popup.locator('#username').fill(USER);
    await popup.locator('#password').fill(PASSWORD);
    await Promise.all([
      popup.waitForEvent('close', { timeout: TIMEOUT }),
      popup.locator('#kc-login').click(),
    ]);
    // Swagger UI exchanged the code for a token: the oidc block now offers Logout
    await oidc.locator('button', { hasText: 'Logout' }).waitFor();
    step('logged in; closing the dialog');
    await dialog.locator('button.btn-done, button.close-modal').first().click();

    step('Try it out: GET /api/v1/me');
    const operation = page.locator('.opblock-get').filter({
      has: page.locator('.opblock-summary-path[data-path="/api/v1/me"]'),
    });
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('button.try-out__btn').click();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'GET'),
      operation.locator('button.execute').click(),
    ]);
    const authorization = response.request().headers()['authorization'] || '';
    const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    const shown = (await status.innerText()).trim();
    if (process.env.SCREENSHOT) {
      await page.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
    }
    if (!authorization.startsWith('Bearer ')) {
      throw new Error('GET /api/v1/me was sent without the bearer token');
    }
    if (response.status() !== 200 || !shown.startsWith('200')) {
      throw new Error(`GET /api/v1/me answered ${response.status()} (shown: ${shown})`);
    }
    const me = await response.json();
    step(`GET /api/v1/me: 200, user ${me.username || JSON.stringify(me)}`);
  } catch (e) {
    if (process.env.SCREENSHOT) {
      await page.screenshot({ path: process.env.SCREENSHOT }).catch(() => {});
      const dialog = await page.locator('.modal-ux').innerText().catch(() => '');
      if (dialog) {
        process.stderr.write(`[swagger-login-check] Authorize dialog:\n${dialog}\n`);
      }
    }
    process.stderr.write(`[swagger-login-check] FAILED: ${e.message}\n`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
