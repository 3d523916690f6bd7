import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { VELOCITY_EXPLANATION } from '@ordo/domain';
import { describeError } from '../../shared/api/client';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/ui/feedback';
import { productPath } from '../../shared/api/paths';
import { useCan } from '../projects/access';
import { productQuery } from '../products/queries';
import { NewEpicForm } from '../roadmap/new-epic-form';
import { SortableEpics } from '../roadmap/sortable-epics';
import { TimelineAxis } from '../roadmap/timeline-track';
import { timelineRange } from '../roadmap/timeline';
import { useRankEpic, type PmScope } from '../roadmap/use-roadmap-actions';
import { VisionPanel } from '../roadmap/vision-panel';
import { EpicLane, type LaneMoves } from './epic-lane';
import { rankStep } from './rank-step';
import { productRankScope, productRoadmapKey, productRoadmapQuery } from './queries';
import { useLiveProduct } from './use-live-product';
import '../roadmap/roadmap.css';
import './product-roadmap.css';

/**
 * The product's roadmap across its teams: one lane per epic in the PM's order, a forecast band per team
 * from that team's backlog order, and the `blocks` dependencies between teams, conflicts flagged.
 */
export function ProductRoadmapPage() {
  const productKey = useParams().product ?? '';
  const roadmap = useQuery(productRoadmapQuery(productKey));
  const product = useQuery(productQuery(productKey)).data?.product;
  const managing = useCan('epic.manage');
  const ranking = useCan('roadmap.rank');
  // The PM writes the vision and adds epics on the product itself (`/api/products/:product/…`).
  const scope: PmScope = { path: productPath(productKey), invalidates: [['product', productKey]] };
  const rank = useRankEpic(productRankScope(productKey));
  useLiveProduct(roadmap.data?.teams.map((t) => t.key) ?? [], productRoadmapKey(productKey));
  if (roadmap.isPending) return <PageSkeleton rows={6} label="Loading the product roadmap" />;
  if (roadmap.isError)
    return <ErrorState message={describeError(roadmap.error)} onRetry={() => roadmap.refetch()} />;
  const { epics, teams } = roadmap.data;
  const titles = new Map(epics.map((e) => [e.epic.id, e.epic.title]));
  const today = new Date().toISOString().slice(0, 10);
  const range = timelineRange(epics, today);
  const order = epics.map((e) => e.epic.id);
  const move = (epicId: string, to: number) => rank.mutate({ epicId, to, order });
  const movesOf = (epic: string): LaneMoves | undefined => {
    if (!ranking.allowed) return undefined;
    const step = (by: -1 | 1) => {
      const to = rankStep(order, epic, by);
      return to === null ? null : () => move(epic, to);
    };
    return { up: step(-1), down: step(1) };
  };
  return (
    <main className="page">
      <div className="page-header">
        <h1>Product roadmap</h1>
        <span className="muted" title={VELOCITY_EXPLANATION}>
          {teams
            .map((t) =>
              t.velocity === null
                ? `${t.key}: no velocity yet`
                : `${t.key}: ${t.velocity} points per ${t.basis.sprintLengthDays}-day sprint`,
            )
            .join(' · ')}
        </span>
      </div>
      {product && <VisionPanel vision={product.vision} scope={scope} />}
      {epics.length === 0 ? (
        <EmptyState title="No epics yet">
          The Product Manager adds epics; each team's Product Owner orders their backlog, and the forecast
          follows.
        </EmptyState>
      ) : (
        <SortableEpics ids={order} onMove={move}>
          {range && (
            <div className="epic-grid roadmap-axis">
              <span className="muted">
                <span className="legend-planned" /> planned <span className="legend-forecast" /> forecast
                P50–P85 per team <span className="legend-today" /> today
              </span>
              <TimelineAxis range={range} />
            </div>
          )}
          <ol className="roadmap" aria-label="Epics across teams, in roadmap order">
            {epics.map((entry) => (
              <EpicLane
                key={entry.epic.id}
                entry={entry}
                range={range}
                today={today}
                titles={titles}
                ranking={ranking}
                moves={movesOf(entry.epic.id)}
              />
            ))}
          </ol>
        </SortableEpics>
      )}
      {managing.allowed && <NewEpicForm scope={scope} count={epics.length} />}
    </main>
  );
}
