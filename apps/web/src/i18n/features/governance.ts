// Dictionary sections of this feature. pt-BR is the source; en must have the same keys.
export const governancePtBR = {};

export const governanceEn: typeof governancePtBR = {};
