import { Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useBlocker } from '@tanstack/react-router';
import { useState } from 'react';
import type { ImportResultDto, ParsedImportFileDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { networkKeys } from '../network/queries.ts';
import { CheckStep } from './check-step.tsx';
import { EncodingNotice } from './encoding-notice.tsx';
import { type ColumnMapping, type ImportKind, isNetworkKind, type RowFixes } from './import-rows.ts';
import { MappingStep } from './mapping-step.tsx';
import { ResultStep } from './result-step.tsx';
import { importTitle } from './row-problem.ts';
import { UploadStep } from './upload-step.tsx';

const t = messages.imports;
const membersRoute = getRouteApi('/w/$workspace/members/import');
const peopleRoute = getRouteApi('/w/$workspace/people/import');
const networkRoute = getRouteApi('/w/$workspace/network/import');

/** `/w/$workspace/members/import`. */
export function ImportMembersPage() {
  const { workspace } = membersRoute.useParams();
  return <ImportWizard workspace={workspace} initialKind="organisations" />;
}

/** `/w/$workspace/people/import`. */
export function ImportPeoplePage() {
  const { workspace } = peopleRoute.useParams();
  return <ImportWizard workspace={workspace} initialKind="people" />;
}

/** `/w/$workspace/network/import?kind=networkPeople`: the wizard on a network kind (issue 21). */
export function ImportNetworkPage() {
  const { workspace } = networkRoute.useParams();
  const { kind } = networkRoute.useSearch();
  return <ImportWizard workspace={workspace} initialKind={kind} />;
}

type Step = 'upload' | 'map' | 'check' | 'done';
/** The stepper's steps; the fourth (import) is confirmed on the check step, its result shown when done. */
const STEPS: Step[] = ['upload', 'map', 'check', 'done'];

interface LoadedFile {
  name: string;
  parsed: ParsedImportFileDto;
  /** The file itself, to read it again in another encoding. */
  file: File;
}

/**
 * The import wizard: upload, map, check (fix or skip rows), import. The file's rows live in this
 * component only; the server keeps nothing between the steps (decision 0007).
 */
function ImportWizard({ workspace, initialKind }: { workspace: string; initialKind: ImportKind }) {
  const abilities = useAbilities(workspace);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [fixes, setFixes] = useState<RowFixes>(new Map());
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  const [step, setStep] = useState<Step>('upload');
  const [outcome, setOutcome] = useState<{ result: ImportResultDto; sourceRows: number[] } | null>(null);
  useDocumentTitle(messages.app.documentTitle(importTitle(kind)));

  // A file read and not yet imported is work the user would lose by leaving.
  const unsaved = file !== null && step !== 'done';
  useBlocker({
    shouldBlockFn: () => !window.confirm(t.leaveWarning),
    enableBeforeUnload: unsaved,
    disabled: !unsaved,
  });

  const permission = isNetworkKind(kind)
    ? 'network.import'
    : kind === 'organisations'
      ? 'organisation.import'
      : 'person.import';
  if (abilities.loaded && !abilities.canSomewhere(permission)) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }

  const restart = () => {
    setFile(null);
    setFixes(new Map());
    setSkipped(new Set());
    setOutcome(null);
    setStep('upload');
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Stack gap={6}>
        <Group gap="xs" fz="sm">
          {isNetworkKind(kind) ? (
            <AnchorLink to="/w/$workspace/network/data" params={{ workspace }} fz="sm">
              {messages.networkData.backToNetwork}
            </AnchorLink>
          ) : kind === 'organisations' ? (
            <AnchorLink to="/w/$workspace/members" params={{ workspace }} fz="sm">
              {t.backToMembers}
            </AnchorLink>
          ) : (
            <AnchorLink to="/w/$workspace/people" params={{ workspace }} fz="sm">
              {t.backToPeople}
            </AnchorLink>
          )}
        </Group>
        <Title order={1}>{importTitle(kind)}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro}
        </Text>
        {file && (
          <Text fz="sm" fw={600} data-testid="import-file-summary">
            {t.fileSummary(file.name, file.parsed.rowCount, file.parsed.headers.length)}
          </Text>
        )}
      </Stack>

      <Stepper
        // Done: every step is ticked, and the result shows as the "completed" content.
        active={step === 'done' ? STEPS.length : STEPS.indexOf(step)}
        size="sm"
        allowNextStepsSelect={false}
        aria-label={t.steps}
        onStepClick={(index) => {
          const target = STEPS[index];
          if (target && step !== 'done') setStep(target);
        }}
      >
        <Stepper.Step label={t.stepUpload} description={t.stepUploadHint}>
          <UploadStep
            workspace={workspace}
            kind={kind}
            onKindChange={(next) => {
              setKind(next);
              // Back from a later step: the other kind has its own fields and suggestion.
              if (file) setMapping(file.parsed.suggestedMapping[next]);
              setFixes(new Map());
              setSkipped(new Set());
            }}
            onParsed={(chosen, parsed) => {
              setFile({ name: chosen.name, parsed, file: chosen });
              setMapping(parsed.suggestedMapping[kind]);
              setFixes(new Map());
              setSkipped(new Set());
              setStep('map');
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t.stepMap} description={t.stepMapHint}>
          {file?.parsed.encoding && (
            <EncodingNotice
              workspace={workspace}
              file={file.file}
              parsed={file.parsed}
              onReparsed={(parsed) => {
                setFile({ ...file, parsed });
                setMapping(parsed.suggestedMapping[kind]);
                setFixes(new Map());
                setSkipped(new Set());
              }}
            />
          )}
          {file && (
            <MappingStep
              kind={kind}
              file={file.parsed}
              mapping={mapping}
              onMappingChange={setMapping}
              onBack={restart}
              onCheck={() => setStep('check')}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t.stepCheck} description={t.stepCheckHint}>
          {file && (
            <CheckStep
              workspace={workspace}
              kind={kind}
              file={file.parsed}
              mapping={mapping}
              fixes={fixes}
              skipped={skipped}
              onFixesChange={setFixes}
              onSkippedChange={setSkipped}
              onBack={() => setStep('map')}
              onImported={(result, sourceRows) => {
                setOutcome({ result, sourceRows });
                setStep('done');
                void queryClient.invalidateQueries({
                  queryKey: isNetworkKind(kind)
                    ? networkKeys.all(workspace)
                    : kind === 'organisations'
                      ? workspaceKeys.organisations(workspace)
                      : workspaceKeys.people(workspace),
                });
              }}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t.stepImport} description={t.stepImportHint} />
        <Stepper.Completed>
          {file && outcome && (
            <ResultStep
              workspace={workspace}
              kind={kind}
              file={file.parsed}
              mapping={mapping}
              fixes={fixes}
              result={outcome.result}
              sourceRows={outcome.sourceRows}
              onRestart={restart}
            />
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
