/**
 * The setup the error- and output-evolution suites share: an emulator with one notebook, one
 * studio and one OCI platform with one workspace, behind an evolving service whose behaviour a
 * test sets through `evolution` before its call (forward, unchanged, until then).
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startEvolvingService, type EvolvingService, type Evolution } from './evolving-service.js';

export interface OneOfEach {
  readonly emu: Emulator;
  readonly service: EvolvingService;
  /** What the service does with the next requests. */
  evolution: Evolution;
  notebookId(): string;
  studioId(): string;
  ociIds(): { aiDataPlatformId: string; workspaceKey: string };
}

/** Registers `beforeAll`/`afterAll` in the calling file; the fields are set once they have run. */
export function useOneOfEach(): OneOfEach {
  let emu: Emulator | undefined;
  let service: EvolvingService | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOneOfEach: read before beforeAll ran');
    return value;
  };
  const setup: OneOfEach = {
    get emu() {
      return started(emu);
    },
    get service() {
      return started(service);
    },
    evolution: { kind: 'forward' },
    notebookId: () => setup.emu.data.athena.notebooks[0]!.notebookId,
    studioId: () => setup.emu.data.nimble.studios[0]!.studioId,
    ociIds: () => ({
      aiDataPlatformId: setup.emu.data.oci.platforms[0]!.aiDataPlatformId,
      workspaceKey: setup.emu.data.oci.platforms[0]!.workspaces[0]!.workspaceKey,
    }),
  };
  beforeAll(async () => {
    emu = await startEmulator({
      sizes: { athenaNotebooks: 1, nimbleStudios: 1, ociPlatforms: 1, ociWorkspacesPerPlatform: 1 },
    });
    service = await startEvolvingService(emu, () => setup.evolution);
  });
  afterAll(async () => {
    await service?.close();
    await emu?.close();
  });
  return setup;
}
