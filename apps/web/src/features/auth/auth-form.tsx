import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../shared/api/client';
import { meQuery } from '../projects/queries';
import { AuthCard } from './auth-card';

export interface Field {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autoComplete: string;
}

interface Props {
  title: string;
  submitLabel: string;
  fields: Field[];
  submit: (values: Record<string, string>) => Promise<unknown>;
  footer: ReactNode;
  /** Below the submit button: another way in (single sign-on). */
  alternative?: ReactNode;
  /** Above the fields: what the page that sent the person here has to tell them. */
  notice?: ReactNode;
}

/** Login and register share one form: labelled fields, one submit, the API's message on refusal. */
export function AuthForm({ title, submitLabel, fields, submit, footer, alternative, notice }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: async () => {
      // Nothing cached belongs to the new session; who is signed in is known before the page opens, so the
      // shell does not see the old "signed out" answer and send the person back here.
      queryClient.clear();
      await queryClient.fetchQuery(meQuery);
      // Only same-site paths: a crafted ?next= must not send people elsewhere.
      const next = params.get('next');
      void navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/projects', { replace: true });
    },
  });
  return (
    <AuthCard
      title={title}
      onSubmit={() => mutation.mutate(values)}
      error={mutation.isError && describeError(mutation.error)}
      submitLabel={submitLabel}
      pending={mutation.isPending}
      alternative={alternative}
      footer={footer}
    >
      {notice && <p role="status">{notice}</p>}
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}
          <input
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            required
            value={values[f.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        </label>
      ))}
    </AuthCard>
  );
}
