export { TOKEN_ROLES, type TokenClaims, InvalidTokenError, TokenService, configuredTokenService, checkIssuable } from './token.service.js';
