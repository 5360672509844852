const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * English UI strings of an event's scheduling tab (issue 22 item 4), spread into `en` so the tab
 * reads `messages.eventSchedule.…`.
 */
export const enEventsSchedule = {
  eventSchedule: {
    title: 'Scheduling',
    organisersOnly: 'Only the event’s organisers schedule its meetings.',
    loading: 'Loading the schedule',
    loadFailed: 'The schedule could not be loaded',
    capacity: {
      title: 'Capacity',
      requests: (n: number) => plural(n, 'accepted request to place', 'accepted requests to place'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'table', 'tables')} × ${plural(slots, 'slot', 'slots')} = ${plural(capacity, 'meeting', 'meetings')} at most`,
      participants: (n: number) => plural(n, 'approved participant', 'approved participants'),
      fits: 'Counting alone, every accepted request can be placed.',
      over: 'Not every accepted request can be placed: the scheduler places the highest priorities first.',
      timeZone: (zone: string) => `Times in ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) => `Published on ${when} (agenda revision ${revision})`,
      notPublished: 'Not published yet: participants do not see their agendas.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Since publication: ${plural(unscheduled, 'accepted request has', 'accepted requests have')} no meeting, ${plural(cancelled, 'meeting was', 'meetings were')} cancelled. Run a reschedule: published meetings stay where they are.`,
      stale: (parts: string) =>
        `Changed since the applied run: ${parts}. Run the scheduler again before publishing.`,
      publish: 'Publish the schedule',
      publishTitle: 'Publish the schedule?',
      publishBody: (n: number) =>
        `${plural(n, 'meeting', 'meetings')} become part of the participants’ agendas. Later changes are made by a reschedule, which keeps published meetings in place.`,
      publishConfirm: 'Publish',
      publishFailed: 'The schedule could not be published',
      publishedNow: 'The schedule is published.',
    },
    run: {
      title: 'Run the scheduler',
      mode: 'What to schedule',
      modes: {
        full: 'The whole schedule',
        reschedule: 'Reschedule (published meetings kept, fewest changes)',
      } as Record<string, string>,
      timeLimit: 'Time limit (seconds)',
      timeLimitHint: 'From 5 to 300. The scheduler stops at the limit with the best schedule found.',
      timeLimitInvalid: 'Give a whole number of seconds from 5 to 300',
      start: 'Run the scheduler',
      startFailed: 'The run could not start',
      running: 'Running',
      queued: 'Waiting for the scheduler',
      progress: 'Progress of the scheduler run',
    },
    result: {
      title: 'Latest run',
      status: {
        optimal: 'Optimal: the fewest breaks are proven',
        feasible: 'A schedule, with a proven lower bound on the breaks',
        infeasible: 'No schedule exists',
        unknown: 'No schedule found within the time limit',
      } as Record<string, string>,
      runStatus: {
        queued: 'Queued',
        running: 'Running',
        done: 'Ready to review',
        failed: 'Failed',
        applied: 'Applied',
        discarded: 'Discarded',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} of ${requested} meetings placed`,
      breaks: (breaks: number, bound: number) => `Breaks: ${breaks} (proven lower bound ${bound})`,
      waits: (n: number) => `${plural(n, 'waiting slot', 'waiting slots')} between meetings within sessions`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Requests not placed',
      unplacedNone: 'Every accepted request is placed.',
      breaksTitle: 'Waiting slots per participant',
      breaksNone: 'No participant waits between two meetings.',
      more: (n: number) => `and ${n} more`,
      differenceTitle: 'Difference against the current schedule',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `${added} added, ${moved} moved, ${removed} removed, ${unchanged} unchanged`,
      kind: { added: 'Added', moved: 'Moved', removed: 'Removed' } as Record<string, string>,
      stale: (parts: string) => `Changed since this run: ${parts}. It can no longer be applied; run again.`,
      apply: 'Apply this schedule',
      applyTitle: 'Apply this schedule?',
      applyBody:
        'The current schedule is replaced by this run’s: added meetings are created, moved ones change slot or table, removed ones are deleted. Published meetings that move appear in the agendas’ next revision.',
      applyConfirm: 'Apply',
      applyFailed: 'The run could not be applied',
      discard: 'Discard',
      discardTitle: 'Discard this run?',
      discardBody: 'Its result is kept in the history but can no longer be applied.',
      discardConfirm: 'Discard',
      discardFailed: 'The run could not be discarded',
    },
    meetings: {
      title: 'Current schedule',
      empty: 'No meeting is scheduled yet.',
      when: 'When',
      table: 'Table',
      between: 'Participants',
      status: 'Status',
      published: 'Published',
      draft: 'Not published',
      noTable: 'No table',
      statuses: {
        scheduled: 'Scheduled',
        held: 'Held',
        no_show: 'No-show',
        cancelled: 'Cancelled',
      } as Record<string, string>,
      shown: (shown: number, total: number) => `${shown} of ${total} meetings`,
      showMore: 'Show more',
    },
    history: {
      title: 'Run history',
      empty: 'No run yet.',
      started: 'Started',
      mode: 'Mode',
      status: 'Status',
      result: 'Result',
      open: 'Show',
    },
  },
};
