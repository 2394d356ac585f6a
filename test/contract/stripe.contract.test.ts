// `npm run test:contract`: every stripe operation, through its generated function, against Prism.
import { contractSuite } from './contract-suite.ts';

contractSuite({
  vendor: 'stripe',
  // Operation id → reason. Excluded operations still run; one that starts passing fails the test
  // until its exclusion is removed.
  exclusions: {},
});
