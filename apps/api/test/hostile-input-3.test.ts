import { describeHostileInput } from './hostile/suite';

// One of the hostile-input test's parts (test/hostile/suite.ts says what it proves and how routes are dealt).
await describeHostileInput(3, 4);
