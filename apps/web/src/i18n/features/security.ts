// Dictionary sections of this feature. pt-BR is the source; en must have the same keys.
export const securityPtBR = {};

export const securityEn: typeof securityPtBR = {};
