import { defineConfig } from 'svcgen/config';

// Every vendor pinned in specs/lock.json, every operation, the vendors' documented policies.
export default defineConfig({
  out: 'generated',
  vendors: {
    stripe: {},
    sendgrid: {},
    airwallex: {},
  },
});
