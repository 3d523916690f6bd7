/** The roles after ticking or unticking `role`, in the order of `choices`; a member keeps at least one (null: refused). */
export function toggleRole<R extends string>(
  choices: readonly R[],
  roles: readonly R[],
  role: R,
): R[] | null {
  const next = roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
  return next.length === 0 ? null : choices.filter((r) => next.includes(r));
}
