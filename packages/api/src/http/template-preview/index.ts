export { handleTemplatePreview, type TemplatePreviewOptions } from "./handler.ts";
export { NO_PREVIEW_PROVIDER_MESSAGE, type PreviewProviderConfig, previewProviderFromEnv } from "./preview-ai.ts";
