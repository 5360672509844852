import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  ActionIcon,
  Badge,
  Box,
  Group,
  Paper,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import type { RelationshipBoardDto, RelationshipDto, RelationshipStage } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { type StageChangeTarget, todayLocal } from './stage-change-modal.tsx';

const t = messages.pipeline;

/** Columns shown narrow until opened: the relationships outside the pipeline. */
const COLLAPSED_BY_DEFAULT = new Set<RelationshipStage>(['dormant', 'closed']);

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
  );
}

/**
 * The arrow keys move a picked-up card from column to column (left, right), not by a few pixels:
 * the card's corner goes to the next column's, so the column under it is the one announced.
 */
const columnByColumn: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') {
    if (event.code === 'ArrowDown' || event.code === 'ArrowUp') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const columns = [...context.droppableRects.entries()].sort(([, a], [, b]) => a.left - b.left);
  if (columns.length === 0) return undefined;
  const current = context.over ? columns.findIndex(([id]) => id === context.over?.id) : -1;
  const next =
    current === -1
      ? event.code === 'ArrowRight'
        ? 0
        : columns.length - 1
      : Math.min(columns.length - 1, Math.max(0, current + (event.code === 'ArrowRight' ? 1 : -1)));
  const rect = columns[next]?.[1];
  if (!rect) return currentCoordinates;
  return { x: rect.left + 8, y: rect.top + 8 };
};

/**
 * The pipeline board: a column per stage with its count and latest cards. A card moves by drag and
 * drop with the pointer or the keyboard (Space to pick up, arrows across columns, Space to drop,
 * Escape to cancel), announced to screen readers; a drop opens the stage-change dialog.
 */
export function PipelineBoard({
  workspace,
  board,
  mayMove,
  onMove,
}: {
  workspace: string;
  board: RelationshipBoardDto;
  mayMove: (relationship: RelationshipDto) => boolean;
  onMove: (target: StageChangeTarget) => void;
}) {
  const [opened, setOpened] = useState<Set<RelationshipStage>>(new Set());
  const [dragged, setDragged] = useState<RelationshipDto | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  );
  const today = todayLocal();
  const label = (stage: string | number | undefined) => t.stages[String(stage)] ?? String(stage);
  const nameOf = (id: string | number) => {
    for (const column of board.columns) {
      const found = column.items.find((item) => item.id === id);
      if (found) return found.counterpart.name;
    }
    return '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t.announce.picked(nameOf(active.id), label(active.data.current?.stage as string | undefined)),
    onDragOver: ({ active, over }) =>
      over ? t.announce.over(nameOf(active.id), label(over.id)) : t.announce.outside(nameOf(active.id)),
    onDragEnd: ({ active, over }) =>
      over ? t.announce.dropped(nameOf(active.id), label(over.id)) : t.announce.cancelled(nameOf(active.id)),
    onDragCancel: ({ active }) => t.announce.cancelled(nameOf(active.id)),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragged((active.data.current?.relationship as RelationshipDto | undefined) ?? null);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const relationship = active.data.current?.relationship as RelationshipDto | undefined;
    if (!relationship || !over || over.id === relationship.stage) return;
    onMove({ relationship, stage: over.id as RelationshipStage });
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t.dragHint } }}
    >
      <Text fz="sm" c="dimmed">
        {t.dragHint}
      </Text>
      <Box
        component="section"
        aria-label={t.boardCaption}
        data-testid="pipeline-board"
        style={{ overflowX: 'auto', paddingBottom: 8 }}
      >
        <Group align="flex-start" gap="sm" wrap="nowrap">
          {board.columns.map((column) => {
            const collapsed = COLLAPSED_BY_DEFAULT.has(column.stage) && !opened.has(column.stage);
            return (
              <BoardColumn
                key={column.stage}
                stage={column.stage}
                count={column.count}
                collapsed={collapsed}
                onToggle={() =>
                  setOpened((previous) => {
                    const next = new Set(previous);
                    if (next.has(column.stage)) next.delete(column.stage);
                    else next.add(column.stage);
                    return next;
                  })
                }
                collapsible={COLLAPSED_BY_DEFAULT.has(column.stage)}
              >
                {!collapsed &&
                  column.items.map((relationship) => (
                    <BoardCard
                      key={relationship.id}
                      workspace={workspace}
                      relationship={relationship}
                      days={daysBetween(relationship.stageChangedOn, today)}
                      movable={mayMove(relationship)}
                    />
                  ))}
                {!collapsed && column.count > column.items.length && (
                  <Text fz="xs" c="dimmed">
                    {t.more(column.items.length, column.count)}
                  </Text>
                )}
              </BoardColumn>
            );
          })}
        </Group>
      </Box>
      <DragOverlay>
        {dragged ? (
          <CardBody
            relationship={dragged}
            days={daysBetween(dragged.stageChangedOn, today)}
            workspace={null}
          />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function BoardColumn({
  stage,
  count,
  collapsed,
  collapsible,
  onToggle,
  children,
}: {
  stage: RelationshipStage;
  count: number;
  collapsed: boolean;
  collapsible: boolean;
  onToggle: () => void;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const name = t.stages[stage] ?? stage;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'blue.0' : 'gray.0'}
      data-testid={`pipeline-column-${stage}`}
      style={{ width: collapsed ? 150 : 260, flex: 'none', minHeight: 160 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text component="h2" fz="sm" fw={700} m={0} aria-label={t.column(name, count)}>
            {name}
          </Text>
          <Badge
            variant="light"
            color="gray"
            c="var(--mantine-color-text)"
            data-testid={`pipeline-count-${stage}`}
          >
            {count}
          </Badge>
        </Group>
        {collapsible && (
          <UnstyledButton onClick={onToggle} fz="xs" c="blue.9" td="underline" aria-expanded={!collapsed}>
            {collapsed ? t.showColumn(name) : t.hideColumn(name)}
          </UnstyledButton>
        )}
        {!collapsed && count === 0 && (
          <Text fz="xs" c="dimmed">
            {t.emptyColumn}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

function BoardCard({
  workspace,
  relationship,
  days,
  movable,
}: {
  workspace: string;
  relationship: RelationshipDto;
  days: number;
  movable: boolean;
}) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: relationship.id,
    data: { relationship, stage: relationship.stage },
    disabled: !movable,
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      p="xs"
      data-testid="pipeline-card"
      data-relationship={relationship.id}
      style={{ opacity: isDragging ? 0.4 : 1 }}
    >
      <Group justify="space-between" align="flex-start" gap={4} wrap="nowrap">
        <CardBody relationship={relationship} days={days} workspace={workspace} />
        {movable && (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray.8"
            size="md"
            {...attributes}
            {...listeners}
            aria-label={`${t.moveTo}… ${relationship.counterpart.name}`}
            data-testid="pipeline-card-handle"
            style={{ cursor: 'grab', touchAction: 'none' }}
          >
            <DragIcon />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}

function CardBody({
  relationship,
  days,
  workspace,
}: {
  relationship: RelationshipDto;
  days: number;
  workspace: string | null;
}) {
  return (
    <Stack gap={2} miw={0}>
      {workspace ? (
        <AnchorLink
          to="/w/$workspace/network/relationships/$relationshipId"
          params={{ workspace, relationshipId: relationship.id }}
          fz="sm"
          fw={650}
          style={{ overflowWrap: 'anywhere' }}
        >
          {relationship.counterpart.name}
        </AnchorLink>
      ) : (
        <Text fz="sm" fw={650}>
          {relationship.counterpart.name}
        </Text>
      )}
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {relationship.ours.name}
        {relationship.marketName ? ` · ${relationship.marketName}` : ''}
      </Text>
      <Text fz="xs" c="dimmed">
        {t.daysSince(days)}
      </Text>
      {relationship.stageReason && (
        <Text fz="xs" c="dimmed" fs="italic">
          <VisuallyHidden>{t.page.reason}: </VisuallyHidden>
          {relationship.stageReason}
        </Text>
      )}
    </Stack>
  );
}

function DragIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
      <circle cx="5" cy="3" r="1.4" />
      <circle cx="11" cy="3" r="1.4" />
      <circle cx="5" cy="8" r="1.4" />
      <circle cx="11" cy="8" r="1.4" />
      <circle cx="5" cy="13" r="1.4" />
      <circle cx="11" cy="13" r="1.4" />
    </svg>
  );
}
