// White-label: the product name is a build-time setting.
export const BRAND_NAME = process.env.NEXT_PUBLIC_BRAND_NAME?.trim() || 'CloudStorage Pro';
