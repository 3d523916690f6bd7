import { describe, expect, it } from 'vitest';
import type { RoadmapDependency } from '@ordo/domain';
import { dependencyText } from './dependency-text';

const dependency = (more: Partial<RoadmapDependency>): RoadmapDependency => ({
  story: 'WEB-2',
  projectKey: 'WEB',
  epicId: null,
  blocks: 'APP-1',
  blocksProjectKey: 'APP',
  conflict: false,
  finishes: '2025-03-30',
  lands: '2025-03-16',
  ...more,
});

describe('dependencyText', () => {
  it('says who waits for whom when the orders agree', () => {
    expect(dependencyText(dependency({}))).toMatch(/^APP-1 waits for WEB-2 \(WEB\), done on /);
  });

  it('explains a conflict and what either PO can do', () => {
    const text = dependencyText(dependency({ conflict: true }));
    expect(text).toMatch(/^Dependency conflict: WEB-2 blocks APP-1, but WEB's order finishes it on /);
    expect(text).toContain("after APP's order lands APP-1");
    expect(text).toContain('Rank it higher in WEB, or APP-1 lower in APP.');
  });

  it('never names a blocker the reader cannot read', () => {
    const text = dependencyText(dependency({ story: null, conflict: true, finishes: null }));
    expect(text).toContain('a story of team WEB blocks APP-1');
    expect(text).toContain('beyond the forecast horizon');
  });
});
