import { useState, type FormEvent } from 'react';
import { usePmCommand, type PmScope } from './use-roadmap-actions';

const COLOURS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#a855f7'];

/** The PM adds an epic with its planned dates; it joins the end of the roadmap. */
export function NewEpicForm({ scope, count }: { scope: PmScope; count: number }) {
  const [title, setTitle] = useState('');
  const [startDate, setStart] = useState('');
  const [targetDate, setTarget] = useState('');
  const command = usePmCommand(scope);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const color = COLOURS[count % COLOURS.length];
    command.mutate(
      {
        command: 'epic',
        body: { title, color, startDate: startDate || null, targetDate: targetDate || null },
      },
      { onSuccess: () => setTitle('') },
    );
  };
  return (
    <form className="row card new-epic" onSubmit={submit} aria-label="New epic">
      <input
        className="spacer"
        aria-label="Epic title"
        placeholder="New epic"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <input
        type="date"
        aria-label="Planned start"
        value={startDate}
        onChange={(e) => setStart(e.target.value)}
      />
      <input
        type="date"
        aria-label="Target date"
        min={startDate}
        value={targetDate}
        onChange={(e) => setTarget(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={!title.trim() || command.isPending}>
        Add epic
      </button>
    </form>
  );
}
