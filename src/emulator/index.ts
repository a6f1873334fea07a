/**
 * Local emulator of Athena ListNotebookSessions, Nimble Studio
 * ListStreamingSessions and the OCI AI Data Platform notebook sessions list,
 * for testing and demos without a cloud account. Node only.
 */
export { startEmulator, type Emulator, type EmulatorRequestRecord } from './server-node.js';
export type {
  EmulatorOptions,
  EmulatorAwsCredential,
  EmulatorDataSizes,
  EmulatorFaults,
  EmulatorJupyterGateway,
} from './options.js';
export { DEFAULT_AWS_CREDENTIAL, DEFAULT_SIZES } from './options.js';
export type { EmulatorCredentials, OciTestKey } from './credentials-node.js';
export type {
  EmulatorData,
  AthenaNotebookData,
  AthenaNotebookSessionSummary,
  NimbleStudioData,
  OciPlatformData,
  OciWorkspaceData,
  OciSessionSummary,
  OciKernelSummary,
} from './data.js';
export type { NimbleStreamingSession } from './nimble-data.js';
export { NIMBLE_ENUMS } from './nimble-data.js';
export type { FaultKind } from './faults.js';
export {
  startJupyterServer,
  type JupyterServer,
  type JupyterServerOptions,
} from './jupyter-process-node.js';
