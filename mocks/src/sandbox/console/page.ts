/**
 * The console page: one HTML document, its styles and its script, served from the mock (no framework, no
 * build step: the script is plain JavaScript kept here as text). Nothing loads from another host: the
 * Content-Security-Policy allows this origin only, like the docs portal.
 */
import { CONSOLE_CSS } from './console.css.js';
import { CONSOLE_JS } from './console.js.js';

export { CONSOLE_CSS, CONSOLE_JS };

export const CONSOLE_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sandbox console · credit-apis</title>
  <!-- Nothing here loads from another host: the console works with no network at all. -->
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/_sandbox/console.css">
  <script src="/_sandbox/console.js" defer></script>
</head>
<body>
<main>
  <h1>Sandbox console</h1>
  <p class="lead">Watch a tenant's flows in the credit-apis sandbox and drive them: credit notes and their notifications, INSS operations, webhook URLs. JSON clients of <code>/_sandbox/</code> get the JSON routes as before.</p>
  <section aria-labelledby="pick-title">
    <h2 id="pick-title">Tenant</h2>
    <form id="pick-seen" hidden>
      <fieldset>
        <legend>Tenants seen so far (loopback bind)</legend>
        <label for="tenant-select">Tenant</label>
        <select id="tenant-select"></select>
        <button type="submit" class="primary">Show tenant</button>
      </fieldset>
    </form>
    <form id="pick-client">
      <fieldset>
        <legend>Client credentials</legend>
        <label for="client-id">Client id</label> <input id="client-id" autocomplete="off" required>
        <label for="client-secret">Client secret</label> <input id="client-secret" type="password" autocomplete="off" required>
        <button type="submit" class="primary">Use client credentials</button>
      </fieldset>
    </form>
    <form id="pick-token">
      <fieldset>
        <legend>Token</legend>
        <label for="token">Bearer token</label> <input id="token" type="password" autocomplete="off" required>
        <button type="submit" class="primary">Use token</button>
      </fieldset>
    </form>
    <p id="message" role="status" aria-live="polite"></p>
  </section>
  <div id="view"></div>
  <footer>credit-apis sandbox · live updates over <code>/_sandbox/events</code> · <span id="live">not connected</span></footer>
</main>
</body>
</html>
`;
