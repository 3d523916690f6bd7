import { describeAuthorizationMatrix } from './authz/matrix';

// One of the authorization matrix's parts (test/authz/matrix.ts says what it proves and how cases are dealt).
await describeAuthorizationMatrix(1, 3);
