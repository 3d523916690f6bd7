import { useQuery } from '@tanstack/react-query';
import { closedByRecency, todayUtc, VELOCITY_EXPLANATION, type Sprint } from '@ordo/domain';
import { describeError } from '../../shared/api/client';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/ui/feedback';
import { Section } from '../../shared/ui/section';
import { useSearchFields } from '../../shared/ui/use-search-fields';
import { useProjectKey } from '../projects/use-project-key';
import {
  burndownQuery,
  cumulativeFlowQuery,
  sprintReportQuery,
  sprintsQuery,
  velocityQuery,
} from '../planning/queries';
import { flowRangeOf } from './charts';
import { CumulativeFlowChart } from './cumulative-flow-chart';
import { BurndownChart } from './burndown-chart';
import { RetroBoard } from './retro-board';
import { ReviewNotes } from './review-notes';
import { SprintSummary } from './sprint-summary';
import { VelocityChart } from './velocity-chart';
import './reports.css';

const FIELDS = ['sprint', 'flow'] as const;
const FLOW_SPANS = ['30', '90'] as const;

/** The cumulative flow over the chosen sprint's days, or the last 30 or 90 days (`?flow=90`). */
function FlowSection({ projectKey, sprint, span }: { projectKey: string; sprint?: Sprint; span?: string }) {
  const [, setView] = useSearchFields(FIELDS);
  const days = FLOW_SPANS.find((d) => d === span);
  const range = flowRangeOf(days || !sprint ? { days: Number(days ?? 30) } : { sprint }, todayUtc());
  const flow = useQuery(cumulativeFlowQuery(projectKey, range));
  return (
    <Section title="Cumulative flow" loading={flow.isPending}>
      <select
        aria-label="Flow over"
        className="flow-range"
        value={!sprint && days === '30' ? '' : (days ?? '')}
        onChange={(e) => setView('flow', e.target.value)}
      >
        {sprint && <option value="">{sprint.name}</option>}
        <option value={sprint ? '30' : ''}>Last 30 days</option>
        <option value="90">Last 90 days</option>
      </select>
      {flow.data && <CumulativeFlowChart flow={flow.data} />}
      {flow.isError && <p role="alert">{describeError(flow.error)}</p>}
    </Section>
  );
}

function SprintReports({ projectKey, sprintId }: { projectKey: string; sprintId: string }) {
  const report = useQuery(sprintReportQuery(projectKey, sprintId));
  const burndown = useQuery(burndownQuery(projectKey, sprintId));
  return (
    <>
      <Section title="Burndown" loading={burndown.isPending}>
        {burndown.data && <BurndownChart burndown={burndown.data} />}
      </Section>
      <Section title="Sprint review" loading={report.isPending}>
        {report.data && <SprintSummary report={report.data} />}
        <ReviewNotes projectKey={projectKey} sprintId={sprintId} />
      </Section>
      <Section title="Retrospective">
        <RetroBoard projectKey={projectKey} sprintId={sprintId} />
      </Section>
    </>
  );
}

/** Reports for the review and the retrospective: velocity over sprints, then one sprint in detail. */
export function ReportsPage() {
  const projectKey = useProjectKey();
  const sprints = useQuery(sprintsQuery(projectKey));
  const velocity = useQuery(velocityQuery(projectKey));
  const [view, setView] = useSearchFields(FIELDS);
  if (sprints.isPending) return <PageSkeleton rows={6} label="Loading reports" />;
  if (sprints.isError)
    return <ErrorState message={describeError(sprints.error)} onRetry={() => sprints.refetch()} />;
  const reportable = sprints.data.items.filter((s) => s.state !== 'planned').reverse();
  const selected =
    reportable.find((s) => s.id === view.sprint) ??
    reportable.find((s) => s.state === 'active') ??
    closedByRecency(reportable)[0];
  return (
    <main className="page">
      <div className="page-header">
        <h1>Reports</h1>
        <span className="spacer" />
        {reportable.length > 0 && (
          <select
            aria-label="Sprint"
            value={selected?.id}
            onChange={(e) => setView('sprint', e.target.value)}
          >
            {reportable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.state === 'active' ? 'running' : 'closed'})
              </option>
            ))}
          </select>
        )}
      </div>
      <Section title="Velocity" loading={velocity.isPending}>
        {velocity.data && <VelocityChart velocity={velocity.data} />}
        <p className="muted">{VELOCITY_EXPLANATION}</p>
      </Section>
      <FlowSection projectKey={projectKey} sprint={selected} span={view.flow} />
      {selected ? (
        <SprintReports key={selected.id} projectKey={projectKey} sprintId={selected.id} />
      ) : (
        <EmptyState title="No sprint has started yet">
          Reports fill in once the first sprint starts.
        </EmptyState>
      )}
    </main>
  );
}
