/**
 * The field where someone chooses a new password (the reset link's page, the profile): the length rule in
 * its label, and `new-password` so that password managers offer to generate and save one.
 */
export function NewPasswordField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label>
      New password (8 characters or more)
      <input
        type="password"
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
