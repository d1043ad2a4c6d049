export { authorizeCredentials, SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP } from "./credentials.ts";
export { buildAuthOptions, oauthProvidersEnabled } from "./options.ts";
