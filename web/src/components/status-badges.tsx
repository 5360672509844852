/** The planning vocabulary as light badges: market, plan and activity statuses, priorities, phases. */
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import type {
  ActivityStatus,
  JobStatus,
  MarketPriority,
  MarketStatus,
  Phase,
  PlanStatus,
} from '../api/types.ts';
import { messages } from '../messages/en.ts';
import { PHASE_COLORS } from './phase-style.ts';

const p = messages.planning;

// Light badges with their text at shade 9, as the registry's; red, orange, teal and green at shade
// 9 stay just under 4.5:1 on their tint over the page's grey, so those take the text colour.
const STATUS_COLOR = {
  exploring: 'blue',
  active: 'teal',
  paused: 'orange',
  closed: 'gray',
  draft: 'gray',
  approved: 'blue',
  planned: 'blue',
  confirmed: 'teal',
  done: 'green',
  cancelled: 'red',
} as const;

/** The colour of a background job's status (a report, an archive), shown as a light badge. */
export const JOB_STATUS_COLORS: Record<JobStatus, string> = {
  queued: 'gray.7',
  running: 'indigo',
  succeeded: 'teal.9',
  failed: 'red.9',
};

const DARK_TEXT = new Set(['red', 'orange', 'teal', 'green']);

function LightBadge({ color, children, title }: { color: string; children: ReactNode; title?: string }) {
  return (
    <Badge
      variant="light"
      color={color}
      c={DARK_TEXT.has(color) ? 'var(--mantine-color-text)' : `${color}.9`}
      tt="none"
      title={title}
    >
      {children}
    </Badge>
  );
}

export function MarketStatusBadge({ status }: { status: MarketStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.marketStatus[status]}</LightBadge>;
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.planStatus[status]}</LightBadge>;
}

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.activityStatus[status]}</LightBadge>;
}

const PRIORITY_COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** "High priority"; `short`: "High" (in a column already named Priority). */
export function PriorityBadge({ priority, short = false }: { priority: MarketPriority; short?: boolean }) {
  const label = p.priority[priority];
  return <LightBadge color={PRIORITY_COLOR[priority]}>{short ? label : p.priorityBadge(label)}</LightBadge>;
}

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <LightBadge color={PHASE_COLORS[phase]}>{messages.phaseShort[phase]}</LightBadge>;
}

/** A survey wave's status (issue 23): draft, open or closed, in the wave's words. */
export function WaveStatusBadge({ status, label }: { status: 'draft' | 'open' | 'closed'; label: string }) {
  return <LightBadge color={{ draft: 'gray', open: 'teal', closed: 'indigo' }[status]}>{label}</LightBadge>;
}

/** A neutral light badge with readable text (a wave's "Anonymous"). */
export function NeutralBadge({ children }: { children: ReactNode }) {
  return <LightBadge color="gray">{children}</LightBadge>;
}
