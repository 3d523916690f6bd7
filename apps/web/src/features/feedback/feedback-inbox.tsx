import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { feedbackResponse, type Feedback, type TriageFeedback } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { useCommand } from '../../shared/api/use-command';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/ui/feedback';
import { formatMoment } from '../../shared/ui/format';
import { useCan } from '../projects/access';
import { EpicSelect } from '../projects/pickers';
import { feedbackQuery, type FeedbackScope } from './queries';
import './feedback.css';

type Epics = readonly { id: string; title: string }[];

type FeedbackCommand =
  | { command: 'submit'; body: string; source: string }
  | { command: 'triage'; id: string; change: TriageFeedback };

function useFeedbackCommand(scope: FeedbackScope) {
  const path = `${scope.path}/feedback`;
  return useCommand(
    [scope.cacheKey],
    (action: FeedbackCommand) =>
      action.command === 'submit'
        ? request(path, feedbackResponse, {
            method: 'POST',
            body: { body: action.body, source: action.source },
          })
        : request(`${path}/${action.id}`, feedbackResponse, { method: 'PATCH', body: action.change }),
    (_result, action) =>
      action.command === 'submit' ? 'Thank you: the Product Manager will triage it' : null,
  );
}

function SubmitFeedback({ onSubmit }: { onSubmit: (body: string, source: string) => void }) {
  const [body, setBody] = useState('');
  const [source, setSource] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(body.trim(), source.trim());
    setBody('');
    setSource('');
  };
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label="Submit feedback">
      <label>
        Feedback
        <textarea
          required
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What did a customer or stakeholder say?"
        />
      </label>
      <div className="row">
        <input
          className="spacer"
          aria-label="Source"
          maxLength={200}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder="Source, e.g. support ticket #812"
        />
        <button type="submit" className="btn btn-primary" disabled={!body.trim()}>
          Submit
        </button>
      </div>
    </form>
  );
}

function FeedbackItem({
  item,
  epics,
  onTriage,
}: {
  item: Feedback;
  epics: Epics;
  onTriage: (change: TriageFeedback) => void;
}) {
  const triaging = useCan('feedback.triage');
  return (
    <li className={`card feedback-item ${item.done ? 'is-done' : ''}`}>
      <p className="feedback-body">{item.body}</p>
      <div className="row muted" style={{ fontSize: 12, flexWrap: 'wrap' }}>
        <span>
          {item.author.name}
          {item.source && ` · ${item.source}`} · {formatMoment(item.createdAt)}
        </span>
        {item.storyKey && <span className="chip">{item.storyKey}</span>}
        <span className="spacer" />
        <EpicSelect
          epics={epics}
          aria-label="Linked epic"
          noneLabel="No epic"
          value={item.epicId ?? ''}
          disabled={!triaging.allowed}
          title={triaging.reason}
          onPick={(id) => onTriage({ epicId: id || null })}
        />
        <label className="choice row" title={triaging.reason}>
          <input
            type="checkbox"
            checked={item.done}
            disabled={!triaging.allowed}
            onChange={(e) => onTriage({ done: e.target.checked })}
          />
          Handled
        </label>
      </div>
    </li>
  );
}

/**
 * The PM's inbox, a team's view of it or the product's: anyone with a part in the product submits, the
 * Product Manager links each item to one of `epics` (the product's) and closes it.
 */
export function FeedbackInbox({ scope, epics }: { scope: FeedbackScope; epics: Epics }) {
  const feedback = useQuery(feedbackQuery(scope));
  const command = useFeedbackCommand(scope);
  if (feedback.isPending) return <PageSkeleton rows={5} label="Loading feedback" />;
  if (feedback.isError)
    return <ErrorState message={describeError(feedback.error)} onRetry={() => feedback.refetch()} />;
  const items = feedback.data.items;
  const open = items.filter((i) => !i.done).length;
  return (
    <main className="page">
      <div className="page-header">
        <h1>Feedback</h1>
        <span className="muted">
          {open} open · {items.length - open} handled
        </span>
      </div>
      <SubmitFeedback onSubmit={(body, source) => command.mutate({ command: 'submit', body, source })} />
      {items.length === 0 ? (
        <EmptyState title="No feedback yet">
          What customers and stakeholders say lands here for the Product Manager.
        </EmptyState>
      ) : (
        <ul className="feedback-list">
          {items.map((item) => (
            <FeedbackItem
              key={item.id}
              item={item}
              epics={epics}
              onTriage={(change) => command.mutate({ command: 'triage', id: item.id, change })}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
