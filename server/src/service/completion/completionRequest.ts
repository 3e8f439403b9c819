import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../catalog/iamCatalog';
import type { ArnDefaultsMemory } from '../policy/arnDefaults';
import type { CursorContext } from '../policy/cursor';
import type { PolicyLocation } from '../policy/policyAt';
import type { PolicyModel } from '../policy/policyModel';

/** Everything a completion provider needs to know about the request. */
export interface CompletionRequest {
  document: TextDocument;
  model: PolicyModel;
  catalog: IamCatalog;
  cursor: CursorContext;
  location: PolicyLocation;
  /** The partition, region and account the document's ARNs use, remembered per model by the service. */
  arnDefaults: ArnDefaultsMemory;
}
