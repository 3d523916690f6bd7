import type { Parsed } from '../../shared/api/client';
import type { portfolioProduct } from '@ordo/domain';

type PortfolioProduct = Parsed<typeof portfolioProduct>;
type Epics = PortfolioProduct['epics'];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The department in one line's numbers: products, teams, and the epics that need a look. */
export function portfolioTotals(products: readonly PortfolioProduct[]) {
  const sum = (pick: (e: Epics) => number) => products.reduce((total, p) => total + pick(p.epics), 0);
  return {
    products: products.length,
    teams: products.reduce((total, p) => total + p.teams.length, 0),
    epics: sum((e) => e.total),
    atRisk: sum((e) => e.atRisk),
    misaligned: sum((e) => e.misaligned),
    conflicts: sum((e) => e.conflicts),
  };
}

export interface Flag {
  /** The chip's words ("2 at risk"). */
  text: string;
  tone: 'warn' | 'danger';
  /** What it means, on hover. */
  title: string;
}

/** What needs the head of product's attention in one product's epics; empty when nothing does. */
export function attentionFlags(epics: Epics): Flag[] {
  const flags: Flag[] = [];
  if (epics.conflicts > 0)
    flags.push({
      text: count(epics.conflicts, 'epic', 'epics') + ' in dependency conflict',
      tone: 'danger',
      title: "A blocker's own team finishes it after the sprint where the story it blocks lands",
    });
  if (epics.atRisk > 0)
    flags.push({
      text: `${epics.atRisk} at risk`,
      tone: 'warn',
      title: "The epic's P85 forecast passes its target date",
    });
  if (epics.misaligned > 0)
    flags.push({
      text: `${epics.misaligned} misaligned`,
      tone: 'warn',
      title: "A team's backlog finishes epics the roadmap puts later before this one",
    });
  return flags;
}

/** A team's velocity in words, for the portfolio and the teams page. */
export const velocityText = (velocity: number | null) =>
  velocity === null ? 'no velocity yet' : `${count(Math.round(velocity * 10) / 10, 'point')} per sprint`;

export const epicsText = (total: number) => count(total, 'epic');
export const teamsText = (total: number) => count(total, 'team');
