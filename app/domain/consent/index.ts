// Public API of the consent ledger domain (pure: no I/O, no clock). See docs/decisions/011.
export { buildEvent, pseudonymise } from "./build-event";
export { canonicalJson } from "./canonical-json";
export {
  CHECKOUT_ATTRIBUTES,
  CHECKOUT_CONSENT_GRANTED,
  CHECKOUT_WORDING_MAX_LENGTH,
  type CheckoutConsent,
  CheckoutConsentProofSchema,
  parseCheckoutConsent,
} from "./checkout-attributes";
export {
  type ChainedFields,
  CONSENT_KINDS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  type ConsentEvent,
  type ConsentEventInput,
  ConsentEventInputSchema,
  type ConsentKind,
  type ConsentPurpose,
  type ConsentSource,
  IMPORTED_SOURCES,
  IsoInstantSchema,
  LAWFUL_BASES,
  type LawfulBasis,
  type PersonalFields,
  PersonalFieldsSchema,
  WEB_SOURCES,
  WORDING_LOCALES,
  type WordingLocale,
} from "./consent-event";
export {
  DEFAULT_WORDING,
  defaultWording,
  type RenderedWording,
  renderWording,
  SHOP_PLACEHOLDER,
} from "./default-wordings";
export { type ConsentState, type ConsentStatus, deriveConsentState } from "./derive-consent-state";
export {
  CONFIRMATION_WINDOW_DAYS,
  type ConfirmationDecision,
  confirmationDeadline,
  decideConfirmation,
  hasLapsed,
  needsConfirmation,
} from "./double-opt-in";
export {
  chainHashFor,
  commitmentFor,
  GENESIS_HASH,
  HASH_PATTERN,
  SALT_PATTERN,
  sha256Hex,
} from "./ledger-hash";
export { isMinimisedIp, minimiseIp, networkPrefix } from "./minimise-ip";
export {
  applyGlobalPrivacyControl,
  askAgainFrom,
  BANNER_ACTIONS,
  type BannerAction,
  type BannerPurposeText,
  type BannerTexts,
  bannerVersion,
  bannerVersions,
  CHOICE_VALIDITY_MONTHS,
  isTrackerPurpose,
  mustAskAgain,
  purposeWording,
  SHOPIFY_TRACKING_KEYS,
  type ShopifyTrackingKey,
  type StoredChoice,
  TRACKER_PURPOSES,
  type TrackerChoice,
  TrackerChoiceSchema,
  type TrackerPurpose,
  type TrackingConsent,
  trackerPurposeOf,
} from "./tracker-consent";
export {
  type ChainBreakReason,
  type ChainCursor,
  type ChainVerification,
  GENESIS_CURSOR,
  verifyChain,
} from "./verify-chain";
