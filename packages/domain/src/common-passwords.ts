/**
 * Passwords of 8 characters or more of the kind that top the public lists of breached passwords, compared
 * lowercased. A short list kept here, not a strength meter (which would weigh on the web bundle):
 * it refuses what a guesser tries first, which is what a per-account limit of a few guesses per hour cannot.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '123123123', '11111111', '00000000', '88888888',
  '87654321', '11223344', '12341234', '123qweasd', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', '1qazxsw2', 'zaq12wsx',
  'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty12', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'qazwsxedc',
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word',
  'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'basketball', 'superman', 'batman123',
  'trustno1', 'welcome1', 'welcome123', 'letmein1', 'abcd1234', 'abc12345', 'abcdefgh', 'a1b2c3d4',
  'starwars', 'whatever', 'computer', 'internet', 'michelle', 'jennifer', 'jordan23', 'charlie1', 'liverpool',
  'chelsea1', 'arsenal1', 'master12', 'mustang1', 'shadow12', 'monkey12', 'dragon12', 'changeme', 'admin123',
  'administrator', 'azertyuiop', 'azerty123', 'motdepasse', 'passwort', 'hallo123', 'q1w2e3r4', 'q1w2e3r4t5',
  'test1234', 'testtest', 'secret12', 'loveyou1', 'freedom1', 'samsung1', 'google123', 'access14',
]);
