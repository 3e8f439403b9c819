export { createLanguageService, type LanguageServiceOptions, type PolicyLanguageService } from './languageService';
export { IamCatalog, CORE_SERVICES } from './catalog/iamCatalog';
export type { CatalogSource, CatalogIndexData, ServiceData } from './catalog/catalogData';
export type { PolicyModel, StatementModel } from './policy/policyModel';
