// The demo storefront: loads the built package once, then wires each section.
import init from '/pkg/index.js';
import { setupInviteCodes } from './sections/invite-codes.js';
import { setupQr } from './sections/qr.js';
import { setupPosters } from './sections/posters.js';
import { setupRewards } from './sections/rewards.js';

const status = document.getElementById('status');
try {
  await init();
  status.textContent = 'WebAssembly module ready.';
  status.className = 'ok';
  setupInviteCodes();
  setupQr();
  setupPosters();
  setupRewards();
} catch (error) {
  status.textContent = `Could not load the package: ${error.message}. Run pkg-scripts/demo.sh.`;
  status.className = 'error';
  throw error;
}
